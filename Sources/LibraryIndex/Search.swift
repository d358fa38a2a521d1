import DebateCore
import Foundation
import GRDB
import YAMLCoding

/// What the user typed: words, "quoted phrases" and prefix* terms, all of which a hit must contain.
public struct SearchQuery: Sendable, Hashable {
    public enum Term: Sendable, Hashable {
        case word(String)
        case prefix(String)
        case phrase([String])
    }

    public var terms: [Term]

    /// Parses the query; words are split the way the index splits them (letters and digits).
    public init(_ text: String) {
        var terms: [Term] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == "\"" || first == "“" || first == "”" {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "\"" || $0 == "”" || $0 == "“" } ?? rest.endIndex
                let words = SearchQuery.words(rest[..<end])
                if words.count == 1 { terms.append(.word(words[0])) } else if !words.isEmpty { terms.append(.phrase(words)) }
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
                continue
            }
            if first.isWhitespace {
                rest = rest.dropFirst()
                continue
            }
            let end = rest.firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "“" } ?? rest.endIndex
            let chunk = rest[..<end]
            rest = rest[end...]
            let words = SearchQuery.words(chunk)
            if words.count > 1 {
                // "NATO–Russia" is two words of the index: look for them together.
                terms.append(.phrase(words))
            } else if let word = words.first {
                terms.append(chunk.hasSuffix("*") ? .prefix(word) : .word(word))
            }
        }
        self.terms = terms
    }

    public init(terms: [Term]) { self.terms = terms }

    public var isEmpty: Bool { terms.isEmpty }

    /// Lowercased runs of letters and digits, without diacritics: what the index's tokenizer keeps.
    public static func words<S: StringProtocol>(_ text: S) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(fold(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(fold(current)) }
        return words
    }

    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The FTS5 expression: every term quoted, so no word of the user's is read as an operator.
    /// `any` joins the terms with OR (used to find likely answers from a tag).
    func ftsExpression(any: Bool = false) -> String {
        terms.map { term in
            switch term {
            case .word(let w): "\"\(w)\""
            case .prefix(let w): "\"\(w)\"*"
            case .phrase(let ws): "\"\(ws.joined(separator: " "))\""
            }
        }.joined(separator: any ? " OR " : " ")
    }

    /// Whether `word` (already folded) is one the query looks for, to mark it in a snippet.
    public func marks(_ word: String) -> Bool {
        terms.contains { term in
            switch term {
            case .word(let w): word == w
            case .prefix(let w): word.hasPrefix(w)
            case .phrase(let ws): ws.contains(word)
            }
        }
    }
}

/// Narrows a search; nil means any.
public struct SearchFilter: Sendable, Hashable {
    public var side: Side?
    public var modules: [String] = []
    public var positionKind: String?
    public var role: String?
    public var response: String?
    /// true: cards only; false: analytics only.
    public var cards: Bool?
    public var years: ClosedRange<Int>?
    /// Claim ids left out (e.g. the claim being answered).
    public var excluding: Set<String> = []

    public init(side: Side? = nil, modules: [String] = [], positionKind: String? = nil, role: String? = nil,
                response: String? = nil, cards: Bool? = nil, years: ClosedRange<Int>? = nil) {
        self.side = side
        self.modules = modules
        self.positionKind = positionKind
        self.role = role
        self.response = response
        self.cards = cards
        self.years = years
    }

    func sql(_ arguments: inout StatementArguments) -> String {
        var clauses: [String] = []
        if let side {
            clauses.append("c.side = ?")
            _ = arguments.append(contentsOf: [side.rawValue])
        }
        if !modules.isEmpty {
            clauses.append("c.module IN (\(modules.map { _ in "?" }.joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(modules))
        }
        if let positionKind {
            clauses.append("c.position_kind = ?")
            _ = arguments.append(contentsOf: [positionKind])
        }
        if let role {
            clauses.append("c.role = ?")
            _ = arguments.append(contentsOf: [role])
        }
        if let response {
            clauses.append("c.response = ?")
            _ = arguments.append(contentsOf: [response])
        }
        if let cards {
            clauses.append(cards ? "c.card = 1" : "c.card = 0")
        }
        if let years {
            clauses.append("c.year BETWEEN ? AND ?")
            _ = arguments.append(contentsOf: [years.lowerBound, years.upperBound])
        }
        if !excluding.isEmpty {
            clauses.append("c.claim NOT IN (\(excluding.map { _ in "?" }.joined(separator: ",")))")
            _ = arguments.append(contentsOf: StatementArguments(Array(excluding)))
        }
        return clauses.map { " AND " + $0 }.joined()
    }
}

/// A claim found by a search, with what it takes to show it and to rebuild the claim.
public struct SearchHit: Sendable {
    public var claim: any Claim
    public var position: String?
    public var positionKind: String?
    public var role: String?
    /// BM25 (lower is better, as SQLite gives it); nil for answers found through the graph.
    public var score: Double?
}

extension LibraryIndex {
    /// The best `limit` claims among `sources` matching `query` and `filter`, best first. The tag
    /// weighs ten times the evidence, the author three times, the warrant twice.
    public func search(_ query: SearchQuery, filter: SearchFilter = SearchFilter(), sources: [Int64], limit: Int,
                       any: Bool = false) throws(IndexError) -> [SearchHit] {
        guard !query.isEmpty, !sources.isEmpty else { return [] }
        return try withRepair {
            try queue.read { db in
                var arguments: StatementArguments = [query.ftsExpression(any: any)]
                var filters = filter.sql(&arguments)
                // When every source in the index is visible (the usual case), no need to check each match's.
                let all = try Int64.fetchAll(db, sql: "SELECT id FROM source")
                if !Set(all).isSubset(of: sources) { filters += " AND c.source IN (\(Self.list(sources)))" }
                _ = arguments.append(contentsOf: [limit])
                // Rank on the full-text index alone unless a filter needs the claim's keys.
                let ranked = filters.isEmpty
                    ? "SELECT rowid AS id, bm25(claim_fts, 10.0, 3.0, 1.5, 2.0, 1.0) AS score FROM claim_fts WHERE claim_fts MATCH ? ORDER BY score LIMIT ?"
                    : """
                      SELECT c.id AS id, bm25(claim_fts, 10.0, 3.0, 1.5, 2.0, 1.0) AS score
                      FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid
                      WHERE claim_fts MATCH ?\(filters) ORDER BY score LIMIT ?
                      """
                let top = try Row.fetchAll(db, sql: ranked, arguments: arguments)
                return try top.compactMap { row in
                    try Row.fetchOne(db, sql: Self.claimSQL + " WHERE c.id = ?", arguments: [row["id"] as Int64]).map { found in
                        var hit = Self.hit(found)
                        hit.score = row["score"]
                        return hit
                    }
                }
            }
        }
    }

