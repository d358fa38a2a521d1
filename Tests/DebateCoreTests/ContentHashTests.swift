import DebateCore
import Testing

@Suite("Content hash")
struct ContentHashTests {
    /// A hash fed in pieces (a memoized output read a megabyte at a time) equals the hash of the
    /// whole buffer, wherever the pieces break: inside a 32-byte block, on one, in the tail.
    @Test func piecesHashAsTheWhole() {
        var random = SystemRandomNumberGenerator()
        for length in [0, 1, 31, 32, 33, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = FileFingerprint.contentHash(bytes)
            for _ in 0..<20 {
                var hasher = FileFingerprint.ContentHasher()
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 0...70, using: &random))
                    bytes[start..<end].withUnsafeBytes { hasher.update($0) }
                    start = end
                }
                #expect(hasher.finish() == whole, "length \(length)")
            }
        }
    }

    @Test func aChangedByteChangesTheHash() {
        let bytes = [UInt8](repeating: 7, count: 100)
        for index in [0, 31, 32, 99] {
            var changed = bytes
            changed[index] = 8
            #expect(FileFingerprint.contentHash(changed) != FileFingerprint.contentHash(bytes))
        }
        #expect(FileFingerprint.contentHash([UInt8](repeating: 0, count: 3)) != FileFingerprint.contentHash([UInt8](repeating: 0, count: 4)))
    }
}
