import Foundation
import Testing

/// A deck using `modules`, selecting every claim of our side and answering the other side.
private func deckText(modules: [String]) -> String {
    """
    title: Module test
    resolution: Modules should work.
    side: pro
    modules: [\(modules.joined(separator: ", "))]
    sections:
      - pocket: Case
        hats:
          - hat: Ours
            blocks:
              - block: Everything
                select: { kind: claim }
          - hat: Answers
            answers: { modules: [\(modules.joined(separator: ", "))] }

    """
}

private func writeFile(_ text: String, _ url: URL, executable: Bool = false) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
}

private func listedIDs(_ result: RunResult) throws -> [String: [String: Any]] {
    let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
}

@Test func packAndPythonScaffoldsListLintAndBuild() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, kind) in [("sanctions-pack", "pack"), ("trade-data", "python")] {
        let created = try debate(["modules", "new", name, "--kind", kind], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("created \(kind) module `\(name)` in modules/\(name)"))
    }
    let list = try debate(["modules", "list", "--json", "--module-path", "modules"], in: folder)
    #expect(list.status == 0, "\(list.stderr)")
    let listed = try listedIDs(list)
    #expect(listed["sanctions-pack"]?["kind"] as? String == "pack" && listed["sanctions-pack"]?["version"] as? String == "0.1.0")
    #expect(listed["trade-data"]?["kind"] as? String == "process" && listed["trade-data"]?["version"] as? String == "0.1.0")
    #expect(listed["trade-data"]?["source"] as? String == "modules/trade-data")
    #expect(listed["trade-data"]?["origin"] as? String == "--module-path")

    let lint = try debate(["lint", "modules/sanctions-pack", "modules/trade-data"], in: folder)
    #expect(lint.status == 0 && lint.stderr.contains("0 errors, 0 warnings"), "\(lint.stderr)")

    // The deck sits next to modules/, so its own modules/ folder is searched: no --module-path needed.
    try writeFile(deckText(modules: ["sanctions-pack", "trade-data"]), folder.appendingPathComponent("deck.yaml"))
    let build = try debate(["build", "deck.yaml", "--format", "json", "-o", "-"], in: folder)
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stdout.contains("sanctions-pack.example") && build.stdout.contains("trade-data.example"))
    #expect(build.stdout.contains("trade-data.example-answer"))

    let again = try debate(["modules", "new", "trade-data", "--kind", "python"], in: folder)
    #expect(again.status == 73 && again.stderr.contains("modules/trade-data already exists and is not empty"))
    let badName = try debate(["modules", "new", "Trade_Data"], in: folder)
    #expect(badName.status == 64 && badName.stderr.contains("is not a module id"))
}

/// Builds a Swift package with `swift build`; returns its output when it fails.
private func swiftBuild(_ folder: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "build", "--package-path", folder.path]
    let logFolder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: logFolder) }
    let log = logFolder.appendingPathComponent("build.log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: log)
    process.standardError = process.standardOutput
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
}

/// Built once per test run (about 15–30 s on two cores; incremental after the first run).
private let swiftExampleBuild: Result<Void, String> = {
    let (status, log) = (try? swiftBuild(packageRoot.appendingPathComponent("Examples/swift-module"))) ?? (1, "cannot run swift")
    return status == 0 ? .success(()) : .failure(String(log.suffix(3000)))
}()

extension String: @retroactive Error {}

@Test func examplesBuildThroughARealDeck() throws {
    try swiftExampleBuild.get()
    let lint = try debate(["lint", "Examples"])
    #expect(lint.status == 0 && lint.stderr.contains("0 errors"), "\(lint.stderr)")
    let build = try debate(["build", "Examples/deck.yaml", "--format", "markdown", "-o", "-"])
    #expect(build.status == 0, "\(build.stderr)")
    // From the Python module (CSV data) and the Swift one (DebateModuleKit), with options applied.
    #expect(build.stdout.contains("Washington normalized relations with Vietnam"))
    #expect(build.stdout.contains("Sanctions relief bought prisoner releases before"))
    #expect(build.stdout.contains("Normalization precedents (`normalization-precedents` 1.0.0)"))
    #expect(build.stdout.contains("The sanctions record on Belarus (`sanctions-record` 1.0.0)"))
    #expect(build.stderr.contains("[module sanctions-record] 5 of 5 episodes since 2015"))
    #expect(build.stderr.contains("[module normalization-precedents] read 7 precedents"))
}