    static let claimSQL = "SELECT c.*, t.*, f.path AS path FROM claim c JOIN claim_text t ON t.id = c.id JOIN file f ON f.id = c.file"

    /// Claims among `sources` with this id (one per module that has it).
    public func claims(id: String, sources: [Int64]) throws(IndexError) -> [SearchHit] {
        try withRepair {
            try queue.read { db in
                try Row.fetchAll(db, sql: Self.claimSQL + " WHERE c.claim = ? AND c.source IN (\(Self.list(sources)))",
                                 arguments: [id]).map(Self.hit)
            }
        }
    }

    /// The claims among `sources` that answer `id` in the argument graph (`answers: id`), in file order.
    public func answers(to id: String, filter: SearchFilter = SearchFilter(), sources: [Int64]) throws(IndexError) -> [SearchHit] {
        try withRepair {
            try queue.read { db in
                var arguments: StatementArguments = [id]
                let filters = filter.sql(&arguments)
                return try Row.fetchAll(db, sql: """
                    \(Self.claimSQL) WHERE c.answers = ? AND c.source IN (\(Self.list(sources)))\(filters)
                    ORDER BY c.module, c.file, c.ord
                    """, arguments: arguments).map(Self.hit)
            }
        }
    }

    /// A row of `claim` as the claim it was made from.
    static func hit(_ row: Row) -> SearchHit {
        var cite: Citation?
        if (row["has_cite"] as Int) == 1 {
            cite = Citation(author: row["author"], qualifications: row["qualifications"], date: row["date"],
                            title: row["title"], publication: row["publication"], url: row["url"])
        }
        var location: SourceLocation?
        let path: String = row["path"] ?? ""
        if let line: Int = row["line"], let column: Int = row["col"] {
            location = SourceLocation(path: path, line: line, column: column)
        }
        let evidence = (row["evidence"] as String?).flatMap { try? Evidence(markup: $0) }
        let tags = (row["tags"] as String?)?.split(separator: "\n").map(String.init) ?? []
        let base = StandardClaim(id: row["claim"], tag: row["tag"], side: Side(rawValue: row["side"]) ?? .pro,
                                 warrant: row["warrant"], cite: cite, evidence: evidence, tags: tags,
                                 module: row["module"], location: location)
        var claim: any Claim = base
        if let answers: String = row["answers"], let response = (row["response"] as String?).flatMap(ResponseKind.init(rawValue:)) {
            claim = StandardCounterclaim(base, answers: answers, response: response)
        }
        return SearchHit(claim: claim, position: row["position"], positionKind: row["position_kind"], role: row["role"],
                         score: row["score"])
    }
}

extension LibraryIndex {
    /// The entry as the index gives it back: what it stores of it. Equal to the entry when nothing
    /// of it is lost (a file whose entries are not so is always decoded from its YAML).
    static func storedForm(of entry: ClaimEntry) -> ClaimEntry {
        ClaimEntry(id: entry.id, side: entry.side, tag: entry.tag, tags: entry.tags.flatMap { $0.isEmpty ? nil : $0 },
                   warrant: entry.warrant,
                   cite: entry.cite.map {
                       Citation(author: $0.author, qualifications: $0.qualifications, date: $0.date, title: $0.title,
                                publication: $0.publication, url: $0.url)
                   },
                   evidence: entry.evidence.flatMap { try? Evidence(markup: $0.markup) },
                   answers: entry.answers, response: entry.response, location: entry.location)
    }
}
