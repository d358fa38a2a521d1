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
