import Foundation

/// What the scheduler remembers about one drill item between reviews (py-fsrs's `Card` without its id,
/// which belongs to the progress store).
public struct SchedulingCard: Sendable, Hashable, Codable {
    public var state: CardState
    /// Index into the learning or relearning steps; nil in the review state.
    public var step: Int?
    /// Days for retrievability to fall to 90 %; nil until the first review.
    public var stability: Double?
    /// 1 (easy) to 10 (hard); nil until the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    /// A card never reviewed: learning at step 0, due at `due`.
    public init(due: Date) {
        self.init(state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    public init(state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Date, lastReview: Date?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}

/// One review as the progress store logs it: enough to audit a schedule or retrain parameters later.
public struct FSRSReviewLog: Sendable, Hashable, Codable {
    public var rating: Rating
    public var reviewedAt: Date
    public var stateBefore: CardState
    public var stateAfter: CardState
    /// Whole days since the previous review (floored, as FSRS counts them); nil for the first review.
    public var elapsedDays: Int?
    /// Predicted probability of recall just before this review; nil for the first review.
    public var retrievability: Double?
    /// Time from this review to the next due date.
    public var scheduledInterval: TimeInterval

    public init(
        rating: Rating, reviewedAt: Date, stateBefore: CardState, stateAfter: CardState,
        elapsedDays: Int?, retrievability: Double?, scheduledInterval: TimeInterval
    ) {
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.stateBefore = stateBefore
        self.stateAfter = stateAfter
        self.elapsedDays = elapsedDays
        self.retrievability = retrievability
        self.scheduledInterval = scheduledInterval
    }
}
