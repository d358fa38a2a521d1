import Foundation
@testable import LibraryIndex
import Testing

/// The index reads claim files with plain POSIX calls (Foundation's `contents(atPath:)` leaked 4 KB
/// per small file: the `index` fuzz target's finding, kept as Fuzz/Seeds/index/leak-small-file-read,
/// which CI's fuzz smoke runs under LeakSanitizer).
@Suite struct ReadBytesTests {
    @Test func readsWholeFilesAndRefusesWhatIsNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 65_536, 200_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let path = folder.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(readBytes(path) == bytes, "\(size) bytes")
        }
        #expect(readBytes(folder.path) == nil)
        #expect(readBytes(folder.appendingPathComponent("missing").path) == nil)
    }
}
