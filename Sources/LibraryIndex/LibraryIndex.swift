import DebateCore
import Foundation
import GRDB
import YAMLCoding

/// The library index: every claim of every module a command can see, in one SQLite file with a
/// full-text index (FTS5) over tags, cites, warrants and evidence.
///
/// It is only a cache. It lives at `$XDG_CACHE_HOME/debate/library.sqlite` (or
/// `~/.cache/debate/library.sqlite`); deleting it loses nothing, the next run rebuilds it. Each
/// refresh compares the files' fingerprints (size, modification time, and a content hash when those
/// two cannot tell) with what was indexed and re-reads only what changed.
///
/// Safe to share: the file is in WAL mode with a busy timeout, each batch of a refresh is one
/// transaction (a killed refresh leaves whole batches, which the next refresh completes), and a file
/// that is not an index of this version (corrupt, foreign, older) is replaced with a warning.
public final class LibraryIndex: @unchecked Sendable {
    /// `DBLI`: marks a SQLite file as ours (SQLite's `application_id`).
    static let applicationID: Int32 = 0x4442_4C49
    /// Bumped whenever the tables change; an index of another version is rebuilt.
    static let schemaVersion: Int32 = 7

    public let path: String
    private(set) var queue: DatabaseQueue
    /// Warnings about the index itself (rebuilt, unreadable); the caller prints them.
    public private(set) var diagnostics: [Diagnostic] = []

