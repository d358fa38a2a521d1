import Foundation
import Testing

@Test func shippedDecksAndPacksLintClean() throws {
    let packs = ["Sources/BuiltInModules/Resources/values", "Sources/BuiltInModules/Resources/security", "Sources/BuiltInModules/Resources/hedging"]
    let result = try debate(["lint", "decks"] + packs)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("error:"))
    #expect(!result.stderr.contains("warning:"), "\(result.stderr)")
}

@Test func lintReportsErrorsAsJSONAndExits65() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "title: T\nresolution: R\nside: maybe\nmodules: [values]\nsections: []\n"
        .write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
    let result = try debate(["lint", "--json", folder.path])
    #expect(result.status == 65)
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?["severity"] as? String == "error")
    #expect(diagnostics.first?["line"] as? Int == 3)
    #expect(diagnostics.first?["column"] as? Int == 7)
}

@Test func modulesListShowsTheBuiltIns() throws {
    let text = try debate(["modules", "list"])
    #expect(text.status == 0)
    for id in ["values", "security", "hedging"] { #expect(text.stdout.contains("\n\(id) ")) }
    let json = try debate(["modules", "list", "--json"])
    let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(list.compactMap { $0["id"] as? String } == ["values", "security", "hedging"])
    #expect(list.allSatisfy { ($0["version"] as? String)?.isEmpty == false })
}

@Test func modulesShowDescribesAModule() throws {
    let result = try debate(["modules", "show", "hedging"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("`hedging`"))
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("Claims: "))
    let unknown = try debate(["modules", "show", "hedgin"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean `hedging`?"))
}

/// Every diagnostic `lint --json` prints carries a stable code, whichever layer reported it: the
/// YAML decoder, the graph, the module's examples, the deck build.
@Test func everyLintDiagnosticHasACode() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pack = folder.appendingPathComponent("modules/probe")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    try """
    id: probe
    title: Probe
    summary: A pack with one of each problem.
    version: 1.0.0
    examples:
      - { summary: renamed claim, side: pro, excludes: [probe.gone] }
    """.write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
    try """
    claims:
      - { id: probe.da, side: con, tag: The plan costs capital }
      - { id: probe.lt, side: pro, answers: probe.da, response: link-turn, tag: The plan wins capital }
      - { id: probe.it, side: pro, answers: probe.da, response: impact-turn, tag: Losing capital is good }
      - { id: probe.lost, side: pro, answers: probe.nowhere, response: no-link, tag: No link }
    """.write(to: pack.appendingPathComponent("claims.yaml"), atomically: true, encoding: .utf8)
    try "title: T\nresolution: R\nside: pro\nmodules: [probe, valuez]\nsections: []\n"
        .write(to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
    try "title: T\nresolution: R\nside: pro\nmodules: [probe]\nsectons: []\n"
        .write(to: folder.appendingPathComponent("typo.yaml"), atomically: true, encoding: .utf8)
    let result = try debate(["lint", "--json", pack.path, folder.appendingPathComponent("deck.yaml").path,
                             folder.appendingPathComponent("typo.yaml").path,
                             "--module-path", folder.appendingPathComponent("modules").path])
    #expect(result.status == 65, "\(result.stderr)")
    let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let codes = diagnostics.map { $0["code"] as? String ?? "" }
    #expect(!codes.contains(""), "\(diagnostics)")
    #expect(!codes.contains("unspecified"))
    for expected in ["example-unknown-claim", "double-turn", "dangling-answer", "unknown-module", "unknown-key"] {
        #expect(codes.contains(expected), "\(codes)")
    }
    // The deck names a module nobody has: its own error, with its code, in text output too.
    let text = try debate(["lint", folder.appendingPathComponent("deck.yaml").path,
                           "--module-path", folder.appendingPathComponent("modules").path])
    #expect(text.stderr.contains("error: unknown module `valuez`"), "\(text.stderr)")
    #expect(text.stderr.contains("[unknown-module]"), "\(text.stderr)")
}
