import Foundation
import Testing

/// `debate search` end to end, each test with its own index (XDG_CACHE_HOME in a temporary folder).
@Suite struct SearchCommandTests {
    let folder: URL
    var cache: [String: String] { ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path, "NO_COLOR": ""] }
    var indexPath: String { folder.appendingPathComponent("cache/debate/library.sqlite").path }

    init() throws { folder = try temporaryFolder() }

    /// A pack `lib` of `files` claim files with `perFile` cards each; claim `lib.fF-cC` has the word
    /// `wordF` in its tag and `zeta` in its evidence.
    func makePack(files: Int, perFile: Int, name: String = "lib") throws -> URL {
        let pack = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try "id: \(name)\ntitle: Test library\nsummary: Generated for the search tests.\nversion: 1.0.0\nkind: pack\n"
            .write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
        for f in 1...files {
            var text = "claims:\n"
            for c in 1...perFile {
                text += """
                  - id: \(name).f\(f)-c\(c)
                    side: \(c % 2 == 0 ? "pro" : "con")
                    tag: Sanctions on word\(f) topic \(c) raise the risk of escalation in the region
                    cite: { author: Author \(f), date: "20\(10 + f % 10)", publication: Journal }
                    evidence: |
                      The ==zeta policy== of __word\(f)__ has done **little** to change course, and the
                      reasoning applies to every case the critics have named so far in their reports.

                """
            }
            try text.write(to: pack.appendingPathComponent(String(format: "claims-%04d.yaml", f)), atomically: true, encoding: .utf8)
        }
        return pack
    }

    func hits(_ result: RunResult) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        return try #require(object["hits"] as? [[String: Any]])
    }

    @Test func findsTheBalconyCardsOfTheBuiltInModules() throws {
        let result = try debate(["search", "balcony"], environment: cache)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("security.balcony-dialogue"))
        #expect(result.stdout.contains("Sources/BuiltInModules/Resources/security/claims.yaml:87:5"))
        #expect(result.stdout.contains("«balcony»"))
        // Not a terminal: no control characters, and every line fits 80 columns.
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        for line in result.stdout.split(separator: "\n") where !line.contains(".yaml:") {
            #expect(line.count <= 80, "\(line)")
        }
        let json = try hits(try debate(["search", "balcony", "--side", "aff", "--cards", "--json"], environment: cache))
        #expect(json.first?["id"] as? String == "security.balcony-dialogue")
        #expect(json.allSatisfy { $0["side"] as? String == "pro" && $0["isCard"] as? Bool == true })
        let location = try #require(json.first?["location"] as? [String: Any])
        #expect(location["line"] as? Int == 87)
        // The tag tier first (no BM25 score), then the rest by BM25.
        let all = try hits(try debate(["search", "belarus", "--json", "--limit", "100"], environment: cache))
        let tiers = try all.map { try #require($0["inTag"] as? Bool) }
        #expect(tiers.contains(true) && tiers.contains(false))
        #expect(tiers == tiers.sorted { $0 && !$1 })
        #expect(all.allSatisfy { ($0["inTag"] as? Bool == true) == ($0["score"] == nil) })
        #expect(all.filter { $0["inTag"] as? Bool == true }.allSatisfy { ($0["tag"] as? String ?? "").lowercased().contains("belarus") })
        // Its position and its part in it, from the debate model.
        #expect(json.first?["positionKind"] as? String == "advantage" && json.first?["role"] as? String == "link")
        let links = try hits(try debate(["search", "balcony", "--position-kind", "advantage", "--role", "link", "--json"], environment: cache))
        #expect(!links.isEmpty && links.allSatisfy { $0["role"] as? String == "link" })
        #expect(try hits(try debate(["search", "balcony", "--side", "neg", "--json"], environment: cache)).isEmpty)
    }

    @Test func answersComeFromTheGraphThenFromTheText() throws {
        let json = try hits(try debate(["search", "--answers", "security.neg-no-war", "--json", "--limit", "3"], environment: cache))
        let graph = json.filter { $0["via"] as? String == "graph" }.compactMap { $0["id"] as? String }
        #expect(graph.contains("security.a2-no-war-hybrid"))
        #expect(json.filter { $0["via"] as? String == "graph" }.allSatisfy { $0["answers"] as? String == "security.neg-no-war" })
        let text = json.filter { $0["via"] as? String == "text" }
        #expect(!text.isEmpty && text.count <= 3)
        #expect(json.allSatisfy { $0["side"] as? String == "pro" })
        // By the text of their tag: the same claim is found.
        let byTag = try debate(["search", "--answers", "no NATO-Russia war over Belarus: deterrence on the eastern flank holds"], environment: cache)
        #expect(byTag.stdout.contains("security.a2-no-war-hybrid"), "\(byTag.stdout)")
    }

    @Test func writesTheHitsAsASpeechDocument() throws {
        let out = folder.appendingPathComponent("hits.md")
        let result = try debate(["search", "balcony", "--limit", "2", "--format", "markdown", "-o", out.path], environment: cache)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("balcony"))
        let docx = folder.appendingPathComponent("hits.docx")
        #expect(try debate(["search", "balcony", "--format", "docx", "-o", docx.path], environment: cache).status == 0)
        let bytes = try Data(contentsOf: docx)
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try debate(["search"], environment: cache).status == 64)
        #expect(try debate(["search", "x", "--year", "soon"], environment: cache).status == 64)
        #expect(try debate(["search", "x", "--cards", "--analytics"], environment: cache).status == 64)
        let role = try debate(["search", "x", "--role", "lnk"], environment: cache)
        #expect(role.status == 64 && role.stderr.contains("link"))
        #expect(try debate(["search", "x", "--format", "docx"], environment: cache).status == 64)
        #expect(try debate(["search", "--", "--"], environment: cache).status == 64)
    }

    /// `debate search` reads its plain arguments itself (SearchArguments.swift) and leaves the rest to
    /// swift-argument-parser; `--name=value` always takes the full parser. Both read the same.
    @Test func theQuickParseReadsWhatTheFullParserReads() throws {
        let pack = try makePack(files: 3, perFile: 4)
        let other = try makePack(files: 1, perFile: 2, name: "other")
        let paths = ["--module-path", pack.path, "--module-path", other.path]
        let cases: [(quick: [String], full: [String])] = [
            (["zeta", "--json"], ["zeta", "--json", "--limit=10"]),
            (["--side", "con", "zeta", "--json", "--limit", "3"], ["--side=con", "zeta", "--json", "--limit=3"]),
            (["word2", "--module", "lib", "--module", "other", "--json"], ["word2", "--module=lib", "--module=other", "--json"]),
            (["sanct*", "--cards", "--year", "2011-2013", "--json"], ["sanct*", "--cards", "--year=2011-2013", "--json"]),
            (["zeta", "--analytics", "--json"], ["zeta", "--analytics", "--json", "--limit=10"]),
            (["--answers", "lib.f1-c1", "--json", "--limit", "2"], ["--answers=lib.f1-c1", "--json", "--limit", "2"]),
            (["escalation", "region", "--position-kind", "advantage", "--json"], ["escalation", "region", "--position-kind=advantage", "--json"]),
            (["zeta", "--role", "link", "--response", "no-link", "--json"], ["zeta", "--role=link", "--response", "no-link", "--json"]),
            (["zeta", "--refresh", "--module-timeout", "5", "--json"], ["zeta", "--refresh", "--module-timeout=5", "--json"]),
            (["zeta"], ["zeta", "--limit=10"]),
            // Errors: the quick parse declines, the full parser prints them.
            (["zeta", "--limit", "0"], ["zeta", "--limit=0"]),
            (["zeta", "--side", "up"], ["zeta", "--side=up"]),
            (["zeta", "--deck", folder.appendingPathComponent("none.yaml").path], ["zeta", "--deck=" + folder.appendingPathComponent("none.yaml").path]),
            (["zeta", "--module-timeout", "0"], ["zeta", "--module-timeout=0"]),
            (["zeta", "--json", "--json"], ["zeta", "--json", "--json", "--limit=10"]),
        ]
        for (quick, full) in cases {
            let a = try debate(["search"] + paths + quick, environment: cache)
            let b = try debate(["search"] + paths + full, environment: cache)
            #expect(a.status == b.status && a.stdout == b.stdout && a.stderr == b.stderr, "\(quick): \(a.stderr) | \(b.stderr)")
        }
        let quickDoc = folder.appendingPathComponent("quick.md"), fullDoc = folder.appendingPathComponent("full.md")
        let a = try debate(["search"] + paths + ["zeta", "-f", "markdown", "-o", quickDoc.path, "--json"], environment: cache)
        let b = try debate(["search"] + paths + ["zeta", "--format=markdown", "--output=" + fullDoc.path, "--json"], environment: cache)
        #expect(a.status == 0 && a.stdout == b.stdout && a.stderr == b.stderr, "\(a.stderr)")
        #expect(try Data(contentsOf: quickDoc) == Data(contentsOf: fullDoc))
        // Help and the full parser's own errors are the full parser's.
        #expect(try debate(["search", "--help"], environment: cache).stdout.contains("USAGE: debate search"))
        let unknown = try debate(["search", "zeta", "--bogus"], environment: cache)
        #expect(unknown.status == 64 && unknown.stderr.contains("--bogus"))
    }

    @Test func editedAndDeletedFilesAreSeen() throws {
        let pack = try makePack(files: 3, perFile: 2)
        let args = ["search", "--module-path", pack.path, "--json"]
        #expect(try hits(try debate(args + ["word2"], environment: cache)).count == 2)
        // The same folder written another way is the same source, with the same paths.
        let slashed = try hits(try debate(["search", "--module-path", pack.path + "/", "--json", "word2"], environment: cache))
        #expect(slashed.count == 2)
        #expect((slashed.first?["location"] as? [String: Any])?["path"] as? String == pack.appendingPathComponent("claims-0002.yaml").path)
        let file = pack.appendingPathComponent("claims-0002.yaml")
        // Same length, so only the content hash (or time) can tell.
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Sanctions", with: "Embargoes")
        try edited.write(to: file, atomically: false, encoding: .utf8)
        #expect(try hits(try debate(args + ["embargoes"], environment: cache)).count == 2)
        try FileManager.default.removeItem(at: file)
        #expect(try hits(try debate(args + ["word2"], environment: cache)).isEmpty)
        #expect(try hits(try debate(args + ["zeta"], environment: cache)).count == 4)
        // A broken file is named with its position, and the rest is searched.
        try "claims:\n  - { id: lib.bad, tag: no side }\n".write(to: pack.appendingPathComponent("claims-0009.yaml"), atomically: true, encoding: .utf8)
        let broken = try debate(args + ["zeta"], environment: cache)
        #expect(broken.status == 0)
        #expect(broken.stderr.contains("claims-0009.yaml:2:"), "\(broken.stderr)")
        #expect(try hits(broken).count == 4)
    }

    @Test func processModulesAreAskedOnceUntilRefreshed() throws {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let runs = folder.appendingPathComponent("runs.txt")
        let script = bin.appendingPathComponent("debate-module-asked")
        try """
            #!/bin/sh
            echo run >> '\(runs.path)'
            read request
            echo '{"protocol":1,"descriptor":{"id":"asked","title":"Asked","summary":"S","version":"1.0.0"}}'
            read request
            echo '{"protocol":1,"claims":[{"id":"asked.one","side":"con","tag":"Quokkas guard the border"}]}'

            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var environment = cache
        environment["PATH"] = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        func askedTimes() throws -> Int { try String(contentsOf: runs, encoding: .utf8).split(separator: "\n").count }
        let first = try debate(["search", "quokkas", "--json"], environment: environment)
        #expect(try hits(first).map { $0["id"] as? String } == ["asked.one"], "\(first.stderr)")
        let asked = try askedTimes()
        #expect(try hits(try debate(["search", "quokkas", "--json"], environment: environment)).count == 1)
        #expect(try askedTimes() == asked)
        #expect(try hits(try debate(["search", "quokkas", "--json", "--refresh"], environment: environment)).count == 1)
        #expect(try askedTimes() > asked)
    }

    @Test func aCorruptOrForeignIndexIsRebuilt() throws {
        let pack = try makePack(files: 2, perFile: 2)
        let args = ["search", "--module-path", pack.path, "--json", "zeta"]
        #expect(try hits(try debate(args, environment: cache)).count == 4)
        // Garbage over the index file, the WAL removed: a warning, then a rebuilt index.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: indexPath))
        let rebuilt = try debate(args, environment: cache)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("rebuilding"), "\(rebuilt.stderr)")
        #expect(try hits(rebuilt).count == 4)
        // Damage inside a valid SQLite file: its pages overwritten in the middle.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: indexPath))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: min(4096, size / 2))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try handle.close()
        let repaired = try debate(args, environment: cache)
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(!repaired.stderr.contains("Fatal"))
        #expect(try hits(repaired).count == 4)
    }

    @Test func twoProcessesRefreshingAtOnceBothFinish() throws {
        let pack = try makePack(files: 150, perFile: 10)
        let arguments = ["search", "--module-path", pack.path, "--json", "--limit", "1000", "zeta"]
        let results = try [0, 1].map { _ in try start(arguments) }.map { try finish($0) }
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try hits(result).count == 1000)
        }
        #expect(try hits(try debate(["search", "--module-path", pack.path, "--json", "word77"], environment: cache)).count == 10)
    }

    @Test func aKilledRefreshIsRepairedByTheNextRun() throws {
        let pack = try makePack(files: 300, perFile: 10)
        let arguments = ["search", "--module-path", pack.path, "--json", "--limit", "1000", "word15*"]
        var killedWhileRunning = 0
        for delay in [0.15, 0.4, 0.9] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("cache"))
            let running = try start(arguments)
            Thread.sleep(forTimeInterval: delay)
            kill(running.process.processIdentifier, SIGKILL)
            running.process.waitUntilExit()
            if running.process.terminationReason == .uncaughtSignal { killedWhileRunning += 1 }
            let after = try debate(arguments, environment: cache)
            #expect(after.status == 0, "\(after.stderr)")
            // word15, word150…word159: 11 files of 10 claims.
            #expect(try hits(after).count == 110)
        }
        // At least one kill landed before the refresh was done (a cold index of 3,000 claims takes longer).
        #expect(killedWhileRunning > 0)
    }

    /// `build` and `lint` read an unchanged pack's claims from the index: they work even when the
    /// claim file can no longer be read, and see every edit at once.
    @Test func commandsReadUnchangedClaimsFromTheIndex() throws {
        let pack = try makePack(files: 2, perFile: 2)
        let file = pack.appendingPathComponent("claims-0001.yaml")
        // Written long ago: size and time alone tell it is unchanged.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file.path)
        let deck = folder.appendingPathComponent("deck.yaml")
        try """
            title: Index test
            resolution: Indexes should work.
            side: pro
            modules: [lib]
            sections:
              - pocket: Case
                hats:
                  - hat: Ours
                    blocks:
                      - block: Everything
                        select: { kind: claim }
            """.write(to: deck, atomically: true, encoding: .utf8)
        let build = ["build", deck.path, "--module-path", pack.path, "--format", "markdown", "-o", "-"]
        let first = try debate(build, environment: cache)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sanctions on word1 topic 2"))
        #expect(try debate(build, environment: cache).stdout == first.stdout)
        // Same size and the same old modification time, other words: the file's change time is new,
        // so the cache checks its bytes and the edit is seen (a cache that trusted size and time alone
        // would still show the indexed words).
        let original = try String(contentsOf: file, encoding: .utf8)
        let stamp = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
        try original.replacingOccurrences(of: "word1 topic 2", with: "word1 topic 7").write(to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: file.path)
        let cached = try debate(build, environment: cache)
        #expect(cached.status == 0, "\(cached.stderr)")
        #expect(cached.stdout.contains("word1 topic 7") && !cached.stdout.contains("word1 topic 2"))
        var off = cache
        off["DEBATE_INDEX"] = "off"
        #expect(try debate(build, environment: off).stdout.contains("word1 topic 7"))
        try original.write(to: file, atomically: false, encoding: .utf8)
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "word1 topic 2", with: "word1 topic 9")
        try edited.write(to: file, atomically: false, encoding: .utf8)
        let after = try debate(build, environment: cache)
        #expect(after.stdout.contains("Sanctions on word1 topic 9") && !after.stdout.contains("word1 topic 2"))
        // Lint's positions are the file's, from the index as from the YAML.
        try (edited + "  - { id: lib.dangling, side: pro, tag: Answers nothing, answers: lib.nowhere, response: no-link }\n")
            .write(to: file, atomically: false, encoding: .utf8)
        let lint = try debate(["lint", pack.path], environment: cache)
        let again = try debate(["lint", pack.path], environment: cache)
        #expect(lint.stderr.contains("claims-0001.yaml:"), "\(lint.stderr)")
        #expect(again.stderr == lint.stderr && again.status == lint.status)
        #expect(try debate(["lint", pack.path], environment: off).stderr == lint.stderr)
    }

    struct Running {
        var process: Process
        var out: URL
        var err: URL
    }

    func start(_ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = debateBinary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in cache { environment[key] = value }
        process.environment = environment
        let id = UUID().uuidString
        let out = folder.appendingPathComponent("\(id).out"), err = folder.appendingPathComponent("\(id).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    func finish(_ running: Running) throws -> RunResult {
        running.process.waitUntilExit()
        return RunResult(status: running.process.terminationStatus,
                         stdout: try String(contentsOf: running.out, encoding: .utf8),
                         stderr: try String(contentsOf: running.err, encoding: .utf8))
    }
}
