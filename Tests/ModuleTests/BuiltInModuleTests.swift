import BuiltInModules
import DebateCore
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

/// Every registered module, loaded once. A module that fails to load fails `builtInModulesLoad`.
let registered: [any ArgumentModule] = (try? loadBuiltInModules()) ?? []

@Test func builtInModulesLoad() throws {
    let modules = try loadBuiltInModules()
    let ids = modules.map(\.descriptor.id)
    #expect(!ids.isEmpty && Set(ids).count == ids.count)
    for module in modules {
        #expect(module.descriptor.kind == .builtin)
        #expect(!module.descriptor.examples.isEmpty, "\(module.descriptor.id) has no examples")
    }
}

/// SwiftLint-style: each module's own examples are its tests.
@Test(arguments: registered.map(\.descriptor.id))
func moduleExamplesHold(_ id: String) throws {
    let module = try #require(registered.first { $0.descriptor.id == id })
    for example in module.descriptor.examples {
        let failures = example.check(module)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }
}

@Test func builtInContentIsConsistent() throws {
    let sets = try registered.map { try $0.arguments(for: ModuleContext(resolution: "r", side: .pro)) }
    let graph = ArgumentGraph(sets)
    let problems = graph.validate()
    #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    let claims = sets.flatMap(\.claims)
    #expect(claims.filter(\.isCard).count >= 24)
    #expect(claims.compactMap { $0 as? any Counterclaim }.count >= 10)
    // Every critic's claim has an affirmative answer; the negative honestly lacks some.
    #expect(graph.unanswered(by: .pro).isEmpty)
    #expect(!graph.unanswered(by: .con).isEmpty)
    for claim in claims {
        #expect(claim.id.hasPrefix(claim.module + "."), "\(claim.id) is not prefixed with its module id")
        if let cite = claim.cite {
            #expect(cite.url != nil || cite.publication != nil, "\(claim.id) cites no source a reader could find")
        }
    }
}

/// The built-ins are what every user copies: each card is checked verbatim against the op-ed it
/// quotes (every cite names the local copy), and no evidence-ethics check finds anything.
@Test func builtInCardsPassTheEvidenceEthicsLint() throws {
    let sets = try registered.map { try $0.arguments(for: ModuleContext(resolution: "r", side: .pro)) }
    for set in sets {
        #expect(set.directory != nil, "\(set.module) does not say where its sources are")
    }
    let cards = sets.flatMap(\.claims).filter(\.isCard)
    #expect(!cards.isEmpty)
    for card in cards {
        #expect(card.cite?.source == "sources/belarus-oped.txt", "\(card.id) is not checked against the op-ed")
    }
    let diagnostics = EvidenceEthics.check(sets)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
}

/// Shaped like a policy round: a plan text (an analytic) with inherency, advantages and solvency; a
/// negative with a disadvantage, a counterplan and topicality whose evidence-bearing parts are marked
/// as needing outside cards; and none of the cards that read the author's critics as his own words.
@Test func builtInsArePositionsWithParts() throws {
    let sets = try registered.map { try $0.arguments(for: ModuleContext(resolution: "r", side: .pro)) }
    let graph = ArgumentGraph(sets)
    let kinds = { (side: Side) in Set(graph.positions.filter { $0.side == side }.map(\.kind)) }
    #expect(kinds(.pro).isSuperset(of: [.plan, .inherency, .advantage, .solvency]))
    #expect(kinds(.con).isSuperset(of: [.disadvantage, .counterplan, .topicality]))
    let plan = try #require(graph.positions.first { $0.kind == .plan })
    let text = try #require(graph.claims.first { $0.position == plan.id && $0.role == .text })
    #expect(text.isAnalytic)
    for position in graph.positions {
        #expect(!(graph.claimsIn[position.id] ?? []).isEmpty, "\(position.title) has no parts")
    }
    let needCards: Set<ClaimRole> = [.uniqueness, .link, .internalLink, .impact, .interpretation]
    for claim in graph.claims where claim.side == .con && claim.isAnalytic {
        if let role = claim.role, needCards.contains(role) {
            #expect(claim.needsEvidence, "\(claim.id) is an analytic \(role.rawValue) that does not say it needs a card")
        }
    }
    for gone in ["hedging.critic-no-opening", "hedging.critic-ally-cannot-hedge", "values.critic-authoritarianism"] {
        #expect(graph.claim(gone) == nil, "\(gone) reads the author's critics as his own words")
    }
}

/// A deck may use any one built-in alone (Examples/deck.yaml uses only `hedging`): no built-in answers,
/// extends or joins a position of another.
@Test(arguments: registered.map(\.descriptor.id))
func builtInStandsAlone(_ id: String) throws {
    let module = try #require(registered.first { $0.descriptor.id == id })
    let graph = ArgumentGraph([try module.arguments(for: ModuleContext(resolution: "r", side: .pro))])
    let errors = graph.validate().filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
}

@Test func packOptionsFilterAndRejectUnknownNames() throws {
    let values = try #require(registered.first { $0.descriptor.id == "values" })
    let all = try values.arguments(for: ModuleContext(resolution: "r", side: .pro))
    let first = try #require(all.claims.first)
    let without = try values.arguments(for: ModuleContext(resolution: "r", side: .pro, options: ["exclude": [.string(first.id)]]))
    #expect(without.claims.count == all.claims.count - 1)
    #expect(throws: DiagnosticsError.self) {
        try values.arguments(for: ModuleContext(resolution: "r", side: .pro, options: ["exlude": [.string(first.id)]]))
    }
}

/// An example naming an id the module does not have fails, even in `excludes:`, where it would
/// otherwise pass vacuously after a rename.
@Test func examplesNamingUnknownClaimsFail() throws {
    let values = try #require(registered.first { $0.descriptor.id == "values" })
    let example = ModuleExample(summary: "renamed", side: .pro, excludes: ["values.no-such-claim"])
    let failures = example.check(values)
    #expect(failures.map(\.code) == [.exampleNamesUnknownClaim])
}
