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
        // A claim that extends one the deck reads is read under it, not on its own.
        let selectedIDs = Set(context.selection.flatMap { $0.flatMap { $0.flatMap { $0.claims.map(\.id) } } })
        // Every block's claims, then all their cards at once (on several cores: a card depends only
        // on its claim and the graph), handed back block by block in order.
        let read = context.selection.map { hats in
            hats.map { blocks in
                blocks.map { selected in
                    selected.claims.filter { claim in
                        guard let extended = claim.extends, extended != claim.id else { return true }
                        return !selectedIDs.contains(extended) || graph.claim(extended)?.side != claim.side
                    }
                }
            }
        }
        let allCards = read.flatMap { $0.flatMap { $0.flatMap { $0 } } }.concurrentMap { card($0, graph: graph, wpm: wpm) }
        var made = 0

        let pockets = context.selection.enumerated().map { p, hats in
            let pocketSpec = configuration.sections[p]
            let hatList = hats.enumerated().map { h, blocks in
                Hat(anchor: "p\(p + 1)-h\(h + 1)", title: pocketSpec.hats[h].hat, blocks: blocks.enumerated().map { b, selected in
                    let cards = Array(allCards[made..<made + read[p][h][b].count])
                    made += read[p][h][b].count
                    let seconds = cards.reduce(0) { $0 + $1.totalReadingSeconds }
                    let over = configuration.budget.block.map { seconds > $0 } ?? false
                    if over, let limit = configuration.budget.block {
                        warnings.append(.warning("block “\(selected.title)” reads in \(formatDuration(seconds)), over the \(formatDuration(limit)) block budget",
                                                 at: selected.location, code: "over-budget"))
                    }
                    return Block(anchor: "p\(p + 1)-h\(h + 1)-b\(b + 1)", title: selected.title,
                                 answers: selected.answers.map(ClaimReference.init), cards: cards,
                                 readingSeconds: seconds, overBudget: over)
                })
            }
            let seconds = hatList.reduce(0.0) { $0 + $1.blocks.reduce(0.0) { $0 + $1.readingSeconds } }
            let time = speechTime(pocketSpec, format: configuration.format, warnings: &warnings)
            let over = time.map { seconds > $0 } ?? false
            if over, let time {
                let name = pocketSpec.speech ?? "pocket “\(pocketSpec.pocket)”"
                warnings.append(.warning("the \(name) reads in \(formatDuration(seconds)), over its \(formatDuration(time))",
                                         at: pocketSpec.location, hint: "cut cards or move blocks to another speech", code: "over-budget"))
            }
            return Pocket(anchor: "p\(p + 1)", title: pocketSpec.pocket, hats: hatList, speech: pocketSpec.speech,
                          timeSeconds: time, readingSeconds: seconds, overBudget: over)
        }

        let total = pockets.reduce(0.0) { sum, pocket in
            sum + pocket.hats.reduce(0.0) { $0 + $1.blocks.reduce(0.0) { $0 + $1.readingSeconds } }
        }
        if let limit = configuration.budget.speech, total > limit {
            warnings.append(.warning("the deck reads in \(formatDuration(total)), over its \(formatDuration(limit)) speech budget",
                                     at: configuration.budget.location ?? configuration.location,
                                     hint: "`budget.speech` counts the whole file; give each speech's pocket `speech:` (and `time:`) to time it alone",
                                     code: "over-budget"))
        }

        let answeredInDeck = Set(pockets.flatMap { $0.hats.flatMap { $0.blocks.compactMap { $0.cards.isEmpty ? nil : $0.answers?.id } } })
        let opponents = graph.claims.filter { $0.side == configuration.side.opponent }
        let unanswered = graph.unanswered(by: configuration.side)
        let unansweredIDs = Set(unanswered.map(\.id))
        let positionCoverage = graph.positions.filter { $0.side == configuration.side.opponent }
            .map { graph.coverage(of: $0, answeredBy: configuration.side) }
        let coverage = Coverage(
            unanswered: unanswered.map(ClaimReference.init),
            answeredButNotInDeck: opponents.filter { !unansweredIDs.contains($0.id) && !answeredInDeck.contains($0.id) }
                .map(ClaimReference.init),
            positions: positionCoverage)
        for position in positionCoverage where position.parts.contains(where: { $0.responses.isEmpty }) {
            warnings.append(.note(position.summary, at: graph.position(position.position)?.location ?? configuration.location,
                                  code: "position-coverage"))
        }
        if !unanswered.isEmpty {
            let shown = unanswered.prefix(8).map { "`\($0.id)`" }.joined(separator: ", ") + (unanswered.count > 8 ? ", …" : "")
            warnings.append(.note("no answer to \(unanswered.count) \(configuration.sideWords.title(configuration.side.opponent).lowercased()) claim\(unanswered.count == 1 ? "" : "s") in the loaded modules: \(shown)",
                                  at: configuration.location, hint: "the deck's Coverage section lists them all", code: .coverage))
        }

        let deckID = configuration.id ?? ((context.configPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let modules = context.modules.map {
            ModuleSummary(id: $0.module.descriptor.id, title: $0.module.descriptor.title, version: $0.module.descriptor.version)
        }
        context.deck = Deck(id: deckID, title: configuration.title, resolution: configuration.resolution,
                            side: configuration.side, wpm: configuration.budget.wpm, modules: modules, pockets: pockets,
                            readingSeconds: total, budgetSeconds: configuration.budget.speech,
                            blockBudgetSeconds: configuration.budget.block, coverage: coverage, sideWords: configuration.sideWords)
        context.diagnostics += warnings
    }

    /// The claim as a card, with the claims of its side that extend it (one level deep, in graph order).
    static func card(_ claim: any Claim, graph: ArgumentGraph, wpm: Double, depth: Int = 0) -> Card {
        let counter = claim.asCounterclaim
        let words = wordCount(claim.tag) + (claim.evidence?.highlightedWordCount ?? 0)
        let extensions = depth > 2 ? [] : (graph.extensionsOf[claim.id] ?? [])
            .filter { $0.side == claim.side && $0.id != claim.id }
            .map { card($0, graph: graph, wpm: wpm, depth: depth + 1) }
        return Card(id: claim.id, module: claim.module, side: claim.side, tag: claim.tag, response: counter?.response,
                    answers: counter?.answers, answersTag: counter.flatMap { graph.claim($0.answers)?.tag }, evenIf: claim.evenIf, position: graph.position(of: claim).map(PositionReference.init),
                    role: claim.role, analytic: claim.evidence == nil, needsEvidence: claim.needsEvidence,
                    extends: claim.extends, extensions: extensions, warrant: claim.warrant, cite: claim.cite,
                    evidence: claim.evidence.map(EvidenceBody.init), tags: claim.tags, readWords: words,
                    readingSeconds: Double(words) / wpm * 60)
    }

    /// A pocket's time: its `time:`, else its format's standard time for its `speech:`.
    static func speechTime(_ spec: PocketSpec, format: DebateFormat?, warnings: inout [Diagnostic]) -> Double? {
        if let time = spec.time { return time }
        guard let speech = spec.speech, let format else { return nil }
        if let seconds = format.standardSeconds(for: speech) { return seconds }
        let names = format.speeches.map(\.name)
        warnings.append(.warning("`\(format.rawValue)` has no speech “\(speech)”, so the pocket has no standard time",
                                 at: spec.speechLocation ?? spec.location,
                                 hint: closestMatch(to: speech, in: names).map { "did you mean `\($0)`?" }
                                    ?? "its speeches: \(names.joined(separator: ", ")); or give the pocket `time:`",
                                 code: "unknown-speech"))
        return nil
    }
}
