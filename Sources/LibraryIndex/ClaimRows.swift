import DebateCore
import Foundation
import GRDB

/// Writing a file's claims into `claim` and `claim_text` (whose triggers keep the full-text indexes in step).
extension LibraryIndex {
    /// A claim as its rows store it: the narrow row's content (what it is, not where it is written)
    /// and the text row's. Two claims with equal values need no change but their place.
    struct StoredClaim {
        var keys: [DatabaseValue]    // claim, module, side, position, position_kind, role, card, year, answers, response
        var texts: [DatabaseValue]   // tag, tags, warrant, has_cite, author, qualifications, date, title, publication, url, evidence, tag_words
        var line: DatabaseValue
        var column: DatabaseValue

        init(_ claim: any Claim, positionKinds: [String: String]) {
            let counter = claim as? any Counterclaim
            let cite = claim.cite
            keys = ([
                claim.id, claim.module, claim.side.rawValue,
                claim.position, claim.position.flatMap { positionKinds[$0] }, claim.role?.rawValue,
                claim.isCard ? 1 : 0, cite?.year.flatMap { Int($0) },
                counter?.answers, counter?.response.rawValue,
            ] as [(any DatabaseValueConvertible)?]).map { $0?.databaseValue ?? .null }
            texts = ([
                claim.tag, claim.tags.isEmpty ? nil : claim.tags.joined(separator: "\n"), claim.warrant,
                cite == nil ? 0 : 1, cite?.author, cite?.qualifications, cite?.date, cite?.title, cite?.publication, cite?.url,
                claim.evidence?.markup, SearchQuery.wordCount(claim.tag),
            ] as [(any DatabaseValueConvertible)?]).map { $0?.databaseValue ?? .null }
            line = claim.location?.line.databaseValue ?? .null
            column = claim.location?.column.databaseValue ?? .null
        }

        static let keyColumns = "claim, module, side, position, position_kind, role, card, year, answers, response"
        static let textColumns = "tag, tags, warrant, has_cite, author, qualifications, date, title, publication, url, evidence, tag_words"
    }

    static func insert(_ claims: [any Claim], file: Int64, source: Int64, positionKinds: [String: String] = [:], db: Database) throws {
        try insert(claims.enumerated().map { ($0.offset, StoredClaim($0.element, positionKinds: positionKinds)) },
                   file: file, source: source, db: db)
    }

    static func insert(_ claims: [(ord: Int, stored: StoredClaim)], file: Int64, source: Int64, db: Database) throws {
        let keys = try db.cachedStatement(sql: """
            INSERT INTO claim(file, source, ord, line, col, \(StoredClaim.keyColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let texts = try db.cachedStatement(sql: """
            INSERT INTO claim_text(id, \(StoredClaim.textColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (ord, claim) in claims {
            keys.setUncheckedArguments(StatementArguments([file.databaseValue, source.databaseValue, ord.databaseValue, claim.line, claim.column] + claim.keys))
            try keys.execute()
            texts.setUncheckedArguments(StatementArguments([db.lastInsertedRowID.databaseValue] + claim.texts))
            try texts.execute()
        }
    }

    /// Replaces the claims of an indexed file with `claims`, touching only what changed: a claim
    /// whose content is the same keeps its rows (and its full-text entries) and at most gets its
    /// new place; the others are deleted and inserted. Editing one card of a thousand-card file
    /// re-indexes that card, not the file.
    static func replace(claimsOf file: Int64, with claims: [any Claim], source: Int64, positionKinds: [String: String],
                        db: Database) throws {
        // By claim id, then compared value by value.
        var kept: [DatabaseValue: [(id: Int64, ord: Int, line: DatabaseValue, column: DatabaseValue, values: [DatabaseValue])]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.ord, c.line, c.col, \(StoredClaim.keyColumns.split(separator: ",").map { "c." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")),
                \(StoredClaim.textColumns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
            FROM claim c JOIN claim_text t ON t.id = c.id WHERE c.file = ?
            """, arguments: [file])
        let content = 4..<(4 + 10 + 12)
        while let row = try rows.next() {
            let values = content.map { row[$0] as DatabaseValue }
            kept[values[0], default: []].append((row[0], row[1], row[2] as DatabaseValue, row[3] as DatabaseValue, values))
        }
        var fresh: [(ord: Int, stored: StoredClaim)] = []
        let move = try db.cachedStatement(sql: "UPDATE claim SET ord = ?, line = ?, col = ? WHERE id = ?")
        for (ord, claim) in claims.enumerated() {
            let stored = StoredClaim(claim, positionKinds: positionKinds)
            let values = stored.keys + stored.texts
            guard let index = kept[values[0]]?.firstIndex(where: { $0.values == values }),
                  let old = kept[values[0]]?.remove(at: index) else {
                fresh.append((ord, stored))
                continue
            }
            if old.ord != ord || old.line != stored.line || old.column != stored.column {
                move.setUncheckedArguments([ord.databaseValue, stored.line, stored.column, old.id.databaseValue])
                try move.execute()
            }
        }
        let gone = kept.values.flatMap { $0.map(\.id) }
        if !gone.isEmpty {
            // Their text rows follow (ON DELETE CASCADE), and the triggers take them out of the full-text indexes.
            try db.execute(sql: "DELETE FROM claim WHERE id IN (\(list(gone)))")
        }
        try insert(fresh, file: file, source: source, db: db)
    }
}
