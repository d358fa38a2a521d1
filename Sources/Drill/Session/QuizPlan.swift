import Foundation

/// Which items a session asks, in order: the due ones first (most overdue first), then new ones in
/// random order up to the new-item cap, the whole cut to the session limit.
public struct QuizPlan: Sendable {
    public struct Entry: Sendable, Hashable {
        public var item: DrillItem
        /// Nil for an item never answered.
        public var progress: ItemProgress?
        /// Asked again in the same session after a failed answer.
        public var isRetry = false
        public var isNew: Bool { progress == nil }
    }

    public var entries: [Entry]
    /// Everything of the chosen kinds due now or never seen, before the caps.
    public var availableDue: Int
    public var availableNew: Int
    public var itemCount: Int

    public init<R: RandomNumberGenerator>(items: [DrillItem], progress: [String: ItemProgress], now: Date,
                                          kinds: Set<DrillItem.Kind> = DrillItem.Kind.scheduled,
                                          limit: Int? = nil, newLimit: Int? = nil, using random: inout R) {
        self.init(candidates: items, id: \.id, kind: \.kind, progress: progress, now: now, kinds: kinds, limit: limit,
                  newLimit: newLimit, build: { $0 }, using: &random)
    }

    /// The same plan from an outline (`DrillItemGenerator.outline(using:)`), with the same draws from
    /// `random`: only the items planned are built, by `build`.
    public init<R: RandomNumberGenerator>(outline: [PendingDrillItem], progress: [String: ItemProgress], now: Date,
                                          kinds: Set<DrillItem.Kind> = DrillItem.Kind.scheduled,
                                          limit: Int? = nil, newLimit: Int? = nil,
                                          build: (PendingDrillItem) -> DrillItem, using random: inout R) {
        // Planned by index, so that sorting and shuffling move integers rather than items.
        self.init(candidates: Array(outline.indices), id: { outline[$0].id }, kind: { outline[$0].kind }, progress: progress,
                  now: now, kinds: kinds, limit: limit, newLimit: newLimit, build: { build(outline[$0]) }, using: &random)
    }

    init<Candidate, R: RandomNumberGenerator>(
        candidates: [Candidate], id: (Candidate) -> String, kind: (Candidate) -> DrillItem.Kind,
        progress: [String: ItemProgress], now: Date, kinds: Set<DrillItem.Kind>, limit: Int?, newLimit: Int?,
        build: (Candidate) -> DrillItem, using random: inout R
    ) {
        let chosen = candidates.filter { kinds.contains(kind($0)) }
        let due = chosen.compactMap { candidate in progress[id(candidate)].map { (candidate: candidate, id: id(candidate), progress: $0) } }
            .filter { $0.progress.card.due <= now }
            .sorted { ($0.progress.card.due, $0.id) < ($1.progress.card.due, $1.id) }
        let new = Self.interleavingKinds(chosen.filter { progress[id($0)] == nil }, kind: kind, using: &random)
        availableDue = due.count
        availableNew = new.count
        itemCount = chosen.count
        let planned = due.map { ($0.candidate, Optional($0.progress)) } + new.prefix(max(0, newLimit ?? new.count)).map { ($0, nil as ItemProgress?) }
        entries = planned.prefix(max(0, limit ?? planned.count)).map { Entry(item: build($0.0), progress: $0.1) }
    }

    /// Shuffled, then dealt one kind at a time (kinds in random order), so a session mixes questions
    /// instead of running through a dozen clozes in a row.
    static func interleavingKinds<Candidate, R: RandomNumberGenerator>(
        _ candidates: [Candidate], kind: (Candidate) -> DrillItem.Kind, using random: inout R
    ) -> [Candidate] {
        var byKind = DrillItem.Kind.allCases.map { k in candidates.filter { kind($0) == k } }.filter { !$0.isEmpty }
        for index in byKind.indices { byKind[index].shuffle(using: &random) }
        byKind.shuffle(using: &random)
        var dealt: [Candidate] = []
        for round in 0..<(byKind.map(\.count).max() ?? 0) {
            for pile in byKind where round < pile.count { dealt.append(pile[round]) }
        }
        return dealt
    }

    public var dueCount: Int { entries.filter { !$0.isNew }.count }
    public var newCount: Int { entries.filter(\.isNew).count }
}
