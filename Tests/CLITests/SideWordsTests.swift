import Foundation
import Testing

/// What a person reads names the sides as the deck's format does: public forum says Pro and Con,
/// policy and LD say affirmative and negative (aff, neg), and so does a deck without a format. The
/// JSON keeps `pro`/`con`.
@Suite struct SideWordsTests {
    /// A deck whose pack has an unanswered con claim (for the coverage words) and a pro claim that
    /// answers a pro claim (for the lint message's side word).
    func build(format: String?) throws -> (RunResult, URL) {
        let claims = workingClaims + """
          - id: probe.theirs
            side: con
            tag: Their unanswered claim
          - id: probe.own
            side: pro
            answers: probe.one
            response: no-link
            tag: Answers its own side

        """
        let deck = workingDeck
            .replacingOccurrences(of: "side: pro\n", with: "side: pro\n" + (format.map { "format: \($0)\n" } ?? ""))
            .replacingOccurrences(of: "  - { format: markdown, path: out/probe.md }\n", with: """
              - { format: markdown, path: out/probe.md }
              - { format: html, path: out/probe.html }
              - { format: argdown, path: out/probe.argdown }
              - { format: json, path: out/probe.json }

            """)
        return try buildProbe(deck: deck, claims: claims)
    }

    func read(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("out/\(name)"), encoding: .utf8)
    }

    @Test func publicForumSaysProAndCon() throws {
        let (result, folder) = try build(format: "pf")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try read(folder, "probe.md")
        #expect(markdown.contains("- Side: Pro\n"), "\(markdown)")
        #expect(markdown.contains("No answer yet to these con claims:"), "\(markdown)")
        #expect(try read(folder, "probe.html").contains("<dt>Side</dt><dd>Pro</dd>"))
        #expect(try read(folder, "probe.argdown").contains("Pro deck"))
        #expect(result.stderr.contains("a claim of its own side (pro)"), "\(result.stderr)")
        #expect(result.stderr.contains("no answer to 1 con claim"), "\(result.stderr)")
        #expect(!markdown.contains("Affirmative") && !markdown.contains("negative") && !result.stderr.contains("(aff)"))
        let json = try read(folder, "probe.json")
        #expect(json.contains(#""side": "pro""#) && !json.contains(#""side": "Pro""#), "\(json.prefix(600))")
    }

    @Test func policyLDAndNoFormatSayAffAndNeg() throws {
        for format in ["policy-hs", "ld", nil] {
            let (result, folder) = try build(format: format)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(result.status == 0, "\(result.stderr)")
            let markdown = try read(folder, "probe.md")
            #expect(markdown.contains("- Side: Affirmative\n"), "\(format ?? "none"): \(markdown)")
            #expect(markdown.contains("No answer yet to these negative claims:"))
            #expect(try read(folder, "probe.html").contains("<dt>Side</dt><dd>Affirmative</dd>"))
            #expect(result.stderr.contains("a claim of its own side (aff)"), "\(result.stderr)")
            #expect(result.stderr.contains("no answer to 1 negative claim"), "\(result.stderr)")
        }
    }

    @Test func modulesShowUsesTheDecksWords() throws {
        let (_, folder) = try build(format: "pf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let shown = try debate(["modules", "show", "probe", "--module-path", "modules", "--deck", "deck.yaml"], in: folder)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("  Pro: 2\n") && shown.stdout.contains("  Con: 1\n"), "\(shown.stdout)")
        let plain = try debate(["modules", "show", "probe", "--module-path", "modules"], in: folder)
        #expect(plain.stdout.contains("  Affirmative: 2\n") && plain.stdout.contains("  Negative: 1\n"), "\(plain.stdout)")
    }
}
