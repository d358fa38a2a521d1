import DebateCore
import DeckModel

/// "Which part of their argument does this answer attack?": our answer and the position it answers;
/// the choices are the parts such a position is made of (a disadvantage's uniqueness, link, internal
/// link and impact; a counterplan's text, solvency and net benefit) that the answer's response kind
/// cannot answer, so the debate model decides it (a non-unique answers only a uniqueness). A takeout,
/// which fits any part, is not asked. The explanation names the part, their claim, and the response.
struct PartDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        // A takeout fits any part: only its wording would place it, and a coach could argue another
        // part ("reasonability" against the voter or the standards), so it is not asked.
        guard let targetID = card.answers, let fits = card.response?.answerableRoles, let target = deck.graph.claim(targetID),
              let role = target.role, let position = deck.graph.position(of: target) else { return [] }
        let parts = ClaimRole.allCases.filter { position.kind.roles?.contains($0) ?? true }
        let answer = Self.name(role, of: position.kind)
        // Another part the same response can answer (a solvency deficit against the counterplan text)
        // would be a defensible pick: never a distractor.
        let others = parts.filter { $0 != role && !fits.contains($0) && !Self.confusable(role, $0) }.map { Self.name($0, of: position.kind) }
        let theirs = target.tag
        return [DrillRecipe(claimID: card.id, kind: .part, draw: .choices(answer: answer, pool: .list(others), answerForm: nil)) {
            ItemTemplate(context: context, question: .choice(Choice(
                prompt: "We say: \(card.tag)\nIt answers their \(position.title). Which part of their argument does it attack?",
                choices: [], answerIndex: 0, explanation: Self.explanation(card: card, part: answer, theirs: theirs))))
        }]
    }

    /// Parts one answer can fairly be read against: "it is happening already" is a non-unique against a
    /// uniqueness and a non-inherent against an inherency; an impact and the harms are one argument.
    static func confusable(_ a: ClaimRole, _ b: ClaimRole) -> Bool {
        let pairs: Set<Set<ClaimRole>> = [[.uniqueness, .inherency], [.impact, .harms]]
        return pairs.contains([a, b])
    }

    /// "Link", "Counterplan text".
    static func name(_ role: ClaimRole, of kind: PositionKind) -> String {
        guard role == .text else { return role.title }
        return String(kind.heading(title: "", role: .text).drop { $0 == " " || $0 == "—" })
    }

    /// "Their link: “…”. A link turn answers only a link: the plan causes the opposite, …"
    static func explanation(card: Card, part: String, theirs: String) -> String {
        // A tag that ends a sentence (a counterplan text) keeps its own full stop.
        let line = "Their \(part.lowercased()): “\(theirs)”" + (".!?".contains(theirs.last ?? " ") ? "" : ".")
        guard let kind = card.response else { return line }
        return line + " It is \(ResponseDrills.article(kind.title.lowercased())) \(kind.title.lowercased()) "
            + "(\(ResponseDrills.meaning(kind))), which answers only \(ResponseDrills.targets(kind))."
    }
}
