/// How a decodable type is named in messages a user reads: in their words ("in claim `potash.x`",
/// "in block “Answers to the DA”"), never by the Swift type's name.
///
/// This is the one place messages get their nouns from. A type that does not adopt it is named by
/// where it sits instead ("in `budget`"), so no type name can reach a message.
public protocol YAMLDescribed {
    /// The user's word for one value of this type, without an article: "claim", "block", "deck";
    /// or a definite phrase for a value there is one of: "the deck's `budget`".
    static var yamlNoun: String { get }
    /// A key whose scalar value names one value in messages: with `id`, "claim `potash.x`";
    /// with a key holding prose (`block`), "block “Answers to the DA”".
    static var yamlTitleKey: String? { get }
    /// For a whole file of this type: what such a file starts with, said when the file is empty
    /// ("a claim file starts with `claims:`").
    static var yamlEmptyFileHint: String? { get }
    /// Keys whose values are prose a debater writes (tags, warrants, cites): an unquoted ` #` in
    /// them is reported, because YAML silently drops the rest of the line as a comment.
    static var yamlProseKeys: Set<String> { get }
    /// The noun of the value at `path` (keys and sequence indices from this type's root), for
    /// mistakes found before any type is decoded (indentation). nil: not known.
    static func yamlNoun(atPath path: [String]) -> YAMLNoun?
    /// For a string enumeration that reads more spellings than its raw values (`aff` for `pro`):
    /// every spelling, for "expected one of" and "did you mean". nil: the raw values.
    static var yamlValues: [String]? { get }
}

/// A noun for a place in a file, with the key whose value names one instance.
public struct YAMLNoun: Sendable, Equatable {
    public var noun: String
    public var titleKey: String?
    public init(_ noun: String, titleKey: String? = nil) {
        self.noun = noun
        self.titleKey = titleKey
    }
}

extension YAMLDescribed {
    public static var yamlTitleKey: String? { nil }
    public static var yamlEmptyFileHint: String? { nil }
    public static var yamlProseKeys: Set<String> { [] }
    public static func yamlNoun(atPath path: [String]) -> YAMLNoun? { nil }
    public static var yamlValues: [String]? { nil }
}

enum YAMLWords {
    /// "claim `potash.x`" for identifier-like titles, "block “Answers”" for prose, "a claim" without one.
    static func named(_ noun: YAMLNoun, title: String?, article: Bool = true) -> String {
        if let title = title?.trimmingSpaces, !title.isEmpty {
            let shown = title.count > 60 ? title.prefix(59) + "…" : Substring(title)
            let isIdentifier = !shown.contains(where: { $0 == " " || $0 == "\n" })
            return isIdentifier ? "\(noun.noun) `\(shown)`" : "\(noun.noun) “\(shown)”"
        }
        // A noun that is already definite ("the deck's `budget`") is used as it is.
        if noun.noun.hasPrefix("the ") { return noun.noun }
        guard article else { return "the \(noun.noun)" }
        return (noun.noun.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + noun.noun
    }

    /// The user's word for what a Swift type expects: `Int` → "a whole number".
    static func expected(_ type: Any.Type) -> String {
        if let described = type as? any YAMLDescribed.Type { return "a \(described.yamlNoun)" }
        switch type {
        case is String.Type, is Substring.Type, is Character.Type: return "a text"
        case is Bool.Type: return "`true` or `false`"
        case is Double.Type, is Float.Type: return "a number"
        case is any FixedWidthInteger.Type: return "a whole number"
        default: break
        }
        let name = String(describing: type)
        if name.hasPrefix("Array<") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        if name.hasPrefix("Dictionary<") || name.hasPrefix("[") { return "a mapping" }
        if name.hasPrefix("Optional<") { return "a value" }
        return "a value of another kind"
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension NodeDecoder {
    /// The owner's noun when its type adopts `YAMLDescribed`, named by its title key when present.
    func ownerPhrase(for type: Any.Type?, mapping: Int) -> String? {
        guard let described = type as? any YAMLDescribed.Type else { return nil }
        let noun = YAMLNoun(described.yamlNoun, titleKey: described.yamlTitleKey)
        var title: String?
        if let key = noun.titleKey, document.nodes[mapping].kind == .mapping,
           let entry = document.entry(of: key, inMapping: mapping) {
            let value = document.child(document.nodes[mapping], 2 * entry + 1)
            if document.nodes[value].kind == .scalar { title = document.text(value) }
        }
        return YAMLWords.named(noun, title: title)
    }

    /// " in claim `x`", " in `budget`", " in item 3 of `claims`", or "" at the file's top.
    func whereabouts(of type: Any.Type?, mapping: Int) -> String {
        if let owner = ownerPhrase(for: type, mapping: mapping) { return " in \(owner)" }
        return YAMLWords.place(pathStrings)
    }
}

extension YAMLWords {
    /// " in `budget`", " in item 3 of `claims`", "" for the root: where a value without a noun sits.
    static func place(_ path: [String]) -> String {
        guard let last = path.last else { return "" }
        if let index = Int(last) {
            let owner = path.dropLast().last.map { " of `\($0)`" } ?? ""
            return " in item \(index + 1)\(owner)"
        }
        return " in `\(last)`"
    }

    /// "for `side`", or "here" when the value has no key (a list item: "for an item of `tags`").
    static func subject(_ path: [String]) -> String {
        guard let last = path.last else { return "here" }
        if Int(last) != nil {
            return path.dropLast().last.map { "for an item of `\($0)`" } ?? "here"
        }
        return "for `\(last)`"
    }
}
