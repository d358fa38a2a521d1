@testable import DebateCore
import Testing
import YAMLCoding

func claim(_ id: String, _ side: Side, line: Int = 1) -> StandardClaim {
    StandardClaim(id: id, tag: "Tag of \(id)", side: side, module: "m", location: SourceLocation(path: "m.yaml", line: line, column: 5))
}

func counter(_ id: String, _ side: Side, answers: String, _ kind: ResponseKind, line: Int = 1) -> StandardCounterclaim {
    StandardCounterclaim(claim(id, side, line: line), answers: answers, response: kind)
}

@Test func danglingAnswersAreErrorsWithASuggestion() {
    let graph = ArgumentGraph([ArgumentSet(module: "m", claims: [
        claim("m.critic", .con), counter("m.answer", .pro, answers: "m.critc", .noLink, line: 9),
    ])])
    let diagnostics = graph.validate()
    #expect(diagnostics.map(\.description) == [
        "m.yaml:9:5: error: claim `m.answer` answers `m.critc`, which no loaded module defines; did you mean `m.critic`? [dangling-answer]",
    ])
}

@Test func duplicateIdsAreErrorsNamingTheFirst() {
    let graph = ArgumentGraph([
        ArgumentSet(module: "m", claims: [claim("m.a", .pro, line: 2)]),
        ArgumentSet(module: "n", claims: [claim("m.a", .con, line: 7)]),
    ])
    #expect(graph.claims.count == 1)
    #expect(graph.validate().map(\.description) == ["m.yaml:7:5: error: duplicate claim id `m.a` (first defined at m.yaml:2:5) [duplicate-id]"])
}

@Test func linkTurnPlusImpactTurnIsADoubleTurn() {
    let graph = ArgumentGraph([ArgumentSet(module: "m", claims: [
        claim("m.harm", .con),
        counter("m.lt", .pro, answers: "m.harm", .linkTurn, line: 4),
        counter("m.it", .pro, answers: "m.harm", .impactTurn, line: 8),
    ])])
    let warnings = graph.validate()
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.message.hasPrefix("double turn on `m.harm`") == true)
    #expect(warnings.first?.location?.line == 8)
}

@Test func turnsFromDifferentSidesAreNotADoubleTurn() {
    let graph = ArgumentGraph([ArgumentSet(module: "m", claims: [
        claim("m.harm", .con),
        counter("m.lt", .pro, answers: "m.harm", .linkTurn),
        counter("m.it", .con, answers: "m.harm", .impactTurn),
    ])])
    #expect(!graph.validate().contains { $0.message.contains("double turn") })
}

@Test func coverageListsUnansweredOpponentClaims() {
    let graph = ArgumentGraph([ArgumentSet(module: "m", claims: [
        claim("m.c1", .con), claim("m.c2", .con), claim("m.p1", .pro),
        counter("m.a1", .pro, answers: "m.c1", .noImpact),
    ])])
    #expect(graph.unanswered(by: .pro).map(\.id) == ["m.c2"])
    #expect(graph.unanswered(by: .con).map(\.id) == ["m.p1", "m.a1"])
}

@Test func responseKindsSpellInKebabCase() {
    #expect(ResponseKind.allCases.map(\.rawValue) == [
        "non-unique", "no-link", "link-turn", "no-internal-link", "no-impact", "impact-turn", "permutation",
        "solvency-deficit", "circumvention", "non-inherent", "we-meet", "counter-interpretation", "takeout",
    ])
}
