import DebateCore
import Foundation
import GRDB
import YAMLCoding

/// Something whose claims the index holds: a pack's claim files, or a process module's reply.
public struct IndexSource: Sendable {
    public enum Content: Sendable {
        /// A pack: its claim files, each indexed on its own from its fingerprint.
        case files([String])
        /// A process module: its claims, asked for only when `key` (its version and options) or the
        /// fingerprint of `fingerprintPath` (its manifest or executable) changed, or on a forced refresh.
        case computed(key: String, fingerprintPath: String, claims: @Sendable () throws -> [any Claim])
    }

    public var module: String
    /// The pack's folder or the module's executable or folder; one place is one source.
    public var location: String
    public var content: Content

    public init(module: String, location: String, content: Content) {
        self.module = module
        self.location = location
        self.content = content
    }
}

/// What a refresh did, for `--json` reports and the benchmark.
public struct RefreshReport: Sendable {
    public var filesRead = 0
    public var filesRemoved = 0
    public var claimsWritten = 0
    /// The sources that are current, by row id: searches look only at these.
    public var sources: [Int64] = []
    /// Files whose claims could not be read (kept out of searches) and modules that failed.
    public var problems: [Diagnostic] = []
}

extension LibraryIndex {
    /// Brings the index up to date with `sources`: re-reads files whose fingerprint changed, drops
    /// files that are gone, asks process modules again when their key changed (or `force`).
    public func refresh(_ sources: [IndexSource], force: Bool = false) throws(IndexError) -> RefreshReport {
        try withRepair { try refreshUnchecked(sources, force: force) }
    }

    func refreshUnchecked(_ sources: [IndexSource], force: Bool) throws -> RefreshReport {
        var report = RefreshReport()
        // What the index holds, in one read: when nothing changed (the usual search), the refresh
        // needs no other statement.
        let snapshot = try queue.read { db in try Snapshot(db) }
        var wrote = false
        for source in sources {
            let indexed = snapshot.sources[source.location].flatMap { $0.module == source.module ? $0 : nil }
            let id = try indexed?.id ?? newSourceID(source, kind: source.kind)
            wrote = wrote || indexed == nil
            report.sources.append(id)
            switch source.content {
            case .files(let files):
                // A source made just now knows no files (its id may be a deleted one's, whose files the snapshot still lists).
                let known = indexed == nil ? [:] : snapshot.files[id] ?? [:]
                try refreshPack(id: id, source: source, files: files, known: known, force: force, report: &report)
            case .computed(let key, let fingerprintPath, let produce):
                try refreshComputed(id: id, source: source, key: key, fingerprintPath: fingerprintPath, force: force,
                                    produce: produce, report: &report)
            }
        }
        // Sources whose folder or program is gone (a deleted pack, a test's temporary folder) leave the index.
        let visible = Set(report.sources)
        let vanished = snapshot.sources.values.filter { !visible.contains($0.id) && access($0.location, F_OK) != 0 }.map(\.id)
        if !vanished.isEmpty {
            try immediate { db in
                for id in vanished { try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [id]) }
            }
        }
        try checkpoint(after: report)
        wrote = wrote || !vanished.isEmpty || report.filesRead + report.filesRemoved > 0
        // The files that could not be read: as the snapshot saw them, unless this refresh wrote.
        let errors = wrote
            ? try queue.read { db in
                try String.fetchAll(db, sql: "SELECT error FROM file WHERE error IS NOT NULL AND source IN (\(Self.list(report.sources))) ORDER BY path")
            }
            : snapshot.errors.filter { visible.contains($0.source) }.map(\.error)
        report.problems += errors.map { error in
            let parts = error.split(separator: "\u{1F}", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            let location = parts.count == 4 ? SourceLocation(path: parts[0], line: Int(parts[1]) ?? 1, column: Int(parts[2]) ?? 1) : nil
            return Diagnostic.warning("this file's claims cannot be read, so they are not searched: \(parts.last ?? "")", at: location,
                                      hint: "fix the file; `debate lint` says more", code: .unindexedFile)
        }
        return report
    }

