import Foundation

/// Where a renderer writes its file: kept whole in memory (`DeckRenderer.render(_:)`, for tests and
/// the zip formats), or handed on in chunks of about a megabyte as it is made (`debate build`
/// streams them to the output file or standard output, so a 100,000-card deck's 300 MB of JSON is
/// never held at once).
///
/// A chunk always ends between two whole pieces a renderer wrote, never inside a UTF-8 sequence.
/// A failure of the receiver is kept, later chunks are dropped, and `finish()` throws it: renderers
/// write without `try`.
public final class RenderOutput {
    /// Renderers append to it directly, one piece at a time and never while it is borrowed: no
    /// run-time exclusivity check on each append.
    @exclusivity(unchecked) var buffer = ByteBuffer()
    private let receive: ((UnsafeRawBufferPointer) throws -> Void)?
    private let chunkSize: Int
    private var handedOn = 0
    private var lastHandedOn: UInt8?
    private var failure: (any Error)?

    /// An output kept in memory; `takeData()` gives it.
    public init() {
        receive = nil
        chunkSize = .max
    }

    /// An output handed to `receive` whenever `chunkSize` bytes are waiting, and at `finish()`.
    public init(chunkSize: Int = 1 << 20, receive: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.receive = receive
        self.chunkSize = max(1, chunkSize)
        buffer.reserve(self.chunkSize + 64 * 1024)
    }

    /// Every byte written so far.
    public var byteCount: Int { handedOn + buffer.count }

    /// The last byte written, if any.
    public var lastByte: UInt8? { buffer.last ?? lastHandedOn }

    /// Whether the bytes go on as they are made (else they stay in memory).
    var isStreaming: Bool { receive != nil }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        handOnIfFull()
    }

    public func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    /// Bytes of a chunk's size or more go on as they are, without a copy, when the output streams.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        if receive != nil && bytes.count >= chunkSize {
            handOn()
            handOn(bytes)
            return
        }
        buffer.append(contentsOf: bytes.bindMemory(to: UInt8.self))
        handOnIfFull()
    }

    public static func += (output: RenderOutput, text: String) { output.write(text) }

    /// Called between pieces: hands the waiting bytes on once they fill a chunk.
    @inline(__always)
    func handOnIfFull() {
        if buffer.count >= chunkSize { handOn() }
    }

    private func handOn() {
        guard buffer.count > 0 else { return }
        buffer.withBytes { handOn(UnsafeRawBufferPointer($0)) }
        buffer.removeAll()
    }

    private func handOn(_ bytes: UnsafeRawBufferPointer) {
        guard let receive, !bytes.isEmpty else { return }
        if failure == nil {
            do {
                try receive(bytes)
            } catch {
                failure = error
            }
        }
        handedOn += bytes.count
        lastHandedOn = bytes.last
    }

    /// Hands on what is left; throws the receiver's first failure, if it had one.
    public func finish() throws {
        handOn()
        if let failure { throw failure }
    }

    /// The bytes of an in-memory output, handed over without a copy; the output is empty after.
    public func takeData() -> Data { buffer.takeData() }

    /// What `write` wrote into an in-memory output, as text.
    static func text(_ write: (RenderOutput) throws -> Void) rethrows -> String {
        let output = RenderOutput()
        try write(output)
        return output.buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}

/// Growable bytes in memory of its own, so the finished output becomes `Data` without a copy.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    deinit { free(base) }

    var last: UInt8? { count > 0 ? base![count - 1] : nil }

    mutating func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        guard let grown = realloc(base, wanted) else { fatalError("out of memory for \(wanted) bytes of output") }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = wanted
    }

    @inline(__always)
    private mutating func room(_ extra: Int) {
        if count + extra > capacity { reserve(max(count + extra, capacity * 2, 4_096)) }
    }

    mutating func append(_ byte: UInt8) {
        room(1)
        base![count] = byte
        count += 1
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        room(buffer.count)
        (base! + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    mutating func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    mutating func append(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        room(times)
        (base! + count).update(repeating: byte, count: times)
        count += times
    }

    static func += (buffer: inout ByteBuffer, bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Empties the buffer, keeping its memory for what comes next.
    mutating func removeAll() { count = 0 }

    func withBytes<T, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T) throws(E) -> T {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes as `Data`, which frees them; the buffer is empty after.
    mutating func takeData() -> Data {
        guard let base, count > 0 else { return Data() }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        self.base = nil
        count = 0
        capacity = 0
        return data
    }
}
