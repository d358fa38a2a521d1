import DebateCore
import DeckModel

/// The drills a deck's modules contribute (`ArgumentModule.drills`), as multiple-choice items.
struct ModuleDrills: DrillSource {
    typealias Entry = (module: any ArgumentModule, context: ModuleContext)

    func recipes(deckIn deck: DrillDeck) -> [DrillRecipe] {
        var recipes: [DrillRecipe] = []
        for (module, moduleContext) in deck.modules {
            for drill in module.drills(for: moduleContext, claims: deck.graph.claims) {
                // Only the module as context: the claim's tag may well be the answer.
                let template = ItemTemplate(context: [module.descriptor.title], question: .choice(Choice(
                    prompt: drill.prompt, choices: [], answerIndex: 0,
                    explanation: drill.explanation ?? "\(drill.answer), as the \(module.descriptor.title) module has it.")))
                recipes.append(DrillRecipe(claimID: drill.claimID, kind: .module, kindName: "\(module.descriptor.id).\(drill.name)",
                                           draw: .choices(answer: drill.answer, pool: .list(drill.distractors), answerForm: nil)) { template })
            }
        }
        return recipes
    }
}
