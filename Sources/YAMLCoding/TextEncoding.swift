/// Every file we read is UTF-8 (a UTF-8 byte-order mark is accepted silently). A file in another
/// encoding gets a message naming the encoding it looks like and the command that converts it.
enum TextEncoding {
    static func problem(in bytes: [UInt8], path: String) -> YAMLError? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let start = SourceLocation(path: path, line: 1, column: 1)
        func convert(_ from: String) -> String {
            "save it as UTF-8 in your editor, or convert it: "
                + "`iconv -f \(from) -t UTF-8 \(name) > \(name).utf8 && mv \(name).utf8 \(name)`"
        }
        if let (encoding, iconvName) = byteOrderMark(bytes) {
            return YAMLError(kind: .syntax, location: start, message: "the file is \(encoding) with a byte-order mark, not UTF-8",
                             hint: convert(iconvName), code: "not-utf8")
        }
        if let (encoding, iconvName) = utf16WithoutMark(bytes) {
            return YAMLError(kind: .syntax, location: start, message: "the file looks like \(encoding) text (every other byte is zero), not UTF-8",
                             hint: convert(iconvName), code: "not-utf8")
        }
        guard let bad = firstInvalidUTF8(bytes) else { return nil }
        let (line, column) = bytes.withUnsafeBufferPointer { SourceText.position(ofByte: bad, in: $0) }
        let byte = bytes[bad]
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let shown = windows1252(byte).map { " “\($0)”" } ?? ""
        let hasC1 = bytes.contains { (0x80...0x9F).contains($0) }
        let looks = hasC1 ? "Windows-1252" : "Windows-1252 (Latin-1)"
        return YAMLError(kind: .syntax, location: SourceLocation(path: path, line: line + 1, column: column + 1),
                         message: "the file is not UTF-8: the byte here (\(hex)) looks like\(shown) in \(looks)",
                         hint: convert("WINDOWS-1252"), code: "not-utf8")
    }

    /// UTF-16 and UTF-32 byte-order marks (libyaml would read UTF-16 silently; positions would be wrong).
    static func byteOrderMark(_ b: [UInt8]) -> (String, String)? {
        if b.starts(with: [0xFF, 0xFE, 0, 0]) { return ("UTF-32", "UTF-32") }
        if b.starts(with: [0, 0, 0xFE, 0xFF]) { return ("UTF-32", "UTF-32") }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return ("UTF-16", "UTF-16") }
        return nil
    }

    /// ASCII text saved as UTF-16 without a mark: zeros at every odd (LE) or even (BE) offset.
    static func utf16WithoutMark(_ b: [UInt8]) -> (String, String)? {
        let sample = b.prefix(256)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        let pairs = stride(from: 0, to: sample.count, by: 2).map { (sample[$0], sample[$0 + 1]) }
        if pairs.allSatisfy({ $0.0 != 0 && $0.1 == 0 }) { return ("UTF-16 (little-endian)", "UTF-16LE") }
        if pairs.allSatisfy({ $0.0 == 0 && $0.1 != 0 }) { return ("UTF-16 (big-endian)", "UTF-16BE") }
        return nil
    }

    /// Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            // Eight ASCII bytes at a time: the common case.
            if i + 8 <= n {
                let word = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let width: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return i
            }
            guard i + width <= n else { return i }
            if b[i + 1] < low || b[i + 1] > high { return i }
            for k in 2..<max(width, 2) where b[i + k] & 0xC0 != 0x80 { return i }
            i += width
        }
        return nil
    }

    /// The character a byte stands for in Windows-1252 (nil for its five unassigned bytes).
    static func windows1252(_ byte: UInt8) -> Character? {
        let c1: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        let value = (0x80...0x9F).contains(byte) ? c1[Int(byte) - 0x80] : UInt32(byte)
        guard value != 0, value >= 0xA0 || (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }
}
