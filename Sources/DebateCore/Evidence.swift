import YAMLCoding

/// An evidence body: the quoted text of a card with its three span kinds.
///
/// Markup (nestable, must nest properly): `__underlined__` is the part a debater may read,
/// `**emphasised**` marks key words, `==highlighted==` is what is actually read aloud.
/// A backslash escapes the next character.
public struct Evidence: Sendable, Hashable {
    public static func == (a: Evidence, b: Evidence) -> Bool { a.markup == b.markup && a.runs == b.runs }
    public func hash(into hasher: inout Hasher) { hasher.combine(markup) }

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

    /// The text of each run, as pieces of the markup or as strings of their own.
    private var body: Body
    /// The markup as written, kept so the body can be written back unchanged.
    public var markup: String {
        didSet {
            // Pieces point into the markup: the runs of the old markup stay what they were.
            if case .pieces(let pieces) = body { body = .runs(Self.runs(of: pieces, in: oldValue)) }
        }
    }
    /// Where the markup was written, when it came from YAML: lets checks point at a word in the card.
    public var scalar: YAMLScalarInfo?

    /// Evidence read from markup keeps its runs as pieces of the markup's bytes (markers and
    /// escaping backslashes fall between pieces), not as strings: a card's text is held once. Runs
    /// given as strings (`init(runs:markup:)`) are kept as given.
    private enum Body: Sendable {
        case pieces([Piece])
        case runs([Run])
    }

    /// Bytes `start..<end` of the markup's UTF-8, all with one style.
    struct Piece: Sendable {
        var start: UInt32
        var end: UInt32
        var style: Style
    }

    /// Maximal pieces of text with one set of styles.
    public var runs: [Run] {
        get {
            switch body {
            case .runs(let runs): runs
            case .pieces(let pieces): Self.runs(of: pieces, in: markup)
            }
        }
        set { body = .runs(newValue) }
    }

    /// Whether the runs are what the markup parses to (read from it, not given): a cache may keep
    /// the markup alone and parse it again.
    public var runsComeFromMarkup: Bool {
        if case .pieces = body { return true }
        return false
    }

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
        self.body = .runs(runs)
        self.markup = markup
    }

    /// Parses markup. `locate` maps a character offset in `markup` to a source position for errors.
    public init(markup: String, locate: (Int) -> SourceLocation? = { _ in nil }) throws(EvidenceError) {
        self.markup = markup
        self.body = .pieces(try EvidenceParser.parse(markup, locate: locate))
    }

    /// The runs the pieces make: consecutive pieces of one style are one run.
    private static func runs(of pieces: [Piece], in markup: String) -> [Run] {
        var markup = markup
        return markup.withUTF8 { utf8 in
            var runs: [Run] = []
            runs.reserveCapacity(pieces.count)
            var index = 0
            while index < pieces.count {
                let style = pieces[index].style
                var next = index + 1
                while next < pieces.count && pieces[next].style == style { next += 1 }
                let text: String
                if next == index + 1 {
                    text = String(decoding: UnsafeBufferPointer(rebasing: utf8[Int(pieces[index].start)..<Int(pieces[index].end)]),
                                  as: UTF8.self)
                } else {
                    var bytes: [UInt8] = []
                    for piece in pieces[index..<next] { bytes += utf8[Int(piece.start)..<Int(piece.end)] }
                    text = String(decoding: bytes, as: UTF8.self)
                }
                runs.append(Run(text, style))
                index = next
            }
            return runs
        }
    }
}

extension Evidence {
    /// The offset in `markup` (in Characters) of the character at `offset` in `plainText`: markers
    /// and escaping backslashes are skipped the way the parser skips them.
    public func markupOffset(ofPlainOffset offset: Int) -> Int {
        let chars = Array(markup)
        var plain = 0, i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch == "\\", i + 1 < chars.count {
                if chars[i + 1].isASCII {
                    if plain == offset { return i + 1 }
                    plain += 1
                }
                i += 2
                continue
            }
            if i + 1 < chars.count, chars[i + 1] == ch, ch == "_" || ch == "*" || ch == "=" {
                i += 2
                continue
            }
            if plain == offset { return i }
            plain += 1
            i += 1
        }
        return chars.count
    }

    /// Where the character at `offset` of the plain text was written, when the evidence came from YAML.
    public func location(ofPlainOffset offset: Int) -> SourceLocation? {
        scalar?.location(ofValueOffset: markupOffset(ofPlainOffset: offset))
    }
}

