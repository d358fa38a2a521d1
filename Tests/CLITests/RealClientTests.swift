import Foundation
import Testing

/// The real clients read our outputs back: python-docx and LibreOffice the .docx, the official
/// `anki` package the .apkg and the text import; Argdown gets a structural check (its parser is an
/// npm package, and npm is unreachable here). The scripts live in Tests/clients/ and run in the
/// .venv that `bash Tests/test.sh` makes from Tests/requirements.txt. A missing client fails.
@Test(arguments: decks)
func wordOutputReadsBackInPythonDocxAndLibreOffice(_ deck: String) throws {
    try runClientCheck("check_docx.py", deck: deck)
}

@Test(arguments: decks)
func ankiImportsThePackageAndTheTextFileAndUpdatesOnReimport(_ deck: String) throws {
    try runClientCheck("check_anki.py", deck: deck)
}

@Test(arguments: decks)
func argdownOutputIsWellFormedAndFollowsTheClaimGraph(_ deck: String) throws {
    try runClientCheck("check_argdown.py", deck: deck)
}

func runClientCheck(_ script: String, deck: String) throws {
    let result = try python([packageRoot.appendingPathComponent("Tests/clients/\(script)").path, debateBinary.path, deck])
    #expect(result.status == 0, "\(script) \(deck) failed:\n\(result.stdout)\(result.stderr)")
    print(result.stdout, terminator: "")
}

/// Runs the test environment's Python (DEBATE_PYTHON, else .venv/bin/python); no Python is a failure.
func python(_ arguments: [String]) throws -> RunResult {
    let python = ProcessInfo.processInfo.environment["DEBATE_PYTHON"] ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        Issue.record("no Python at \(python): run `bash Tests/test.sh` (it makes .venv with the real clients) or set DEBATE_PYTHON")
        return RunResult(status: -1, stdout: "", stderr: "no Python at \(python)")
    }
    return try run(URL(fileURLWithPath: python), arguments)
}

/// Every built-in card is an exact excerpt of the op-ed it cites, opens on a whole sentence, and reads
/// no qualifier away (a stricter list than the lint's: "can", "would", "only", "until" too); the
/// script also prints what each card reads aloud, for a person to review.
@Test func builtInEvidenceIsVerbatimAndReadsAsTheAuthorWrote() throws {
    let result = try python([packageRoot.appendingPathComponent("Tests/clients/check_oped_excerpts.py").path, "--quiet"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
}
