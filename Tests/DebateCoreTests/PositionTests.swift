@testable import DebateCore
import Testing
import YAMLCoding

private func parts(_ yaml: String) throws -> ArgumentGraph {
    let file = try YAMLDecoder().decode(ClaimFile.self, from: Array(yaml.utf8), path: "p.yaml")
    return ArgumentGraph([ArgumentSet(module: "m", positions: file.positions, claims: file.claims.map { $0.claim(module: "m") },
                                      diagnostics: file.claims.compactMap(\.deprecationDiagnostic))])
}

private let midterms = """
positions:
  - { id: mid.da, kind: disadvantage, title: Midterms DA, side: con }
  - { id: mid.cp, kind: counterplan, title: States CP, side: con }
claims:
  - { id: mid.uq, side: con, position: mid.da, role: uniqueness, tag: The bill passes now }
  - { id: mid.link, side: con, position: mid.da, role: link, tag: The plan costs capital }
  - { id: mid.impact, side: con, position: mid.da, role: impact, tag: The economy collapses }
  - { id: mid.text, side: con, position: mid.cp, role: text, tag: The states should do it }

"""

@Test func unknownPositionIsAnErrorWithASuggestion() throws {
    let graph = try parts(midterms + "  - { id: x, side: con, position: mid.dx, role: link, tag: T }\n")
    let d = try #require(graph.validate().first { $0.code == "unknown-position" })
    #expect(d.severity == .error)
    #expect(d.location?.line == 9)
    #expect(d.hint == "did you mean `mid.da`?")
}

@Test func aPermutationOfAnythingButATextIsAnError() throws {
    let graph = try parts(midterms + """
      - { id: a.perm, side: pro, answers: mid.text, response: permutation, tag: Perm do both }
      - { id: a.bad, side: pro, answers: mid.link, response: permutation, tag: Perm }
      - { id: a.worse, side: pro, answers: mid.impact, response: no-link, tag: No link to an impact }

    """)
    let diagnostics = graph.validate()
    let perm = diagnostics.filter { $0.code == "permutation-not-competitive" }
    #expect(perm.count == 1)
    #expect(perm.first?.severity == .error)
    #expect(perm.first?.message.contains("`a.bad` is a permutation of `mid.link`, the link of Midterms DA") == true)
    let mismatch = try #require(diagnostics.first { $0.code == "response-mismatch" })
    #expect(mismatch.severity == .warning)
    #expect(mismatch.message.contains("with `no-link`, which answers link"))
    #expect(mismatch.hint?.contains("`no-impact`, `impact-turn`") == true)
}

@Test func aDoubleTurnIsFoundAcrossThePartsOfOnePosition() throws {
    let graph = try parts(midterms + """
      - { id: a.lt, side: pro, answers: mid.link, response: link-turn, tag: LT }
      - { id: a.it, side: pro, answers: mid.impact, response: impact-turn, tag: IT }

    """)
    let turns = graph.validate().filter { $0.code == "double-turn" }
    #expect(turns.count == 1)
    #expect(turns.first?.message.hasPrefix("double turn on Midterms DA: `a.lt` turns its link and `a.it` turns its impact") == true)
    #expect(turns.first?.location?.line == 10)
}

@Test func coverageIsReportedPerPositionAndPart() throws {
    let graph = try parts(midterms + """
      - { id: a.nl, side: pro, answers: mid.link, response: no-link, tag: NL }
      - { id: a.lt, side: pro, answers: mid.link, response: link-turn, tag: LT }
      - { id: a.nu, side: pro, answers: mid.uq, response: non-unique, even-if: true, tag: NU }

    """)
    let da = try #require(graph.position("mid.da"))
    #expect(graph.coverage(of: da, answeredBy: .pro).summary
        == "Midterms DA: uniqueness answered by even-if non-unique; link answered by no-link, link-turn; impact unanswered")
}

@Test func oldResponseSpellingsLoadWithAWarningNamingTheNewOne() throws {
    let graph = try parts(midterms + """
      - { id: a.m, side: pro, answers: mid.impact, response: mitigation, tag: Small }
      - { id: a.c, side: pro, answers: mid.uq, response: concession, tag: Even if }

    """)
    let m = try #require(graph.claim("a.m")?.asCounterclaim)
    #expect(m.response == .noImpact)
    let c = try #require(graph.claim("a.c")?.asCounterclaim)
    #expect(c.response == .takeout && c.evenIf)
    let warnings = graph.validate().filter { $0.code == "deprecated-response" }
    #expect(warnings.map(\.message) == [
        "`response: mitigation` is deprecated; write `response: no-impact`",
        "`response: concession` is deprecated; write `response: takeout` with `even-if: true`",
    ])
    #expect(warnings.first?.location?.line == 9)
}

@Test func partsMustFitTheirPositionAndExtensionsTheirSide() throws {
    let graph = try parts(midterms + """
      - { id: a.v, side: con, position: mid.da, role: violation, tag: V }
      - { id: a.e, side: pro, extends: mid.link, tag: E }
      - { id: a.f, side: con, extends: mid.lnk, tag: F }

    """)
    let codes = Set(graph.validate().compactMap(\.code))
    #expect(codes.isSuperset(of: ["role-not-in-position", "extends-other-side", "unknown-extends"]))
    #expect(graph.extensionsOf["mid.link"]?.map(\.id) == ["a.e"])
}

@Test func aResponseKindNamesTheRolesItAnswers() {
    #expect(ResponseKind.permutation.answerableRoles == [.text, .alternative])
    #expect(ResponseKind.takeout.answerableRoles == nil)
    #expect(ResponseKind.linkTurn.isTurn && ResponseKind.impactTurn.isTurn && !ResponseKind.noLink.isTurn)
    #expect(ResponseKind.noImpact.title(evenIf: true) == "Even if — no impact")
}
