import DebateCore
import DeckModel

/// The drills a deck's modules contribute (`ArgumentModule.drills`), as multiple-choice items.
struct ModuleDrills: DrillSource {
    typealias Entry = (module: any ArgumentModule, context: ModuleContext)

    func outline<R: RandomNumberGenerator>(deckIn deck: DrillDeck, using random: inout R) -> [PendingDrillItem] {
        var items: [PendingDrillItem] = []
        for (module, moduleContext) in deck.modules {
            for drill in module.drills(for: moduleContext, claims: deck.graph.claims) {
                guard let drawn = deck.drawChoices(answer: drill.answer, distractors: DistractorPool(drill.distractors), using: &random)
                else { continue }
                // Only the module as context: the claim's tag may well be the answer.
                let context = [module.descriptor.title]
                let explanation = drill.explanation ?? "\(drill.answer), as the \(module.descriptor.title) module has it."
                let item = DrillItem(deck: deck.id, claimID: drill.claimID, kind: .module,
                                     kindName: "\(module.descriptor.id).\(drill.name)", context: context,
                                     question: .choice(Choice(prompt: drill.prompt, choices: drawn.choices,
                                                              answerIndex: drawn.answerIndex, explanation: explanation)))
                items.append(PendingDrillItem(built: item))
            }
        }
        return items
    }
}