/// A markup mistake in an evidence body, with the position of the marker at fault.
public struct EvidenceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    public var offset: Int
    public var hint: String?
    public init(message: String, location: SourceLocation?, offset: Int, hint: String? = nil) {
        self.message = message
        self.location = location
        self.offset = offset
        self.hint = hint
    }
    public var description: String {
        (location.map { "\($0): error: \(message)" } ?? "error: \(message)") + (hint.map { "; \($0)" } ?? "")
    }
}

/// Scans the markup's UTF-8 bytes: every marker is ASCII, so no Character segmentation is needed
/// on the hot path (a 10,000-card library spends most of its decode time here otherwise).
enum EvidenceParser {
    static let underscore = UInt8(ascii: "_"), star = UInt8(ascii: "*"), equals = UInt8(ascii: "=")
    static let backslash = UInt8(ascii: "\\")

    static func marker(_ byte: UInt8) -> (style: Evidence.Style, name: String)? {
        switch byte {
        case underscore: (.underline, "underline `__`")
        case star: (.emphasis, "emphasis `**`")
        case equals: (.highlight, "highlight `==`")
        default: nil
        }
    }

    static func parse(_ markup: String, locate: (Int) -> SourceLocation?) throws(EvidenceError) -> [Evidence.Piece] {
        var pieces: [Evidence.Piece] = []
        var open: [(style: Evidence.Style, name: String, byteOffset: Int)] = []
        var style: Evidence.Style = []
        let bytes = Array(markup.utf8)
        /// Where the text not yet in a piece starts.
        var start = 0
        var i = 0

        /// Ends the piece of text that runs up to `end` (a marker or an escaping backslash starts there).
        func flush(upTo end: Int) {
            guard end > start else { return }
            if let last = pieces.last, last.style == style, Int(last.end) == start {
                pieces[pieces.count - 1].end = UInt32(end)
            } else {
                pieces.append(Evidence.Piece(start: UInt32(start), end: UInt32(end), style: style))
            }
        }

        /// Errors report offsets in Characters, as `YAMLScalarInfo.location(ofValueOffset:)` expects.
        func characterOffset(_ byteOffset: Int) -> Int {
            let index = markup.utf8.index(markup.startIndex, offsetBy: byteOffset)
            return markup.distance(from: markup.startIndex, to: index)
        }
        func failure(_ message: String, atByte byteOffset: Int, hint: String? = nil) -> EvidenceError {
            let offset = characterOffset(byteOffset)
            return EvidenceError(message: message, location: locate(offset), offset: offset, hint: hint)
        }
        /// "16:10" in the file, or "character 42" of the evidence when positions are unknown.
        func place(_ byteOffset: Int) -> String {
            let offset = characterOffset(byteOffset)
            return locate(offset).map { "\($0.line):\($0.column)" } ?? "character \(offset + 1)"
        }
        /// The last finished span of each style (underline, emphasis, highlight), as byte offsets of its two markers.
        var lastPair: [(open: Int, close: Int)?] = [nil, nil, nil]
        func slot(_ byte: UInt8) -> Int { byte == underscore ? 0 : byte == star ? 1 : 2 }

        func spansLines(_ from: Int, _ to: Int) -> Bool { bytes[from..<to].contains(UInt8(ascii: "\n")) }
        func symbol(_ name: String) -> String { String(name.split(separator: " ").last ?? "") }

        /// Spans that cross (`__a ==b__ c==`) are reported where a closing marker is missing: markers
        /// of one kind pair in order, so one missing closer re-pairs every later marker of its kind.
        /// An outer span that runs over a line break most likely lost its closer; else the inner one did.
        func crossing(outer: (style: Evidence.Style, name: String, byteOffset: Int),
                      inner: (style: Evidence.Style, name: String, byteOffset: Int),
                      closingAt i: Int, marker: String) -> EvidenceError {
            if spansLines(outer.byteOffset, i) {
                return failure("this \(outer.name) does not close before the \(inner.name) at \(place(inner.byteOffset)), so the two cross",
                               atByte: outer.byteOffset,
                               hint: "add the closing \(symbol(outer.name)) where the span should end; \(symbol(outer.name)) marks "
                                   + "pair in order, so the one at \(place(i)) was read as its close")
            }
            var hint = "close it with \(symbol(inner.name)) before the \(marker) at \(place(i)) closes"
            if let previous = lastPair[slot(bytes[inner.byteOffset])], spansLines(previous.open, previous.close) {
                hint += "; \(symbol(inner.name)) marks pair in order (the one before ran from \(place(previous.open)) to "
                    + "\(place(previous.close))), so a closing \(symbol(inner.name)) may be missing earlier"
            }
            return failure("this \(inner.name) is still open where the \(marker) around it closes", atByte: inner.byteOffset, hint: hint)
        }

        while i < bytes.count {
            // Plain text up to the next byte that may be markup, passed at once.
            var plain = i
            while plain < bytes.count {
                let byte = bytes[plain]
                if byte == backslash || byte == underscore || byte == star || byte == equals { break }
                plain += 1
            }
            if plain > i {
                i = plain
                continue
            }
            let byte = bytes[i]
            if byte == backslash, i + 1 < bytes.count {
                // An escaped ASCII character is kept as itself; before anything else the backslash just drops.
                flush(upTo: i)
                start = i + 1
                i += bytes[i + 1] < 0x80 ? 2 : 1
                continue
            }
            if i + 1 < bytes.count, bytes[i + 1] == byte, let marker = marker(byte) {
                flush(upTo: i)
                start = i + 2
                if let index = open.lastIndex(where: { $0.style == marker.style }) {
                    if index != open.count - 1 {
                        throw crossing(outer: open[index], inner: open[open.count - 1], closingAt: i, marker: marker.name)
                    }
                    lastPair[slot(byte)] = (open[index].byteOffset, i)
                    open.removeLast()
                    style.remove(marker.style)
                } else {
                    open.append((marker.style, marker.name, i))
                    style.insert(marker.style)
                }
                i += 2
                continue
            }
            i += 1
        }
        flush(upTo: bytes.count)
        if let unclosed = open.last {
            let symbol = String(unclosed.name.split(separator: " ").last ?? "")
            throw failure("this \(unclosed.name) is never closed", atByte: unclosed.byteOffset,
                          hint: "add the closing \(symbol) where the span should end")
        }
        return pieces
    }
}

