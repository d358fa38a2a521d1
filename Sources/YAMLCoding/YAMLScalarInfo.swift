#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// How a scalar was written in the source.
public enum YAMLScalarStyle: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A file whose text positions inside restored scalars are found in; read on first use.
public struct SourceFile: Sendable {
    let reference: SourceReference
    public init(path: String) { reference = SourceReference(path: path) }
}

/// The source text of a file: the bytes decoded, or read from its path, its line table made when
/// first needed (most scalars are never asked for a position inside them).
final class SourceReference: Sendable {
    private let path: String?
    private let bytes: [UInt8]?
    /// nil until made; then the text, or nil inside if the file cannot be read.
    private let loaded: Mutex<SourceText??>

    init(bytes: [UInt8]) {
        path = nil
        self.bytes = bytes
        loaded = Mutex(nil)
    }

    init(path: String) {
        self.path = path
        bytes = nil
        loaded = Mutex(nil)
    }

    var text: SourceText? {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            let text = bytes.map(SourceText.init(bytes:))
                ?? path.flatMap { FileManager.default.contents(atPath: $0) }.map { SourceText(bytes: [UInt8]($0)) }
            loaded = .some(text)
            return text
        }
    }
}

/// Where a scalar sits in the source, for diagnostics that point inside a value
/// (e.g. an unclosed `==` span on the second line of a `|` block).
public struct YAMLScalarInfo: Sendable {
    /// The scalar's start: its first character, its opening quote, or its `|`/`>` indicator.
    public var location: SourceLocation
    public var style: YAMLScalarStyle

    /// The scalar's value as parsed (before a `Decodable` type trims or parses it).
    public let value: String
    let sourceReference: SourceReference?
    /// The start, 0-based, as libyaml reports it.
    public let startLine: Int
    public let startColumn: Int

    var source: SourceText? { sourceReference?.text }

    init(location: SourceLocation, style: YAMLScalarStyle, value: String, source: SourceReference, startLine: Int, startColumn: Int) {
        self.location = location
        self.style = style
        self.value = value
        self.sourceReference = source
        self.startLine = startLine
        self.startColumn = startColumn
    }

    /// A scalar restored from a cache of decoded files: its source is read from `sourceFile` the
    /// first time a position inside the value is asked for (the same `SourceFile` for every scalar
    /// of one file, so it is read once).
    public init(location: SourceLocation, style: YAMLScalarStyle, value: String, startLine: Int, startColumn: Int,
                sourceFile: SourceFile) {
        self.location = location
        self.style = style
        self.value = value
        self.sourceReference = sourceFile.reference
        self.startLine = startLine
        self.startColumn = startColumn
    }

    private init(_ info: YAMLScalarInfo, value: String, sourceReference: SourceReference?) {
        location = info.location
        style = info.style
        self.value = value
        self.sourceReference = sourceReference
        startLine = info.startLine
        startColumn = info.startColumn
    }

    /// The same scalar holding `value` instead of the parsed value: a type that keeps a trimmed
    /// form of the value (evidence drops trailing white space) shares its one string rather than
    /// keeping two. Positions are the same for every offset inside `value`.
    public func sharing(value: String) -> YAMLScalarInfo {
        YAMLScalarInfo(self, value: value, sourceReference: sourceReference)
    }

    /// The same scalar whose source text is read from `sourceFile` when a position inside it is
    /// first asked for, instead of the decoded file's text kept in memory until then.
    public func readingSource(from sourceFile: SourceFile) -> YAMLScalarInfo {
        YAMLScalarInfo(self, value: value, sourceReference: sourceFile.reference)
    }

    /// Best-effort source position of the character at `offset` (in Characters) of the scalar's value.
    ///
    /// Exact for literal (`|`) blocks and single-line scalars; follows line folding and escapes
    /// for folded blocks and multi-line flow scalars. Offsets past the end give the value's end.
    public func location(ofValueOffset offset: Int) -> SourceLocation {
        guard let source else { return location }
        let target = value.prefix(max(0, offset)).unicodeScalars.count
        let cursor: SourceText.Cursor
        switch style {
        case .literal:
            cursor = literalPosition(target, in: source)
        case .folded:
            cursor = foldedPosition(target, in: source)
        case .plain, .singleQuoted, .doubleQuoted:
            cursor = flowPosition(target, in: source)
        }
        return SourceLocation(path: location.path, line: cursor.line + 1, column: cursor.column + 1)
    }

    // MARK: - Flow scalars (plain, quoted)

