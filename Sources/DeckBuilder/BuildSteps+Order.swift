import DebateCore
import DeckModel
import Foundation
import YAMLCoding

extension BuildSteps {
    /// Arranges the selection into Pocket › Hat › Block › Tag, times it, and reports coverage.
    static func order(_ context: inout BuildContext) throws(DiagnosticsError) {
        let graph = try context.require(context.graph, "graph")
        let configuration = try context.require(context.configuration, "configuration")
        let wpm = Double(configuration.budget.wpm)
        var warnings: [Diagnostic] = []

        let pockets = context.selection.enumerated().map { p, hats in
            let pocketSpec = configuration.sections[p]
            return Pocket(anchor: "p\(p + 1)", title: pocketSpec.pocket, hats: hats.enumerated().map { h, blocks in
                Hat(anchor: "p\(p + 1)-h\(h + 1)", title: pocketSpec.hats[h].hat, blocks: blocks.enumerated().map { b, selected in
                    let cards = selected.claims.map { card($0, wpm: wpm) }
                    let seconds = cards.reduce(0) { $0 + $1.readingSeconds }
                    let over = configuration.budget.block.map { seconds > $0 } ?? false
                    if over, let limit = configuration.budget.block {
                        warnings.append(.warning(.overBudget, "block “\(selected.title)” reads in \(formatDuration(seconds)), over the \(formatDuration(limit)) block budget",
                                                 at: selected.location))
                    }
                    return Block(anchor: "p\(p + 1)-h\(h + 1)-b\(b + 1)", title: selected.title,
                                 answers: selected.answers.map(ClaimReference.init), cards: cards,
                                 readingSeconds: seconds, overBudget: over)
                })
            })
        }

        let total = pockets.reduce(0.0) { sum, pocket in
            sum + pocket.hats.reduce(0.0) { $0 + $1.blocks.reduce(0.0) { $0 + $1.readingSeconds } }
        }
        if let limit = configuration.budget.speech, total > limit {
            warnings.append(.warning(.overBudget, "the deck reads in \(formatDuration(total)), over its \(formatDuration(limit)) speech budget",
                                     at: configuration.budget.location ?? configuration.location))
        }

        let answeredInDeck = Set(pockets.flatMap { $0.hats.flatMap { $0.blocks.compactMap { $0.cards.isEmpty ? nil : $0.answers?.id } } })
        let opponents = graph.claims.filter { $0.side == configuration.side.opponent }
        let unanswered = graph.unanswered(by: configuration.side)
        let unansweredIDs = Set(unanswered.map(\.id))
        let coverage = Coverage(
            unanswered: unanswered.map(ClaimReference.init),
            answeredButNotInDeck: opponents.filter { !unansweredIDs.contains($0.id) && !answeredInDeck.contains($0.id) }
                .map(ClaimReference.init))
        if !unanswered.isEmpty {
            let shown = unanswered.prefix(8).map { "`\($0.id)`" }.joined(separator: ", ") + (unanswered.count > 8 ? ", …" : "")
            warnings.append(.note(.coverage, "no answer to \(unanswered.count) \(configuration.side.opponent.title.lowercased()) claim\(unanswered.count == 1 ? "" : "s") in the loaded modules: \(shown)",
                                  at: configuration.location, hint: "the deck's Coverage section lists them all"))
        }

        let deckID = configuration.id ?? ((context.configPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let modules = context.modules.map {
            ModuleSummary(id: $0.module.descriptor.id, title: $0.module.descriptor.title, version: $0.module.descriptor.version)
        }
        context.deck = Deck(id: deckID, title: configuration.title, resolution: configuration.resolution,
                            side: configuration.side, wpm: configuration.budget.wpm, modules: modules, pockets: pockets,
                            readingSeconds: total, budgetSeconds: configuration.budget.speech,
                            blockBudgetSeconds: configuration.budget.block, coverage: coverage)
        context.diagnostics += warnings
    }

    static func card(_ claim: any Claim, wpm: Double) -> Card {
        let counter = claim as? any Counterclaim
        let words = wordCount(claim.tag) + (claim.evidence?.highlightedWordCount ?? 0)
        return Card(id: claim.id, module: claim.module, side: claim.side, tag: claim.tag, response: counter?.response,
                    answers: counter?.answers, warrant: claim.warrant, cite: claim.cite,
                    evidence: claim.evidence.map(EvidenceBody.init), tags: claim.tags, readWords: words,
                    readingSeconds: Double(words) / wpm * 60)
    }
}
