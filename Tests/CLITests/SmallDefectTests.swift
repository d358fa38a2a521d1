import Foundation
import Testing

/// Issue 13, defects 3 and 5: `import kialo` on big, binary, Latin-1 and Windows files; a huge quiz
/// answer; `-o DIR`; a failing module example's position; `quiz stats` on a read-only store.
@Suite struct SmallDefectTests {
    let kialoFixture = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/kialo/free-transit.txt")

    @Test func kialoAcceptsWindowsLineEndings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: kialoFixture, encoding: .utf8)
        #expect(!text.contains("\r"))
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: folder.appendingPathComponent("crlf.txt"), atomically: true, encoding: .utf8)
        let imported = try debate(["import", "kialo", "crlf.txt", "-o", "modules/kialo-transit"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("58 claims (29 counterclaims)"), "\(imported.stderr)")
        let claims = try String(contentsOf: folder.appendingPathComponent("modules/kialo-transit/claims.yaml"), encoding: .utf8)
        #expect(!claims.contains("\r") && !claims.contains("\\r"))
    }

    @Test func kialoRefusesAHugeFileBeforeReadingIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.txt")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: costs no disk
        try handle.close()
        let result = try debate(["import", "kialo", "big.txt", "-o", "modules/big"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr == "big.txt:1:1: error: the file is 200.0 MB; `import kialo` reads exports of at most 16.0 MB; export a smaller part of the discussion from Kialo [kialo-too-big]\n",
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("modules/big").path))
    }

    @Test func aBinaryOrLatin1FileIsOneError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var binary: [UInt8] = Array("Discussion Title: x\n".utf8)
        for i in 0..<20_000 { binary.append(UInt8(truncatingIfNeeded: i &* 7919 >> 3)); if i % 50 == 0 { binary.append(10) } }
        try Data(binary).write(to: folder.appendingPathComponent("export.bin"))
        let result = try debate(["import", "kialo", "export.bin", "-o", "modules/bin"], in: folder)
        #expect(result.status == 65)
        let errors = errorLines(result.stderr)
        #expect(errors.count == 1, "\(result.stderr.prefix(2000))")
        #expect(errors.first?.hasPrefix("export.bin:2:1: error: this is not a text file") == true, "\(errors)")

        try Data("Discussion Title: Caf\u{E9}s\n\n1. Caf".utf8 + [0xE9] + " should stay open.\n".utf8).write(to: folder.appendingPathComponent("latin1.txt"))
        let latin = try debate(["import", "kialo", "latin1.txt", "-o", "modules/latin"], in: folder)
        #expect(latin.status == 65)
        #expect(errorLines(latin.stderr) == ["latin1.txt:3:7: error: this file is not UTF-8 text; save it as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8 FILE > FILE.utf8.txt`) and import that [not-utf8-text]"],
                "\(latin.stderr)")
    }

    /// Defect 4 through the real binary: a module that replies correctly but leaves a `setsid`
    /// helper behind; when the build is over, the helper is gone.
    @Test func aModulesDetachedHelperDoesNotOutliveTheBuild() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("helper.pid")
        try writeScriptModule("helper", in: folder, before: "sh -c 'setsid sleep 300 & echo $! > \"\(pidFile.path)\"'",
                              claimsJSON: #"[{"id":"helper.one","side":"pro","tag":"A claim"}]"#)
        let result = try debate(["build", "deck.yaml", "--module-path", "modules"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var alive = true
        for _ in 0..<100 {
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let state = stat?.split(separator: ")").last?.split(separator: " ").first
            alive = stat != nil && state != "Z" && state != "X"
            if !alive { break }
            usleep(20_000)
        }
        #expect(!alive, "the module's setsid helper \(pid) outlived debate")
    }

    @Test func aHugeQuizAnswerIsQuotedCutShort() throws {
        let db = try ScratchDatabase()
        let answer = String(repeating: "x", count: 10_000_000)
        let result = try debate(["quiz", "decks/belarus-engagement.yaml", "--mode", "recall", "--seed", "1",
                                 "--now", "2025-06-01T09:00:00Z", "--db", db.path], stdin: answer + "\n")
        #expect(result.status == 65)
        #expect(result.stderr.count < 400, "\(result.stderr.count) characters of error")
        #expect(result.stderr.contains("<stdin>:1: error: expected a grade 1-4"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains("got `" + String(repeating: "x", count: 60) + "…`"), "\(result.stderr.prefix(300))")
    }

    @Test func anOutputFolderIsNamedAsOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try debate(["build", "decks/belarus-engagement.yaml", "-o", folder.path, "--format", "markdown"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("error: \(folder.path) is a folder; -o takes a file name, e.g. \(folder.path)/deck.md"), "\(result.stderr)")
    }

    @Test func aFailingExampleIsReportedWhereItIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("probe")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try (workingManifest + """
        examples:
          - summary: The affirmative gets the claim.
            side: pro
            includes: [probe.one]
          - summary: The affirmative gets a claim that is not there.
            side: pro
            includes: [probe.missing]

        """).write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
        try workingClaims.write(to: pack.appendingPathComponent("claims.yaml"), atomically: true, encoding: .utf8)
        let result = try debate(["lint", "probe"], in: folder)
        #expect(result.status == 65 || result.status == 1, "\(result.stderr)")
        let errors = errorLines(result.stderr)
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.hasPrefix("probe/module.yaml:10:5: error: example “The affirmative gets a claim that is not there.”") == true, "\(errors)")
    }

    /// A store the user may read but not write (another user's, a read-only disk): run as `nobody`
    /// when we are root (root may write anything), else with the folder made read-only.
    @Test func statsReadsAReadOnlyStore() throws {
        let db = try ScratchDatabase()
        let quiz = try debate(["quiz", "decks/belarus-engagement.yaml", "--mode", "recall", "--seed", "1",
                               "--now", "2025-06-01T09:00:00Z", "--db", db.path], stdin: "2\n3\nq\n")
        #expect(quiz.status == 0, "\(quiz.stderr)")
        let before = try FileManager.default.contentsOfDirectory(atPath: db.folder.path).sorted()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: db.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: db.folder.path) }
        let arguments = ["quiz", "stats", "--json", "--db", db.path, "--now", "2025-06-01T09:00:00Z"]
        let result: RunResult
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            result = try run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                             ["--reuid=65534", "--regid=65534", "--clear-groups", debateBinary.path] + arguments)
        } else {
            result = try debate(arguments)
        }
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try JSONDecoder().decode(QuizStats.self, from: Data(result.stdout.utf8))
        #expect(stats.reviews == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: db.folder.path).sorted() == before)
    }
}
