import Foundation
import GRDB

/// Where `debate quiz` keeps what the user knows: one row per drill item (its FSRS state) and an
/// append-only review log. SQLite in WAL mode through a GRDB pool: every answer is one IMMEDIATE
/// transaction, so a killed process loses at most the item on screen and two quiz processes on one
/// database queue for the write lock instead of corrupting it.
public final class ProgressStore: Sendable {
    public let path: String
    /// A pool (WAL) for quizzing; a read-only queue for `quiz stats` (`init(readingOnly:)`).
    let pool: any DatabaseWriter
    /// The folder of a private copy `init(readingOnly:)` reads, removed with the store.
    let temporaryCopy: String?

    deinit {
        if let temporaryCopy { try? FileManager.default.removeItem(atPath: temporaryCopy) }
    }

    /// `$XDG_DATA_HOME/debate/progress.sqlite`, or `~/.local/share/debate/progress.sqlite` when
    /// XDG_DATA_HOME is unset or not absolute (as the XDG base directory spec says).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var base = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        if base == nil {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base! as NSString).appendingPathComponent("debate") as NSString).appendingPathComponent("progress.sqlite")
    }

    /// Opens (creating folder and file when missing) and migrates the store.
    public init(path: String) throws(ProgressStoreError) {
        self.path = path
        temporaryCopy = nil
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            // Another quiz holding the write lock finishes its one-answer transaction in milliseconds.
            configuration.busyMode = .timeout(30)
            configuration.foreignKeysEnabled = true
            pool = try Self.retryingWhileBusy { try DatabasePool(path: path, configuration: configuration) }
        } catch {
            throw ProgressStoreError(path: path, message: "cannot open the progress store: \(Self.describe(error))")
        }
        let superseded: Bool
        do {
            superseded = try pool.read { try ProgressSchema.migrator.hasBeenSuperseded($0) }
        } catch {
            throw ProgressStoreError(path: path, message: "cannot read the progress store: \(Self.describe(error))")
        }
        if superseded {
            throw ProgressStoreError(path: path, message: "the progress store was written by a newer debate; upgrade debate to use it")
        }
        do {
            try Self.migrate(pool)
        } catch {
            throw ProgressStoreError(path: path, message: "cannot migrate the progress store: \(Self.describe(error))")
        }
    }

    /// Runs the migrations a store lacks. GRDB's migrator reads which migrations are applied before it
    /// takes the write lock, so two quizzes opening a new store at once can both start the first one;
    /// the one that loses fails ("table item already exists") after the other has committed it. The
    /// loser then finds the store migrated, or migrates what is still missing.
    private static func migrate(_ pool: any DatabaseWriter) throws {
        var attempt = 0
        while true {
            do {
                try retryingWhileBusy { try ProgressSchema.migrator.migrate(pool) }
                return
            } catch {
                attempt += 1
                if try pool.read({ try ProgressSchema.migrator.hasCompletedMigrations($0) }) { return }
                if attempt >= 3 { throw error }
            }
        }
    }

    /// Opens an existing store only to read it (`quiz stats`): no folder, file, WAL or shared-memory
    /// file is created and nothing is migrated, so a store on a read-only disk or owned by someone
    /// else can be read.
    ///
    /// SQLite cannot open a WAL database read-only when it may not create the `-shm` file beside
    /// it (SQLITE_READONLY_CANTINIT); then a private copy of the file (and its `-wal`) is read.
    public init(readingOnly path: String) throws(ProgressStoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try queue.read { _ = try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                pool = queue
                temporaryCopy = nil
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-stats-\(UUID().uuidString)").path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let copy = (folder as NSString).appendingPathComponent("progress.sqlite")
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                if FileManager.default.fileExists(atPath: path + "-wal") { try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal") }
                temporaryCopy = folder
                pool = try DatabaseQueue(path: copy, configuration: configuration)
            }
        } catch {
            throw ProgressStoreError(path: path, message: "cannot open the progress store: \(Self.describe(error))")
        }
        let (superseded, complete): (Bool, Bool)
        do {
            // A store of an older debate is read as it is: what a later migration adds (the speed log)
            // is simply empty there. Only a store with no schema at all is refused.
            (superseded, complete) = try pool.read {
                (try ProgressSchema.migrator.hasBeenSuperseded($0),
                 try ProgressSchema.migrator.appliedIdentifiers($0).contains(ProgressSchema.first))
            }
        } catch {
            throw ProgressStoreError(path: path, message: "cannot read the progress store: \(Self.describe(error))")
        }
        if superseded {
            throw ProgressStoreError(path: path, message: "the progress store was written by a newer debate; upgrade debate to use it")
        }
        if !complete {
            throw ProgressStoreError(path: path, message: "the progress store was written by an older debate; run `debate quiz` once to upgrade it")
        }
    }

    /// Runs `body` again while SQLite reports the file busy. Switching a new file to WAL mode takes an
    /// exclusive lock without waiting on the busy timeout, so two quizzes creating one store at the
    /// same moment would otherwise see "database is locked".
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 100 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// The migrations applied to this store, oldest first.
    public func appliedMigrations() throws(ProgressStoreError) -> [String] {
        try access { try pool.read { try ProgressSchema.migrator.appliedMigrations($0) } }
    }

    /// Every item the store has seen, of one deck or of all.
    public func items(deck: String? = nil) throws(ProgressStoreError) -> [ItemProgress] {
        try access {
            try pool.read { db in
                let request = deck.map { ItemProgress.filter(Column("deck") == $0) } ?? ItemProgress.all()
                return try request.order(Column("id")).fetchAll(db)
            }
        }
    }

    public func item(_ id: String) throws(ProgressStoreError) -> ItemProgress? {
        try access { try pool.read { try ItemProgress.fetchOne($0, key: id) } }
    }

    /// The review log, oldest first.
    public func reviews(deck: String? = nil, item: String? = nil) throws(ProgressStoreError) -> [ReviewEntry] {
        try access {
            try pool.read { db in
                var request = ReviewEntry.all()
                if let deck { request = request.filter(Column("deck") == deck) }
                if let item { request = request.filter(Column("item_id") == item) }
                return try request.order(Column("id")).fetchAll(db)
            }
        }
    }

    /// The speed log, oldest first; empty for a store written before it existed (read without migrating).
    public func speedReads(deck: String? = nil) throws(ProgressStoreError) -> [SpeedRead] {
        try access {
            try pool.read { db in
                guard try db.tableExists(SpeedRead.databaseTableName) else { return [] }
                let request = deck.map { SpeedRead.filter(Column("deck") == $0) } ?? SpeedRead.all()
                return try request.order(Column("id")).fetchAll(db)
            }
        }
    }

    /// Appends one timed reading to the speed log.
    @discardableResult
    public func record(_ read: SpeedRead) throws(ProgressStoreError) -> SpeedRead {
        try access {
            try pool.write { db in
                var read = read
                try read.insert(db)
                return read
            }
        }
    }

    /// Schedules one answer and commits it with its log entry, in one transaction. The item's state is
    /// read inside that transaction, so an answer given in another process meanwhile is built upon,
    /// not overwritten.
    @discardableResult
    public func record(itemID: String, deck: String, kind: String, rating: Rating, at date: Date,
                       answerMilliseconds: Int? = nil, scheduler: inout FSRSScheduler) throws(ProgressStoreError) -> ReviewEntry {
        try access {
            try pool.write { db in
                let before = try ItemProgress.fetchOne(db, key: itemID)
                let card = before?.card ?? SchedulingCard(due: date)
                let (next, log) = scheduler.review(card, rating: rating, at: date)
                let lapsed = card.state == .review && rating == .again
                let after = ItemProgress(id: itemID, deck: deck, kind: kind, card: next,
                                         reps: (before?.reps ?? 0) + 1, lapses: (before?.lapses ?? 0) + (lapsed ? 1 : 0))
                try after.save(db)
                var entry = ReviewEntry(itemID: itemID, deck: deck, before: before.map(\.card), after: next, log: log,
                                        answerMilliseconds: answerMilliseconds)
                try entry.insert(db)
                entry.id = db.lastInsertedRowID
                return entry
            }
        }
    }

    /// Runs `body`, turning database errors into a message that names the store.
    func access<T>(_ body: () throws -> T) throws(ProgressStoreError) -> T {
        do {
            return try body()
        } catch {
            throw ProgressStoreError(path: path, message: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error.localizedDescription)"
    }
}

/// A problem with the progress store, naming its file.
public struct ProgressStoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): error: \(message)" }
}
