import DebateCore
import Foundation
import GRDB

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
            if isWordScalar(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(fold(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(fold(current)) }
        return words
    }

    /// A letter or a digit: part of a word. ASCII is decided without Unicode's (slow) property tables.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// How many words `text` has, as `words` splits it (without folding them: cheap enough for every tag).
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            let letter = isWordScalar(scalar)
            if letter && !inWord { count += 1 }
            inWord = letter
        }
        return count
    }

    static func fold(_ word: String) -> String {
        // ASCII has no diacritics: lowercasing is the whole fold, without Foundation's (slow) folding.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
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

    /// The lowest and highest claim id that pass the filters few claims pass (an index each), or
    /// nil when none of those is set; low > high when no claim passes.
    func span(_ db: Database) throws -> (low: Int64, high: Int64)? {
        var bounds: [(String, StatementArguments)] = []
        if let positionKind { bounds.append(("position_kind = ?", [positionKind])) }
        if let role { bounds.append(("role = ?", [role])) }
        if let response { bounds.append(("response = ?", [response])) }
        if cards == false { bounds.append(("card = 0", [])) }
        guard !bounds.isEmpty else { return nil }
        var low = Int64.min, high = Int64.max
        for (clause, arguments) in bounds {
            guard let first = try Int64.fetchOne(db, sql: "SELECT id FROM claim WHERE \(clause) ORDER BY id LIMIT 1", arguments: arguments),
                  let last = try Int64.fetchOne(db, sql: "SELECT id FROM claim WHERE \(clause) ORDER BY id DESC LIMIT 1", arguments: arguments)
            else { return (low: 1, high: 0) }
            low = max(low, first)
            high = min(high, last)
        }
        return (low: low, high: high)
    }
}
