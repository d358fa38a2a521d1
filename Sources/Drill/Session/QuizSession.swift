import Foundation

/// One sitting: asks the plan's items in order, commits each answer to the store the moment it is
/// given, and ends on `q`, Ctrl-C, end of input or the last item with a summary.
public struct QuizSession {
    public var deckID: String
    public var deckTitle: String
    public var plan: QuizPlan
    /// Every item id the deck has now, for the summary's due and unseen counts.
    public var deckItemIDs: Set<String>
    public var store: ProgressStore
    public var scheduler: FSRSScheduler
    /// The time an answer is recorded at: the wall clock, or a fixed `--now`.
    public var clock: @Sendable () -> Date

    public init(deckID: String, deckTitle: String, plan: QuizPlan, deckItemIDs: Set<String>, store: ProgressStore,
                scheduler: FSRSScheduler, clock: @escaping @Sendable () -> Date) {
        self.deckID = deckID
        self.deckTitle = deckTitle
        self.plan = plan
        self.deckItemIDs = deckItemIDs
        self.store = store
        self.scheduler = scheduler
        self.clock = clock
    }

    /// A failed item comes back at most this many times in one session.
    static let maxRetries = 2
    /// A learning step this short brings the item back `itemsPerShortStep` items later; a longer one, at the end.
    static let shortStep: TimeInterval = 15 * 60
    static let itemsPerShortStep = 3

    public mutating func run<UI: QuizInterface>(_ ui: inout UI) throws(ProgressStoreError) -> SessionSummary {
        ui.begin(SessionHeader(deckID: deckID, deckTitle: deckTitle, plan: plan, storePath: store.path))
        var end = SessionEnd.finished
        var answered = 0, graded = 0, right = 0
        // Each card's best reading so far, for a speed session's feedback.
        var bestSpeed: [String: Double] = [:]
        var speedReads: [SpeedRead] = []
        if plan.entries.contains(where: { $0.item.kind == .speed }) {
            for read in try store.speedReads(deck: deckID) { bestSpeed[read.itemID] = max(bestSpeed[read.itemID] ?? 0, read.wordsPerMinute) }
        }
        // The plan, plus each failed item again after its learning step (Anki's learning steps).
        var queue = plan.entries
        var failures: [String: Int] = [:]
        var index = 0
        items: while index < queue.count {
            let entry = queue[index]
            index += 1
            if Interruption.happened { end = .interrupted; break }
            let asked = clock()
            let reply: Reply
            switch ui.ask(entry, number: index, of: queue.count) {
            case .ended(let reason): end = reason; break items
            case .reply(.quit): end = .quit; break items
            case .reply(let value): reply = value
            }
            if case .speed(let speed) = entry.item.question, case .timed(let seconds) = reply {
                let read = try store.record(SpeedRead(itemID: entry.item.id, deck: deckID, cardID: entry.item.claimID, readAt: clock(),
                                                      words: speed.words, seconds: seconds, targetWPM: speed.targetWPM))
                answered += 1
                speedReads.append(read)
                let result = SpeedResult(entry: entry, speed: speed, read: read, previousBest: bestSpeed[entry.item.id])
                bestSpeed[entry.item.id] = max(bestSpeed[entry.item.id] ?? 0, read.wordsPerMinute)
                if !ui.show(result) {
                    end = Interruption.happened ? .interrupted : .quit
                    break
                }
                continue
            }
            guard let grade = entry.item.question.grade(reply) else { continue }
            let now = clock()
            let milliseconds = Int((now.timeIntervalSince(asked) * 1000).rounded())
            let review = try store.record(itemID: entry.item.id, deck: deckID, kind: entry.item.kind.rawValue,
                                          rating: grade.rating, at: now, answerMilliseconds: max(0, milliseconds),
                                          scheduler: &scheduler)
            answered += 1
            graded += 1
            if grade.rating != .again { right += 1 }
            var comesBack: Int?
            if grade.rating == .again, failures[entry.item.id, default: 0] < Self.maxRetries {
                failures[entry.item.id, default: 0] += 1
                // A short step comes back a few items later; a longer one at the end of the session.
                let step = review.after.due.timeIntervalSince(now)
                let position = step <= Self.shortStep ? min(index + Self.itemsPerShortStep, queue.count) : queue.count
                let progress = ItemProgress(id: entry.item.id, deck: deckID, kind: entry.item.kind.rawValue, card: review.after,
                                            reps: (entry.progress?.reps ?? 0) + 1, lapses: entry.progress?.lapses ?? 0)
                queue.insert(QuizPlan.Entry(item: entry.item, progress: progress, isRetry: true), at: position)
                comesBack = position + 1
            }
            if !ui.show(AnswerResult(entry: entry, reply: reply, grade: grade, review: review, now: now, comesBackAt: comesBack)) {
                end = Interruption.happened ? .interrupted : .quit
                break
            }
        }
        if end == .finished, Interruption.happened { end = .interrupted }
        let now = clock()
        let stored = try store.items(deck: deckID).filter { deckItemIDs.contains($0.id) }
        let summary = SessionSummary(
            end: end, planned: queue.count, answered: answered, graded: graded, right: right, speedReads: speedReads,
            nextDue: stored.map(\.card.due).min(), dueNow: stored.filter { $0.card.due <= now }.count,
            unseen: deckItemIDs.count - stored.count, now: now)
        ui.finish(summary)
        return summary
    }
}
