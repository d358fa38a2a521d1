import Foundation

/// FSRS-6 scheduling, step for step as py-fsrs 6.3.2's `Scheduler.review_card`: new cards walk the
/// learning steps, graduate to day intervals, lapse into relearning, and reviews less than a whole day
/// apart use the short-term stability formula.
public struct FSRSScheduler: Sendable {
    public let parameters: FSRSParameters
    /// Used by `review(_:rating:at:)` when fuzzing is enabled; seed a `PythonRandom` for repeatable runs.
    public var randomSource: any FuzzRandomSource
    private let formulas: FSRSFormulas
    private let learningSteps: [Int64]
    private let relearningSteps: [Int64]

    public init(
        parameters: FSRSParameters = FSRSParameters(),
        randomSource: any FuzzRandomSource = SystemFuzzRandom()
    ) throws(FSRSParameterError) {
        try parameters.validate()
        self.parameters = parameters
        self.randomSource = randomSource
        formulas = FSRSFormulas(parameters)
        learningSteps = parameters.learningSteps.map(Microseconds.fromSeconds)
        relearningSteps = parameters.relearningSteps.map(Microseconds.fromSeconds)
    }

    /// Predicted probability of recall at `date`. Counts whole elapsed days only, so it stays 1 on the
    /// day of a review; 0 for a card never reviewed (py-fsrs's convention).
    public func retrievability(of card: SchedulingCard, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = Microseconds.since1970(date) - Microseconds.since1970(lastReview)
        return formulas.retrievability(elapsedDays: max(0, Int(elapsed.floorDivided(by: Microseconds.perDay))), stability: stability)
    }

    /// The FSRS-6 forgetting curve at `date`, counting the time since the last review to the second
    /// rather than in whole days: below 1 as soon as any time has passed. It equals `retrievability`
    /// whenever a whole number of days has passed (a review item at its due time). 0 for a card never reviewed.
    public func forgettingCurve(of card: SchedulingCard, at date: Date) -> Double {
        guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = Microseconds.since1970(date) - Microseconds.since1970(lastReview)
        return formulas.retrievability(days: max(0, Double(elapsed) / Double(Microseconds.perDay)), stability: stability)
    }

    /// Reviews with the scheduler's own random source (only drawn from when fuzzing is enabled).
    public mutating func review(_ card: SchedulingCard, rating: Rating, at date: Date) -> (card: SchedulingCard, log: FSRSReviewLog) {
        review(card, rating: rating, at: date, using: &randomSource)
    }

    public func review<Source: FuzzRandomSource>(
        _ card: SchedulingCard, rating: Rating, at date: Date, using random: inout Source
    ) -> (card: SchedulingCard, log: FSRSReviewLog) {
        let now = Microseconds.since1970(date)
        let elapsedDays = card.lastReview.map { Int((now - Microseconds.since1970($0)).floorDivided(by: Microseconds.perDay)) }
        let retrievability = retrievability(of: card, at: date)
        var next = card
        updateMemory(&next, rating: rating, sameDay: elapsedDays.map { $0 < 1 } ?? false, retrievability: retrievability)

        var wait: Wait
        switch card.state {
        case .learning:
            wait = advanceThroughSteps(&next, steps: learningSteps, rating: rating)
        case .relearning:
            wait = advanceThroughSteps(&next, steps: relearningSteps, rating: rating)
        case .review:
            if rating == .again && !relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                wait = .microseconds(relearningSteps[0])
            } else {
                wait = .days(formulas.intervalDays(stability: next.stability!))
            }
        }
        if parameters.enableFuzzing, next.state == .review, case .days(let days) = wait {
            wait = .days(formulas.fuzzedDays(days, using: &random))
        }

        let waitMicroseconds = switch wait {
        case .microseconds(let micros): micros
        case .days(let days): Int64(days) * Microseconds.perDay
        }
        next.due = Microseconds.date(since1970: now + waitMicroseconds)
        next.lastReview = Microseconds.date(since1970: now)
        let log = FSRSReviewLog(
            rating: rating, reviewedAt: next.lastReview!, stateBefore: card.state, stateAfter: next.state,
            elapsedDays: elapsedDays, retrievability: card.lastReview == nil || card.stability == nil ? nil : retrievability,
            scheduledInterval: Double(waitMicroseconds) / 1e6
        )
        return (next, log)
    }

    private enum Wait {
        case microseconds(Int64)
        case days(Int)
    }

    /// Stability and difficulty after the review. A card without them (never reviewed) starts from the
    /// rating's initial values; the review state keeps updating difficulty on same-day reviews too.
    private func updateMemory(_ card: inout SchedulingCard, rating: Rating, sameDay: Bool, retrievability: Double) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            card.stability = formulas.initialStability(rating)
            card.difficulty = formulas.initialDifficulty(rating)
            return
        }
        card.stability = sameDay
            ? formulas.shortTermStability(stability, rating)
            : formulas.nextStability(difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
        card.difficulty = formulas.nextDifficulty(difficulty, rating)
    }

    /// The learning/relearning step machine. A step index past the end (steps shortened since the card
    /// was scheduled) graduates on any pass; Again always restarts at the first step.
    private func advanceThroughSteps(_ card: inout SchedulingCard, steps: [Int64], rating: Rating) -> Wait {
        let step = card.step ?? 0
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            return graduate(&card)
        }
        switch rating {
        case .again:
            card.step = 0
            return .microseconds(steps[0])
        case .hard:
            card.step = step
            if step == 0 {
                // Between Again and Good: 1.5 × a lone step, else halfway to the second step.
                return .microseconds(steps.count == 1
                    ? Microseconds.divide(steps[0] * 3, by: 2)
                    : Microseconds.divide(steps[0] + steps[1], by: 2))
            }
            return .microseconds(steps[step])
        case .good:
            if step + 1 == steps.count {
                return graduate(&card)
            }
            card.step = step + 1
            return .microseconds(steps[step + 1])
        case .easy:
            return graduate(&card)
        }
    }

    private func graduate(_ card: inout SchedulingCard) -> Wait {
        card.state = .review
        card.step = nil
        return .days(formulas.intervalDays(stability: card.stability!))
    }
}
