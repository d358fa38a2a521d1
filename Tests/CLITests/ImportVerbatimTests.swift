import DocxFixtures
import Foundation
import Testing

/// `debate import verbatim`, run as a user would.
@Suite struct ImportVerbatimTests {
    typealias F = DocxFixture

    func write(_ data: Data, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func text(_ path: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    static let oneNC = F.p("Heading1", F.r("1NC")) + F.p("Heading2", F.r("Midterms DA")) + F.p("Heading3", F.r("Link"))
        + F.card(tag: "Plan kills capital", short: "Smith 25", rest: " (Jane Smith, professor, 2025)",
                 evidence: F.p(nil, F.r("The plan ", style: "StyleUnderline"), F.r("drains", style: "Emphasis", props: #"<w:highlight w:val="cyan"/>"#)))
        + F.p("Heading4", F.r("Capital is finite")) + F.p(nil, F.r("Analytic explanation."))

    /// Both Belarus decks → docx → import → build docx → import again: the claims are identical.
    @Test func roundTripBelarusDecks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for deck in ["belarus-engagement", "belarus-engagement-neg"] {
            let first = folder.appendingPathComponent("first/\(deck).docx").path
            #expect(try debate(["build", "decks/\(deck).yaml", "--format", "docx", "-o", first]).status == 0)
            let imported = try debate(["import", "verbatim", first, "-o", "p1/rt", "--deck", "d/\(deck).yaml"], in: folder)
            #expect(imported.status == 0, "\(imported.stderr)")
            let second = folder.appendingPathComponent("second/\(deck).docx").path
            let rebuilt = try debate(["build", "d/\(deck).yaml", "--format", "docx", "-o", second], in: folder)
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
            #expect(try debate(["import", "verbatim", second, "-o", "p2/rt"], in: folder).status == 0)
            let a = try text("p1/rt/\(deck).yaml", in: folder), b = try text("p2/rt/\(deck).yaml", in: folder)
            #expect(a == b)
            #expect(a.contains("evidence:") && a.contains("text:"))
        }
        // The imported pack lints and builds: every card the deck had is there.
        let built = try debate(["build", "d/belarus-engagement.yaml", "--format", "json", "-o", "-"], in: folder)
        #expect(built.status == 0)
        let original = try debate(["build", "decks/belarus-engagement.yaml", "--format", "json", "-o", "-"])
        func cards(_ json: String) throws -> Int {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let pockets = object?["pockets"] as? [[String: Any]] ?? []
            return pockets.flatMap { ($0["hats"] as? [[String: Any]]) ?? [] }.flatMap { ($0["blocks"] as? [[String: Any]]) ?? [] }
                .reduce(0) { $0 + (($1["cards"] as? [Any])?.count ?? 0) }
        }
        #expect(try cards(built.stdout) == cards(original.stdout))
    }

    @Test func writesPackDeckAndSummary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try F.docx(body: Self.oneNC), "in/Midterms 1NC.docx", in: folder)
        let result = try debate(["import", "verbatim", "in", "-o", "modules/mid", "--deck", "decks/mid.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("side con (file name says “1NC”)"))
        #expect(result.stderr.contains("1 cards, 1 analytics"))
        #expect(result.stderr.contains("Midterms DA → disadvantage"))
        let claims = try text("modules/mid/midterms-1nc.yaml", in: folder)
        #expect(claims.contains("id: mid.midterms-1nc.plan-kills-capital"))
        #expect(claims.contains("evidence: __The plan **==drains==**__"))
        // The hat "Midterms DA" names a position: declared in the claim file, joined by the claims under it.
        #expect(claims.contains("positions:") && claims.contains("kind: disadvantage") && claims.contains("title: Midterms DA"))
        #expect(claims.contains("position: mid.midterms-1nc.position-midterms-da"))
        let deck = try text("decks/mid.yaml", in: folder)
        #expect(deck.contains("pocket: 1NC") && deck.contains("hat: Midterms DA") && deck.contains("block: Link"))
        let built = try debate(["build", "decks/mid.yaml", "--format", "markdown", "-o", "-"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("Plan kills capital") && built.stdout.contains("Capital is finite"))
    }

    @Test func reimportUpdatesAndMergesIntoAnExistingPack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try F.docx(body: Self.oneNC), "a/neg.docx", in: folder)
        try write(try F.docx(body: F.card(tag: "Aff tag", short: "Ng 20", rest: " x", evidence: F.p(nil, F.r("card")))), "b/aff.docx", in: folder)
        #expect(try debate(["import", "verbatim", "a/neg.docx", "-o", "modules/p"], in: folder).status == 0)
        #expect(try debate(["import", "verbatim", "b/aff.docx", "-o", "modules/p"], in: folder).status == 0)
        #expect(exists("modules/p/neg.yaml", in: folder) && exists("modules/p/aff.yaml", in: folder))
        // Edit the document: one tag changes; importing again replaces that document's claims.
        try write(try F.docx(body: Self.oneNC.replacingOccurrences(of: "Capital is finite", with: "Capital is scarce")), "a/neg.docx", in: folder)
        #expect(try debate(["import", "verbatim", "a/neg.docx", "-o", "modules/p"], in: folder).status == 0)
        let neg = try text("modules/p/neg.yaml", in: folder)
        #expect(neg.contains("capital-is-scarce") && !neg.contains("capital-is-finite"))
        #expect(neg.components(separatedBy: "id: p.neg.plan-kills-capital").count == 2)
        #expect(exists("modules/p/aff.yaml", in: folder))
    }

    @Test func badFilesAreErrorsAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try F.docx(body: Self.oneNC), "in/good.docx", in: folder)
        try write(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 512), "in/old.docx", in: folder)
        let result = try debate(["import", "verbatim", "in", "-o", "modules/p", "--deck", "decks/p.yaml"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("in/old.docx: error: it is an old binary Word document (.doc)"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(!exists("modules/p", in: folder) && !exists("decks/p.yaml", in: folder))
        // An existing pack is left as it was.
        #expect(try debate(["import", "verbatim", "in/good.docx", "-o", "modules/p"], in: folder).status == 0)
        let before = try text("modules/p/good.yaml", in: folder)
        try write(try F.docx(body: F.p("Heading4", F.r("changed"))), "in/good.docx", in: folder)
        #expect(try debate(["import", "verbatim", "in", "-o", "modules/p"], in: folder).status == 65)
        #expect(try text("modules/p/good.yaml", in: folder) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("modules").path)
        #expect(leftovers == ["p"])
        #expect(try debate(["import", "verbatim", "missing.docx", "-o", "modules/q"], in: folder).status == 66)
    }

    @Test func dryRunAndJSON() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try F.docx(body: Self.oneNC), "x.docx", in: folder)
        let result = try debate(["import", "verbatim", "x.docx", "-o", "modules/p", "--dry-run", "--json", "--side", "pro"], in: folder)
        #expect(result.status == 0)
        #expect(!exists("modules/p", in: folder))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["written"] as? Bool == false)
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["side"] as? String == "pro" && file["sideReason"] as? String == "--side")
        #expect(file["cards"] as? Int == 1 && file["analytics"] as? Int == 1)
        #expect(file["tagsFound"] as? Int == 2 && file["tagParagraphs"] as? Int == 2)
    }

    /// ../shared/corpus/verbatim from the package root (or from its parent, for a worktree), if present.
    static let corpus: String? = ["../shared/corpus/verbatim", "../../shared/corpus/verbatim"]
        .map { packageRoot.appendingPathComponent($0).standardizedFileURL.path }
        .first { FileManager.default.fileExists(atPath: $0) }

    /// The real files (when present): every file imports, ≥ 99 % of tag paragraphs become claims.
    @Test(.enabled(if: corpus != nil))
    func corpusImports() throws {
        let corpus = try #require(Self.corpus)
        let result = try debate(["import", "verbatim", corpus, "-o", "/tmp/unused-pack", "--dry-run", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let total = try #require(json["total"] as? [String: Int])
        #expect(total["failed"] == 0)
        let found = Double(total["tagsFound"] ?? 0), paragraphs = Double(total["tagParagraphs"] ?? 1)
        #expect(found / paragraphs >= 0.99, "\(found) of \(paragraphs) tags")
    }
}
