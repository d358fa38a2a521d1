import Dispatch
import Synchronization
@testable import Drill
import Foundation
import GRDB
import Testing

/// A store in a fresh temporary folder, removed with the folder when the value goes away.
final class TemporaryStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("progress.sqlite").path }

    func open() throws -> ProgressStore { try ProgressStore(path: path) }
    deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite("Progress store")
struct ProgressStoreTests {
    let start = RFC3339.date(from: "2025-06-01T09:00:00Z")!

    func scheduler() throws -> FSRSScheduler {
        try FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))
    }

    @Test func freshStoreIsMigratedAndInWALMode() throws {
        let temporary = TemporaryStore()
        let store = try temporary.open()
        #expect(try store.appliedMigrations() == ["v1: items and review log", "v2: speed reading log"])
        let mode = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Opening again migrates nothing and keeps the schema.
        #expect(try temporary.open().appliedMigrations() == ["v1: items and review log", "v2: speed reading log"])
    }

    /// Two quizzes that open one new store at the same moment both migrate it: GRDB's migrator reads
    /// what is applied before it takes the write lock, so one of them may try a migration the other
    /// has just committed. Many openers on fresh stores make that race likely.
    @Test func storesOpenedAtOnceByManyOpenersAllMigrate() throws {
        for _ in 0..<20 {
            let temporary = TemporaryStore()
            let failures = Mutex<[String]>([])
            let path = temporary.path
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try ProgressStore(path: path) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(try temporary.open().appliedMigrations() == ["v1: items and review log", "v2: speed reading log"])
        }
    }

    /// `Fixtures/progress-v1.sqlite` was written by the debate of round 2 (schema v1: items and the
    /// review log, no speed log): six items answered over three sessions, eight reviews.
    @Test func aStoreOfTheFirstSchemaUpgradesKeepingEveryReview() throws {
        let temporary = TemporaryStore()
        try FileManager.default.createDirectory(at: temporary.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("progress-v1.sqlite"), to: URL(fileURLWithPath: temporary.path))
        // Read as it is first (`quiz stats` never migrates): the speed log is simply empty.
        let old = try ProgressStore(readingOnly: temporary.path)
        #expect(try old.appliedMigrations() == ["v1: items and review log"])
        let itemsBefore = try old.items(), reviewsBefore = try old.reviews()
        #expect(itemsBefore.count == 6 && reviewsBefore.count == 8)
        #expect(try old.speedReads().isEmpty)
        // Opened to quiz: migrated, nothing lost, and speed readings are kept from then on.
        let store = try temporary.open()
        #expect(try store.appliedMigrations() == ["v1: items and review log", "v2: speed reading log"])
        #expect(try store.items() == itemsBefore)
        #expect(try store.reviews() == reviewsBefore)
        let read = try store.record(SpeedRead(itemID: "d:c:speed", deck: "d", cardID: "c", readAt: start, words: 50, seconds: 12.5, targetWPM: 250))
        #expect(read.id != nil && read.wordsPerMinute == 240)
        #expect(try store.speedReads(deck: "d") == [read])
        var scheduler = try scheduler()
        try store.record(itemID: itemsBefore[0].id, deck: itemsBefore[0].deck, kind: itemsBefore[0].kind, rating: .good,
                         at: start.addingTimeInterval(30 * 86_400), scheduler: &scheduler)
        #expect(try store.reviews().count == 9)
        // The speed log is append-only, like the review log.
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM speed_log") } }
    }

    @Test func defaultPathFollowsXDG() {
        #expect(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]) == "/data/debate/progress.sqlite")
        #expect(ProgressStore.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/debate/progress.sqlite")
        // The spec ignores a relative XDG_DATA_HOME.
        #expect(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/u"]) == "/home/u/.local/share/debate/progress.sqlite")
    }

    @Test func answersPersistAcrossReopen() throws {
        let temporary = TemporaryStore()
        var fsrs = try scheduler()
        do {
            let store = try temporary.open()
            try store.record(itemID: "d:c:cloze", deck: "d", kind: "cloze", rating: .good, at: start, answerMilliseconds: 1200, scheduler: &fsrs)
            try store.record(itemID: "d:c:cloze", deck: "d", kind: "cloze", rating: .good, at: start.addingTimeInterval(600), scheduler: &fsrs)
            try store.record(itemID: "e:c:recall", deck: "e", kind: "recall", rating: .again, at: start, scheduler: &fsrs)
        }
        let reopened = try temporary.open()
        let item = try #require(try reopened.item("d:c:cloze"))
        #expect(item.reps == 2 && item.card.state == .review && item.card.stability == 2.3065)
        #expect(item.card.due == RFC3339.date(from: "2025-06-03T09:10:00Z"))
        #expect(try reopened.items(deck: "d").map(\.id) == ["d:c:cloze"])
        #expect(try reopened.items().count == 2)
        let log = try reopened.reviews(deck: "d")
        #expect(log.map(\.stateBefore) == ["new", "learning"])
        #expect(log.map(\.stateAfter) == [.learning, .review])
        #expect(log.map(\.rating) == [.good, .good])
        #expect(log[0].answerMilliseconds == 1200 && log[0].elapsedDays == nil && log[1].elapsedDays == 0)
        #expect(log[1].before?.stability == 2.3065 && log[1].after.due == item.card.due)
    }

    @Test func aLapseIsCounted() throws {
        let temporary = TemporaryStore()
        let store = try temporary.open()
        var fsrs = try scheduler()
        try store.record(itemID: "d:c:cloze", deck: "d", kind: "cloze", rating: .easy, at: start, scheduler: &fsrs)
        try store.record(itemID: "d:c:cloze", deck: "d", kind: "cloze", rating: .again, at: start.addingTimeInterval(9 * 86_400), scheduler: &fsrs)
        let item = try #require(try store.item("d:c:cloze"))
        #expect(item.lapses == 1 && item.card.state == .relearning)
    }

    @Test func theReviewLogIsAppendOnly() throws {
        let temporary = TemporaryStore()
        let store = try temporary.open()
        var fsrs = try scheduler()
        try store.record(itemID: "d:c:cloze", deck: "d", kind: "cloze", rating: .good, at: start, scheduler: &fsrs)
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "UPDATE review_log SET rating = 4") } }
        #expect(throws: DatabaseError.self) { try store.pool.write { try $0.execute(sql: "DELETE FROM review_log") } }
        #expect(try store.reviews().count == 1)
    }

    @Test func aStoreFromANewerVersionIsRefused() throws {
        let temporary = TemporaryStore()
        let store = try temporary.open()
        try store.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        #expect {
            try temporary.open()
        } throws: { error in
            (error as? ProgressStoreError)?.message.contains("newer debate") ?? false
        }
    }

    /// Two stores (two connection pools, as two processes would have) answer the same items at once:
    /// every answer lands, each item's count matches its log, and the file passes an integrity check.
    @Test func concurrentWritersLoseNothing() throws {
        let temporary = TemporaryStore()
        let stores = [try temporary.open(), try temporary.open()]
        let items = (0..<5).map { "d:c\($0):cloze" }
        let perWriter = 40
        let start = self.start
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { writer in
            do {
                var fsrs = try FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))
                for answer in 0..<perWriter {
                    try stores[writer].record(itemID: items[answer % items.count], deck: "d", kind: "cloze",
                                              rating: answer % 3 == 0 ? .again : .good,
                                              at: start.addingTimeInterval(Double(answer * 60)), scheduler: &fsrs)
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let reopened = try temporary.open()
        #expect(try reopened.reviews().count == stores.count * perWriter)
        for item in try reopened.items() {
            #expect(item.reps == stores.count * perWriter / items.count)
            #expect(try reopened.reviews(item: item.id).count == item.reps)
        }
        let integrity = try reopened.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
    }
}
