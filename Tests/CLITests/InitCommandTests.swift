import Foundation
import Testing

// A first run that just works: `debate init`, `debate modules new`, list the module in the starter
// deck, build it — with no flag, from the project folder.

@Test func aNewProjectBuildsWithItsOwnPackAndNoFlag() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let initialized = try debate(["init", "demo"], in: folder)
    #expect(initialized.status == 0, "\(initialized.stderr)")
    let demo = folder.appendingPathComponent("demo")
    for file in ["decks/belarus-engagement.yaml", "modules/belarus/module.yaml", "modules/belarus/claims.yaml", ".gitignore"] {
        #expect(FileManager.default.fileExists(atPath: demo.appendingPathComponent(file).path), "\(file)")
    }
    let created = try debate(["modules", "new", "potash", "--kind", "pack"], in: demo)
    #expect(created.status == 0, "\(created.stderr)")

    let deckFile = demo.appendingPathComponent("decks/belarus-engagement.yaml")
    let deck = try String(contentsOf: deckFile, encoding: .utf8)
    #expect(deck.contains("modules:\n  - belarus\n"))
    try deck.replacingOccurrences(of: "modules:\n  - belarus\n", with: "modules:\n  - belarus\n  - potash\n")
        .write(to: deckFile, atomically: true, encoding: .utf8)

    let built = try debate(["build", "decks/belarus-engagement.yaml"], in: demo)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(errorLines(built.stderr).isEmpty, "\(built.stderr)")
    let markdown = try String(contentsOf: demo.appendingPathComponent("out/belarus-engagement.md"), encoding: .utf8)
    // The starter card, with its cite and the op-ed's words, and the new pack in the deck's modules.
    #expect(markdown.contains("Turn: isolation drove Minsk away"))
    #expect(markdown.contains("**Responsible Statecraft 25**"))
    #expect(markdown.contains("<u>==the only way to advance a substantive dialogue on civil society with Belarus is through engagement==</u>"))
    #expect(markdown.contains("Potash (`potash` 0.1.0)"))
    #expect(FileManager.default.fileExists(atPath: demo.appendingPathComponent("out/belarus-engagement.docx").path))

    // The project and the scaffolded pack lint clean; the pack's example is a full card.
    let linted = try debate(["lint", "decks", "modules/belarus", "modules/potash"], in: demo)
    #expect(linted.status == 0, "\(linted.stderr)")
    // The cards read no qualifier away (the evidence-ethics lint), so the starter project lints clean.
    #expect(!linted.stderr.contains(": warning: "), "\(linted.stderr)")
    let potash = try String(contentsOf: demo.appendingPathComponent("modules/potash/claims.yaml"), encoding: .utf8)
    #expect(potash.contains("cite:") && potash.contains("evidence:") && potash.contains("==remarkably effective=="))
}

@Test func initRefusesToOverwriteAProject() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try debate(["init"], in: folder).status == 0)
    let again = try debate(["init"], in: folder)
    #expect(again.status == 73)
    #expect(again.stderr.contains("error: . already has decks/belarus-engagement.yaml"), "\(again.stderr)")
}

@Test func theStarterCardsQuoteTheOpEdVerbatim() throws {
    let candidates = ["../shared", "../../shared"].map {
        packageRoot.appendingPathComponent($0).appendingPathComponent("seeds/000_856cee6e9371011a.txt")
    }
    // The seeds are not in every checkout; without them there is nothing to compare with.
    guard let source = candidates.lazy.compactMap({ try? String(contentsOf: $0, encoding: .utf8) }).first else { return }
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try debate(["init"], in: folder).status == 0)
    #expect(try debate(["modules", "new", "potash"], in: folder).status == 0)
    // Every evidence body, its markup removed, is a passage of the op-ed.
    let text = try String(contentsOf: folder.appendingPathComponent("modules/belarus/claims.yaml"), encoding: .utf8)
        + (try String(contentsOf: folder.appendingPathComponent("modules/potash/claims.yaml"), encoding: .utf8))
    let bodies = text.split(separator: "\n").filter { $0.contains("  evidence: ") }.map {
        String($0.split(separator: "evidence: ", maxSplits: 1)[1]).replacingOccurrences(of: "==", with: "")
            .replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "**", with: "")
    }
    #expect(bodies.count == 2)
    for body in bodies { #expect(source.contains(body), "\(body)") }
}

@Test func initRefusesAFileWhereAFolderGoesAndWritesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "".write(to: folder.appendingPathComponent("modules"), atomically: true, encoding: .utf8)
    let result = try debate(["init"], in: folder)
    #expect(result.status == 73)
    #expect(result.stderr.contains("error: . already has modules (a file where a folder goes); nothing was written"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("decks").path))
}

@Test func modulesShowOfAnUnknownModuleSaysWhereItLooked() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try debate(["init"], in: folder).status == 0)
    #expect(try debate(["modules", "show", "belarus"], in: folder).status == 0)
    let unknown = try debate(["modules", "show", "tariffs"], in: folder)
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("error: no module `tariffs`; looked in the built-in modules, modules (the project's modules), "),
            "\(unknown.stderr)")
}
