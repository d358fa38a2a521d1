import DebateCore
import DeckModel

/// "Which response fits here, and why?": their claim, our answer, and the response kinds to choose
/// from. When the part their claim plays is known (a link, a counterplan text), the wrong choices are
/// kinds that cannot answer such a part, so the question is decided by debate, not by the deck's
/// house labels, and the explanation says why ("a permutation answers only a counterplan text or an
/// alternative").
struct ResponseDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let kind = card.response, let target = card.answers else { return [] }
        let role = deck.graph.claim(target)?.role
        let graph = deck.graph
        return [DrillRecipe(claimID: card.id, kind: .response, draw: .choices(answer: kind.title, pool: .response(kind, role), answerForm: nil)) {
            let theirs = graph.claim(target)?.tag ?? card.answersTag ?? target
            let part = RecallDrills.heading(of: target, in: graph)
            let explanation = Self.explanation(kind, against: role, evenIf: card.evenIf, warrant: card.warrant)
            let they = part.map { "They say (\($0)): " } ?? "They say: "
            return ItemTemplate(context: context, question: .choice(Choice(
                prompt: "\(they)\(theirs)\nWe say: \(card.tag)\nWhich response fits here, and why?",
                choices: [], answerIndex: 0, explanation: explanation)))
        }]
    }

    /// What each kind does, in a debater's words.
    static func meaning(_ kind: ResponseKind) -> String {
        switch kind {
        case .nonUnique: "it is happening already, so the plan changes nothing"
        case .noLink: "the plan does not cause it"
        case .linkTurn: "the plan causes the opposite, so the link becomes our offense"
        case .noInternalLink: "the step from the link to the impact fails"
        case .noImpact: "the impact will not happen or is small"
        case .impactTurn: "the impact is actually good, so it becomes our offense"
        case .permutation: "do both: a test of competition"
        case .solvencyDeficit: "it will not solve, all or in part"
        case .circumvention: "actors will get around it"
        case .nonInherent: "the status quo already does the plan"
        case .weMeet: "we meet their definition"
        case .counterInterpretation: "a better definition"
        case .takeout: "the claim is false, its author unqualified, or its logic fails"
        }
    }

    /// The parts a kind can answer, in words: "a link", "a counterplan text or an alternative".
    static func targets(_ kind: ResponseKind) -> String {
        guard let roles = kind.answerableRoles else { return "any claim" }
        let names = ClaimRole.allCases.filter(roles.contains).map { role -> String in
            // A permutation tests a counterplan; a solvency deficit or a circumvention hits a plan too.
            let name = role == .text ? (kind == .permutation ? "counterplan text" : "plan or counterplan text") : role.title.lowercased()
            // "harms" is said without an article.
            return role == .harms ? name : article(name) + " " + name
        }
        return names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// "a" or "an" as the word is said: "an impact", "a uniqueness".
    static func article(_ word: String) -> String {
        guard let first = word.first, "aeiou".contains(first), !word.hasPrefix("uni"), !word.hasPrefix("use") else { return "a" }
        return "an"
    }

    /// One line on why the answer is right.
    static func explanation(_ kind: ResponseKind, against role: ClaimRole?, evenIf: Bool, warrant: String? = nil) -> String {
        // A takeout is defined by what it says, not by a part it answers: its warrant is the why.
        if kind == .takeout, let warrant, !warrant.isEmpty {
            return "Takeout: it denies their claim itself" + (evenIf ? " (framed “even if”: it grants their claim for the sake of argument)" : "")
                + ". " + warrant
        }
        var line = "\(kind.title): \(meaning(kind)); it answers \(targets(kind))"
        if let role { line += ", and their claim is \(article(role.title.lowercased())) \(role.title.lowercased())" }
        if evenIf { line += " (framed “even if”: it grants their claim for the sake of argument)" }
        return line + "."
    }

    /// The wrong choices: kinds that cannot answer a claim of `role` (all other kinds when the role is unknown).
    static func pool(for kind: ResponseKind, against role: ClaimRole?) -> DistractorPool {
        guard let role else { return responsePools[kind]! }
        let misfits = ResponseKind.allCases.filter { other in
            other != kind && !(other.answerableRoles.map { $0.contains(role) } ?? true)
        }
        return misfits.isEmpty ? responsePools[kind]! : DistractorPool(misfits.map(\.title))
    }

    static let responsePools: [ResponseKind: DistractorPool] = Dictionary(uniqueKeysWithValues: ResponseKind.allCases.map { kind in
        (kind, DistractorPool(ResponseKind.allCases.filter { $0 != kind }.map(\.title), precomputed: true))
    })
}
