import DebateCore
import DeckModel
import Foundation
import GRDB

/// An Anki package (.apkg): a zip holding `collection.anki2`, an SQLite collection in Anki 2.1's
/// schema 11, and `media`, the JSON map of media files (`{}`: a deck has none).
///
/// The tables are those of Anki's `rslib/src/storage/schema11.sql`; the JSON in `col.models`,
/// `col.decks` and `col.dconf` carries the keys Anki's schema-11 readers require
/// (`rslib/src/notetype/schema11.rs`, `decks/schema11.rs`, `deckconfig/schema11.rs`). Note, card,
/// deck and note-type ids are derived by hashing, and GUIDs from the deck and claim ids, so
/// importing a rebuilt deck updates the notes it imported before instead of adding copies.
public struct AnkiPackageRenderer: DeckRenderer {
    public var format: OutputFormat { .apkg }
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ deck: Deck) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("collection.anki2").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try write(deck, to: db) }
        try queue.close()

        var zip = ZipContainer(date: options.date)
        zip.add("collection.anki2", try Data(contentsOf: URL(fileURLWithPath: path)))
        zip.add("media", "{}")
        return try zip.data()
    }

    var seconds: Int64 { Int64(options.date.timeIntervalSince1970) }

    func write(_ deck: Deck, to db: Database) throws {
        try db.execute(sql: Self.schema)
        let notes = AnkiNotes.notes(deck)
        var deckIDs: [String: Int64] = [:]
        for note in notes {
            for depth in 1...note.deckPath.count {
                let name = AnkiNotes.deckName(Array(note.deckPath.prefix(depth)))
                deckIDs[name] = deckIDs[name] ?? AnkiNotes.ankiID(stableHash("debate", "anki-deck", name))
            }
        }
        let topDeck = AnkiNotes.deckName([deck.title])
        deckIDs[topDeck] = deckIDs[topDeck] ?? AnkiNotes.ankiID(stableHash("debate", "anki-deck", topDeck))

        for (position, note) in notes.enumerated() {
            let noteID = AnkiNotes.ankiID(stableHash("debate", "anki-note", note.guid))
            let cardID = AnkiNotes.ankiID(stableHash("debate", "anki-card", note.guid))
            // Anki keeps tags space-separated with a space on each side.
            let tags = note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " "
            try db.execute(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')", arguments: [
                noteID, note.guid, AnkiNotes.noteTypeID, seconds, tags, note.fields.joined(separator: "\u{1F}"),
                note.prompt, Self.fieldChecksum(note.prompt),
            ])
            // A new card: type 0, queue 0, due = its position among new cards.
            try db.execute(sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')", arguments: [
                cardID, noteID, deckIDs[AnkiNotes.deckName(note.deckPath)], seconds, position + 1,
            ])
        }

        let milliseconds = seconds * 1000
        try db.execute(sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", arguments: [
            seconds - seconds % 86400, milliseconds, milliseconds,
            try json(configuration(topDeck: deckIDs[topDeck]!, nextPosition: notes.count + 1)),
            try json([String(AnkiNotes.noteTypeID): noteType(deckID: deckIDs[topDeck]!)]),
            try json(decks(deckIDs)), try json(["1": Self.deckOptions]),
        ])
    }

    /// `col.conf`: the collection's settings, as a fresh Anki collection has them.
    func configuration(topDeck: Int64, nextPosition: Int) -> [String: Any] {
        ["activeDecks": [topDeck], "curDeck": topDeck, "curModel": AnkiNotes.noteTypeID, "nextPos": nextPosition,
         "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true, "dueCounts": true,
         "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "schedVer": 2]
    }

    /// The "Debate card" note type (schema 11's model JSON).
    func noteType(deckID: Int64) -> [String: Any] {
        [
            "id": AnkiNotes.noteTypeID, "name": AnkiNotes.noteTypeName, "type": 0, "mod": seconds, "usn": -1,
            "sortf": 0, "did": deckID, "css": AnkiNotes.css, "tags": [String](), "vers": [Int](),
            "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false,
            "flds": AnkiNotes.fieldNames.enumerated().map { ord, name in
                ["name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                 "description": "", "plainText": false, "collapsed": false, "excludeFromSearch": false] as [String: Any]
            },
            "tmpls": [["name": "Prompt → Answer", "ord": 0, "qfmt": AnkiNotes.front, "afmt": AnkiNotes.back,
                       "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0] as [String: Any]],
            // The card exists when the first field (Prompt) is not empty.
            "req": [[0, "any", [0]] as [Any]],
        ]
    }

    func decks(_ ids: [String: Int64]) -> [String: Any] {
        var decks: [String: Any] = ["1": deckEntry(id: 1, name: "Default")]
        for (name, id) in ids { decks[String(id)] = deckEntry(id: id, name: name) }
        return decks
    }

    func deckEntry(id: Int64, name: String) -> [String: Any] {
        ["id": id, "name": name, "mod": seconds, "usn": -1, "desc": "", "dyn": 0, "conf": 1, "collapsed": false,
         "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
         "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0]]
    }

    /// Anki's default options group (schema 11's dconf JSON).
    static var deckOptions: [String: Any] { [
        "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
        "replayq": true, "dyn": false,
        "new": ["bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20] as [String: Any],
        "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2] as [String: Any],
        "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0] as [String: Any],
    ] }

    func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
               as: UTF8.self)
    }

    /// Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text.
    static func fieldChecksum(_ text: String) -> Int64 {
        let digest = SHA1.hash(Array(text.utf8))
        return Int64(digest[0]) << 24 | Int64(digest[1]) << 16 | Int64(digest[2]) << 8 | Int64(digest[3])
    }

    /// Anki 2.1's schema 11 (rslib/src/storage/schema11.sql).
    static let schema = """
    CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
        ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
        models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
        usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
        flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
        mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
        ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
        left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
        ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
    CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
    CREATE INDEX ix_notes_usn ON notes (usn);
    CREATE INDEX ix_cards_usn ON cards (usn);
    CREATE INDEX ix_revlog_usn ON revlog (usn);
    CREATE INDEX ix_cards_nid ON cards (nid);
    CREATE INDEX ix_cards_sched ON cards (did, queue, due);
    CREATE INDEX ix_revlog_cid ON revlog (cid);
    CREATE INDEX ix_notes_csum ON notes (csum);
    """
}

/// SHA-1 (FIPS 180-4), only for Anki's field checksum; nothing here relies on it for security.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var bytes = message
        let bitLength = UInt64(message.count) * 8
        bytes.append(0x80)
        while bytes.count % 64 != 56 { bytes.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: bytes.count, by: 64) {
            for i in 0..<16 {
                w[i] = (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[chunk + i * 4 + $1]) }
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) = switch i {
                case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (b ^ c ^ d, 0xCA62_C1D6)
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temp)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }
}
