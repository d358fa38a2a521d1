import DebateCore
import DeckModel

/// "Which part of their argument does this answer attack?": our answer and the position it answers;
/// the choices are the parts such a position is made of (a disadvantage's uniqueness, link, internal
/// link and impact; a counterplan's text, solvency and net benefit). Where the response kind can
/// answer one part only (a non-unique answers a uniqueness) the debate model decides it; a takeout is
/// placed by what it says. The explanation names the part, their claim, and what the response does.
struct PartDrills: DrillSource {
    func outline<R: RandomNumberGenerator>(card: Card, context: [String], in deck: DrillDeck, using random: inout R) -> [PendingDrillItem] {
        guard let targetID = card.answers, let target = deck.graph.claim(targetID), let role = target.role,
              let position = deck.graph.position(of: target) else { return [] }
        let parts = ClaimRole.allCases.filter { position.kind.roles?.contains($0) ?? true }
        let answer = Self.name(role, of: position.kind)
        let others = parts.filter { $0 != role }.map { Self.name($0, of: position.kind) }
        guard let drawn = deck.drawChoices(answer: answer, distractors: DistractorPool(others), using: &random) else { return [] }
        let deckID = deck.id
        let explanation = Self.explanation(card: card, part: answer, theirs: target.tag)
        return [PendingDrillItem(deck: deckID, claimID: card.id, kind: .part, context: context) {
            DrillItem(deck: deckID, claimID: card.id, kind: .part, context: context, question: .choice(Choice(
                prompt: "We say: \(card.tag)\nIt answers their \(position.title). Which part of their argument does it attack?",
                choices: drawn.choices, answerIndex: drawn.answerIndex, explanation: explanation)))
        }]
    }

    /// "Link", "Counterplan text".
    static func name(_ role: ClaimRole, of kind: PositionKind) -> String {
        guard role == .text else { return role.title }
        return String(kind.heading(title: "", role: .text).drop { $0 == " " || $0 == "—" })
    }

    /// "Their link: “…”. A link turn answers only a link: the plan causes the opposite, …"
    static func explanation(card: Card, part: String, theirs: String) -> String {
        let line = "Their \(part.lowercased()): “\(theirs)”."
        guard let kind = card.response else { return line }
        guard kind.answerableRoles != nil else {
            return line + " A takeout fits any part, so its words place it: it denies that claim."
        }
        return line + " \(ResponseDrills.article(kind.title.lowercased()).capitalized) \(kind.title.lowercased()) answers only "
            + "\(ResponseDrills.targets(kind)): \(ResponseDrills.meaning(kind))."
    }
}
