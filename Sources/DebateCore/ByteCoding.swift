/// A compact binary form for what the memo keeps between runs (`debate build`'s outputs and facts,
/// the quiz's items): variable-length integers and length-prefixed UTF-8, read back with every
/// length checked, so a damaged entry reads as nil (a miss), never as a crash.
public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    public init() {}

    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Zigzag LEB128: small numbers of either sign take one byte.
    public mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// 0 for nil, else 1 and the value.
    public mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads what `ByteWriter` wrote; `failed` turns true at the first impossible length or byte and
/// every later read gives a neutral value.
public struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    public private(set) var failed = false

    /// `bytes` must outlive the reader.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { offset == bytes.count }

    /// The bytes not read yet.
    public var remaining: Int { bytes.count - offset }

    public mutating func byte() -> UInt8 {
        guard !failed, offset < bytes.count else { failed = true; return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func int() -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while !failed {
            let b = byte()
            guard shift < 64 else { failed = true; break }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        // Zigzag back: a logical shift of the unsigned value, then the sign from its low bit.
        return failed ? 0 : Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    public mutating func double() -> Double {
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(byte()) << (8 * UInt64(index)) }
        return failed ? 0 : Double(bitPattern: bits)
    }

    public mutating func bool() -> Bool {
        let b = byte()
        if b > 1 { failed = true }
        return b == 1
    }

    /// A count of things still to read: never more than the bytes left (each takes one at least).
    public mutating func count() -> Int {
        let n = int()
        if n < 0 || n > bytes.count - offset { failed = true; return 0 }
        return n
    }

    public mutating func string() -> String {
        let n = count()
        guard !failed else { return "" }
        defer { offset += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
    }

    public mutating func optional<T>(_ read: (inout ByteReader) -> T) -> T? {
        switch byte() {
        case 0: return nil
        case 1: return read(&self)
        default: failed = true; return nil
        }
    }

    public mutating func strings() -> [String] {
        let n = count()
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n where !failed { values.append(string()) }
        return values
    }
}
