import DebateCore
import Foundation
import GRDB
@testable import LibraryIndex
import Testing

@Suite struct LibraryIndexTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pack"), withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent("pack").appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static let claims = """
        claims:
          - id: t.balcony
            side: con
            tag: The Belarusian balcony is a staging ground for hybrid attacks
            cite: { author: Jane Smith, date: "2024-03-01", publication: Foreign Affairs }
            evidence: |
              Scholars call it the ==Belarusian **balcony**== because of its position.
          - id: t.dialogue
            side: pro
            answers: t.balcony
            response: no-link
            tag: Dialogue defuses the threat
            warrant: Talks lower the risk of attacks from the balcony.
          - id: t.trade
            side: pro
            tag: Trade with Belarus lifts wages
            cite: { author: Ana Ruiz, date: "2019" }
            evidence: Trade ==lifts wages== in border regions, balcony or not.
        """

    @Test func sqliteHasFTS5() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(a, b)")
            try db.execute(sql: "INSERT INTO t(a, b) VALUES ('hello world', 'x')")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t WHERE t MATCH 'hell*'") == 1)
        }
    }

    @Test func queryParsing() {
        let query = SearchQuery("Balcony \"hybrid  attacks\" stag* NATO–Russia \"Café\"")
        #expect(query.terms == [.word("balcony"), .phrase(["hybrid", "attacks"]), .prefix("stag"),
                                .phrase(["nato", "russia"]), .word("cafe")])
        #expect(query.ftsExpression() == "\"balcony\" \"hybrid attacks\" \"stag\"* \"nato russia\" \"cafe\"")
        #expect(SearchQuery("  \"\" -- ").isEmpty)
        // A quote or operator of FTS5 never reaches it unquoted.
        #expect(SearchQuery("a\" OR b NEAR(").ftsExpression() == "\"a\" \"or b near\"")
        #expect(SearchQuery("a OR NOT b*").ftsExpression() == "\"a\" \"or\" \"not\" \"b\"*")
    }

    @Test func ranksTagAboveEvidenceAndFilters() throws {
        let file = try write("claims.yaml", Self.claims)
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let report = try index.refresh([IndexSource(module: "t", location: folder.appendingPathComponent("pack").path, content: .files([file]))])
        #expect(report.filesRead == 1 && report.claimsWritten == 3)
        let hits = try index.search(SearchQuery("balcony"), sources: report.sources, limit: 10)
        #expect(hits.map(\.claim.id) == ["t.balcony", "t.dialogue", "t.trade"])
        #expect(hits[0].claim.location == .init(path: file, line: 2, column: 5))
        #expect(hits[0].claim.evidence?.highlightedText == "Belarusian balcony")
        #expect(hits[0].claim.cite?.shortCite == "Smith 24")
        #expect((hits[1].claim as? any Counterclaim)?.answers == "t.balcony")
        #expect(try index.search(SearchQuery("balcony"), filter: SearchFilter(side: .pro), sources: report.sources, limit: 10).map(\.claim.id) == ["t.dialogue", "t.trade"])
        #expect(try index.search(SearchQuery("balcony"), filter: SearchFilter(cards: false), sources: report.sources, limit: 10).map(\.claim.id) == ["t.dialogue"])
        #expect(try index.search(SearchQuery("balcony"), filter: SearchFilter(years: 2018...2020), sources: report.sources, limit: 10).map(\.claim.id) == ["t.trade"])
        #expect(try index.search(SearchQuery("\"hybrid attacks\""), sources: report.sources, limit: 10).map(\.claim.id) == ["t.balcony"])
        #expect(try index.search(SearchQuery("\"attacks hybrid\""), sources: report.sources, limit: 10).isEmpty)
        #expect(try index.search(SearchQuery("wag*"), sources: report.sources, limit: 10).map(\.claim.id) == ["t.trade"])
        #expect(try index.search(SearchQuery("smith"), sources: report.sources, limit: 10).map(\.claim.id) == ["t.balcony"])
        #expect(try index.answers(to: "t.balcony", sources: report.sources).map(\.claim.id) == ["t.dialogue"])
        // Not visible: another source's claims are not searched.
        #expect(try index.search(SearchQuery("balcony"), sources: [report.sources[0] + 1], limit: 10).isEmpty)
    }

    /// Claims whose tag holds the whole query come first, the shortest tag first, whatever their
    /// evidence says; the rest follow by BM25; filters hold in both tiers.
    @Test func tagTierComesFirstShortestTagFirst() throws {
        var text = "claims:\n"
        // Evidence full of the word, but not in the tag: BM25 over everything would put it first.
        text += "  - id: t.evidence\n    side: pro\n    tag: Talks help\n    cite: { author: A B, date: \"2020\" }\n"
        text += "    evidence: Balcony balcony balcony balcony balcony balcony.\n"
        text += "  - id: t.long\n    side: pro\n    tag: The long and winding story of the balcony over the border in the spring\n"
        text += "  - id: t.short\n    side: con\n    tag: Balcony risk\n"
        text += "  - id: t.mid\n    side: con\n    tag: The balcony invites hybrid attacks\n    response: no-link\n    answers: t.long\n"
        text += "  - id: t.warrant\n    side: con\n    tag: Nothing here\n    warrant: The balcony again.\n"
        let file = try write("tiers.yaml", text)
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let report = try index.refresh([IndexSource(module: "t", location: folder.appendingPathComponent("pack").path, content: .files([file]))])
        func ids(_ query: String, _ filter: SearchFilter = SearchFilter(), limit: Int = 10) throws -> [String] {
            try index.search(SearchQuery(query), filter: filter, sources: report.sources, limit: limit).map(\.claim.id)
        }
        let hits = try index.search(SearchQuery("balcony"), sources: report.sources, limit: 10)
        #expect(hits.map(\.claim.id) == ["t.short", "t.mid", "t.long", "t.evidence", "t.warrant"])
        #expect(hits.map(\.inTag) == [true, true, true, false, false])
        #expect(hits[0].score == nil && hits[3].score != nil)
        // A page filled by the tag tier; the next page's first hit is the next tag.
        #expect(try ids("balcony", limit: 2) == ["t.short", "t.mid"])
        #expect(try ids("balcony", limit: 4) == ["t.short", "t.mid", "t.long", "t.evidence"])
        // Filters in both tiers.
        #expect(try ids("balcony", SearchFilter(side: .pro)) == ["t.long", "t.evidence"])
        #expect(try ids("balcony", SearchFilter(cards: true)) == ["t.evidence"])
        #expect(try ids("balcony", SearchFilter(cards: false)) == ["t.short", "t.mid", "t.long", "t.warrant"])
        #expect(try ids("balcony", SearchFilter(response: "no-link")) == ["t.mid"])
        #expect(try ids("balcony", SearchFilter(response: "link-turn")).isEmpty)
        #expect(try ids("balcony", SearchFilter(positionKind: "advantage")).isEmpty)
        // Phrases and prefixes in the tag; a phrase only in the evidence still found by the second tier.
        #expect(try ids("\"hybrid attacks\"") == ["t.mid"])
        #expect(try ids("balc* risk") == ["t.short"])
        #expect(try ids("\"balcony balcony\"") == ["t.evidence"])
        // Every word must be in the tag for the first tier; otherwise BM25 decides.
        #expect(try index.search(SearchQuery("balcony talks"), sources: report.sources, limit: 10).map(\.inTag) == [false])
    }

    /// The tag index follows the claims: an edited or deleted file's old tags are never found.
    @Test func tagIndexFollowsEditsAndDeletions() throws {
        let a = try write("a.yaml", "claims:\n  - { id: t.one, side: pro, tag: Quokkas guard the border }\n")
        let b = try write("b.yaml", "claims:\n  - { id: t.two, side: pro, tag: Quokkas sleep }\n")
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let pack = folder.appendingPathComponent("pack").path
        func search(_ files: [String], _ query: String) throws -> [String] {
            let report = try index.refresh([IndexSource(module: "t", location: pack, content: .files(files))])
            return try index.search(SearchQuery(query), sources: report.sources, limit: 10).map(\.claim.id)
        }
        #expect(try search([a, b], "quokkas") == ["t.two", "t.one"])
        _ = try write("a.yaml", "claims:\n  - { id: t.one, side: pro, tag: Wombats guard the border }\n")
        #expect(try search([a, b], "quokkas") == ["t.two"])
        #expect(try search([a, b], "wombats") == ["t.one"])
        try FileManager.default.removeItem(atPath: b)
        #expect(try search([a], "quokkas").isEmpty)
        let entries = try index.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tag_fts WHERE tag_fts MATCH 'quokkas OR wombats'") }
        #expect(entries == 1)
    }

    /// Re-reading an edited file rewrites only the claims that changed: the others keep their rows
    /// (and full-text entries) and move to their new lines.
    @Test func anEditRewritesOnlyTheChangedClaims() throws {
        let text = "claims:\n  - { id: t.a, side: pro, tag: Alpha holds }\n  - { id: t.b, side: con, tag: Beta holds }\n  - { id: t.c, side: pro, tag: Gamma holds }\n"
        let file = try write("edit.yaml", text)
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let source = IndexSource(module: "t", location: folder.appendingPathComponent("pack").path, content: .files([file]))
        _ = try index.refresh([source])
        func rows() throws -> [String: Int64] {
            try index.queue.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT claim, id FROM claim").map { ($0["claim"] as String, $0["id"] as Int64) })
            }
        }
        let before = try rows()
        // A new first claim moves the others one line down; t.b's tag changes.
        _ = try write("edit.yaml", "claims:\n  - { id: t.z, side: pro, tag: Zeta first }\n" + text.dropFirst("claims:\n".count).replacingOccurrences(of: "Beta holds", with: "Beta falls"))
        let report = try index.refresh([source])
        #expect(report.filesRead == 1)
        let after = try rows()
        #expect(after["t.a"] == before["t.a"] && after["t.c"] == before["t.c"])
        #expect(after["t.b"] != before["t.b"] && after["t.z"] != nil)
        let hits = try index.search(SearchQuery("holds"), sources: report.sources, limit: 10)
        #expect(Set(hits.map(\.claim.id)) == ["t.a", "t.c"])
        #expect(hits.first { $0.claim.id == "t.c" }?.claim.location?.line == 5)
        #expect(try index.search(SearchQuery("falls"), sources: report.sources, limit: 10).map(\.claim.id) == ["t.b"])
        #expect(try index.search(SearchQuery("beta holds"), sources: report.sources, limit: 10).isEmpty)
        // The claims' order is the file's.
        #expect(try index.queue.read { db in try String.fetchAll(db, sql: "SELECT claim FROM claim ORDER BY file, ord") } == ["t.z", "t.a", "t.b", "t.c"])
        // A file that stops decoding loses its claims, and gets them back once fixed.
        _ = try write("edit.yaml", "claims:\n  - { id: t.a, tag: no side }\n")
        #expect(try index.search(SearchQuery("holds"), sources: try index.refresh([source]).sources, limit: 10).isEmpty)
        _ = try write("edit.yaml", text)
        #expect(try index.search(SearchQuery("holds"), sources: try index.refresh([source]).sources, limit: 10).count == 3)
    }

    @Test func refreshIsIncremental() throws {
        let a = try write("a.yaml", Self.claims)
        let b = try write("b.yaml", "claims:\n  - { id: t.other, side: pro, tag: Sanctions fail }\n")
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let pack = folder.appendingPathComponent("pack").path
        let first = try index.refresh([IndexSource(module: "t", location: pack, content: .files([a, b]))])
        #expect(first.filesRead == 2)
        let again = try index.refresh([IndexSource(module: "t", location: pack, content: .files([a, b]))])
        #expect(again.filesRead == 0 && again.filesRemoved == 0)
        // Same size, same second: the content hash tells the edit apart.
        _ = try write("b.yaml", "claims:\n  - { id: t.other, side: pro, tag: Sanctions win }\n")
        let edited = try index.refresh([IndexSource(module: "t", location: pack, content: .files([a, b]))])
        #expect(edited.filesRead == 1)
        #expect(try index.search(SearchQuery("win"), sources: edited.sources, limit: 5).map(\.claim.id) == ["t.other"])
        #expect(try index.search(SearchQuery("fail"), sources: edited.sources, limit: 5).isEmpty)
        try FileManager.default.removeItem(atPath: a)
        let removed = try index.refresh([IndexSource(module: "t", location: pack, content: .files([b]))])
        #expect(removed.filesRemoved == 1)
        #expect(try index.search(SearchQuery("balcony"), sources: removed.sources, limit: 5).isEmpty)
        // A broken file is recorded, reported, and searched again once fixed.
        _ = try write("b.yaml", "claims:\n  - { id: t.other, tag: no side }\n")
        let broken = try index.refresh([IndexSource(module: "t", location: pack, content: .files([b]))])
        #expect(broken.problems.count == 1)
        #expect(broken.problems.first?.location?.line == 2)
        #expect(broken.problems.first?.location?.path == b)
        // A pack folder that is gone leaves the index with its claims.
        let gone = folder.appendingPathComponent("gone")
        try FileManager.default.createDirectory(at: gone, withIntermediateDirectories: true)
        let c = gone.appendingPathComponent("c.yaml").path
        try "claims:\n  - { id: g.one, side: pro, tag: Ephemeral claim }\n".write(toFile: c, atomically: false, encoding: .utf8)
        _ = try index.refresh([IndexSource(module: "g", location: gone.path, content: .files([c]))])
        try FileManager.default.removeItem(at: gone)
        _ = try index.refresh([IndexSource(module: "t", location: pack, content: .files([b]))])
        #expect(try index.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claim WHERE claim = 'g.one'") } == 0)
        #expect(try index.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claim_text") }
                == index.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM claim") })
    }

    /// A pack whose module id changes starts over as a new source. SQLite may give the new row the
    /// old one's id (here: the only source, deleted), so its files must not be taken for indexed.
    @Test func aSourceWhoseModuleChangedIsReadAgain() throws {
        let a = try write("a.yaml", Self.claims)
        let index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
        let pack = folder.appendingPathComponent("pack").path
        let first = try index.refresh([IndexSource(module: "t", location: pack, content: .files([a]))])
        #expect(try index.search(SearchQuery("balcony"), sources: first.sources, limit: 5).map(\.claim.module) == ["t", "t", "t"])
        let renamed = try index.refresh([IndexSource(module: "u", location: pack, content: .files([a]))])
        #expect(renamed.filesRead == 1)
        #expect(try index.search(SearchQuery("balcony"), sources: renamed.sources, limit: 5).map(\.claim.module) == ["u", "u", "u"])
        let again = try index.refresh([IndexSource(module: "u", location: pack, content: .files([a]))])
        #expect(again.filesRead == 0 && again.sources == renamed.sources)
        // A file that cannot be read is reported from the snapshot when nothing was written, as after a write.
        let broken = try write("b.yaml", "claims:\n  - { id: t.other, tag: no side }\n")
        let written = try index.refresh([IndexSource(module: "u", location: pack, content: .files([a, broken]))])
        let unchanged = try index.refresh([IndexSource(module: "u", location: pack, content: .files([a, broken]))])
        #expect(written.filesRead == 1 && unchanged.filesRead == 0)
        #expect(written.problems.map(\.message) == unchanged.problems.map(\.message) && unchanged.problems.count == 1)
    }

    @Test func foreignFileIsReplaced() throws {
        let path = folder.appendingPathComponent("index.sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE notes(x TEXT)") }
        try other.close()
        do {
            let index = try LibraryIndex(path: path)
            #expect(index.diagnostics.first?.message.contains("another program") == true)
        }
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        try "this is not a database at all, just text".write(toFile: path, atomically: false, encoding: .utf8)
        let again = try LibraryIndex(path: path)
        #expect(again.diagnostics.first?.message.contains("rebuilding") == true)
        let third = try LibraryIndex(path: path)
        #expect(third.diagnostics.isEmpty)
        // Our mark and version number, but other tables (another build's schema of that number): rebuilt.
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        let lookalike = try DatabaseQueue(path: path)
        try lookalike.write { db in
            try db.execute(sql: "PRAGMA application_id = \(LibraryIndex.applicationID); PRAGMA user_version = \(LibraryIndex.schemaVersion)")
            try db.execute(sql: "CREATE TABLE source(id INTEGER PRIMARY KEY); CREATE TABLE claim_cache(path TEXT)")
        }
        try lookalike.close()
        let fourth = try LibraryIndex(path: path)
        #expect(fourth.diagnostics.first?.message.contains("another version") == true)
        #expect(try fourth.search(SearchQuery("x"), sources: [1], limit: 1).isEmpty)
    }
}