    /// The index's sources, their files' fingerprints, and the files that could not be read, read at once.
    struct Snapshot {
        struct Source {
            var id: Int64
            var location: String
            var module: String
        }

        /// By location.
        var sources: [String: Source] = [:]
        /// Source id → path → fingerprint.
        var files: [Int64: [String: Indexed]] = [:]
        /// In path order.
        var errors: [(source: Int64, error: String)] = []

        init(_ db: Database) throws {
            for row in try Row.fetchAll(db, sql: "SELECT id, location, module FROM source") {
                let source = Source(id: row[0], location: row[1], module: row[2])
                sources[source.location] = source
            }
            var failed: [(path: String, source: Int64, error: String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT source, id, path, size, mtime, hash, indexed, error FROM file")
            while let row = try rows.next() {
                // By position: a name lookup per column of 1,000 rows is most of this loop's time.
                let path: String = row[2]
                files[row[0], default: [:]][path] = Indexed(id: row[1], size: row[3], mtime: row[4], hash: row[5], indexed: row[6])
                if let error: String = row[7] { failed.append((path, row[0], error)) }
            }
            // By path as SQLite orders it (bytes), as the query after a write does.
            errors = failed.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.map { ($0.source, $0.error) }
        }
    }

    /// After writing, folds the WAL into the file, so the index is one file of its own size.
    func checkpoint(after report: RefreshReport) throws {
        guard report.filesRead + report.filesRemoved > 0 else { return }
        try queue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    static func list(_ ids: [Int64]) -> String { ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",") }

    /// The row of a source the refresh's snapshot did not hold (with this module id): created, or
    /// found if another process just made it; a source whose module id changed starts over.
    func newSourceID(_ source: IndexSource, kind: String) throws -> Int64 {
        let sql = "SELECT id, module FROM source WHERE location = ?"
        return try immediate { db in
            if let row = try Row.fetchOne(db, sql: sql, arguments: [source.location]) {
                if (row["module"] as String) == source.module { return row["id"] }
                try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [row["id"] as Int64])
            }
            try db.execute(sql: "INSERT INTO source(location, module, kind) VALUES (?, ?, ?)",
                           arguments: [source.location, source.module, kind])
            return db.lastInsertedRowID
        }
    }

    /// One write transaction that takes the write lock at once (waiting for another process's),
    /// so a read inside it can never be outdated by the time it writes.
    func immediate<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    struct Indexed {
        var id: Int64
        var size: Int64
        var mtime: Int64
        var hash: Int64
        var indexed: Int64
    }

    /// Files read per transaction: a killed refresh loses at most one batch, and another process
    /// waiting for the index gets a turn between batches.
    static let batchFiles = 64

