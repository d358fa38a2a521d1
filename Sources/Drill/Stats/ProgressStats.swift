import Foundation

/// What `debate quiz stats` reports: how much was reviewed, how much was remembered, what is coming
/// due, and which items are weakest.
public struct ProgressStats: Sendable, Encodable {
    public struct Due: Sendable, Encodable, Hashable {
        /// Due at this moment (overdue included).
        public var now: Int
        /// Due before local midnight, those due now included.
        public var today: Int
        /// Due within 7 days, those due today included.
        public var next7Days: Int
    }

    public struct WeakItem: Sendable, Encodable, Hashable {
        public var id: String
        public var kind: String
        public var state: String
        /// FSRS's retrievability now (whole days since the last review, so 1 on the day of a review).
        public var retrievability: Double
        /// Predicted recall now, as the table shows it: an item still in learning (new or just failed)
        /// counts at least a day since its last review, FSRS's shortest modelled interval, so an item
        /// failed a minute ago is never shown as certain.
        public var recallNow: Double
        /// Predicted recall at the moment the item is next due: the FSRS-6 forgetting curve at its due
        /// time, to the second. Below 1 for every item reviewed before its due time, so an item just
        /// failed and due again in a minute shows about 99 %, never 100 %.
        public var recallAtDue: Double
        /// The question's words ("They say: …", the tag), when the deck was built; else nil.
        public var question: String?
        public var stability: Double
        public var lapses: Int
        public var reviews: Int
        public var due: String
    }

    /// The deck id, or nil for every deck in the store.
    public var deck: String?
    public var at: String
    /// Items answered at least once.
    public var items: Int
    /// Items of the deck never answered (known only when the deck was built).
    public var unseen: Int?
    public var reviews: Int
    public var reviewsToday: Int
    /// Reviews of items in the review state (graduated), and the share of them not rated Again.
    public var retentionReviews: Int
    public var trueRetention: Double?
    public var due: Due
    /// Lowest predicted recall now first; ties go to the item with more lapses, then the less stable one.
    public var weakest: [WeakItem]
    /// The speed readings (`debate quiz --mode speed`).
    public var speed: Speed

    public struct Speed: Sendable, Encodable, Hashable {
        public struct Reading: Sendable, Encodable, Hashable {
            public var at: String
            public var item: String
            /// The card's tag ("Read: …"), when the deck was built; else nil.
            public var question: String?
            public var words: Int
            public var seconds: Double
            public var wpm: Double
            public var targetWPM: Int

            enum CodingKeys: String, CodingKey { case at, item, question, words, seconds, wpm, targetWPM }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(at, forKey: .at)
                try container.encode(item, forKey: .item)
                try container.encode(question, forKey: .question)
                try container.encode(words, forKey: .words)
                try container.encode(seconds, forKey: .seconds)
                try container.encode(wpm, forKey: .wpm)
                try container.encode(targetWPM, forKey: .targetWPM)
            }
        }

        public var readings: Int
        /// The deck's words per minute: from the deck when it was built, else the latest reading's.
        public var targetWPM: Int?
        /// All words over all minutes read.
        public var averageWPM: Double?
        public var fastestWPM: Double?
        public var latestWPM: Double?
        /// The latest readings, newest first.
        public var recent: [Reading]

        enum CodingKeys: String, CodingKey { case readings, targetWPM, averageWPM, fastestWPM, latestWPM, recent }

