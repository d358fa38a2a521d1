import DebateCore
import DeckModel
import Foundation
import YAMLCoding

/// The steps of `DeckBuild`, each small and named.
enum BuildSteps {
    /// Reads the deck file, once.
    static func read(_ context: inout BuildContext) throws(DiagnosticsError) {
        var warnings: [YAMLWarning] = []
        do {
            context.configuration = try YAMLDecoder().decode(DeckConfiguration.self, fromFile: context.configPath, warnings: &warnings)
        } catch {
            throw DiagnosticsError(Diagnostic(error))
        }
        context.diagnostics += warnings.map(Diagnostic.init)
    }

    /// Finds the modules the deck can use (its pins choose among modules that share an id).
    static func discover(_ context: inout BuildContext) throws(DiagnosticsError) {
        context.resolver = try context.discover(try context.require(context.configuration, "configuration"))
    }

    /// Asks each of the deck's modules for its arguments.
    static func load(_ context: inout BuildContext) throws(DiagnosticsError) {
        let configuration = try context.require(context.configuration, "configuration")
        let resolver = try context.require(context.resolver, "modules")
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for use in configuration.modules {
            guard seen.insert(use.id).inserted else {
                problems.append(.error(.moduleListedTwice, "module `\(use.id)` is listed twice", at: use.location))
                continue
            }
            let module: any ArgumentModule
            do {
                module = try resolver.resolve(use.id, at: use.location)
            } catch {
                problems += error.diagnostics
                continue
            }
            let moduleContext = ModuleContext(resolution: configuration.resolution, side: configuration.side,
                                              options: use.options)
            var failure: [Diagnostic] = []
            do {
                let set = try module.arguments(for: moduleContext)
                context.sets.append(set)
                context.modules.append(UsedModule(module: module, context: moduleContext))
            } catch let error as DiagnosticsError {
                // A module's own problems keep their positions; problems without one point at the deck's entry.
                failure = error.diagnostics.map { d in
                    var d = d
                    if d.location == nil { d.location = use.location }
                    return d
                }
            } catch let error as YAMLError {
                failure = [Diagnostic(error)]
            } catch {
                failure = [.error(.moduleFailed, "module `\(use.id)` failed: \(error)", at: use.location)]
            }
            if context.keepGoing && !failure.isEmpty {
                context.skippedModules.append(use.id)
                context.diagnostics += failure.map { d in
                    var d = d
                    d.severity = .warning
                    return d
                }
                context.diagnostics.append(.warning(.moduleSkipped, "--keep-going: building without module `\(use.id)`", at: use.location))
            } else {
                problems += failure
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    static func graph(_ context: inout BuildContext) throws(DiagnosticsError) {
        context.graph = ArgumentGraph(context.sets)
    }

    /// Stops on errors in the claims or the deck; keeps warnings.
    static func validate(_ context: inout BuildContext) throws(DiagnosticsError) {
        let graph = try context.require(context.graph, "graph")
        let configuration = try context.require(context.configuration, "configuration")
        // Claims may answer the modules --keep-going left out: that is expected, not an error.
        let skipped = context.skippedModules.map { "`\($0)`" }.joined(separator: ", ")
        // Answers to modules the deck does not load have nothing to answer here: that is expected.
        let absent = Set(context.resolver?.ids ?? []).subtracting(configuration.modules.map(\.id))
        let words = configuration.sideWords
        var diagnostics = context.skippedModules.isEmpty
            ? graph.validate(absentModules: absent, sideWords: words)
            : graph.validate(danglingAnswers: .warning, danglingHint: "--keep-going left out \(skipped)", absentModules: absent, sideWords: words)
        // Evidence ethics over every card the deck's modules supply (a `not-verbatim` card stops the build).
        // The build checks only that quotations are verbatim (an error that must stop it); the heuristic
        // checks (dropped negations, mid-thought openings, overclaiming tags) are `debate lint`'s: run on
        // every card of every build they made a 10,000-card build several times slower.
        diagnostics += EvidenceEthics.check(context.sets, checks: [.notVerbatim])
        let loadedModules = Set(configuration.modules.map(\.id))
        let filters = configuration.sections.flatMap { pocket in
            pocket.hats.flatMap { hat in hat.blocks.map(\.select) + (hat.answers.map { [$0] } ?? []) }
        }
        for filter in filters {
            for module in filter.modules ?? [] where !loadedModules.contains(module) {
                diagnostics.append(.error(.filterUnknownModule, "filter names module `\(module)`, which the deck does not list under `modules:`",
                                          at: filter.location,
                                          hint: closestMatch(to: module, in: Array(loadedModules)).map { "did you mean `\($0)`?" }))
            }
            for id in filter.ids ?? [] where graph.claim(id) == nil {
                diagnostics.append(.error(.filterUnknownClaim, "filter names claim `\(id)`, which no listed module defines", at: filter.location,
                                          hint: closestMatch(to: id, in: graph.claims.map(\.id)).map { "did you mean `\($0)`?" }))
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }
        context.diagnostics += diagnostics.filter { $0.severity != .error }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
    }

    /// Picks each block's claims; an A2 hat gets one block per opponent claim it matches, holding our
    /// answers to it. An empty block is a warning, not an error.
    static func select(_ context: inout BuildContext) throws(DiagnosticsError) {
        let graph = try context.require(context.graph, "graph")
        let configuration = try context.require(context.configuration, "configuration")
        let side = configuration.side
        var warnings: [Diagnostic] = []
        context.selection = configuration.sections.map { pocket in
            pocket.hats.map { hat in
                var blocks: [SelectedBlock] = hat.blocks.map { spec in
                    var picked = graph.claims.filter { spec.select.matches($0, side: side) }
                    // `ids:` says the order too.
                    if let ids = spec.select.ids {
                        let rank = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                        picked.sort { rank[$0.id, default: .max] < rank[$1.id, default: .max] }
                    }
                    if picked.isEmpty {
                        warnings.append(.warning(.emptyBlock, "block “\(spec.block)” selects no claims", at: spec.location))
                    }
                    return SelectedBlock(title: spec.block, location: spec.location, answers: nil, claims: picked)
                }
                if let filter = hat.answers {
                    // An opponent claim we have no answer to gets no empty block: the coverage report lists it.
                    let opponents = graph.claims.filter { filter.matches($0, side: filter.side ?? side.opponent) }
                    let answered = opponents.filter { !graph.answers(to: $0.id, from: side).isEmpty }
                    if answered.isEmpty {
                        warnings.append(.warning(.emptyAnswerHat, "hat “\(hat.hat)” has no A2 blocks: we answer none of the \(opponents.count) opponent claims its filter matches",
                                                 at: filter.location))
                    }
                    blocks += answered.map { opponent in
                        SelectedBlock(title: "A2: \(opponent.tag)", location: filter.location, answers: opponent,
                                      claims: graph.answers(to: opponent.id, from: side))
                    }
                }
                return blocks
            }
        }
        context.diagnostics += warnings
    }

    /// Renders the deck into each requested format.
    static func render(_ context: inout BuildContext) throws(DiagnosticsError) {
        let deck = try context.require(context.deck, "deck")
        context.rendered = []
        for request in context.renders { context.rendered.append(try render(deck, request)) }
    }

    static func render(_ deck: Deck, _ request: RenderRequest) throws(DiagnosticsError) -> Data {
        do {
            return try request.format.renderer(request.options).render(deck)
        } catch {
            throw DiagnosticsError(.error(.renderFailed, "rendering \(request.format.rawValue) failed: \(error)"))
        }
    }

    static func render(_ deck: Deck, _ request: RenderRequest, to output: RenderOutput) throws(DiagnosticsError) {
        do {
            try request.format.renderer(request.options).render(deck, to: output)
        } catch {
            throw DiagnosticsError(.error(.renderFailed, "rendering \(request.format.rawValue) failed: \(error)"))
        }
    }
}

/// A block's claims before they become cards.
struct SelectedBlock: Sendable {
    var title: String
    var location: SourceLocation?
    /// For an A2 block: the opponent claim answered.
    var answers: (any Claim)?
    var claims: [any Claim]
}
