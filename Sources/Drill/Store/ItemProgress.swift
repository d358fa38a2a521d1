import Foundation
import GRDB

/// One drill item's scheduling state as stored.
public struct ItemProgress: Sendable, Hashable {
    public var id: String
    public var deck: String
    public var kind: String
    public var card: SchedulingCard
    /// Reviews so far.
    public var reps: Int
    /// Times the item was forgotten after it had graduated (Again in the review state).
    public var lapses: Int

    public init(id: String, deck: String, kind: String, card: SchedulingCard, reps: Int, lapses: Int) {
        self.id = id
        self.deck = deck
        self.kind = kind
        self.card = card
        self.reps = reps
        self.lapses = lapses
    }
}

extension ItemProgress: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "item"

    public init(row: Row) throws {
        id = row["id"]
        deck = row["deck"]
        kind = row["kind"]
        let stateName: String = row["state"]
        guard let state = CardState(rawValue: stateName) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "item \(id) has an unknown state `\(stateName)`")
        }
        card = SchedulingCard(state: state, step: row["step"], stability: row["stability"], difficulty: row["difficulty"],
                              due: Date(timeIntervalSince1970: row["due"]),
                              lastReview: (row["last_review"] as Double?).map(Date.init(timeIntervalSince1970:)))
        reps = row["reps"]
        lapses = row["lapses"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["deck"] = deck
        container["kind"] = kind
        container["state"] = card.state.rawValue
        container["step"] = card.step
        container["stability"] = card.stability
        container["difficulty"] = card.difficulty
        container["due"] = card.due.timeIntervalSince1970
        container["last_review"] = card.lastReview?.timeIntervalSince1970
        container["reps"] = reps
        container["lapses"] = lapses
    }
}

/// One line of the append-only review log: the answer and the item's state before and after it.
public struct ReviewEntry: Sendable, Hashable {
    public var id: Int64?
    public var itemID: String
    public var deck: String
    public var reviewedAt: Date
    public var rating: Rating
    public var elapsedDays: Int?
    public var answerMilliseconds: Int?
    /// `new` for an item's first review, else the FSRS state.
    public var stateBefore: String
    public var before: SchedulingCard?
    public var after: SchedulingCard
    public var retrievability: Double?

    public var stateAfter: CardState { after.state }

    init(itemID: String, deck: String, before: SchedulingCard?, after: SchedulingCard, log: FSRSReviewLog,
         answerMilliseconds: Int?) {
        self.itemID = itemID
        self.deck = deck
        reviewedAt = log.reviewedAt
        rating = log.rating
        elapsedDays = log.elapsedDays
        self.answerMilliseconds = answerMilliseconds
        stateBefore = before?.state.rawValue ?? "new"
        self.before = before
        self.after = after
        retrievability = log.retrievability
    }
}

extension ReviewEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_log"

    public init(row: Row) throws {
        id = row["id"]
        itemID = row["item_id"]
        deck = row["deck"]
        reviewedAt = Date(timeIntervalSince1970: row["reviewed_at"])
        guard let rating = Rating(rawValue: row["rating"]),
              let stateAfter = CardState(rawValue: row["state_after"]) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "review \(row["id"] ?? "?") has an unknown rating or state")
        }
        self.rating = rating
        elapsedDays = row["elapsed_days"]
        answerMilliseconds = row["answer_ms"]
        stateBefore = row["state_before"]
        retrievability = row["retrievability"]
        let due = Date(timeIntervalSince1970: row["due_after"])
        after = SchedulingCard(state: stateAfter, step: row["step_after"], stability: row["stability_after"],
                               difficulty: row["difficulty_after"], due: due, lastReview: reviewedAt)
        if let state = CardState(rawValue: stateBefore) {
            before = SchedulingCard(state: state, step: row["step_before"], stability: row["stability_before"],
                                    difficulty: row["difficulty_before"], due: reviewedAt, lastReview: nil)
        }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["item_id"] = itemID
        container["deck"] = deck
        container["reviewed_at"] = reviewedAt.timeIntervalSince1970
        container["rating"] = rating.rawValue
        container["elapsed_days"] = elapsedDays
        container["answer_ms"] = answerMilliseconds
        container["state_before"] = stateBefore
        container["step_before"] = before?.step
        container["stability_before"] = before?.stability
        container["difficulty_before"] = before?.difficulty
        container["state_after"] = after.state.rawValue
        container["step_after"] = after.step
        container["stability_after"] = after.stability
        container["difficulty_after"] = after.difficulty
        container["retrievability"] = retrievability
        container["due_after"] = after.due.timeIntervalSince1970
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One timed reading of a card (`debate quiz --mode speed`), as the speed log keeps it.
public struct SpeedRead: Sendable, Hashable {
    public var id: Int64?
    public var itemID: String
    public var deck: String
    public var cardID: String
    /// When the reading ended.
    public var readAt: Date
    public var words: Int
    public var seconds: Double
    /// The deck's words per minute at the time.
    public var targetWPM: Int

    public init(itemID: String, deck: String, cardID: String, readAt: Date, words: Int, seconds: Double, targetWPM: Int) {
        self.itemID = itemID
        self.deck = deck
        self.cardID = cardID
        self.readAt = readAt
        self.words = words
        self.seconds = seconds
        self.targetWPM = targetWPM
    }

    public var wordsPerMinute: Double { Double(words) / seconds * 60 }
}

extension SpeedRead: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "speed_log"

    public init(row: Row) throws {
        id = row["id"]
        itemID = row["item_id"]
        deck = row["deck"]
        cardID = row["card_id"]
        readAt = Date(timeIntervalSince1970: row["read_at"])
        words = row["words"]
        seconds = row["seconds"]
        targetWPM = row["target_wpm"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["item_id"] = itemID
        container["deck"] = deck
        container["card_id"] = cardID
        container["read_at"] = readAt.timeIntervalSince1970
        container["words"] = words
        container["seconds"] = seconds
        container["target_wpm"] = targetWPM
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
