import Foundation
import Testing

/// Issue 9's acceptance example, run through the real binary exactly as written.
@Test func lintReportsTheDoubleTurnAndTheMisusedPermutationAtTheirLines() throws {
    let pack = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/positions/midterms").path
    let result = try debate(["lint", pack])
    #expect(result.status == 65, "\(result.stderr)")
    let claims = "Tests/CLITests/Fixtures/positions/midterms/claims.yaml"  // printed relative to the working folder
    // aff.bad (line 12) permutes a link: an error; aff.lt + aff.it turn the Midterms DA's link and impact.
    #expect(result.stderr.contains("\(claims):12:5: error: claim `aff.bad` is a permutation of `mid.link`, the link of Midterms DA"))
    #expect(result.stderr.contains("[permutation-not-competitive]"))
    #expect(result.stderr.contains("\(claims):11:5: warning: double turn on Midterms DA: `aff.lt` turns its link and `aff.it` turns its impact"))
    #expect(result.stderr.contains("[double-turn]"))
    // The legitimate permutation of the counterplan text is not flagged.
    #expect(!result.stderr.contains("`aff.perm`"), "\(result.stderr)")

    let json = try debate(["lint", "--json", pack])
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let byCode = Dictionary(grouping: diagnostics) { $0["code"] as? String ?? "" }
    #expect(byCode["permutation-not-competitive"]?.first?["line"] as? Int == 12)
    #expect(byCode["permutation-not-competitive"]?.first?["severity"] as? String == "error")
    #expect(byCode["double-turn"]?.first?["line"] as? Int == 11)
    #expect(byCode["double-turn"]?.first?["column"] as? Int == 5)
}

/// Packs written before positions (today's built-in content, copied) still build, each old response
/// spelling with a warning that names the new one.
@Test func aPackFromBeforePositionsStillBuildsWithDeprecationWarnings() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let legacy = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/legacy")
    let out = folder.appendingPathComponent("legacy.md")
    let result = try debate(["build", legacy.appendingPathComponent("deck.yaml").path, "--format", "markdown", "-o", out.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("warning: `response: mitigation` is deprecated; write `response: no-impact`"))
    #expect(result.stderr.contains("warning: `response: concession` is deprecated; write `response: takeout` with `even-if: true`"))
    #expect(result.stderr.contains("[deprecated-response]"))
    // The old permutation of a claim with no parts is flagged, not refused.
    #expect(result.stderr.contains("[permutation-target-unmarked]"))
    let markdown = try String(contentsOf: out, encoding: .utf8)
    #expect(markdown.contains("Even if — takeout: "))

    // Linting the deck and one of its packs reports each of the pack's warnings once.
    let lint = try debate(["lint", "Tests/CLITests/Fixtures/legacy/deck.yaml", "Tests/CLITests/Fixtures/legacy/values"])
    #expect(lint.status == 0, "\(lint.stderr)")
    let warning = "Tests/CLITests/Fixtures/legacy/values/claims.yaml:91:15: warning: `response: double-standard` is deprecated"
    #expect(lint.stderr.components(separatedBy: warning).count == 2, "\(lint.stderr)")
}

/// A deck times each speech by its format, and a speech over its time is a positioned warning.
@Test func speechesAreTimedByTheDeckFormat() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("p"), withIntermediateDirectories: true)
    try "id: p\ntitle: P\nsummary: s\nversion: 1.0.0\n".write(to: folder.appendingPathComponent("p/module.yaml"), atomically: true, encoding: .utf8)
    try """
    positions:
      - { id: p.plan, kind: plan, title: Engage Belarus, side: pro }
    claims:
      - { id: p.text, side: pro, position: p.plan, role: text, tag: The United States should normalize relations with Belarus }
      - { id: p.adv, side: pro, tag: Engagement calms the flank and keeps the peace talks alive for everyone involved }
    """.write(to: folder.appendingPathComponent("p/claims.yaml"), atomically: true, encoding: .utf8)
    try """
    title: T
    resolution: R
    side: pro
    format: ld
    modules: [{ id: p, from: p }]
    sections:
      - pocket: Affirmative constructive
        speech: AC
        hats: [{ hat: Plan, blocks: [{ block: Text, select: { ids: [p.adv, p.text] } }] }]
      - pocket: Rebuttal
        speech: 1AR
        time: 2s
        hats: [{ hat: Case, blocks: [{ block: Adv, select: { ids: [p.adv] } }] }]
      - pocket: Typo
        speech: 2NC
        hats: [{ hat: Case, blocks: [{ block: Adv, select: { ids: [p.adv] } }] }]
    """.write(to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
    let result = try debate(["build", "deck.yaml", "--format", "json", "-o", "deck.json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("deck.yaml:10:5: warning: the 1AR reads in 0:03, over its 0:02"), "\(result.stderr)")
    #expect(result.stderr.contains("[over-budget]"))
    #expect(result.stderr.contains("deck.yaml:15:13: warning: `ld` has no speech “2NC”"), "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("deck.json"))) as? [String: Any])
    let pockets = try #require((json["deck"] as? [String: Any])?["pockets"] as? [[String: Any]])
    #expect(pockets.map { $0["timeSeconds"] as? Double } == [360, 2, nil])
    #expect(pockets.map { $0["speech"] as? String } == ["AC", "1AR", "2NC"])
    // `ids:` keeps its order; the plan text is an analytic with its part.
    let cards = try #require(((pockets[0]["hats"] as? [[String: Any]])?[0]["blocks"] as? [[String: Any]])?[0]["cards"] as? [[String: Any]])
    #expect(cards.map { $0["id"] as? String } == ["p.adv", "p.text"])
    #expect(cards[1]["part"] as? String == "Engage Belarus — Plan text")
    #expect(cards[1]["analytic"] as? Bool == true)
    #expect(cards[1]["role"] as? String == "text")
}
