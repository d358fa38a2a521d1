import DebateCore
import Foundation
import GRDB

/// The memo: what a command worked out from a deck, kept under the deck's input key (a digest of
/// everything the result depends on, `DeckKey` in the CLI), so that a run with the same inputs
/// replays it instead of loading the deck's claims. Rows live in the index file (tables `memo`,
/// `memo_facts`, `memo_output`, `memo_item`, made on first use: deleting the index deletes the memo); outputs of a
/// build are files in the folder beside it (`<index>-memo/`), streamed to where they go.
///
/// Only a cache: a row or file that is missing, damaged or of another key is a miss. Bounded: after
/// each store, the least recently used entries go until the whole is under `limitBytes`.
extension LibraryIndex {
    /// One memoized result: the caller's own bytes (`facts`, and `deps`: inputs found while working it
    /// out, which the caller checks itself) and the outputs kept as files.
    public struct MemoEntry: Sendable {
        public var facts: Data
        public var deps: Data
        public var outputs: [String: MemoOutput]
    }

    /// An output kept as a file: its size and `FileFingerprint.contentHash`, checked before use; `flags` are the caller's.
    public struct MemoOutput: Sendable {
        public var file: String
        public var size: Int64
        public var hash: Int64
        public var flags: Int
    }

    /// Where outputs are kept: beside the index file.
    public var memoFolder: String { path + "-memo" }

    /// The memo's size bound: `DEBATE_MEMO_MB` megabytes, else 1 GiB.
    public static func memoLimit(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        environment["DEBATE_MEMO_MB"].flatMap { Int64($0) }.map { max(0, $0) * 1_048_576 } ?? 1 << 30
    }

