import Foundation
import Testing

/// Issue 13, defect 2: text from packs, decks and modules must not inject lines into an output
/// format, nor escape sequences into a terminal.
@Suite struct InjectionTests {
    /// Control characters a file can smuggle in through YAML's double-quoted escapes.
    static let hostile = #"Tag \e[31mred\e[0m \a bell \x7f del \u0085 nel\r\n# injected"#

    static let allOutputs = """
    outputs:
      - { format: markdown, path: out/probe.md }
      - { format: html, path: out/probe.html }
      - { format: json, path: out/probe.json }
      - { format: anki-text, path: out/probe.anki.txt }
      - { format: argdown, path: out/probe.argdown }
      - { format: docx, path: out/probe.docx }

    """

    func deck(title: String) -> String {
        workingDeck.replacingOccurrences(of: "title: Broken on purpose", with: "title: \"\(title)\"")
            .replacingOccurrences(of: "outputs:\n  - { format: markdown, path: out/probe.md }\n", with: Self.allOutputs)
    }

    func claims(tag: String) -> String {
        workingClaims.replacingOccurrences(of: "    tag: A claim", with: """
            tag: "\(tag)"
            warrant: "\(tag)"
            tags: ["\(tag)"]
            cite: { author: "\(tag)", publication: "\(tag)", url: "https://example.org/\\e[2J" }
        """)
    }

    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    @Test func noOutputFormatCarriesControlCharacters() throws {
        let (result, folder) = try buildProbe(deck: deck(title: Self.hostile), claims: claims(tag: Self.hostile))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["probe.md", "probe.html", "probe.json", "probe.anki.txt", "probe.argdown"] {
            let text = try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
            #expect(Self.controls(in: text).isEmpty, "\(name) carries \(Self.controls(in: text).map { String($0.value, radix: 16) })")
            #expect(text.contains("red"), "\(name) lost the text around the controls")
        }
        // JSON keeps every character, escaped.
        let json = try String(contentsOf: folder.appendingPathComponent("out/probe.json"), encoding: .utf8)
        #expect(json.contains(#"\u001b[31mred"#) && json.contains(#"\u007f"#) && json.contains(#"\u0085"#), "\(json.prefix(400))")
        // The Word document's XML neither.
        let unzip = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())",
            folder.appendingPathComponent("out/probe.docx").path])
        #expect(unzip.status == 0, "\(unzip.stderr)")
        #expect(Self.controls(in: unzip.stdout).isEmpty)
        #expect(unzip.stdout.contains("red"))
    }

    @Test func aNewlineInADeckTitleAddsNoAnkiHeaderLines() throws {
        let (result, folder) = try buildProbe(deck: deck(title: #"Title\n#deck:Evil\n#columns:Front"#))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("out/probe.anki.txt"), encoding: .utf8)
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headers.count == 8, "\(headers)")
        #expect(headers.filter { $0.hasPrefix("#deck:") } == ["#deck:Title #deck:Evil #columns:Front"])
        #expect(!text.contains("\n#columns:Front"))
        // Markdown and Argdown keep the title on its line too.
        let argdown = try String(contentsOf: folder.appendingPathComponent("out/probe.argdown"), encoding: .utf8)
        #expect(!argdown.contains("\n#deck:Evil"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/probe.md"), encoding: .utf8)
        #expect(!markdown.contains("\n#deck:Evil") && !markdown.contains("\n\\#deck:Evil"))
    }

    @Test func claimIDsFollowOneGrammarWithAPositionedError() throws {
        let cases: [(id: String, says: String)] = [
            (#""probe.one\nx: y""#, "contains `U+000A`"),
            (#""probe.\e[2Jone""#, "contains `U+001B`"),
            ("Probe.One", "must start with a lowercase letter or a digit"),
            ("probe.Two", "contains an uppercase letter"),
            (#""probe one""#, "contains a space"),
            ("probe/one", "contains `/`"),
        ]
        for (id, says) in cases {
            let (result, folder) = try buildProbe(claims: workingClaims.replacingOccurrences(of: "id: probe.one", with: "id: \(id)"))
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(result.status == 65, "\(id)")
            let errors = errorLines(result.stderr)
            #expect(errors.count == 1, "\(id): \(result.stderr)")
            #expect(errors.first?.contains("claims.yaml:2:9: error: claim id") == true, "\(id): \(errors)")
            #expect(errors.first?.contains(says) == true, "\(id): \(errors)")
            #expect(errors.first?.hasSuffix("[invalid-claim-id]") == true, "\(id): \(errors)")
            #expect(!result.stderr.unicodeScalars.contains("\u{1B}"), "an escape reached the terminal")
        }
        // `answers:` names a claim, so it follows the grammar too.
        let answering = workingClaims + """
          - id: probe.two
            side: con
            answers: "probe.one\\u001b]0;title\\u0007"
            response: no-link
            tag: Answer

        """
        let (result, folder) = try buildProbe(claims: answering)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 65)
        #expect(errorLines(result.stderr).first?.contains("claims.yaml:9:14: error: claim id") == true, "\(result.stderr)")
        #expect(errorLines(result.stderr).first?.hasSuffix("[invalid-claim-id]") == true, "\(result.stderr)")
        // So does `extends:`; and `lint --json` carries the same code.
        let extending = workingClaims + """
          - id: probe.two
            side: pro
            extends: Probe.One
            tag: More

        """
        let (_, extendFolder) = try buildProbe(claims: extending)
        defer { try? FileManager.default.removeItem(at: extendFolder) }
        let lint = try debate(["lint", "deck.yaml", "--module-path", "modules", "--json"], in: extendFolder)
        #expect(lint.status == 65, "\(lint.stderr)")
        let diagnostics = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [[String: Any]] ?? []
        let coded = diagnostics.filter { ($0["code"] as? String) == "invalid-claim-id" }
        #expect(coded.count == 1 && (coded.first?["line"] as? Int) == 9 && (coded.first?["column"] as? Int) == 14, "\(lint.stdout)")
    }

    @Test func theBuiltInAndExamplePacksFollowTheGrammar() throws {
        let lint = try debate(["lint", "decks/belarus-engagement.yaml", "decks/belarus-engagement-neg.yaml"])
        #expect(lint.status == 0, "\(lint.stderr)")
        let example = try debate(["lint", "Examples/deck.yaml"])
        #expect(!example.stderr.contains("claim id"), "\(example.stderr)")
    }

    @Test func terminalMessagesShowControlCharactersEscaped() throws {
        // A deck naming a module with escapes in it: the message quotes the name, made visible.
        let (result, folder) = try buildProbe(deck: workingDeck.replacingOccurrences(of: "modules: [probe]", with: #"modules: [probe, "evil\e]0;pwned\a\e[2J"]"#))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 65)
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains(#"evil\x1B]0;pwned\x07\x1B[2J"#), "\(result.stderr)")
    }

    @Test func theQuizShowsADecksControlCharactersEscaped() throws {
        let claims = """
        claims:
          - id: probe.one
            side: con
            tag: "They say \\e]0;pwned\\a\\e[2J this"
          - id: probe.two
            side: pro
            answers: probe.one
            response: no-link
            tag: We answer it

        """
        let deck = workingDeck.replacingOccurrences(of: """
              - hat: H
                blocks:
                  - block: B
                    select: { modules: [probe] }
        """, with: """
              - hat: A2 them
                answers: { modules: [probe] }
        """)
        let (built, folder) = try buildProbe(deck: deck, claims: claims)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(built.status == 0, "\(built.stderr)")
        let result = try debate(["quiz", "deck.yaml", "--module-path", "modules", "--mode", "recall", "--plain",
                                 "--db", folder.appendingPathComponent("progress.sqlite").path, "--now", "2025-06-01T09:00:00Z"],
                                stdin: "q\n", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"They say \x1B]0;pwned\x07\x1B[2J this"#), "\(result.stdout)")
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}") && !result.stdout.unicodeScalars.contains("\u{07}"))
    }

    @Test func aProcessModulesClaimIDsAreChecked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeScriptModule("shady", in: folder, claimsJSON: #"[{"id":"shady.a\n[evil]: injected","side":"pro","tag":"t"}]"#)
        let result = try debate(["build", "deck.yaml", "--module-path", "modules"], in: folder)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("claims[0].id: claim id `shady.a\\x0A[evil]: injected` contains `U+000A`"), "\(result.stderr)")
        #expect(errorLines(result.stderr).first?.hasSuffix("[invalid-claim-id]") == true, "\(result.stderr)")
    }
}

/// A process module `ID` in FOLDER/modules (a shell script that runs `before`, then replies with
/// `claimsJSON`), and FOLDER/deck.yaml using it.
func writeScriptModule(_ id: String, in folder: URL, before: String = "", claimsJSON: String) throws {
    let module = folder.appendingPathComponent("modules/\(id)")
    try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
    try "id: \(id)\nkind: process\ncommand: [./run.sh]\n".write(to: module.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
    let script = """
    #!/bin/sh
    \(before)
    read request
    printf '%s\\n' '{"protocol":1,"descriptor":{"id":"\(id)","title":"T","summary":"s","version":"1"}}'
    read request
    printf '%s\\n' '{"protocol":1,"claims":\(claimsJSON)}'

    """
    try script.write(to: module.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: module.appendingPathComponent("run.sh").path)
    try workingDeck.replacingOccurrences(of: "probe", with: id).write(to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
}
