import Foundation
import Testing

@Test func shippedDecksAndPacksLintClean() throws {
    let packs = ["Sources/ValuesArguments/Resources", "Sources/SecurityArguments/Resources", "Sources/HedgingPrecedents/Resources"]
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