        /// Every key present, null when there is no reading yet.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(readings, forKey: .readings)
            try container.encode(targetWPM, forKey: .targetWPM)
            try container.encode(averageWPM, forKey: .averageWPM)
            try container.encode(fastestWPM, forKey: .fastestWPM)
            try container.encode(latestWPM, forKey: .latestWPM)
            try container.encode(recent, forKey: .recent)
        }
    }

    /// - Parameters:
    ///   - deckItemIDs: the deck's current item ids, when the deck was built: progress of items the deck
    ///     no longer has is left out, and unseen items are counted.
    public init(deck: String?, items: [ItemProgress], reviews: [ReviewEntry], now: Date, deckItemIDs: Set<String>? = nil,
                questions: [String: String] = [:], top: Int = 10, scheduler: FSRSScheduler, calendar: Calendar = .current,
                speedReads: [SpeedRead] = [], targetWPM: Int? = nil) {
        let items = deckItemIDs.map { ids in items.filter { ids.contains($0.id) } } ?? items
        let reviews = deckItemIDs.map { ids in reviews.filter { ids.contains($0.itemID) } } ?? reviews
        self.deck = deck
        at = RFC3339.string(from: now)
        self.items = items.count
        unseen = deckItemIDs.map { $0.count - items.count }
        self.reviews = reviews.count
        let startOfToday = calendar.startOfDay(for: now)
        let endOfToday = calendar.date(byAdding: .day, value: 1, to: startOfToday) ?? now.addingTimeInterval(86_400)
        reviewsToday = reviews.filter { $0.reviewedAt >= startOfToday && $0.reviewedAt < endOfToday }.count
        let graduated = reviews.filter { $0.stateBefore == CardState.review.rawValue }
        retentionReviews = graduated.count
        trueRetention = graduated.isEmpty ? nil : Double(graduated.filter { $0.rating != .again }.count) / Double(graduated.count)
        let week = now.addingTimeInterval(7 * 86_400)
        due = Due(now: items.filter { $0.card.due <= now }.count,
                  today: items.filter { $0.card.due < endOfToday }.count,
                  next7Days: items.filter { $0.card.due <= week }.count)
        weakest = items.map { item in
            WeakItem(id: item.id, kind: item.kind, state: item.card.state.rawValue,
                     retrievability: scheduler.retrievability(of: item.card, at: now),
                     recallNow: Self.recall(item.card, at: now, scheduler: scheduler),
                     recallAtDue: scheduler.forgettingCurve(of: item.card, at: item.card.due),
                     question: questions[item.id], stability: item.card.stability ?? 0,
                     lapses: item.lapses, reviews: item.reps, due: RFC3339.string(from: item.card.due))
        }
        .sorted { ($0.recallNow, -$0.lapses, $0.stability, $0.id) < ($1.recallNow, -$1.lapses, $1.stability, $1.id) }
        .prefix(top).map { $0 }
        let seconds = speedReads.map(\.seconds).reduce(0, +)
        speed = Speed(
            readings: speedReads.count, targetWPM: targetWPM ?? speedReads.last?.targetWPM,
            averageWPM: speedReads.isEmpty ? nil : Double(speedReads.map(\.words).reduce(0, +)) / seconds * 60,
            fastestWPM: speedReads.map(\.wordsPerMinute).max(), latestWPM: speedReads.last?.wordsPerMinute,
            recent: speedReads.suffix(top).reversed().map { read in
                Speed.Reading(at: RFC3339.string(from: read.readAt), item: read.itemID, question: questions[read.itemID],
                              words: read.words, seconds: read.seconds, wpm: read.wordsPerMinute, targetWPM: read.targetWPM)
            })
    }

    /// Predicted recall at `date`; a card still in learning counts at least one day since its last review.
    static func recall(_ card: SchedulingCard, at date: Date, scheduler: FSRSScheduler) -> Double {
        guard card.state != .review, let last = card.lastReview else { return scheduler.retrievability(of: card, at: date) }
        return scheduler.retrievability(of: card, at: max(date, last.addingTimeInterval(86_400)))
    }

    enum CodingKeys: String, CodingKey {
        case deck, at, items, unseen, reviews, reviewsToday, retentionReviews, trueRetention, due, weakest, speed
    }

    /// Every key is always present (null when unknown), so scripts can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deck, forKey: .deck)
        try container.encode(at, forKey: .at)
        try container.encode(items, forKey: .items)
        try container.encode(unseen, forKey: .unseen)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(reviewsToday, forKey: .reviewsToday)
        try container.encode(retentionReviews, forKey: .retentionReviews)
        try container.encode(trueRetention, forKey: .trueRetention)
        try container.encode(due, forKey: .due)
        try container.encode(weakest, forKey: .weakest)
        try container.encode(speed, forKey: .speed)
    }
}
