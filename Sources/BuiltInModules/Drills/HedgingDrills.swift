import DebateCore

/// The hedging module's own drill: the precedent and the press on it. The 1AC's solvency rests on
/// hedging precedents (NATO members who deal with Russia and China from inside the alliance); the
/// negative answers that they do not transfer to a Russian military ally. Each side drills its half
/// of that exchange: shown the other side's hedging claim, pick our answer to it. The wrong choices
/// are our answers to claims of other positions, from any module; never another answer to the same
/// claim, nor an answer to a claim of its position or of the position it attacks (either could be
/// defended as an answer).
struct HedgingDrills: ModuleDrillSource {
    func drills(for descriptor: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ours = claims.filter { $0.side == context.side }.compactMap(\.asCounterclaim)
        let theirs = claims.filter { $0.module == descriptor.id && $0.side == context.side.opponent }
        return theirs.flatMap { target -> [ModuleDrill] in
            let answers = ours.filter { $0.answers == target.id }
            // The positions in play: the target's own, and the one it attacks.
            let attacked = target.asCounterclaim.flatMap { byID[$0.answers] }
            let near = Set([target.position, attacked?.position].compactMap { $0 })
            let pool = ours.filter { other in
                guard other.answers != target.id, other.answers != attacked?.id, let answered = byID[other.answers] else { return false }
                return answered.position.map { !near.contains($0) } ?? true
            }.map(\.tag)
            let label = target.tags.contains("nato-precedent")
                ? "Their hedging precedent" : "Their press on the hedging precedent"
            return answers.compactMap { answer -> ModuleDrill? in
                let distractors = ModuleDrill.distractors(pool, excluding: answer.tag)
                guard distractors.count >= 2 else { return nil }
                return ModuleDrill(
                    name: "precedent-exchange",
                    claimID: answer.id,
                    prompt: "\(label): “\(target.tag)”\nWhich of our arguments answers it?",
                    answer: answer.tag,
                    distractors: distractors,
                    explanation: "\(answer.response.title(evenIf: answer.evenIf)): "
                        + (answer.warrant ?? "it answers that claim of the hedging exchange."))
            }
        }
    }
}
