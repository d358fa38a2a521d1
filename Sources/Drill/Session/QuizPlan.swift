import Foundation

/// Which items a session asks, in order: the due ones first (most overdue first), then new ones in
/// random order up to the new-item cap, the whole cut to the session limit.
public struct QuizPlan: Sendable {
    public struct Entry: Sendable, Hashable {
        public var item: DrillItem
        /// Nil for an item never answered.
        public var progress: ItemProgress?
        public var isNew: Bool { progress == nil }
    }

    public var entries: [Entry]
    /// Everything of the chosen kinds due now or never seen, before the caps.
    public var availableDue: Int
    public var availableNew: Int
    public var itemCount: Int

    public init<R: RandomNumberGenerator>(items: [DrillItem], progress: [String: ItemProgress], now: Date,
                                          kinds: Set<DrillItem.Kind> = Set(DrillItem.Kind.allCases),
                                          limit: Int? = nil, newLimit: Int? = nil, using random: inout R) {
        let chosen = items.filter { kinds.contains($0.kind) }
        let due = chosen.compactMap { item in progress[item.id].map { Entry(item: item, progress: $0) } }
            .filter { $0.progress!.card.due <= now }
            .sorted { ($0.progress!.card.due, $0.item.id) < ($1.progress!.card.due, $1.item.id) }
        let new = Self.interleavingKinds(chosen.filter { progress[$0.id] == nil }.map { Entry(item: $0, progress: nil) },
                                         using: &random)
        availableDue = due.count
        availableNew = new.count
        itemCount = chosen.count
        let planned = due + new.prefix(max(0, newLimit ?? new.count))
        entries = Array(planned.prefix(max(0, limit ?? planned.count)))
    }

    /// Shuffled, then dealt one kind at a time (kinds in random order), so a session mixes questions
    /// instead of running through a dozen clozes in a row.
    static func interleavingKinds<R: RandomNumberGenerator>(_ entries: [Entry], using random: inout R) -> [Entry] {
        var byKind = DrillItem.Kind.allCases.map { kind in entries.filter { $0.item.kind == kind } }.filter { !$0.isEmpty }
        for index in byKind.indices { byKind[index].shuffle(using: &random) }
        byKind.shuffle(using: &random)
        var dealt: [Entry] = []
        for round in 0..<(byKind.map(\.count).max() ?? 0) {
            for pile in byKind where round < pile.count { dealt.append(pile[round]) }
        }
        return dealt
    }

    public var dueCount: Int { entries.filter { !$0.isNew }.count }
    public var newCount: Int { entries.filter(\.isNew).count }
}