    /// The index file's default place: `$XDG_CACHE_HOME/debate/library.sqlite`, falling back to
    /// `~/.cache/debate/library.sqlite`. `DEBATE_INDEX` names another file.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["DEBATE_INDEX"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/debate/library.sqlite" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.cache/debate/library.sqlite"
    }

    /// Opens (or creates) the index at `path`; a file that is not a usable index is replaced.
    public init(path: String = LibraryIndex.defaultPath()) throws(IndexError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw IndexError("cannot create the index folder \(folder): \(error.localizedDescription)")
            }
        }
        var notes: [Diagnostic] = []
        do {
            queue = try Self.openValid(path)
        } catch let reason as Unusable {
            notes.append(.warning("the library index \(path) \(reason.why); rebuilding it (it is only a cache)", code: .indexRebuilt))
            Self.remove(path)
            do {
                queue = try Self.openValid(path)
            } catch {
                throw IndexError("cannot create the library index \(path): \(Self.describe(error))")
            }
        } catch {
            throw IndexError("cannot open the library index \(path): \(Self.describe(error))")
        }
        diagnostics = notes
    }

    /// Why an existing file is not used as the index.
    struct Unusable: Error { var why: String }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        // A second process waits for the first one's transaction instead of failing.
        configuration.busyMode = .timeout(120)
        configuration.label = "debate library index"
        configuration.prepareDatabase { db in
            // WAL: readers never block the writer; a killed writer's partial transaction is rolled back on open.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A refresh of a big library grows the WAL; it is cut back to this once checkpointed.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        return configuration
    }

    /// Opens the file and checks it is our index (or empty, then creates the tables).
    static func openValid(_ path: String) throws -> DatabaseQueue {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
        } catch let error as DatabaseError where isDamage(error) {
            throw Unusable(why: "is not a readable database (\(error.message ?? "damaged"))")
        }
        do {
            // Usually it is our index: a read says so without waiting for another process's refresh.
            if try queue.read({ db in try check(db) }) { return queue }
            try queue.inTransaction(.immediate) { db in
                if try !check(db) { try createSchema(db) }
                return .commit
            }
        } catch let error as DatabaseError where isDamage(error) {
            try? queue.close()
            throw Unusable(why: "is damaged (\(error.message ?? "unreadable"))")
        } catch let error as Unusable {
            try? queue.close()
            throw error
        }
        return queue
    }

    /// True for our index; false for an empty file (the tables are to be made); throws `Unusable` for any other.
    static func check(_ db: Database) throws -> Bool {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if application == 0 && tables == 0 { return false }
        guard application == applicationID else {
            throw Unusable(why: "is an SQLite file of another program")
        }
        guard version == schemaVersion else {
            throw Unusable(why: "was written by another version of debate")
        }
        // Another build may have used the same version number for other tables.
        let ours = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master WHERE name IN ('source', 'file', 'claim', 'claim_text', 'claim_fts', 'tag_fts', 'claim_cache')
            """) ?? 0
        guard ours == 7 else { throw Unusable(why: "was written by another version of debate") }
        // A cheap look at the tables we need: damage in them shows up here.
        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM source")
        return true
    }

    static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT].contains(error.resultCode)
            || (error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("malformed"))
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "database error \(error.resultCode.rawValue)" }
        if let error = error as? Unusable { return error.why }
        return "\(error)"
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(schemaVersion);
            CREATE TABLE source (
                id INTEGER PRIMARY KEY,
                location TEXT NOT NULL UNIQUE,   -- a pack's folder, a process module's executable or folder
                module TEXT NOT NULL,
                kind TEXT NOT NULL,              -- pack | process
                key TEXT                         -- a process module: version and options its claims were asked with
            );
            CREATE TABLE file (
                id INTEGER PRIMARY KEY,
                source INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,          -- nanoseconds since 1970
                hash INTEGER NOT NULL,           -- FNV-1a of the bytes read
                indexed INTEGER NOT NULL,        -- nanoseconds since 1970, when the bytes were read
                error TEXT                       -- why the file's claims could not be read, if so
            );
            CREATE INDEX file_source ON file(source);
            -- What searches filter and sort on, narrow so that checking thousands of matches reads few pages.
            CREATE TABLE claim (
                id INTEGER PRIMARY KEY,
                file INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                source INTEGER NOT NULL,
                ord INTEGER NOT NULL,            -- order in its file
                claim TEXT NOT NULL,             -- the claim's id
                module TEXT NOT NULL,
                side TEXT NOT NULL,
                position TEXT,
                position_kind TEXT,
                role TEXT,
                card INTEGER NOT NULL,           -- evidence and a cite
                year INTEGER,
                answers TEXT,
                response TEXT,
                line INTEGER, col INTEGER
            );
            CREATE INDEX claim_file ON claim(file);
            CREATE INDEX claim_claim ON claim(claim);
            CREATE INDEX claim_answers ON claim(answers) WHERE answers IS NOT NULL;
            -- The filters that few claims pass: a search with one of them looks only between the first
            -- and the last claim that passes it.
            CREATE INDEX claim_position_kind ON claim(position_kind) WHERE position_kind IS NOT NULL;
            CREATE INDEX claim_role ON claim(role) WHERE role IS NOT NULL;
            CREATE INDEX claim_response ON claim(response) WHERE response IS NOT NULL;
            CREATE INDEX claim_analytic ON claim(card) WHERE card = 0;
            -- The claim's words: what the full-text index reads and a hit shows.
            CREATE TABLE claim_text (
                id INTEGER PRIMARY KEY REFERENCES claim(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                tags TEXT,                       -- newline-separated
                warrant TEXT,
                has_cite INTEGER NOT NULL,
                author TEXT, qualifications TEXT, date TEXT, title TEXT, publication TEXT, url TEXT,
                evidence TEXT,                   -- the markup as written: its plain and highlighted text are parsed from it
                tag_words INTEGER NOT NULL DEFAULT 0  -- words in the tag, as the full-text index counts them (tag_fts's order)
            );
            -- The claim cache (ClaimCache.swift): each claim file of a pack as it decoded, for commands.
            CREATE TABLE claim_cache (
                path TEXT PRIMARY KEY,           -- absolute
                pack TEXT NOT NULL,              -- the pack's folder, absolute
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,          -- nanoseconds since 1970, before the bytes were read
                hash INTEGER NOT NULL,           -- FNV-1a of the bytes decoded
                indexed INTEGER NOT NULL,        -- nanoseconds since 1970, when cached
                data BLOB NOT NULL               -- ClaimCacheCodec
            );
            CREATE INDEX claim_cache_pack ON claim_cache(pack);
            CREATE VIRTUAL TABLE claim_fts USING fts5(
                tag, author, publication, warrant, evidence,
                content = 'claim_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
            -- The tags alone, for the first tier of a search (hits whose tag holds the whole query).
            -- Its rowid is the tag's word count × 2^32 + the claim's id, so that reading matches in
            -- rowid order gives the shortest tags first and a search stops after the first page
            -- instead of ranking every match. Contentless (the tag is in claim_text) and without
            -- column sizes (nothing ranks it by BM25): a small index.
            CREATE VIRTUAL TABLE tag_fts USING fts5(
                tag, content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim_text BEGIN
                INSERT INTO claim_fts(rowid, tag, author, publication, warrant, evidence)
                VALUES (new.id, new.tag, new.author, new.publication, new.warrant, new.evidence);
                INSERT INTO tag_fts(rowid, tag) VALUES (new.tag_words * 4294967296 + new.id, new.tag);
            END;
            CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim_text BEGIN
                INSERT INTO claim_fts(claim_fts, rowid, tag, author, publication, warrant, evidence)
                VALUES ('delete', old.id, old.tag, old.author, old.publication, old.warrant, old.evidence);
                INSERT INTO tag_fts(tag_fts, rowid, tag) VALUES ('delete', old.tag_words * 4294967296 + old.id, old.tag);
            END;
            """)
    }

    /// Runs `body`; if the index turns out damaged on the way, replaces it and runs `body` once more.
    func withRepair<T>(_ body: () throws -> T) throws(IndexError) -> T {
        do {
            return try body()
        } catch let error as DatabaseError where Self.isDamage(error) {
            diagnostics.append(.warning("the library index \(path) is damaged (\(error.message ?? "unreadable")); rebuilding it (it is only a cache)",
                                        code: .indexRebuilt))
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError("the library index \(path) failed: \(Self.describe(error))")
        }
        // Start over on a fresh file: the damaged one is only a cache.
        try? queue.close()
        Self.remove(path)
        do {
            queue = try Self.openValid(path)
            return try body()
        } catch {
            throw IndexError("cannot rebuild the library index \(path): \(Self.describe(error)); delete it and run again")
        }
    }
}

/// A failure of the index that the command cannot get around (no folder to write it, disk full).
public struct IndexError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