extension Evidence {
    /// The evidence a YAML scalar holds: `text` is its value, `scalar` where it was written.
    init(yamlText text: String, scalar: YAMLScalarInfo?) throws(EvidenceError) {
        var markup = text
        // A `|` block keeps its final newline; trailing space is never part of the quotation.
        while let last = markup.last, last.isWhitespace { markup.removeLast() }
        try self.init(markup: markup, locate: { offset in scalar?.location(ofValueOffset: offset) })
        // The scalar's value is the markup and its trailing white space: keep the text once.
        self.scalar = scalar?.sharing(value: self.markup)
    }
}

extension Evidence: Codable {
    /// Decoding from YAML keeps positions: a markup error points at its marker in the file.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(yamlText: text, scalar: decoder.yamlScalar)
        } catch {
            if let location = error.location {
                throw YAMLError(kind: .invalidValue, location: location, message: error.message, hint: error.hint,
                                codingPath: decoder.codingPath.map(\.stringValue), code: "evidence-markup")
            }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: error.message + (error.hint.map { "; \($0)" } ?? "")))
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
    for scalar in text.unicodeScalars {
        let isWordChar: Bool
        if scalar.isASCII {
            // The common case without a Unicode property look-up.
            let v = scalar.value
            isWordChar = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
                || (inWord && (v == 0x27 || v == 0x2D))
        } else {
            isWordChar = scalar.properties.isAlphabetic || (inWord && scalar == "’")
        }
        if isWordChar && !inWord { count += 1 }
        inWord = isWordChar
    }
    return count
}
