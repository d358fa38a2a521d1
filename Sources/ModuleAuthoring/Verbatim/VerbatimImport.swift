import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// Turns Verbatim `.docx` files into a pack (one claim file per document, named after it) and a
/// deck that reproduces each document's Pocket › Hat › Block › Tag structure in order.
public struct VerbatimImport: Sendable {
    public var moduleID: String
    /// `--side`: every document's side; nil guesses per document.
    public var side: Side?
    public var limits = DocxLimits()

    public init(moduleID: String, side: Side? = nil) throws(DiagnosticsError) {
        guard ModuleDescriptor.isValidID(moduleID) else {
            throw DiagnosticsError(.error(.badModuleID, "`\(moduleID)` is not a module id: use lowercase letters, digits and dashes, starting with a letter",
                                          hint: "pass --id NAME"))
        }
        self.moduleID = moduleID
        self.side = side
    }

    /// One imported document.
    public struct Document: Sendable {
        public var path: String
        /// The document's name without folder and extension.
        public var name: String
        /// Its claim file's name and its ids' middle part.
        public var slug: String
        public var side: Side
        /// Why that side: `--side`, or what the guess read.
        public var sideReason: String
        public var outline: VerbatimOutline
        public var entries: [ClaimEntry]
        /// Heading → position kind, for the summary (best effort).
        public var positions: [PositionGuess]
        /// The claim ids under each heading, in document order, for the deck.
        public var sections: [Section]
        /// The positions the headings name, declared under `positions:` in the claim file; each claim
        /// under such a heading joins it with `position:` (the deepest heading that names one).
        public var declaredPositions: [Position] = []

        public var cards: Int { entries.filter { $0.evidence != nil }.count }
        public var analytics: Int { entries.count - cards }
    }

    public struct PositionGuess: Sendable, Hashable {
        public var heading: String
        public var kind: String
        /// The declared position's id.
        public var id: String
    }

    /// Pocket › Hat › Block with the claims under the block.
    public struct Section: Sendable {
        public var pocket: String
        public var hat: String
        public var block: String
        public var ids: [String]
    }

    public func importDocument(at path: String, slug: String? = nil) throws(DocxReadError) -> Document {
        let word = try DocxReader.read(path: path, limits: limits)
        return build(word, path: path, slug: slug)
    }

    /// The claim file name and id part a document gets from its file name.
    public static func documentSlug(path: String) -> String {
        slug(((path as NSString).lastPathComponent as NSString).deletingPathExtension, fallback: "document")
    }

    public func build(_ word: WordDocument, path: String, slug: String? = nil) -> Document {
        var interpreter = VerbatimInterpreter(word)
        let outline = interpreter.outline()
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let slug = slug ?? Self.documentSlug(path: path)
        let (side, reason) = self.side.map { ($0, "--side") } ?? Self.guessSide(name: name, outline: outline)
        var entries: [ClaimEntry] = []
        var used = Set<String>()
        var sections: [Section] = []
        var positions: [PositionGuess] = []
        var pocket = name, hat = name, block = name
        /// The position each heading level (Pocket, Hat, Block) names, if any; a claim joins the deepest.
        var levelPositions: [Position?] = [nil, nil, nil]
        var declared: [String: Position] = [:]
        var declaredOrder: [Position] = []
        func section() -> Int {
            if let last = sections.last, last.pocket == pocket, last.hat == hat, last.block == block { return sections.count - 1 }
            sections.append(Section(pocket: pocket, hat: hat, block: block, ids: []))
            return sections.count - 1
        }
        for item in outline.items {
            switch item {
            case .heading(let level, let text, _):
                switch level {
                case 1: pocket = text; hat = text; block = text
                case 2: hat = text; block = text
                default: block = text
                }
                let depth = min(max(level, 1), 3) - 1
                for k in depth..<3 { levelPositions[k] = nil }
                if let kind = Self.positionKind(text) {
                    let id = "\(moduleID).\(slug).\(Self.slug("position " + text, fallback: "position", maxLength: 57))"
                    if declared[id] == nil {
                        let position = Position(id: id, kind: kind, title: text, side: side)
                        declared[id] = position
                        declaredOrder.append(position)
                        positions.append(PositionGuess(heading: text, kind: kind.rawValue, id: id))
                    }
                    levelPositions[depth] = declared[id]
                }
            case .claim(let claim):
                let id = Self.uniqueID("\(moduleID).\(slug).\(Self.slug(claim.tag, fallback: "tag", maxLength: 48))", seed: claim.tag, used: &used)
                var tags = ["verbatim", slug]
                switch claim.origin {
                case .tag: break
                case .fakeTag: tags.append("fake-tag")
                case .analytic: tags.append("analytic")
                case .untagged: tags.append("untagged")
                }
                if claim.stacked { tags.append("stacked") }
                let position = levelPositions.last { $0 != nil } ?? nil
                tags += claim.otherHighlights.map { "highlight-" + Self.slug($0, fallback: "color") }
                var evidence: Evidence? = nil
                if let markup = claim.evidence { evidence = try? Evidence(markup: markup) }
                // A cite with no card under it stays a cite (word for word): the claim is an analytic with its source.
                entries.append(ClaimEntry(id: id, side: side, tag: claim.tag, tags: tags, warrant: claim.warrant,
                                          cite: claim.cite, evidence: evidence, position: position?.id))
                sections[section()].ids.append(id)
            }
        }
        return Document(path: path, name: name, slug: slug, side: side, sideReason: reason, outline: outline, entries: entries,
                        positions: positions, sections: sections, declaredPositions: declaredOrder)
    }