    /// The entry stored under `digest` for exactly `key`; nil when there is none (or it cannot be read).
    public func memo(digest: String, key: String) -> MemoEntry? {
        try? queue.read { db -> MemoEntry? in
            guard let row = try Row.fetchOne(db, sql: "SELECT key, facts, deps FROM memo JOIN memo_facts USING (digest) WHERE digest = ?",
                                             arguments: [digest]),
                  (row[0] as String?) == key, let facts = row[1] as Data?, let deps = row[2] as Data? else { return nil }
            var outputs: [String: MemoOutput] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT name, file, size, hash, flags FROM memo_output WHERE digest = ?",
                                           arguments: [digest])
            while let output = try rows.next() {
                outputs[output[0]] = MemoOutput(file: (memoFolder as NSString).appendingPathComponent(output[1]),
                                                size: output[2], hash: output[3], flags: output[4])
            }
            return MemoEntry(facts: facts, deps: deps, outputs: outputs)
        }
    }

    /// Marks the entry used now (eviction drops the least recently used first).
    public func touchMemo(digest: String) {
        try? immediate { db in
            try db.execute(sql: "UPDATE memo SET used = ? WHERE digest = ?", arguments: [Fingerprint.now(), digest])
        }
    }

    /// Stores `facts` and `deps` under `digest`/`key`, replacing what was there (and its outputs and
    /// items, unless the key is the same).
    public func storeMemo(digest: String, key: String, facts: Data, deps: Data) {
        try? immediate { db in
            try Self.createMemoTables(db)
            let old = try String.fetchOne(db, sql: "SELECT key FROM memo WHERE digest = ?", arguments: [digest])
            if let old, old != key { try dropMemo(db, digest: digest) }
            try db.execute(sql: """
                INSERT OR REPLACE INTO memo(digest, key, used, bytes)
                VALUES (?, ?, ?, ? + coalesce((SELECT sum(size) FROM memo_output WHERE digest = ?), 0)
                                   + coalesce((SELECT sum(length(data)) FROM memo_item WHERE digest = ?), 0))
                """, arguments: [digest, key, Fingerprint.now(), facts.count + deps.count, digest, digest])
            try db.execute(sql: "INSERT OR REPLACE INTO memo_facts(digest, facts, deps) VALUES (?, ?, ?)", arguments: [digest, facts, deps])
        }
    }

    /// Keeps `bytes` as the output `name` of the entry `digest` (which must be stored already): a
    /// file written beside the index and renamed into place, then its row. Returns false when it
    /// was not kept (too large for the bound, no entry, a write failed).
    @discardableResult
    public func storeMemoOutput(digest: String, name: String, bytes: UnsafeRawBufferPointer, flags: Int,
                                limit: Int64 = LibraryIndex.memoLimit()) -> Bool {
        guard Int64(bytes.count) <= limit / 2, let temporary = memoSpoolPath() else { return false }
        guard Self.writeFile(bytes, to: temporary) else { return false }
        return adoptMemoOutput(digest: digest, name: name, file: temporary, flags: flags, limit: limit)
    }

    /// A new name in the memo folder (created when missing) for an output being written, to hand
    /// to `adoptMemoOutput` once whole; nil when the folder cannot be made.
    public func memoSpoolPath() -> String? {
        let folder = memoFolder
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var info = stat()
        guard stat(folder, &info) == 0 else { return nil }
        return (folder as NSString).appendingPathComponent("spool-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp")
    }

    /// Keeps the whole file `file` (a `memoSpoolPath()`, which this takes over: it is renamed or
    /// removed) as the output `name` of the entry `digest`, which must be stored already. Returns
    /// false when it was not kept (too large for the bound, no entry, unreadable).
    @discardableResult
    public func adoptMemoOutput(digest: String, name: String, file temporary: String, flags: Int,
                                limit: Int64 = LibraryIndex.memoLimit()) -> Bool {
        guard let (size, hash) = Self.sizeAndHash(temporary), size <= limit / 2 else {
            unlink(temporary)
            return false
        }
        let folder = memoFolder
        let file = "\(digest.prefix(16))-\(String(UInt64(bitPattern: FileFingerprint.hash(name.utf8)), radix: 16))-\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).out"
        let target = (folder as NSString).appendingPathComponent(file)
        guard rename(temporary, target) == 0 else {
            unlink(temporary)
            return false
        }
        var stored = false
        try? immediate { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM memo WHERE digest = ?", arguments: [digest]) == true else { return }
            if let old = try Row.fetchOne(db, sql: "SELECT file, size FROM memo_output WHERE digest = ? AND name = ?", arguments: [digest, name]) {
                unlink((folder as NSString).appendingPathComponent(old[0] as String))
                try db.execute(sql: "UPDATE memo SET bytes = bytes - ? WHERE digest = ?", arguments: [old[1] as Int64, digest])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO memo_output(digest, name, file, size, hash, flags) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [digest, name, file, size, hash, flags])
            try db.execute(sql: "UPDATE memo SET bytes = bytes + ? WHERE digest = ?", arguments: [size, digest])
            stored = true
        }
        if !stored { unlink(target) }
        evictMemo(limit: limit)
        return stored
    }

    /// A file's size and `FileFingerprint.contentHash`, read a megabyte at a time (a mapping of a
    /// 300 MB output would count it all in the process's memory); nil when it cannot be read.
    static func sizeAndHash(_ path: String) -> (Int64, Int64)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hasher = FileFingerprint.ContentHasher()
        var size: Int64 = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let read = Glibc.read(descriptor, chunk.baseAddress, chunk.count)
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { return (size, hasher.finish()) }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<read]))
            size += Int64(read)
        }
    }

    /// Keeps `items` as the rows 0… of the entry `digest` (stored already), one transaction.
    public func storeMemoItems(digest: String, _ items: [Data], limit: Int64 = LibraryIndex.memoLimit()) {
        try? immediate { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM memo WHERE digest = ?", arguments: [digest]) == true else { return }
            let old = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(length(data)), 0) FROM memo_item WHERE digest = ?", arguments: [digest]) ?? 0
            try db.execute(sql: "DELETE FROM memo_item WHERE digest = ?", arguments: [digest])
            try db.execute(sql: "UPDATE memo SET bytes = bytes - ? WHERE digest = ?", arguments: [old, digest])
            let insert = try db.cachedStatement(sql: "INSERT INTO memo_item(digest, ord, data) VALUES (?, ?, ?)")
            var total = 0
            for (ord, data) in items.enumerated() {
                try insert.execute(arguments: [digest, ord, data])
                total += data.count
            }
            try db.execute(sql: "UPDATE memo SET bytes = bytes + ? WHERE digest = ?", arguments: [total, digest])
        }
        evictMemo(limit: limit)
    }

    /// The rows `ordinals` of the entry `digest`, by ordinal; nil when any cannot be read.
    public func memoItems(digest: String, _ ordinals: [Int]) -> [Int: Data]? {
        try? queue.read { db -> [Int: Data]? in
            var result: [Int: Data] = [:]
            let statement = try db.cachedStatement(sql: "SELECT data FROM memo_item WHERE digest = ? AND ord = ?")
            for ord in ordinals {
                guard let data = try Data.fetchOne(statement, arguments: [digest, ord]) else { return nil }
                result[ord] = data
            }
            return result
        }
    }

    static func createMemoTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS memo (
                digest TEXT PRIMARY KEY,         -- of the key
                key TEXT NOT NULL,               -- every input, as text: compared whole on a hit
                used INTEGER NOT NULL,           -- nanoseconds since 1970
                bytes INTEGER NOT NULL           -- the entry's size, outputs and items included
            );
            -- Apart from `memo`, whose `used` each hit updates: SQLite rewrites a whole row to update it.
            CREATE TABLE IF NOT EXISTS memo_facts (
                digest TEXT PRIMARY KEY, facts BLOB NOT NULL, deps BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS memo_output (
                digest TEXT NOT NULL, name TEXT NOT NULL,
                file TEXT NOT NULL,              -- in the memo folder
                size INTEGER NOT NULL, hash INTEGER NOT NULL, flags INTEGER NOT NULL,
                PRIMARY KEY (digest, name));
            CREATE TABLE IF NOT EXISTS memo_item (
                digest TEXT NOT NULL, ord INTEGER NOT NULL, data BLOB NOT NULL,
                PRIMARY KEY (digest, ord)) WITHOUT ROWID;
            """)
    }

    private func dropMemo(_ db: Database, digest: String) throws {
        for file in try String.fetchAll(db, sql: "SELECT file FROM memo_output WHERE digest = ?", arguments: [digest]) {
            unlink((memoFolder as NSString).appendingPathComponent(file))
        }
        try db.execute(sql: "DELETE FROM memo_output WHERE digest = ?", arguments: [digest])
        try db.execute(sql: "DELETE FROM memo_item WHERE digest = ?", arguments: [digest])
        try db.execute(sql: "DELETE FROM memo_facts WHERE digest = ?", arguments: [digest])
        try db.execute(sql: "DELETE FROM memo WHERE digest = ?", arguments: [digest])
    }

    /// Drops the least recently used entries until the memo is under `limit`, and output files no
    /// row names (left by a run killed between the two, or by a deleted index) once they are an hour old.
    func evictMemo(limit: Int64) {
        try? immediate { db in
            var total = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(bytes), 0) FROM memo") ?? 0
            if total > limit {
                for row in try Row.fetchAll(db, sql: "SELECT digest, bytes FROM memo ORDER BY used") where total > limit {
                    try dropMemo(db, digest: row[0])
                    total -= row[1] as Int64
                }
            }
            let named = Set(try String.fetchAll(db, sql: "SELECT file FROM memo_output"))
            let hourAgo = Fingerprint.now() - 3_600_000_000_000
            for file in (try? FileManager.default.contentsOfDirectory(atPath: memoFolder)) ?? [] where !named.contains(file) {
                let path = (memoFolder as NSString).appendingPathComponent(file)
                if let status = FileFingerprint.status(path), status.mtime < hourAgo { unlink(path) }
            }
        }
    }

    /// Writes a new file whole (a temporary name, then renamed): a reader never sees part of it.
    static func writeFile(_ bytes: UnsafeRawBufferPointer, to path: String) -> Bool {
        let temporary = path + ".tmp\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        let failed = bytes.isEmpty ? nil : StandardStream.writeAll(bytes, to: descriptor)
        close(descriptor)
        guard failed == nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
