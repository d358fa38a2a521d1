import DebateCore

/// The security module's own drill: threat → answer. For each opponent claim of this module that our
/// side answers, one question per answer: which of these is our answer to that threat? The wrong
/// answers are our answers to the module's other threats, then our other security claims, so the
/// right one is the only fit.
struct SecurityDrills: ModuleDrillSource {
    func drills(for descriptor: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        let ourClaims = claims.filter { $0.module == descriptor.id && $0.side == context.side }
        let ours = ourClaims.compactMap(\.asCounterclaim)
        let threats = claims.filter { claim in
            claim.module == descriptor.id && claim.side == context.side.opponent && ours.contains { $0.answers == claim.id }
        }
        // For the affirmative the critics' claims are threats; the negative answers the case's security claims.
        let label = context.side == .pro ? "The threat" : "Their security claim"
        return threats.flatMap { threat in
            let answers = ours.filter { $0.answers == threat.id }
            // Answers to another part of the same position (T's interpretation against its voter) would
            // be defensible picks too, so they are never distractors either.
            let samePosition = Set(claims.filter { threat.position != nil && $0.position == threat.position }.map(\.id))
            // A threat that itself answers one of our claims (their "already repairing ties" against our
            // inherency) is answered by that claim and its position too: they are never distractors.
            let attacked = threat.asCounterclaim.flatMap { counter in claims.first { $0.id == counter.answers } }
            let defended = Set(ourClaims.filter { claim in
                claim.id == attacked?.id || (attacked?.position != nil && claim.position == attacked?.position)
            }.map(\.id))
            // Our own positions are distractors for the affirmative (its 1AC cards answer no 1NC threat);
            // the negative's off-case positions (T, a DA) all attack the plan, so for it they never are.
            let positions = context.side == .pro ? ourClaims.filter { !($0 is any Counterclaim) && !defended.contains($0.id) }.map(\.tag) : []
            let others = ours.filter { $0.answers != threat.id && !samePosition.contains($0.answers) }.map(\.tag) + positions
            return answers.compactMap { answer -> ModuleDrill? in
                // Another answer to the same threat would also be right, so it is never a distractor; nor
                // is another part of the answer's own position (T's interpretation beside its violation).
                let sibling = Set(ourClaims.filter { answer.position != nil && $0.position == answer.position }.map(\.tag))
                let distractors = ModuleDrill.distractors(others.filter { !sibling.contains($0) }, excluding: answer.tag)
                guard !distractors.isEmpty else { return nil }
                return ModuleDrill(
                    name: "threat-answer",
                    claimID: answer.id,
                    prompt: "\(label): “\(threat.tag)”\nWhich of these answers it?",
                    answer: answer.tag,
                    distractors: distractors,
                    explanation: "It answers that threat by \(answer.response.title.lowercased())"
                        + (answer.warrant.map { ": \($0)" } ?? "."))
            }
        }
    }
}