    /// `known`: the pack's indexed files, by path, as the refresh's snapshot saw them.
    func refreshPack(id: Int64, source: IndexSource, files: [String], known: [String: Indexed], force: Bool,
                     report: inout RefreshReport) throws {
        var known = known
        var stale: [(path: String, stat: Fingerprint?)] = []
        var confirmed: [Int64] = []
        // The pack's files are stat-ed relative to its folder: one path lookup per file, not one per folder above it.
        let folder = open(source.location, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let prefix = source.location.hasSuffix("/") ? source.location : source.location + "/"
        for path in files {
            let stat = folder >= 0 ? Fingerprint(path, below: prefix, in: folder) : Fingerprint(path: path)
            // What is left in `known` afterwards is gone from the pack.
            let indexed = known.removeValue(forKey: path)
            switch indexed.map({ Self.compare($0, stat, path: path) }) ?? .changed {
            case .same where !force: break
            case .sameByContent where !force: confirmed.append(indexed!.id)
            default: stale.append((path, stat))
            }
        }
        let gone = known.values.map(\.id)
        if !confirmed.isEmpty {
            // Checked by content long enough after its last write: from now on size and time suffice.
            let now = Fingerprint.now()
            try immediate { db in
                for fileID in confirmed { try db.execute(sql: "UPDATE file SET indexed = ? WHERE id = ?", arguments: [now, fileID]) }
            }
        }
        if stale.isEmpty && gone.isEmpty { return }

        if !gone.isEmpty {
            try immediate { db in
                for fileID in gone { try db.execute(sql: "DELETE FROM file WHERE id = ?", arguments: [fileID]) }
            }
            report.filesRemoved += gone.count
        }
        var start = 0
        while start < stale.count {
            let batch = stale[start..<min(start + Self.batchFiles, stale.count)]
            start += Self.batchFiles
            // Read and decode outside the transaction; write each file only if no one else did meanwhile.
            let read = batch.map { path, stat in ReadFile(path: path, stat: stat, module: source.module) }
            try immediate { db in
                for file in read {
                    if !force, let row = try Row.fetchOne(db, sql: "SELECT size, mtime, hash FROM file WHERE path = ?", arguments: [file.path]),
                       let stat = file.stat, (row["size"] as Int64) == stat.size, (row["mtime"] as Int64) == stat.mtime,
                       (row["hash"] as Int64) == file.hash {
                        continue
                    }
                    let existing = try Int64.fetchOne(db, sql: "SELECT id FROM file WHERE path = ? AND source = ?", arguments: [file.path, id])
                    guard let stat = file.stat else {  // vanished between listing and reading
                        try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [file.path])
                        continue
                    }
                    if let existing {
                        // Re-read: keep the file's row and the claims that did not change.
                        try db.execute(sql: "UPDATE file SET size = ?, mtime = ?, hash = ?, indexed = ?, error = ? WHERE id = ?",
                                       arguments: [stat.size, stat.mtime, file.hash, file.readAt, file.error, existing])
                        try Self.replace(claimsOf: existing, with: file.claims, source: id, positionKinds: file.positionKinds, db: db)
                    } else {
                        try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [file.path])
                        try db.execute(sql: "INSERT INTO file(source, path, size, mtime, hash, indexed, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       arguments: [id, file.path, stat.size, stat.mtime, file.hash, file.readAt, file.error])
                        try Self.insert(file.claims, file: db.lastInsertedRowID, source: id, positionKinds: file.positionKinds, db: db)
                    }
                    report.claimsWritten += file.claims.count
                }
            }
            report.filesRead += batch.count
        }
    }

    enum Comparison { case same, sameByContent, changed }

    /// Size and time agree; when the file was written so close to the moment it was read that an
    /// edit within the clock's resolution could hide, its content hash decides.
    static func compare(_ known: Indexed, _ stat: Fingerprint?, path: String) -> Comparison {
        guard let stat, stat.size == known.size, stat.mtime == known.mtime else { return .changed }
        let racy = known.mtime >= known.indexed - 2_000_000_000
        if !racy { return .same }
        guard let bytes = readBytes(path), FileFingerprint.hash(bytes) == known.hash else { return .changed }
        return known.mtime < Fingerprint.now() - 2_000_000_000 ? .sameByContent : .same
    }

