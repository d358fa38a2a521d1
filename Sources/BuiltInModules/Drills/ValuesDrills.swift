import DebateCore

/// The values module's own drill: pair the double standard. A claim of this module tagged
/// `double-standard` that names a partner the West deals with anyway asks for that partner, with the
/// partner's names blanked out of the tag; the wrong answers are the other states the deck names.
struct ValuesDrills: ModuleDrillSource {
    /// Partners the West engages despite their norms, with the names a claim may use for them.
    static let partners: [(names: [String], partner: String)] = [
        (["Azerbaijan", "Baku", "Aliyev"], "Azerbaijan"),
        (["Middle East and Africa"], "Illiberal partners in the Middle East and Africa"),
    ]

    /// States a distractor may name, besides the partners.
    static let states = ["Russia", "Ukraine", "Turkey", "Hungary", "China", "Poland", "Lithuania"]

    func drills(for descriptor: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        let mentioned = Self.partners.filter { partner in claims.contains { claim in partner.names.contains(where: claim.mentions) } }
            .map(\.partner)
            + Self.states.filter { state in claims.contains { $0.mentions(state) } }
        return claims.filter { $0.module == descriptor.id && $0.tags.contains("double-standard") }.compactMap { claim in
            guard let partner = Self.partners.first(where: { $0.names.contains(where: claim.mentions) }) else { return nil }
            let distractors = ModuleDrill.distractors(mentioned, excluding: partner.partner)
            guard !distractors.isEmpty else { return nil }
            return ModuleDrill(
                name: "double-standard",
                claimID: claim.id,
                prompt: "Pair the double standard: Minsk is shunned while someone else gets the deal.\n“\(Self.blank(partner.names, in: claim.tag))”\nWho fills the blank?",
                answer: partner.partner,
                distractors: distractors,
                explanation: "The values test is waived for \(partner.partner) and enforced on Minsk.")
        }
    }

    /// The tag with each of `names` replaced by a blank.
    static func blank(_ names: [String], in tag: String) -> String {
        names.reduce(tag) { text, name in text.replacing(name, with: "____") }
    }
}
