@testable import Drill
import Foundation
import Testing

@Suite("Quiz plan")
struct QuizPlanTests {
    let now = RFC3339.date(from: "2025-06-01T09:00:00Z")!

    func item(_ claim: String, _ kind: DrillItem.Kind = .cloze) -> DrillItem {
        DrillItem(deck: "d", claimID: claim, kind: kind, context: [],
                  question: .cloze(Cloze(tag: "t", before: "", answer: "a", after: "")))
    }

    func progress(_ item: DrillItem, dueIn seconds: TimeInterval) -> ItemProgress {
        ItemProgress(id: item.id, deck: "d", kind: item.kind.rawValue,
                     card: SchedulingCard(state: .review, step: nil, stability: 3, difficulty: 5,
                                          due: now.addingTimeInterval(seconds), lastReview: now.addingTimeInterval(-86_400)),
                     reps: 1, lapses: 0)
    }

    @Test func dueItemsComeFirstMostOverdueFirstThenNewOnes() {
        let items = (0..<6).map { item("c\($0)") }
        let stored = [progress(items[4], dueIn: -60), progress(items[1], dueIn: -3600), progress(items[2], dueIn: 3600)]
        var random = PythonRandom(seed: 5)
        let plan = QuizPlan(items: items, progress: Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) }), now: now,
                            using: &random)
        #expect(plan.entries.prefix(2).map(\.item.id) == [items[1].id, items[4].id])
        #expect(Set(plan.entries.dropFirst(2).map(\.item.id)) == Set([0, 3, 5].map { items[$0].id }))
        #expect(plan.availableDue == 2 && plan.availableNew == 3)
        #expect(!plan.entries.contains { $0.item.id == items[2].id }, "an item not yet due stays out")
    }

    @Test func capsNewItemsAndTheSession() {
        let items = (0..<10).map { item("c\($0)") }
        let stored = [progress(items[0], dueIn: -1)]
        var random = PythonRandom(seed: 5)
        let progress = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) })
        let capped = QuizPlan(items: items, progress: progress, now: now, newLimit: 3, using: &random)
        #expect(capped.dueCount == 1 && capped.newCount == 3)
        let limited = QuizPlan(items: items, progress: progress, now: now, limit: 2, newLimit: 3, using: &random)
        #expect(limited.entries.count == 2 && limited.entries[0].item.id == items[0].id)
        let none = QuizPlan(items: items, progress: progress, now: now, newLimit: 0, using: &random)
        #expect(none.entries.map(\.item.id) == [items[0].id])
    }

    @Test func modeKeepsOnlyItsKinds() {
        let items = [item("a", .cloze), item("b", .recall), item("c", .module)]
        var random = PythonRandom(seed: 1)
        let plan = QuizPlan(items: items, progress: [:], now: now, kinds: [.recall], using: &random)
        #expect(plan.entries.map(\.item.kind) == [.recall])
        #expect(plan.itemCount == 1)
    }

    @Test func aSeedRepeatsTheOrder() {
        let items = (0..<20).map { item("c\($0)") }
        var first = PythonRandom(seed: 9), second = PythonRandom(seed: 9)
        #expect(QuizPlan(items: items, progress: [:], now: now, using: &first).entries
                == QuizPlan(items: items, progress: [:], now: now, using: &second).entries)
    }

    @Test func newItemsMixKinds() {
        let items = (0..<6).map { item("c\($0)", .cloze) } + (0..<3).map { item("r\($0)", .recall) }
            + (0..<3).map { item("m\($0)", .module) }
        var random = PythonRandom(seed: 3)
        let kinds = QuizPlan(items: items, progress: [:], now: now, using: &random).entries.map(\.item.kind)
        // Three rounds of one of each kind, then the clozes left over.
        for round in 0..<3 { #expect(Set(kinds[round * 3..<round * 3 + 3]) == [.cloze, .recall, .module]) }
        #expect(kinds.suffix(3) == [.cloze, .cloze, .cloze])
    }
}