@Test func swiftScaffoldBuildsListsLintsAndContributes() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let created = try debate(["modules", "new", "precedents", "--kind", "swift"], in: folder)
    #expect(created.status == 0, "\(created.stderr)")
    let module = folder.appendingPathComponent("modules/precedents")
    let manifest = try String(contentsOf: module.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(manifest.contains("DebateModuleKit"))
    // Before `swift build` the module is found but cannot run: the error says what to do.
    let early = try debate(["lint", "modules/precedents"], in: folder)
    #expect(early.status == 65 && early.stderr.contains("build it first"), "\(early.stderr)")
    let (status, log) = try swiftBuild(module)
    #expect(status == 0, "\(log.suffix(3000))")
    guard status == 0 else { return }
    let listed = try listedIDs(try debate(["modules", "list", "--json", "--module-path", "modules"], in: folder))
    #expect(listed["precedents"]?["title"] as? String == "Precedents")
    let lint = try debate(["lint", "modules/precedents"], in: folder)
    #expect(lint.status == 0, "\(lint.stderr)")
    try writeFile(deckText(modules: ["precedents"]), folder.appendingPathComponent("deck.yaml"))
    let build = try debate(["build", "deck.yaml", "--format", "json", "-o", "-"], in: folder)
    #expect(build.status == 0 && build.stdout.contains("precedents.example"), "\(build.stderr)")
}

@Test func failingModulesFailTheBuildUnlessKeepGoing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("id: crashy\nkind: process\ncommand: [./run]\n", folder.appendingPathComponent("modules/crashy/module.yaml"))
    try writeFile("#!/bin/sh\nread line\necho 'segfaulting now' >&2\nkill -SEGV $$\n", folder.appendingPathComponent("modules/crashy/run"), executable: true)
    try writeFile("id: sleepy\nkind: process\ncommand: [./run]\ntimeout: 30\n", folder.appendingPathComponent("modules/sleepy/module.yaml"))
    try writeFile("#!/bin/sh\nsleep 300\n", folder.appendingPathComponent("modules/sleepy/run"), executable: true)
    try writeFile(deckText(modules: ["values", "crashy"]), folder.appendingPathComponent("crash.yaml"))
    try writeFile(deckText(modules: ["values", "sleepy"]), folder.appendingPathComponent("hang.yaml"))

    let failed = try debate(["build", "crash.yaml", "--format", "markdown", "-o", "-"], in: folder)
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("crash.yaml:4:19: error: module `crashy` (modules/crashy) was killed by signal 11 (SIGSEGV) before replying to `describe`"), "\(failed.stderr)")
    #expect(failed.stderr.contains("[module crashy] segfaulting now"))

    let kept = try debate(["build", "crash.yaml", "--keep-going", "--format", "markdown", "-o", "-"], in: folder)
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(kept.stderr.contains("warning: module `crashy`") && kept.stderr.contains("warning: --keep-going: building without module `crashy`"))
    #expect(kept.stdout.contains("# Case"))

    // --module-timeout wins over the module's own 30 s.
    let started = Date()
    let hung = try debate(["build", "hang.yaml", "--module-timeout", "1", "--format", "markdown", "-o", "-"], in: folder)
    #expect(hung.status == 65)
    #expect(hung.stderr.contains("module `sleepy` (modules/sleepy) did not reply to `describe` within 1 s; killed it"), "\(hung.stderr)")
    #expect(Date().timeIntervalSince(started) < 25)  // finished: well before the module's own 30 s
}

