#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes `Decodable` types from YAML, reporting every error as `path:line:column`.
///
/// Parsing goes through libyaml's event API into a compact node tree; scalars are typed by the
/// requested Swift type (YAML 1.2 core schema), so `NO` stays a string where a String is wanted.
public struct YAMLDecoder: Sendable {
    public var limits: YAMLLimits
    public var userInfo: [CodingUserInfoKey: any Sendable]
    /// Whether `YAMLFastDecodable` types read themselves from the tree (else always `init(from:)`;
    /// tests compare the two).
    public var fastPaths = true

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
        self.userInfo = [:]
    }

    public func decode<T: Decodable>(_ type: T.Type, from text: String, path: String) throws(YAMLError) -> T {
        var warnings: [YAMLWarning] = []
        return try decode(type, from: Array(text.utf8), path: path, warnings: &warnings)
    }

    public func decode<T: Decodable>(_ type: T.Type, from text: String, path: String,
                                     warnings: inout [YAMLWarning]) throws(YAMLError) -> T {
        try decode(type, from: Array(text.utf8), path: path, warnings: &warnings)
    }

    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: String) throws(YAMLError) -> T {
        var warnings: [YAMLWarning] = []
        return try decode(type, from: bytes, path: path, warnings: &warnings)
    }

    /// Decodes and appends what is probably a mistake but still decodes (a ` #` inside a tag) to
    /// `warnings`; callers that show diagnostics use this form.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], path: String,
                                     warnings: inout [YAMLWarning]) throws(YAMLError) -> T {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(kind: .limitExceeded, location: SourceLocation(path: path, line: 1, column: 1),
                            message: "the input is \(bytes.count) bytes, more than the limit of \(limits.maxInputBytes)",
                            hint: "split the file (limit: maxInputBytes)")
        }
        if let problem = TextEncoding.problem(in: bytes, path: path) { throw problem }
        let limits = self.limits
        let namer = (T.self as? any YAMLDescribed.Type).map { described in
            { (path: [String]) in described.yamlNoun(atPath: path) }
        }
        let document = try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) in
            try DocumentParser.parse(buffer, path: path, limits: limits, namer: namer)
        }
        let session = DecodingSession(document: document, path: path, input: bytes,
                                      userInfo: userInfo.mapValues { $0 as Any })
        session.namer = namer
        session.fastPaths = fastPaths
        // The root's "parent" only carries the session; the root itself has an empty coding path.
        let context = NodeDecoder(session: session, node: document.root, parent: nil, key: .none, type: nil)
        let value = try context.decode(type, node: document.root, key: .none)
        warnings += session.warnings
        return value
    }

    public func decode<T: Decodable>(_ type: T.Type, fromFile path: String) throws(YAMLError) -> T {
        try decode(type, from: readFile(path), path: path)
    }

    public func decode<T: Decodable>(_ type: T.Type, fromFile path: String, warnings: inout [YAMLWarning]) throws(YAMLError) -> T {
        try decode(type, from: readFile(path), path: path, warnings: &warnings)
    }

    /// The whole file, refusing anything above `maxInputBytes` before reading it.
    public func readFile(_ path: String) throws(YAMLError) -> [UInt8] {
        func failure(_ what: String, _ code: Int32) -> YAMLError {
            YAMLError(kind: .io, location: SourceLocation(path: path, line: 1, column: 1),
                      message: "cannot \(what) the file: \(String(cString: strerror(code)))")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("open", errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("inspect", errno) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw failure("read", EISDIR) }
        let expected = Int(info.st_size)
        guard expected <= limits.maxInputBytes else {
            throw YAMLError(kind: .limitExceeded, location: SourceLocation(path: path, line: 1, column: 1),
                            message: "the file is \(expected) bytes, more than the limit of \(limits.maxInputBytes)",
                            hint: "split the file (limit: maxInputBytes)")
        }
        // Straight into a buffer of the file's size (one byte more, to see a file that grew meanwhile).
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            while count < buffer.count, let base = buffer.baseAddress {
                let got = read(descriptor, base + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if readError != 0 { throw failure("read", readError) }
        guard bytes.count > expected else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limits.maxInputBytes {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure("read", errno)
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])  // grew while we read; past the limit, decode() reports it
        }
        return bytes
    }
}
