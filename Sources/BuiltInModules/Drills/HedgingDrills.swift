import DebateCore

/// The hedging module's own drill: match a hedging precedent to its country. A claim of this module
/// tagged `nato-precedent` that names a leader gives one question per leader ("Which country does
/// Erdoğan lead?"); the wrong answers are the other countries the deck's claims name.
struct HedgingDrills: ModuleDrillSource {
    /// Leaders who set or figure in hedging precedents, with the names a claim may use for them.
    static let leaders: [(names: [String], country: String)] = [
        (["Erdoğan", "Erdogan"], "Turkey"),
        (["Orbán", "Orban"], "Hungary"),
        (["Aliyev"], "Azerbaijan"),
        (["Lukashenko"], "Belarus"),
        (["Putin"], "Russia"),
    ]

    /// Countries a distractor may name, besides the leaders' own.
    static let countries = ["Turkey", "Hungary", "Azerbaijan", "Russia", "China", "Poland", "Lithuania", "Ukraine"]

    func drills(for descriptor: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        let mentioned = Self.countries.filter { country in claims.contains { $0.mentions(country) } }
            + Self.leaders.filter { leader in claims.contains { claim in leader.names.contains(where: claim.mentions) } }
            .map(\.country)
        return claims.filter { $0.module == descriptor.id && $0.tags.contains("nato-precedent") }.flatMap { claim in
            Self.leaders.compactMap { leader -> ModuleDrill? in
                guard let name = leader.names.first(where: claim.mentions) else { return nil }
                let distractors = ModuleDrill.distractors(mentioned, excluding: leader.country)
                guard !distractors.isEmpty else { return nil }
                return ModuleDrill(
                    name: "precedent-" + leader.country.lowercased(),
                    claimID: claim.id,
                    prompt: "The hedging precedent: “\(claim.tag)”\nWhich country does \(name) lead?",
                    answer: leader.country,
                    distractors: distractors,
                    explanation: "\(name) leads \(leader.country): a government that hedges while inside an alliance.")
            }
        }
    }
}