    func refreshComputed(id: Int64, source: IndexSource, key: String, fingerprintPath: String, force: Bool,
                         produce: () throws -> [any Claim], report: inout RefreshReport) throws {
        let stat = Fingerprint(path: fingerprintPath) ?? Fingerprint(size: 0, mtime: 0)
        let keyHash = FileFingerprint.hash(key.utf8)
        let current = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT size, mtime, hash FROM file WHERE source = ?", arguments: [id])
        }
        if !force, let current, (current["size"] as Int64) == stat.size, (current["mtime"] as Int64) == stat.mtime,
           (current["hash"] as Int64) == keyHash {
            return
        }
        let claims: [any Claim]
        do {
            claims = try produce()
        } catch {
            let message = (error as? DiagnosticsError)?.diagnostics.map(\.message).joined(separator: "; ") ?? "\(error)"
            report.problems.append(.warning("module `\(source.module)` could not be asked for its claims: \(message)",
                                            hint: current == nil ? "its claims are not searched" : "searching the claims it gave last time",
                                            code: .moduleFailed))
            return
        }
        try immediate { db in
            try db.execute(sql: "DELETE FROM file WHERE source = ?", arguments: [id])
            try db.execute(sql: "UPDATE source SET key = ? WHERE id = ?", arguments: [key, id])
            try db.execute(sql: "INSERT INTO file(source, path, size, mtime, hash, indexed) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, source.location, stat.size, stat.mtime, keyHash, Fingerprint.now()])
            try Self.insert(claims, file: db.lastInsertedRowID, source: id, db: db)
        }
        report.filesRead += 1
        report.claimsWritten += claims.count
    }
}

/// A file's size and modification time, from `stat`.
struct Fingerprint: Equatable {
    var size: Int64
    var mtime: Int64

    init(size: Int64, mtime: Int64) {
        self.size = size
        self.mtime = mtime
    }

    init?(path: String) {
        guard let status = FileFingerprint.status(path) else { return nil }
        self.init(size: status.size, mtime: status.mtime)
    }

    /// The file at `relativePath` below the open folder `folder`.
    init?(relativePath: String, in folder: Int32) {
        var info = stat()
        guard fstatat(folder, relativePath, &info, 0) == 0 else { return nil }
        self.init(info)
    }

    /// The file at `path`: when `path` begins with `folderPath` (the open folder `folder`'s path and
    /// a slash), the rest of it below `folder`, without a new string per file; else the whole path.
    init?(_ path: String, below folderPath: String, in folder: Int32) {
        var info = stat()
        let found = path.withCString { full in
            folderPath.withCString { prefix in
                let count = strlen(prefix)
                return strncmp(full, prefix, count) == 0 ? fstatat(folder, full + count, &info, 0) == 0 : stat(full, &info) == 0
            }
        }
        guard found else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// One claim file read for the index: its bytes' hash and its claims, or why they could not be read.
struct ReadFile {
    var path: String
    var stat: Fingerprint?
    var hash: Int64 = 0
    var readAt: Int64
    var claims: [any Claim] = []
    var error: String?
    /// Position id → kind, from the file's `positions:`.
    var positionKinds: [String: String] = [:]

    init(path: String, stat: Fingerprint?, module: String) {
        self.path = path
        self.stat = stat
        readAt = Fingerprint.now()
        guard stat != nil, let bytes = readBytes(path) else {
            self.stat = nil
            return
        }
        hash = FileFingerprint.hash(bytes)
        do {
            var warnings: [YAMLWarning] = []
            let file = try YAMLDecoder().decode(ClaimFile.self, from: bytes, path: path, warnings: &warnings)
            claims = file.claims.map { $0.claim(module: module) }
            positionKinds = Dictionary(file.positions.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
        } catch {
            // The location and the message, split again when reported.
            let diagnostic = Diagnostic(error)
            self.error = (diagnostic.location.map { "\($0.path)\u{1F}\($0.line)\u{1F}\($0.column)" } ?? "\(path)\u{1F}1\u{1F}1")
                + "\u{1F}" + diagnostic.message
        }
    }
}

/// The file's bytes, or nil when it cannot be read (gone, a folder, unreadable): YAMLCoding's plain
/// POSIX read, without its size limit (a refresh only hashes them here, or decodes them with the limit).
/// Not Foundation's `FileManager.contents(atPath:)`, which leaks a 4 KB buffer for every small file
/// it reads (Swift 6.3 on Linux; the `index` fuzz target's first finding).
func readBytes(_ path: String) -> [UInt8]? {
    var reader = YAMLDecoder()
    reader.limits.maxInputBytes = .max
    return try? reader.readFile(path)
}

extension IndexSource {
    var kind: String {
        switch content {
        case .files: "pack"
        case .computed: "process"
        }
    }
}
