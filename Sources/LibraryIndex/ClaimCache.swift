import DebateCore
import Foundation
import GRDB
import YAMLCoding

/// The claim cache: each claim file of a pack as it decoded (positions, entries, the decoder's
/// warnings, with every source position), in the table `claim_cache`, so a command that loads the
/// pack again reads those of unchanged files instead of decoding their YAML.
///
/// It is separate from the search tables (`file`, `claim`, `claim_fts`): a command writes one row
/// per file it decoded, which costs little; the search index is brought up to date by
/// `debate search`. A file comes back exactly as its YAML decodes (`ClaimCacheTests` compares the
/// two for the built-in modules and a generated library).
extension LibraryIndex {
    /// A claim file the caller wants, by absolute path (the cache's key) and by the path it uses
    /// itself (what the positions of the entries it gets back carry).
    public struct CachedFileRequest: Sendable {
        public var absolute: String
        public var path: String
        public init(absolute: String, path: String) {
            self.absolute = absolute
            self.path = path
        }
    }

    /// The files of the pack in `folder` whose cached form is current (same size and time; the
    /// same bytes when the file was written too close to when it was cached to tell by time, or
    /// changed since it was cached, as its change time shows), keyed
    /// by the caller's path. Rows of files no longer in the pack are dropped.
    public func cachedFiles(pack folder: String, files: [CachedFileRequest]) throws(IndexError) -> [String: DecodedClaimFile] {
        try withRepair {
            var wanted: [String: String] = [:]
            wanted.reserveCapacity(files.count)
            for file in files { wanted[file.absolute] = file.path }
            var result: [String: DecodedClaimFile] = [:]
            var gone: [String] = []
            var confirmed: [String] = []
            let now = Fingerprint.now()
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, hash, indexed, data FROM claim_cache WHERE pack = ?",
                                               arguments: [folder])
                while let row = try rows.next() {
                    let absolute: String = row[0]
                    guard let path = wanted[absolute] else {
                        gone.append(absolute)
                        continue
                    }
                    let known = FileFingerprint(size: row[1], mtime: row[2], hash: row[3])
                    let indexed: Int64 = row[4]
                    guard let stat = FileFingerprint.statusAndChange(absolute), stat.size == known.size, stat.mtime == known.mtime
                    else { continue }
                    if known.mtime >= indexed - 2_000_000_000 || stat.ctime >= indexed - 2_000_000_000 {
                        // Written within the clock's resolution of being cached, or changed since (with its
                        // old size and modification time put back): only the bytes can tell.
                        guard let bytes = readBytes(absolute), FileFingerprint.contentHash(bytes) == known.hash else { continue }
                        if known.mtime < now - 2_000_000_000 { confirmed.append(absolute) }
                    }
                    guard let data = row.dataNoCopy(atIndex: 5),
                          let file = ClaimCacheCodec.decode(data, path: path, sourcePath: absolute, fingerprint: known) else { continue }
                    result[path] = file
                }
            }
            if !gone.isEmpty || !confirmed.isEmpty {
                try immediate { db in
                    for path in gone { try db.execute(sql: "DELETE FROM claim_cache WHERE path = ?", arguments: [path]) }
                    // Checked by content long after its last write: from now on size and time suffice.
                    for path in confirmed { try db.execute(sql: "UPDATE claim_cache SET indexed = ? WHERE path = ?", arguments: [now, path]) }
                }
            }
            return result
        }
    }

    /// Keeps `files` (just decoded, keyed by absolute path) as the pack's cached files.
    public func storeCachedFiles(pack folder: String, _ files: [(absolute: String, file: DecodedClaimFile)]) throws(IndexError) {
        // One buffer for every file's blob, handed to SQLite without a copy into a `Data` of its own
        // (SQLite copies what it binds): one blob in memory at a time, however large the library.
        // A transaction holds about 8 MB of blobs, so that none holds the write lock for long.
        var writer = ClaimCacheCodec.Writer(path: "")
        var next = files.startIndex
        while next < files.endIndex {
            let start = next
            var position = start
            try withRepair {
                let now = Fingerprint.now()
                try immediate { db in
                    position = start  // a repaired index is written from the batch's start
                    // Not a cached statement: one would keep its last arguments (a file's whole blob)
                    // as long as the connection lives, which LeakSanitizer reported as lost at exit.
                    let insert = try db.makeStatement(sql: """
                        INSERT OR REPLACE INTO claim_cache(path, pack, size, mtime, hash, indexed, data) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                    var written = 0
                    while position < files.endIndex && written < 8 << 20 {
                        let (absolute, file) = files[position]
                        position += 1
                        guard ClaimCacheCodec.encode(file, into: &writer) else { continue }
                        written += writer.bytes.count
                        let fingerprint = file.fingerprint
                        try writer.bytes.withUnsafeMutableBytes { blob in
                            let data = blob.baseAddress.map { Data(bytesNoCopy: $0, count: blob.count, deallocator: .none) } ?? Data()
                            try insert.execute(arguments: [absolute, folder, fingerprint.size, fingerprint.mtime, fingerprint.hash, now, data])
                        }
                    }
                    // The statement keeps its last arguments, whose blob points into `writer`: let it go first.
                    insert.setUncheckedArguments([])
                }
            }
            next = position
        }
        withExtendedLifetime(writer) {}
    }
}
