import Foundation
import Testing

let decks = ["decks/belarus-engagement.yaml", "decks/belarus-engagement-neg.yaml"]
let formats = ["markdown": "md", "html": "html", "json": "json", "docx": "docx", "apkg": "apkg", "anki-text": "anki.txt",
               "argdown": "argdown"]

@Test(arguments: decks)
func belarusDecksBuildInEveryFormat(_ deck: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (format, ext) in formats {
        let path = folder.appendingPathComponent("deck.\(ext)").path
        let result = try debate(["build", deck, "--format", format, "-o", path])
        #expect(result.status == 0, "\(deck) \(format): \(result.stderr)")
        #expect(!result.stderr.contains("error:"), "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        switch format {
        case "docx", "apkg":
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(format) is not a zip file")
        case "anki-text":
            #expect(text.hasPrefix("#separator:tab\n#html:true\n"))
            #expect(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count > 5)
        case "argdown":
            #expect(text.contains("\n[Resolution]: The United States should normalize relations with Belarus."))
            #expect(text.contains("\n  + [") && text.contains("\n    - ["))
        case "html":
            #expect(text.hasPrefix("<!DOCTYPE html>"))
            #expect(text.contains("<mark>"))
            #expect(text.contains("<nav class=\"toc\">"))
            #expect(text.contains("Responsible Statecraft 25"))
        case "markdown":
            #expect(text.contains("\n# "))
            #expect(text.contains("\n#### "))
            #expect(text.contains("=="))
        default:
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object?["format"] as? String == "debate-deck")
            #expect((object?["cardCount"] as? Int ?? 0) > 5)
        }
    }
}

@Test func buildWritesTheDeckOutputsAndReportsJSON() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("decks"), to: folder.appendingPathComponent("decks"))
    let result = try debate(["build", "decks/belarus-engagement.yaml", "--json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let outputs = try #require(report["outputs"] as? [[String: Any]])
    #expect(Set(outputs.compactMap { $0["format"] as? String }) == Set(formats.keys))
    for output in outputs {
        let path = folder.appendingPathComponent(output["path"] as? String ?? "").path
        #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
    }
}

@Test func negativeDeckReportsWhatItCannotAnswer() throws {
    let result = try debate(["build", "decks/belarus-engagement-neg.yaml", "--format", "markdown", "-o", "-"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("# Coverage"))
    #expect(result.stdout.contains("No answer yet to these affirmative claims"))
    #expect(result.stderr.contains("decks/belarus-engagement-neg.yaml:1:1: note: no answer to "), "\(result.stderr)")
    #expect(!result.stdout.contains("### A2:") || result.stdout.components(separatedBy: "### A2:").dropFirst().allSatisfy { $0.contains("####") },
            "every A2 block holds at least one answer")
}

@Test func markdownGoesToStandardOutputWithDashO() throws {
    let result = try debate(["build", "decks/belarus-engagement-neg.yaml", "--format", "markdown", "-o", "-"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("**"))
    #expect(!result.stdout.contains("\u{1B}["), "no color codes when not on a terminal")
}

/// A binary format is not written to a terminal, but goes to standard output when that is a file or pipe.
@Test func binaryFormatsRefuseATerminalButNotAPipe() throws {
    let toFile = try debate(["build", "decks/belarus-engagement.yaml", "--format", "docx", "-o", "-"])
    #expect(toFile.status == 0, "\(toFile.stderr)")
    #expect(toFile.stdout.hasPrefix("PK\u{3}\u{4}"))
    // `script` (util-linux) runs the command on a pseudo-terminal and returns its exit status.
    let command = "\(debateBinary.path) build decks/belarus-engagement.yaml --format apkg -o -"
    let onTerminal = try run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
    #expect(onTerminal.status == 64, "\(onTerminal.stdout)")
    #expect(onTerminal.stdout.contains("--format apkg is binary and standard output is a terminal"))
}

@Test func missingDeckExits66() throws {
    let result = try debate(["build", "decks/no-such-deck.yaml"])
    #expect(result.status == 66)
    #expect(result.stderr.contains("no deck file at decks/no-such-deck.yaml"))
}

@Test func usageErrorsExit64() throws {
    #expect(try debate(["build"]).status == 64)
    #expect(try debate(["build", "decks/belarus-engagement.yaml", "--format", "pdf"]).status == 64)
    #expect(try debate(["build", "decks/belarus-engagement.yaml", "-o", "-", "--json", "--format", "json"]).status == 64)
}

/// The JSON output is checked against the schema in the repository by a real validator
/// (python-jsonschema, installed by Tests/test.sh into .venv).
@Test(arguments: decks)
func jsonOutputMatchesTheSchema(_ deck: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("deck.json").path
    let build = try debate(["build", deck, "--format", "json", "-o", path])
    #expect(build.status == 0, "\(build.stderr)")
    let result = try python(["-c", """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
        print("valid")
        """, packageRoot.appendingPathComponent("Sources/DeckBuilder/Schema/deck.schema.json").path, path])
    #expect(result.status == 0 && result.stdout.contains("valid"), "\(result.stdout)\(result.stderr)")
}

/// Outputs are streamed as they render: a file gets exactly what `-o -` prints, through a temporary
/// that is gone afterwards; a device that fails mid-way is exit 74 with the system's words.
@Test func aStreamedFileIsWhatStandardOutputGetsAndLeavesNoTemporary() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for format in ["json", "markdown", "html"] {
        let path = folder.appendingPathComponent("deck.\(format)").path
        let written = try debate(["build", "decks/belarus-engagement.yaml", "--format", format, "-o", path])
        #expect(written.status == 0, "\(format): \(written.stderr)")
        let printed = try debate(["build", "decks/belarus-engagement.yaml", "--format", format, "-o", "-"])
        #expect(printed.status == 0, "\(format): \(printed.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == printed.stdout, "\(format)")
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["deck.html", "deck.json", "deck.markdown"])
    let full = try debate(["build", "decks/belarus-engagement.yaml", "--format", "json", "-o", "/dev/full"])
    #expect(full.status == 74, "\(full.stderr)")
    #expect(full.stderr.contains("error: cannot write /dev/full: No space left on device"), "\(full.stderr)")
}