    private func flowPosition(_ target: Int, in source: SourceText) -> SourceText.Cursor {
        var cursor = source.cursor(line: startLine, column: startColumn)
        if style != .plain { source.advance(&cursor) }  // opening quote
        var produced = 0
        while produced < target, let byte = source.byte(cursor) {
            if style == .singleQuoted && byte == UInt8(ascii: "'") {
                guard source.byte(cursor, 1) == UInt8(ascii: "'") else { break }  // closing quote
                source.advance(&cursor)
                source.advance(&cursor)
                produced += 1
                continue
            }
            if style == .doubleQuoted && byte == UInt8(ascii: "\"") { break }
            if style == .doubleQuoted && byte == UInt8(ascii: "\\") {
                source.advance(&cursor)
                if source.isBreak(cursor) {  // escaped line break: joins the lines, produces nothing
                    source.advance(&cursor)
                    source.skipBlanks(&cursor)
                    continue
                }
                let length: Int
                switch source.byte(cursor) {
                case UInt8(ascii: "x"): length = 3
                case UInt8(ascii: "u"): length = 5
                case UInt8(ascii: "U"): length = 9
                default: length = 1
                }
                for _ in 0..<length where !source.isBreak(cursor) { source.advance(&cursor) }
                produced += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                // White space right before a line break is dropped by folding.
                var probe = cursor
                source.skipBlanks(&probe)
                if source.isBreak(probe) {
                    cursor = probe
                    continue
                }
                source.advance(&cursor)
                produced += 1
                continue
            }
            if source.isBreak(cursor) {
                // A break folds to one space, or to n newlines when n empty lines follow.
                source.advance(&cursor)
                var emptyLines = 0
                while true {
                    source.skipBlanks(&cursor)
                    guard source.isBreak(cursor) else { break }
                    source.advance(&cursor)
                    emptyLines += 1
                }
                let count = max(1, emptyLines)
                if produced + count > target { break }
                produced += count
                continue
            }
            source.advance(&cursor)
            produced += 1
        }
        return cursor
    }

    // MARK: - Block scalars

    /// The block's indentation: the first content line's leading spaces minus those kept in the value.
    private func blockStart(in source: SourceText) -> (first: SourceText.Cursor, indent: Int)? {
        var cursor = source.cursor(line: startLine, column: startColumn)
        while source.byte(cursor) != nil && !source.isBreak(cursor) { source.advance(&cursor) }  // header
        guard source.byte(cursor) != nil else { return nil }
        source.advance(&cursor)
        let first = cursor
        var probe = cursor
        while source.byte(probe) != nil {
            var spaces = 0
            while source.byte(probe) == 0x20 {
                source.advance(&probe)
                spaces += 1
            }
            source.skipBlanks(&probe)
            if let byte = source.byte(probe), !source.isBreak(probe), byte != 0 {
                let kept = value.unicodeScalars.drop { $0 == "\n" }.prefix { $0 == " " }.count
                return (first, max(0, spaces - kept))
            }
            source.advance(&probe)
        }
        return (first, 0)
    }

    private func literalPosition(_ target: Int, in source: SourceText) -> SourceText.Cursor {
        guard let (first, indent) = blockStart(in: source) else { return source.cursor(line: startLine, column: startColumn) }
        var line = 0
        var column = 0
        for scalar in value.unicodeScalars.prefix(target) {
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return SourceText.Cursor(offset: 0, line: first.line + line, column: indent + column)
    }

    private func foldedPosition(_ target: Int, in source: SourceText) -> SourceText.Cursor {
        guard let (first, indent) = blockStart(in: source) else { return source.cursor(line: startLine, column: startColumn) }
        var cursor = first
        var produced = 0
        var previousMoreIndented: Bool?
        var emptyLines = 0
        var last = first
        while source.byte(cursor) != nil {
            let lineStart = cursor
            var spaces = 0
            while source.byte(cursor) == 0x20 {
                source.advance(&cursor)
                spaces += 1
            }
            var probe = cursor
            source.skipBlanks(&probe)
            if source.byte(probe) == nil || source.isBreak(probe) {  // an empty line
                emptyLines += 1
                cursor = probe
                source.advance(&cursor)
                continue
            }
            if spaces < indent { break }  // the block has ended
            let moreIndented = spaces > indent || source.byte(cursor) == 0x09
            let breaks: Int
            if let previous = previousMoreIndented {
                breaks = previous || moreIndented ? emptyLines + 1 : max(1, emptyLines)
            } else {
                breaks = emptyLines
            }
            var content = source.cursor(line: lineStart.line, column: indent)
            if target < produced + breaks { return content }
            produced += breaks
            while produced < target && source.byte(content) != nil && !source.isBreak(content) {
                source.advance(&content)
                produced += 1
            }
            if produced >= target { return content }
            last = content
            previousMoreIndented = moreIndented
            emptyLines = 0
            cursor = content
            source.advance(&cursor)
        }
        return last
    }
}

extension Decoder {
    /// Position of the node being decoded (nil for non-YAML decoders).
    public var sourceLocation: SourceLocation? {
        (self as? NodeDecoder)?.location
    }

    /// Where and how the node being decoded was written, when it is a scalar.
    public var yamlScalar: YAMLScalarInfo? {
        (self as? NodeDecoder)?.scalarInfo
    }
}
