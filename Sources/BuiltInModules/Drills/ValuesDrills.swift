import DebateCore

/// The values module's own drill: a double standard against the charge it answers. A claim of this
/// module tagged `double-standard` answers one of the other side's values arguments ("Europe deals
/// with Aliyev in Baku" answers the Legitimacy DA's uniqueness; "Belarus alone is held to another
/// standard" answers its link). Shown the double standard, the debater picks the argument it answers.
/// The wrong choices are the module's other arguments of that side that such a response cannot answer
/// (a non-unique answers only a uniqueness), so the question is decided by debate, not by wording; the
/// explanation gives the response and its warrant. Either side drills it: the affirmative its own
/// double standards, the negative the ones it will hear.
struct ValuesDrills: ModuleDrillSource {
    func drills(for descriptor: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        let module = claims.filter { $0.module == descriptor.id }
        let byID = Dictionary(module.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return module.compactMap { claim -> ModuleDrill? in
            guard claim.tags.contains("double-standard"), let counter = claim.asCounterclaim,
                  let charge = byID[counter.answers] else { return nil }
            let fits = counter.response.answerableRoles
            let distractors = module.filter { other in
                guard other.side == charge.side, other.id != charge.id, other.asCounterclaim == nil else { return false }
                // Another part this response could answer would be a defensible pick: never a distractor.
                if let fits { return other.role.map { !fits.contains($0) } ?? false }
                return other.position != charge.position
            }.map(\.tag)
            let choices = ModuleDrill.distractors(distractors, excluding: charge.tag)
            guard !choices.isEmpty else { return nil }
            let ours = claim.side == context.side
            let part = charge.role.map { " \($0.title.lowercased())" } ?? " claim"
            return ModuleDrill(
                name: "double-standard-charge",
                claimID: claim.id,
                prompt: "\(ours ? "Our" : "Their") double standard: “\(claim.tag)”\n"
                    + "Which of \(ours ? "their" : "our") arguments does it answer?",
                answer: charge.tag,
                distractors: choices,
                explanation: "\(counter.response.title) against the\(part): "
                    + (claim.warrant ?? "the West applies its values test to Minsk alone."))
        }
    }
}
