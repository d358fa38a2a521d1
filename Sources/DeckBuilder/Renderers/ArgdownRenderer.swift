import DebateCore
import DeckModel

/// The deck's claim graph as an Argdown argument map (argdown.org): the resolution is the top
/// statement; each claim supports (`+`) or attacks (`-`) it by its side; each counterclaim attacks
/// (`-`) the claim it answers, nested under it (the answered claim is a node even when the deck only
/// answers it); extension evidence supports (`+`) the claim it extends. Statements are `[claim-id]: text #tags`; a claim
/// met a second time is a reference, `[claim-id]`.
///
/// What the text escapes follows Argdown's lexer (packages/argdown-core/src/lexer.ts): `\`
/// escapes any character, and these would otherwise start syntax inside statement text — `[ ] < >`
/// (references), `@` (mentions), `#` (tags), `* _` (bold, italic), `{ }` (data), `//` and `/*`
/// (comments), and `.x.` or `:x:` (special characters).
public struct ArgdownRenderer: TextRenderer {
    public var format: OutputFormat { .argdown }
    public init() {}

    public static let resolutionTitle = "Resolution"

    /// One node of the map: a claim of the deck or an opponent claim it knows of.
    struct Statement {
        var id: String
        var text: String
        var side: Side
        var tags: [String]
        var answers: String?
        /// Extension evidence supports (`+`) the claim it extends.
        var extends: String? = nil
    }

    public func renderText(_ deck: Deck) -> String {
        var statements: [Statement] = []
        var known: Set<String> = []
        func add(_ statement: Statement) {
            if known.insert(statement.id).inserted { statements.append(statement) }
        }
        let opponent = deck.side.opponent
        for block in deck.blocks {
            if let ref = block.answers { add(Statement(id: ref.id, text: ref.tag, side: opponent, tags: [], answers: nil)) }
            for card in block.cards + block.cards.flatMap(\.extensions) {
                var text = card.part.map { "\($0): " } ?? ""
                text += card.responseTitle.map { "\($0): " } ?? ""
                text += card.tag
                if let cite = card.cite { text += " (\(cite.shortCite))" } else if card.analytic { text += " (analytic)" }
                var tags = card.tags
                if let role = card.role { tags.append(role.rawValue) }
                add(Statement(id: card.id, text: text, side: card.side, tags: tags, answers: card.answers, extends: card.extends))
            }
        }
        // Every answered claim is a node, so each answer hangs on what it answers (an affirmative
        // contention the negative attacks), not on the resolution.
        for block in deck.blocks {
            for card in block.cards {
                if let target = card.answers, let tag = card.answersTag, !known.contains(target) {
                    add(Statement(id: target, text: tag, side: card.side.opponent, tags: [], answers: nil))
                }
            }
        }
        for ref in deck.coverage.unanswered + deck.coverage.answeredButNotInDeck {
            add(Statement(id: ref.id, text: ref.tag, side: opponent, tags: [], answers: nil))
        }
        var answeredBy: [String: [Statement]] = [:]
        var extendedBy: [String: [Statement]] = [:]
        var roots: [Statement] = []
        for statement in statements {
            if let target = statement.extends, known.contains(target), target != statement.id, statement.answers == nil {
                extendedBy[target, default: []].append(statement)
            } else if let target = statement.answers, known.contains(target), target != statement.id {
                answeredBy[target, default: []].append(statement)
            } else {
                var root = statement
                if let target = statement.answers { root.text += " (answers \(target))" }
                roots.append(root)
            }
        }

        var out = """
        ===
        title: \(yamlString(deck.title))
        subTitle: \(yamlString("\(deck.sideWords.title(deck.side)) deck \(deck.id)"))
        author: debate
        ===

        // Built by debate from deck `\(deck.id)`. Statement titles are claim ids; an indented `+` line
        // supports the statement above it and a `-` line attacks it.

        [\(Self.resolutionTitle)]: \(escape(deck.resolution)) #resolution

        """
        var written: Set<String> = []
        func write(_ statement: Statement, relation: Character, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            guard written.insert(statement.id).inserted else {
                out += "\(indent)\(relation) [\(statement.id)]\n"
                return
            }
            let tags = statement.tags.map(hashtag).joined(separator: " ")
            out += "\(indent)\(relation) [\(statement.id)]: \(escape(statement.text))\(tags.isEmpty ? "" : " " + tags)\n"
            for support in extendedBy[statement.id] ?? [] { write(support, relation: "+", depth: depth + 1) }
            for answer in answeredBy[statement.id] ?? [] { write(answer, relation: "-", depth: depth + 1) }
        }
        for root in roots { write(root, relation: root.side == .pro ? "+" : "-", depth: 1) }
        return out
    }

    /// `#tag` when Argdown's tag pattern takes the whole tag, else `#(tag text)`.
    func hashtag(_ tag: String) -> String {
        let tag = plainText(tag, singleLine: true)
        let simple = !tag.isEmpty && tag.unicodeScalars.allSatisfy { $0.properties.isAlphabetic && $0.isASCII
            || ("0"..."9").contains($0) || $0 == "-" }
        return simple ? "#\(tag)" : "#(\(tag.replacingOccurrences(of: ")", with: "]")))"
    }

    func escape(_ text: String) -> String {
        let chars = Array(plainText(text, singleLine: true))
        var out = ""
        for (i, ch) in chars.enumerated() {
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch ch {
            case "\\", "[", "]", "<", ">", "@", "#", "*", "_", "{", "}":
                out.append("\\")
            case "/" where next == "/" || next == "*":
                out.append("\\")
            case ".", ":":
                // A special character is `.name.` or `:name:` with no space inside.
                if let close = chars[(i + 1)...].firstIndex(where: { $0 == ch || $0.isWhitespace }),
                   chars[close] == ch, close > i + 1 {
                    out.append("\\")
                }
            default:
                break
            }
            out.append(ch)
        }
        return out
    }

    /// A YAML double-quoted scalar, for the front matter.
    func yamlString(_ text: String) -> String {
        "\"" + plainText(text, singleLine: true).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
