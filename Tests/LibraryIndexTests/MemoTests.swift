import DebateCore
import Foundation
@testable import LibraryIndex
import Testing

/// The memo's store: an entry comes back only for its exact key, its outputs as written, and the
/// least recently used entries go first when it outgrows its bound.
@Suite struct MemoStoreTests {
    let folder: URL
    let index: LibraryIndex

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
    }

    @Test func anEntryComesBackForItsKeyOnly() throws {
        #expect(index.memo(digest: "d1", key: "k1") == nil, "no tables yet: a miss")
        index.storeMemo(digest: "d1", key: "k1", facts: Data("facts".utf8), deps: Data())
        let output = Data(repeating: 7, count: 100_003)
        let stored = output.withUnsafeBytes { index.storeMemoOutput(digest: "d1", name: "json", bytes: $0, flags: 1) }
        #expect(stored)
        let entry = try #require(index.memo(digest: "d1", key: "k1"))
        #expect(entry.facts == Data("facts".utf8))
        let kept = try #require(entry.outputs["json"])
        #expect(FileManager.default.contents(atPath: kept.file) == output)
        #expect(kept.size == Int64(output.count) && kept.flags == 1)
        #expect(kept.hash == output.withUnsafeBytes(FileFingerprint.contentHash))
        #expect(index.memo(digest: "d1", key: "k2") == nil, "another key under the same digest is a miss")
        // An output for an entry that is not there is not kept.
        #expect(!(output.withUnsafeBytes { index.storeMemoOutput(digest: "nope", name: "json", bytes: $0, flags: 0) }))
        // The same digest for another key replaces the entry and drops its outputs.
        index.storeMemo(digest: "d1", key: "k2", facts: Data("other".utf8), deps: Data())
        #expect(try #require(index.memo(digest: "d1", key: "k2")).outputs.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: kept.file))
    }

    @Test func theLeastRecentlyUsedGoFirst() throws {
        let output = Data(repeating: 1, count: 40_000)
        for digest in ["old", "used", "new"] {
            index.storeMemo(digest: digest, key: digest, facts: Data(), deps: Data())
            _ = output.withUnsafeBytes { index.storeMemoOutput(digest: digest, name: "md", bytes: $0, flags: 0, limit: 1_000_000) }
            index.storeMemoItems(digest: digest, [Data([1, 2, 3])], limit: 1_000_000)
            if digest == "old" { Thread.sleep(forTimeInterval: 0.01) }
        }
        index.touchMemo(digest: "old")
        // Room for two entries: the one used longest ago goes.
        index.evictMemo(limit: 90_000)
        #expect(index.memo(digest: "used", key: "used") == nil)
        #expect(index.memo(digest: "old", key: "old") != nil)
        #expect(index.memo(digest: "new", key: "new") != nil)
        #expect(index.memoItems(digest: "new", [0]) == [0: Data([1, 2, 3])])
        #expect(index.memoItems(digest: "used", [0]) == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: index.memoFolder)
        #expect(files.count == 2)
        // An output larger than half the bound is not kept at all.
        #expect(!(output.withUnsafeBytes { index.storeMemoOutput(digest: "new", name: "big", bytes: $0, flags: 0, limit: 50_000) }))
    }
}

/// The memo's byte form reads back every integer it writes, the largest of either sign included.
@Test func byteCodingRoundTripsEveryInteger() {
    let values = [0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), Int.max, Int.min, Int.max - 1, Int.min + 1, 6_126_283_458_501_574_906,
                  Int(Int64(bitPattern: 0xAA01_84F7_969B_95B4))]
    var w = ByteWriter()
    for value in values { w.int(value) }
    w.double(-0.125)
    w.string("ünï")
    w.bytes.withUnsafeBytes { bytes in
        var r = ByteReader(bytes)
        #expect(values.map { _ in r.int() } == values)
        #expect(r.double() == -0.125)
        #expect(r.string() == "ünï")
        #expect(!r.failed && r.isAtEnd)
        #expect(r.int() == 0 && r.failed, "reading past the end fails")
    }
}