    // MARK: Names

    /// Lowercase ASCII words joined by dashes, cut at a word boundary near `maxLength`.
    public static func slug(_ text: String, fallback: String, maxLength: Int = 60) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
            if slug.count >= maxLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if let first = slug.unicodeScalars.first, !("a"..."z").contains(first) { slug = "d-" + slug }
        return slug.isEmpty ? fallback : slug
    }

    /// The id itself, or with a short hash of the tag and a counter when it is taken.
    static func uniqueID(_ base: String, seed: String, used: inout Set<String>) -> String {
        var id = base
        if used.contains(id) {
            let hash = String(fnv1a(seed) % 0xFFFFFF, radix: 16)
            id = "\(base)-\(hash)"
            var n = 2
            while used.contains(id) {
                id = "\(base)-\(hash)-\(n)"
                n += 1
            }
        }
        used.insert(id)
        return id
    }

    /// FNV-1a of the text's UTF-8 (`FileFingerprint.hash`), unsigned as the ids have always used it.
    static func fnv1a(_ text: String) -> UInt64 { UInt64(bitPattern: FileFingerprint.hash(text.utf8)) }

    // MARK: Sides and positions

    /// AFF/1AC/2AC/… → pro; NEG/1NC/2NC/… → con, from the file name, then the first headings.
    static func guessSide(name: String, outline: VerbatimOutline) -> (Side, String) {
        if let (side, word) = sideWord(name) { return (side, "file name says “\(word)”") }
        for item in outline.items.prefix(20) {
            if case .heading(_, let text, _) = item, let (side, word) = sideWord(text) { return (side, "heading “\(text)” says “\(word)”") }
        }
        return (.pro, "no AFF/NEG mark found; taken as pro (pass --side)")
    }

    static func sideWord(_ text: String) -> (Side, String)? {
        let words = text.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let pro: Set<String> = ["AFF", "AFFS", "AFFIRMATIVE", "1AC", "2AC", "1AR", "2AR", "PRO", "AC"]
        let con: Set<String> = ["NEG", "NEGS", "NEGATIVE", "1NC", "2NC", "1NR", "2NR", "CON", "NC"]
        for word in words {
            if pro.contains(word) { return (.pro, word) }
            if con.contains(word) { return (.con, word) }
        }
        return nil
    }

    /// The position kind a heading names (best effort): "Spending DA", "States CP", "Cap K", "T — Subsets",
    /// "Advantage 1 — Economy", "Solvency". A heading that answers one ("A2 Spending DA", "AT: Cap K")
    /// names the other side's position and gives none.
    static func positionKind(_ heading: String) -> PositionKind? {
        // Apostrophes stay inside words: “isn’t” is not a T.
        let words = heading.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }).map(String.init)
        if let first = words.first, ["A2", "AT", "ANSWERS", "VS", "V"].contains(first) { return nil }
        let set = Set(words)
        let table: [(Set<String>, PositionKind)] = [
            (["DA", "DISAD", "DISADVANTAGE", "DAS"], .disadvantage),
            (["CP", "COUNTERPLAN", "CPS"], .counterplan),
            (["K", "KRITIK", "KRITIKS"], .kritik),
            (["T", "TOPICALITY"], .topicality),
            (["THEORY"], .theory),
            (["ADVANTAGE", "ADV", "ADVANTAGES"], .advantage),
            (["INHERENCY"], .inherency),
            (["SOLVENCY"], .solvency),
            (["PLAN"], .plan),
            (["CONTENTION"], .contention),
            (["FRAMEWORK", "FW"], .criterion),
            (["CASE"], .case),
        ]
        return table.first { !$0.0.isDisjoint(with: set) }?.1
    }

    // MARK: Files

    public func claimFileText(_ document: Document) throws -> String {
        var root: [YAMLValue.Entry] = []
        if !document.declaredPositions.isEmpty {
            root.append(.init(key: "positions", value: .sequence(document.declaredPositions.map { position in
                .mapping([.init(key: "id", value: .string(position.id)), .init(key: "kind", value: .string(position.kind.rawValue)),
                          .init(key: "title", value: .string(position.title)), .init(key: "side", value: .string(position.side.rawValue))])
            })))
        }
        root.append(.init(key: "claims", value: .sequence(document.entries.map(ModuleScaffold.yaml))))
        return "# Imported from \((document.path as NSString).lastPathComponent) by `debate import verbatim`.\n"
            + "# Importing the file again replaces this file; ids come from the document's name and each tag.\n"
            + "# Positions come from headings that name one (DA, CP, K, T, Advantage, …), best effort.\n"
            + (try emitYAML(.mapping(root)))
    }

    public func manifestText(title: String, documents: [Document]) throws -> String {
        try emitYAML([
            "id": .string(moduleID),
            "title": .string(title),
            "summary": .string("Imported from Verbatim Word files: " + documents.map { ($0.path as NSString).lastPathComponent }.joined(separator: ", ")),
            "version": "1.0.0",
            "kind": "pack",
        ])
    }

    /// A deck with one pocket per document pocket (Heading 1), hats and blocks as in the document,
    /// each block selecting its claims by id in order. `packFrom` is the pack folder as the deck names it.
    public func deck(title: String, documents: [Document], packFrom: String, deckName: String) -> YAMLValue {
        var pockets: [YAMLValue] = []
        var pocketIndex: [String: Int] = [:]
        var hatsOf: [[(String, [YAMLValue])]] = []
        for document in documents {
            for section in document.sections {
                let pocketKey = document.slug + "\u{1}" + section.pocket
                let p: Int
                if let known = pocketIndex[pocketKey], known == hatsOf.count - 1 { p = known } else {
                    hatsOf.append([])
                    p = hatsOf.count - 1
                    pocketIndex[pocketKey] = p
                    pockets.append(.string(section.pocket))
                }
                if hatsOf[p].last?.0 != section.hat { hatsOf[p].append((section.hat, [])) }
                let block: YAMLValue = .mapping([
                    .init(key: "block", value: .string(section.block)),
                    .init(key: "select", value: .mapping([
                        .init(key: "ids", value: .sequence(section.ids.map { .string($0) })),
                        .init(key: "side", value: .string(document.side.rawValue)),
                    ])),
                ])
                hatsOf[p][hatsOf[p].count - 1].1.append(block)
            }
        }
        let sections: [YAMLValue] = pockets.enumerated().map { i, pocket in
            .mapping([.init(key: "pocket", value: pocket),
                      .init(key: "hats", value: .sequence(hatsOf[i].map { hat, blocks in
                          .mapping([.init(key: "hat", value: .string(hat)), .init(key: "blocks", value: .sequence(blocks))])
                      }))])
        }
        let sides = Set(documents.map(\.side))
        return .mapping([
            .init(key: "title", value: .string(title)),
            .init(key: "resolution", value: .string("Imported from \(documents.count) Verbatim file\(documents.count == 1 ? "" : "s")")),
            .init(key: "side", value: .string((sides.count == 1 ? sides.first! : .pro).rawValue)),
            .init(key: "modules", value: .sequence([.mapping([.init(key: "id", value: .string(moduleID)),
                                                             .init(key: "from", value: .string(packFrom))])])),
            .init(key: "sections", value: .sequence(sections)),
            .init(key: "outputs", value: .sequence([
                .mapping([.init(key: "format", value: "html"), .init(key: "path", value: .string("out/\(deckName).html"))]),
                .mapping([.init(key: "format", value: "docx"), .init(key: "path", value: .string("out/\(deckName).docx"))]),
            ])),
        ])
    }

    /// Writes `files` (name → text) into the pack folder as one step: into a temporary folder
    /// beside it (a copy of the existing pack when merging), which then replaces the folder.
    public static func writePack(_ files: [String: String], to folder: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).import-\(pid)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        try? fm.removeItem(at: staging)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        do {
            if exists {
                guard isDirectory.boolValue else { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path]) }
                try fm.copyItem(at: target, to: staging)
            } else {
                try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: staging.appendingPathComponent(name))
            }
            if exists {
                try fm.moveItem(at: target, to: old)
                do {
                    try fm.moveItem(at: staging, to: target)
                } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }
}
