import Foundation
import YAMLCoding

/// One claim file as its YAML decodes: its positions and entries, the decoder's warnings, and the
/// fingerprint of the bytes that were decoded. What a pack reads from each file, and what the
/// library index keeps so the next run need not decode the file again.
public struct DecodedClaimFile: Sendable {
    /// The path as the pack names it (the same path every location below carries).
    public var path: String
    public var positions: [Position]
    public var claims: [ClaimEntry]
    public var warnings: [YAMLWarning]
    public var fingerprint: FileFingerprint

    public init(path: String, positions: [Position], claims: [ClaimEntry], warnings: [YAMLWarning], fingerprint: FileFingerprint) {
        self.path = path
        self.positions = positions
        self.claims = claims
        self.warnings = warnings
        self.fingerprint = fingerprint
    }

    /// Reads and decodes the claim file at `path`; `fingerprint` describes the bytes decoded (taken
    /// before they are read, so an edit made meanwhile shows as a change next time).
    public static func read(_ path: String) throws(YAMLError) -> DecodedClaimFile {
        let stat = FileFingerprint.status(path)
        let decoder = YAMLDecoder()
        let bytes = try decoder.readFile(path)
        var warnings: [YAMLWarning] = []
        var file = try decoder.decode(ClaimFile.self, from: bytes, path: path, warnings: &warnings)
        // Evidence keeps where it was written; its positions read the file again if ever asked for
        // (as a cached file's do), rather than every decoded file's text staying in memory.
        let source = SourceFile(path: path)
        for index in file.claims.indices {
            if let scalar = file.claims[index].evidence?.scalar {
                file.claims[index].evidence?.scalar = scalar.readingSource(from: source)
            }
        }
        let fingerprint = FileFingerprint(size: stat?.size ?? Int64(bytes.count), mtime: stat?.mtime ?? 0,
                                          hash: FileFingerprint.contentHash(bytes))
        return DecodedClaimFile(path: path, positions: file.positions, claims: file.claims, warnings: warnings,
                                fingerprint: fingerprint)
    }
}

/// What tells a file's version: size, modification time (ns) and a hash of the bytes.
public struct FileFingerprint: Sendable, Hashable {
    public var size: Int64
    public var mtime: Int64
    public var hash: Int64

    public init(size: Int64, mtime: Int64, hash: Int64) {
        self.size = size
        self.mtime = mtime
        self.hash = hash
    }

    /// Size and modification time (nanoseconds since 1970) from `stat`; nil if the file is not there.
    public static func status(_ path: String) -> (size: Int64, mtime: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// `status` and the change time (nanoseconds since 1970): a file written and given back its
    /// old modification time still has a new change time.
    public static func statusAndChange(_ path: String) -> (size: Int64, mtime: Int64, ctime: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// A file's content hash (64 bits, eight bytes a step in four independent lanes, then FNV-1a
    /// for the tail): enough to tell an edited file from an unchanged one of the same size and
    /// time, at a fraction of byte-wise FNV-1a's cost on a big library.
    public static func contentHash(_ bytes: [UInt8]) -> Int64 {
        bytes.withUnsafeBytes(contentHash)
    }

    /// The same hash of any buffer (a claim file's bytes, a memoized output, a key's text).
    public static func contentHash(_ raw: UnsafeRawBufferPointer) -> Int64 {
        var hasher = ContentHasher()
        hasher.update(raw)
        return hasher.finish()
    }

    /// `contentHash` of bytes that arrive in pieces (a large file read a chunk at a time): four
    /// lanes of FNV-style multiply-xorshift over 32-byte blocks, the length and a byte-wise tail.
    public struct ContentHasher {
        private static let prime: UInt64 = 0x0000_0100_0000_01b3
        private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x9e37_79b9_7f4a_7c15,
                                                               0xc2b2_ae3d_27d4_eb4f, 0x1656_67b1_9e37_79f9)
        private var count: UInt64 = 0
        /// Bytes of an unfinished 32-byte block (fewer than 32).
        private var tail: [UInt8] = []

        public init() {}

        @inline(__always) private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let x = (h ^ word) &* prime
            return x ^ (x >> 29)
        }

        private mutating func block(_ raw: UnsafeRawBufferPointer, at i: Int) {
            lanes.0 = Self.mix(lanes.0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
        }

        public mutating func update(_ raw: UnsafeRawBufferPointer) {
            count += UInt64(raw.count)
            var i = 0
            if !tail.isEmpty {
                let take = min(32 - tail.count, raw.count)
                tail.append(contentsOf: raw[0..<take])
                i = take
                guard tail.count == 32 else { return }
                tail.withUnsafeBytes { block($0, at: 0) }
                tail.removeAll(keepingCapacity: true)
            }
            let n = raw.count
            while i + 32 <= n {
                block(raw, at: i)
                i += 32
            }
            if i < n { tail.append(contentsOf: raw[i..<n]) }
        }

        public func finish() -> Int64 {
            var hash = Self.mix(Self.mix(Self.mix(Self.mix(count, lanes.0), lanes.1), lanes.2), lanes.3)
            for byte in tail {
                hash ^= UInt64(byte)
                hash &*= Self.prime
            }
            return Int64(bitPattern: hash ^ (hash >> 31))
        }
    }

    /// FNV-1a, 64 bits (what Verbatim imports' ids and process modules' keys are made from).
    public static func hash<C: Collection>(_ bytes: C) -> Int64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }
}
