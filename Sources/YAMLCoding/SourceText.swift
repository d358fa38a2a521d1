/// The raw input kept for mapping positions inside scalar values back to the source.
///
/// libyaml's marks carry lines and columns in Unicode scalars (its `index` counts characters,
/// not bytes), so positions are found from a table of line starts plus a walk along the line.
final class SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offset of each line's first character (line 0 after a UTF-8 byte order mark).
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 40 + 1)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        starts.append(bytes.starts(with: bom) ? 3 : 0)
        var i = starts[0]
        while i < bytes.count {
            if let width = SourceText.breakWidth(bytes, at: i) {
                i += width
                starts.append(i)
            } else {
                i += 1
            }
        }
        self.lineStarts = starts
    }

    /// Width in bytes of the line break at `i` (libyaml's set: LF, CR LF, CR, NEL, LS, PS), or nil.
    @inline(__always)
    static func breakWidth<C: RandomAccessCollection>(_ bytes: C, at i: C.Index) -> Int? where C.Element == UInt8, C.Index == Int {
        switch bytes[i] {
        case 0x0A:
            return 1
        case 0x0D:
            return i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return i + 1 < bytes.endIndex && bytes[i + 1] == 0x85 ? 2 : nil
        case 0xE2:
            return i + 2 < bytes.endIndex && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : nil
        default:
            return nil
        }
    }

    /// Width in bytes of the UTF-8 sequence starting with `lead` (1 for stray bytes).
    @inline(__always)
    static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 1
        }
    }

    /// 0-based line and column of a byte offset (for libyaml reader errors, which only have an offset).
    static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 0
        var column = 0
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(max(offset, 0), bytes.count)
        while i < end {
            if let width = breakWidth(bytes, at: i) {
                i += width
                line += 1
                column = 0
            } else {
                i += scalarWidth(bytes[i])
                column += 1
            }
        }
        return (line, column)
    }

    /// Byte offset of a 0-based line and column (for looking at the character libyaml complained about).
    static func offset(line: Int, column: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var (currentLine, currentColumn) = (0, 0)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count && (currentLine < line || (currentLine == line && currentColumn < column)) {
            if let width = breakWidth(bytes, at: i) {
                if currentLine == line { break }
                i += width
                currentLine += 1
                currentColumn = 0
            } else {
                i += scalarWidth(bytes[i])
                currentColumn += 1
            }
        }
        return min(i, bytes.count)
    }

    /// A position while walking the source.
    struct Cursor {
        var offset: Int
        var line: Int
        var column: Int
    }

    /// The cursor at a 0-based line and column (clamped to the text).
    func cursor(line: Int, column: Int) -> Cursor {
        guard !lineStarts.isEmpty else { return Cursor(offset: 0, line: 0, column: 0) }
        let clampedLine = min(max(line, 0), lineStarts.count - 1)
        var cursor = Cursor(offset: lineStarts[clampedLine], line: clampedLine, column: 0)
        while cursor.column < column && cursor.offset < bytes.count && !isBreak(cursor) {
            advance(&cursor)
        }
        return cursor
    }

    @inline(__always)
    func isBreak(_ cursor: Cursor) -> Bool {
        cursor.offset < bytes.count && SourceText.breakWidth(bytes, at: cursor.offset) != nil
    }

    @inline(__always)
    func byte(_ cursor: Cursor, _ ahead: Int = 0) -> UInt8? {
        let i = cursor.offset + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    /// Moves past one character (a line break counts as one).
    func advance(_ cursor: inout Cursor) {
        guard cursor.offset < bytes.count else { return }
        if let width = SourceText.breakWidth(bytes, at: cursor.offset) {
            cursor.offset += width
            cursor.line += 1
            cursor.column = 0
        } else {
            cursor.offset = min(bytes.count, cursor.offset + SourceText.scalarWidth(bytes[cursor.offset]))
            cursor.column += 1
        }
    }

    func skipBlanks(_ cursor: inout Cursor) {
        while let b = byte(cursor), b == 0x20 || b == 0x09 {
            advance(&cursor)
        }
    }
}