@Test func conflictingModulesAreAnErrorUntilTheDeckPinsOne() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for place in ["a", "b"] {
        try writeFile("id: twin\ntitle: Twin \(place)\nsummary: S\nversion: 1.0.0\nkind: pack\n", folder.appendingPathComponent("\(place)/twin/module.yaml"))
        try writeFile("claims:\n  - id: twin.\(place)\n    side: pro\n    tag: Twin \(place) claim\n", folder.appendingPathComponent("\(place)/twin/claims.yaml"))
    }
    try writeFile(deckText(modules: ["twin"]), folder.appendingPathComponent("deck.yaml"))
    let clash = try debate(["build", "deck.yaml", "--format", "markdown", "-o", "-", "--module-path", "a"], in: folder,
                           environment: ["DEBATE_MODULE_PATH": folder.appendingPathComponent("b").path])
    #expect(clash.status == 65)
    #expect(clash.stderr.contains("deck.yaml:4:11: error: two modules have the id `twin`: a/twin and \(folder.appendingPathComponent("b/twin").path)"), "\(clash.stderr)")
    let list = try debate(["modules", "list", "--module-path", "a", "--module-path", "b"], in: folder)
    #expect(list.status == 65 && list.stderr.contains("two modules have the id `twin`"))

    try writeFile(deckText(modules: ["twin"]).replacingOccurrences(of: "modules: [twin]\n", with: "modules: [{ id: twin, from: b/twin }]\n"),
                  folder.appendingPathComponent("deck.yaml"))
    let pinned = try debate(["build", "deck.yaml", "--format", "markdown", "-o", "-", "--module-path", "a", "--module-path", "b"], in: folder)
    #expect(pinned.status == 0, "\(pinned.stderr)")
    #expect(pinned.stdout.contains("Twin b claim") && !pinned.stdout.contains("Twin a claim"))
}

@Test func executablesOnPATHAreModules() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try writeFile("""
        #!/bin/sh
        read request
        echo '{"protocol":1,"descriptor":{"id":"onpath","title":"On PATH","summary":"S","version":"4.2.0"}}'
        read request
        echo '{"protocol":1,"claims":[{"id":"onpath.one","side":"pro","tag":"Found on PATH"}]}'

        """, folder.appendingPathComponent("bin/debate-module-onpath"), executable: true)
    let path = folder.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let list = try debate(["modules", "list", "--json"], in: folder, environment: ["PATH": path])
    let entry = try #require(try listedIDs(list)["onpath"])
    #expect(entry["version"] as? String == "4.2.0" && entry["origin"] as? String == "PATH")
    try writeFile(deckText(modules: ["onpath"]), folder.appendingPathComponent("deck.yaml"))
    let build = try debate(["build", "deck.yaml", "--format", "markdown", "-o", "-"], in: folder, environment: ["PATH": path])
    #expect(build.status == 0 && build.stdout.contains("Found on PATH"), "\(build.stderr)")
}

@Test func kialoExportImportsAndBuilds() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fixture = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/kialo/free-transit.txt").path
    let imported = try debate(["import", "kialo", fixture, "-o", "modules/kialo-transit", "--deck", "decks/transit.yaml"], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("58 claims (29 counterclaims)"), "\(imported.stderr)")
    let lint = try debate(["lint", "modules/kialo-transit", "decks/transit.yaml"], in: folder)
    #expect(lint.status == 0 && lint.stderr.contains("0 errors, 0 warnings"), "\(lint.stderr)")
    let build = try debate(["build", "decks/transit.yaml", "--json"], in: folder)
    #expect(build.status == 0, "\(build.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(build.stdout.utf8)) as? [String: Any])
    #expect((report["cards"] as? Int ?? 0) >= 25, "\(report)")
    let markdown = try String(contentsOf: folder.appendingPathComponent("out/kialo-transit.md"), encoding: .utf8)
    #expect(markdown.contains("Resolution: Cities should make public transit fare-free."))
    #expect(markdown.contains("Fare collection is expensive"))
    #expect(markdown.contains("A2: Free transit costs a great deal"))

    try "Discussion Title: Broken\n\n1. Thesis\n1.1. Perhaps: not a stance\n".write(to: folder.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
    let bad = try debate(["import", "kialo", "bad.txt", "-o", "modules/bad"], in: folder)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("bad.txt:4:6: error: expected `Pro:` or `Con:` after 1.1., found `Perhaps`"), "\(bad.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("modules/bad").path))
}

@Test func pluginsAreListed() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // A scratch path of its own: `swift test` holds the package's .build.
    let scratch = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    process.arguments = ["swift", "package", "--package-path", packageRoot.path, "--scratch-path", scratch.path, "plugin", "--list"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(text.contains("‘build-decks’ (plugin ‘BuildDecks’ in package ‘debate’)"), "\(text)")
    #expect(text.contains("‘lint-decks’ (plugin ‘LintDecks’ in package ‘debate’)"), "\(text)")
}
