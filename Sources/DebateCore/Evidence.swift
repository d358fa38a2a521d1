import YAMLCoding

/// An evidence body: the quoted text of a card with its three span kinds.
///
/// Markup (nestable, must nest properly): `__underlined__` is the part a debater may read,
/// `**emphasised**` marks key words, `==highlighted==` is what is actually read aloud.
/// A backslash escapes the next character.
public struct Evidence: Sendable, Hashable {
    public struct Style: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let underline = Style(rawValue: 1)
        public static let emphasis = Style(rawValue: 2)
        public static let highlight = Style(rawValue: 4)
    }

    /// A maximal piece of text with one set of styles.
    public struct Run: Sendable, Hashable {
        public var text: String
        public var style: Style
        public init(_ text: String, _ style: Style = []) {
            self.text = text
            self.style = style
        }
    }

    public var runs: [Run]
    /// The markup as written, kept so the body can be written back unchanged.
    public var markup: String

    /// The text without markup.
    public var plainText: String { runs.map(\.text).joined() }

    /// The text read aloud: highlighted pieces, separated where they are not adjacent.
    public var highlightedText: String {
        var pieces: [String] = []
        var previousWasHighlight = false
        for run in runs {
            if run.style.contains(.highlight) {
                if previousWasHighlight, var last = pieces.popLast() {
                    last += run.text
                    pieces.append(last)
                } else {
                    pieces.append(run.text)
                }
                previousWasHighlight = true
            } else {
                previousWasHighlight = false
            }
        }
        return pieces.joined(separator: " ")
    }

    public var highlightedWordCount: Int { wordCount(highlightedText) }

    public init(runs: [Run], markup: String) {
        self.runs = runs
        self.markup = markup
    }

    /// Parses markup. `locate` maps a character offset in `markup` to a source position for errors.
    public init(markup: String, locate: (Int) -> SourceLocation? = { _ in nil }) throws(EvidenceError) {
        self.markup = markup
        self.runs = try EvidenceParser.parse(markup, locate: locate)
    }
}

/// A markup mistake in an evidence body, with the position of the marker at fault.
public struct EvidenceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    public var offset: Int
    public var description: String { location.map { "\($0): error: \(message)" } ?? "error: \(message)" }
}

enum EvidenceParser {
    static let markers: [(Character, Evidence.Style, String)] = [
        ("_", .underline, "underline `__`"),
        ("*", .emphasis, "emphasis `**`"),
        ("=", .highlight, "highlight `==`"),
    ]

    static func parse(_ markup: String, locate: (Int) -> SourceLocation?) throws(EvidenceError) -> [Evidence.Run] {
        var runs: [Evidence.Run] = []
        var open: [(style: Evidence.Style, name: String, offset: Int)] = []
        var current = ""
        var style: Evidence.Style = []
        let chars = Array(markup)
        var i = 0

        func flush() {
            guard !current.isEmpty else { return }
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].text += current
            } else {
                runs.append(Evidence.Run(current, style))
            }
            current = ""
        }

        while i < chars.count {
            let ch = chars[i]
            if ch == "\\", i + 1 < chars.count {
                current.append(chars[i + 1])
                i += 2
                continue
            }
            if i + 1 < chars.count, chars[i + 1] == ch, let marker = markers.first(where: { $0.0 == ch }) {
                flush()
                if let index = open.lastIndex(where: { $0.style == marker.1 }) {
                    if index != open.count - 1 {
                        let inner = open[open.count - 1]
                        throw EvidenceError(
                            message: "\(marker.2) closes while \(inner.name) opened inside it is still open; spans must nest",
                            location: locate(i), offset: i)
                    }
                    open.removeLast()
                    style.remove(marker.1)
                } else {
                    open.append((marker.1, marker.2, i))
                    style.insert(marker.1)
                }
                i += 2
                continue
            }
            current.append(ch)
            i += 1
        }
        flush()
        if let unclosed = open.last {
            throw EvidenceError(message: "unclosed \(unclosed.name) span in evidence", location: locate(unclosed.offset),
                                offset: unclosed.offset)
        }
        return runs
    }
}

extension Evidence: Codable {
    /// Decoding from YAML keeps positions: a markup error points at its marker in the file.
    public init(from decoder: any Decoder) throws {
        var markup = try decoder.singleValueContainer().decode(String.self)
        // A `|` block keeps its final newline; trailing space is never part of the quotation.
        while let last = markup.last, last.isWhitespace { markup.removeLast() }
        let scalar = decoder.yamlScalar
        do {
            try self.init(markup: markup, locate: { offset in scalar?.location(ofValueOffset: offset) })
        } catch {
            if let location = error.location {
                throw YAMLError(kind: .invalidValue, location: location, message: error.message, hint: nil,
                                codingPath: decoder.codingPath.map(\.stringValue))
            }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(markup)
    }
}

/// Words as a reader counts them: runs of letters or digits (apostrophes and hyphens inside a word keep it one).
public func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    for ch in text.unicodeScalars {
        let isWordChar = ch.properties.isAlphabetic || ("0"..."9").contains(ch)
            || (inWord && (ch == "'" || ch == "’" || ch == "-"))
        if isWordChar && !inWord { count += 1 }
        inWord = isWordChar
    }
    return count
}
