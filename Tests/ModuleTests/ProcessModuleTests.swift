import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

private let context = ModuleContext(resolution: "R", side: .pro, options: ["region": "EU"])

@Test func processModuleRoundTrip() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A Python module that echoes what it was asked, so the test sees the request's fields arrive.
    let module = folder.appendingPathComponent("echo")
    try write("id: echo\nkind: process\ncommand: [python3, echo.py]\n", to: module.appendingPathComponent("module.yaml"))
    try write("""
        import json, sys
        for line in sys.stdin:
            request = json.loads(line)
            print("got", request["request"], file=sys.stderr)
            if request["request"] == "describe":
                reply = {"descriptor": {"id": "echo", "title": "Echo", "summary": "Echoes", "version": "3.1.0",
                         "examples": [{"summary": "e", "side": "pro", "includes": ["echo.context"]}]}}
            else:
                c = request["context"]
                reply = {"claims": [
                    {"id": "echo.context", "side": c["side"], "tag": c["resolution"] + " / " + c["options"].get("region", "none"),
                     "tags": ["a", "b"], "warrant": "w", "cite": {"author": None, "publication": "P", "date": "2025"},
                     "evidence": "__read ==this==__"},
                    {"id": "echo.answer", "side": "con", "tag": "No", "answers": "echo.context", "response": "link-turn"}]}
            reply["protocol"] = request["protocol"]
            print(json.dumps(reply), flush=True)
        """, to: module.appendingPathComponent("echo.py"))
    let logs = LogLines()
    let process = try #require(try ModuleSearch.load(folder: module.path, settings: logs.settings) as? ProcessModule)
    #expect(process.descriptor.version == "?")  // not asked yet
    let set = try process.arguments(for: context)
    #expect(process.descriptor.title == "Echo" && process.descriptor.version == "3.1.0" && process.descriptor.kind == .process)
    #expect(set.module == "echo")
    #expect(set.claims.map(\.id) == ["echo.context", "echo.answer"])
    let first = try #require(set.claims.first)
    #expect(first.tag == "R / EU" && first.side == .pro && first.tags == ["a", "b"] && first.module == "echo")
    #expect(first.cite?.publication == "P" && first.cite?.author == nil)
    #expect(first.evidence?.highlightedText == "this")
    let answer = try #require(set.counterclaims.first)
    #expect(answer.answers == "echo.context" && answer.response == .linkTurn)
    #expect(logs.lines == ["[echo] got describe", "[echo] got arguments"])
    // Its own example holds when run through the host.
    #expect(process.descriptor.examples.flatMap { $0.check(process) }.isEmpty)
}

@Test func hangingModuleIsKilledWithItsChildren() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pids = folder.appendingPathComponent("pids")
    // The shell starts a child that would outlive it, then hangs without replying.
    let module = try makeProcessModule("sleepy", in: folder, script: """
        sleep 300 &
        echo "$$ $!" > '\(pids.path)'
        wait

        """, timeout: 1)
    let started = ContinuousClock.now
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("module `sleepy`") && message.contains("did not reply to `describe` within 1 s"), "\(message)")
    #expect(message.contains(module.path))
    #expect(ContinuousClock.now - started < .seconds(30))  // it finished; the bound is only a guard against hanging
    let numbers = try String(contentsOf: pids, encoding: .utf8).split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    #expect(numbers.count == 2)
    // SIGKILL is delivered asynchronously: give the kernel a moment before calling it a leak.
    for pid in numbers { #expect(diesSoon(pid), "process \(pid) outlived the module") }
}

private func diesSoon(_ pid: Int32) -> Bool {
    for _ in 0..<100 {
        if !isAlive(pid) { return true }
        usleep(20_000)
    }
    return false
}

/// Alive and not a zombie waiting for its parent (init reaps orphans in its own time).
private func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    let state = stat.split(separator: ")").last?.split(separator: " ").first
    return state != "Z" && state != "X"
}

@Test func crashingModuleNamesItsSignalAndLastWords() {
    let folder = try! makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = try! makeProcessModule("crashy", in: folder, script: "read request\necho 'about to fail' >&2\nkill -SEGV $$\n")
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path, settings: LogLines().settings).arguments(for: context) }
    #expect(message.contains("module `crashy`"), "\(message)")
    #expect(message.contains("was killed by signal 11 (SIGSEGV) before replying to `describe`"), "\(message)")
    #expect(message.contains("about to fail"))
}

@Test func moduleExitingEarlyReportsItsStatus() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = try makeProcessModule("quitter", in: folder, script: replyingScript(descriptor: descriptorJSON("quitter"), claims: "[]")
        .replacingOccurrences(of: "read request || exit 0\n", with: "exit 3\n"))
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("module `quitter`") && message.contains("exited with status 3 before replying to `arguments`"), "\(message)")
}

@Test(arguments: [
    ("hello, I am not JSON", "not a JSON object: “hello, I am not JSON”"),
    (#"[1, 2]"#, "not a JSON object"),
    (#"{"protocol":1}"#, "exactly one of `descriptor`, `claims` or `error`"),
    (#"{"protocol":1,"descriptor":{"id":"garbage","title":"T","summary":"S","version":"1","colour":"red"}}"#, "descriptor.colour: unknown key `colour`"),
    (#"{"protocol":2,"descriptor":{"id":"garbage","title":"T","summary":"S","version":"1"}}"#, "speaks protocol version 2"),
    (#"{"protocol":1,"descriptor":{"id":"other","title":"T","summary":"S","version":"1"}}"#, "describes itself as `other`"),
    (#"{"protocol":1,"error":{"message":"no data for this region","code":"no-data"}}"#, "reported an error for `describe`: no data for this region [no-data]"),
])
func garbageRepliesAreRefused(_ reply: String, _ expected: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = try makeProcessModule("garbage", in: folder, script: "read request\necho '\(reply)'\nsleep 5\n")
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("module `garbage` (\(module.path))"), "\(message)")
    #expect(message.contains(expected), "\(message)")
}

@Test(arguments: [
    (#"[{"id":"bad.one","side":"maybe","tag":"T"}]"#, "claims[0].side: unknown value `maybe` for `side`"),
    (#"[{"id":"bad.one","side":"pro"}]"#, "claims[0].tag: missing key `tag`"),
    (#"[{"id":"bad.one","side":"pro","tag":"T","tga":"x"}]"#, "claims[0].tga: unknown key `tga`"),
    (#"[{"id":"bad.one","side":"pro","tag":"T","answers":"x.y"}]"#, "claims[0].response: a claim that `answers:` another needs a `response:`"),
    (#"[{"id":"bad.one","side":"pro","tag":"T","answers":"x.y","response":"linkturn"}]"#, "claims[0].response: unknown value `linkturn`"),
    (#"[{"id":"bad.one","side":"pro","tag":"T","evidence":"==never closed"}]"#, "highlight"),
    (#"[{"id":"bad.one","side":"pro","tag":"T","cite":{"author":7}}]"#, "claims[0].cite.author"),
    (#"[{"id":"","side":"pro","tag":"T"}]"#, "a claim id cannot be empty"),
    (#"{"id":"bad.one"}"#, "claims"),
])
func invalidClaimsAreRefusedField(_ claims: String, _ expected: String) throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = try makeProcessModule("bad", in: folder, script: replyingScript(descriptor: descriptorJSON("bad"), claims: claims))
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("module `bad`") && message.contains("invalid reply to `arguments`"), "\(message)")
    #expect(message.contains(expected), "\(message)")
}

@Test func oversizedReplyIsCut() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Writes forever without a newline.
    let module = try makeProcessModule("chatty", in: folder, script: "read request\nyes x | tr -d '\\n'\n")
    let settings = LogLines().settings(timeout: 10, maxReplyBytes: 100_000)
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path, settings: settings).arguments(for: context) }
    #expect(message.contains("module `chatty`") && message.contains("longer than the limit of 100000 bytes"), "\(message)")
}

@Test func missingExecutableIsAClearError() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = folder.appendingPathComponent("ghost")
    try write("id: ghost\nkind: process\ncommand: [./not-there]\n", to: module.appendingPathComponent("module.yaml"))
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("module `ghost`") && message.contains("cannot start"), "\(message)")
}

@Test func manifestErrorsArePositioned() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [(String, String)] = [
        ("id: x\nkind: process\n", "module.yaml:1:1: error: a process module needs `command:"),
        ("id: x\nkind: process\ncommand: [run]\ntimeout: -1\n", "module.yaml:4:10: error: timeout -1.0 is not"),
        ("id: x\nkind: plugin\n", "module.yaml:2:7: error: unknown value `plugin`"),
        ("id: x\ntitle: T\nsummary: S\nversion: 1\nkind: pack\ncommand: [x]\n", "module.yaml:6:10: error: `command:` is for `kind: process`"),
        ("id: x\ntitle: T\nversion: 1\n", "module.yaml:1:1: error: missing key `summary`"),
        ("id: x\nkind: process\ncomand: [x]\n", "did you mean `command`?"),
    ]
    for (manifest, expected) in cases {
        let module = folder.appendingPathComponent(UUID().uuidString)
        try write(manifest, to: module.appendingPathComponent("module.yaml"))
        let message = failureMessage { _ = try ModuleSearch.load(folder: module.path) }
        #expect(message.contains(expected), "\(manifest) → \(message)")
    }
}

/// Issue 13: a grandchild that left the module's session (`setsid`), even one whose parent exited
/// so that it was re-parented away from the module, is killed with the module.
@Test func detachedGrandchildrenDieWithTheModule() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pids = folder.appendingPathComponent("pids")
    let module = try makeProcessModule("escaper", in: folder, script: """
        setsid sleep 300 &
        echo $! >> '\(pids.path)'
        sh -c 'setsid sleep 301 & echo $! >> "\(pids.path)"'
        sleep 0.2
        wait

        """, timeout: 1)
    let message = failureMessage { _ = try ModuleSearch.load(folder: module.path).arguments(for: context) }
    #expect(message.contains("did not reply to `describe` within 1 s"), "\(message)")
    let numbers = try String(contentsOf: pids, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
    #expect(numbers.count == 2, "\(numbers)")
    for pid in numbers { #expect(diesSoon(pid), "process \(pid) outlived the module") }
}

/// Issue 13: a correct module that writes a lot to standard error is not slowed past its timeout,
/// and only the first 64 KB are relayed, with a count of the rest.
@Test func chattyModuleIsRelayedWithACap() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let module = try makeProcessModule("chatty", in: folder, script: """
        read request
        head -c 8000000 /dev/zero | tr '\\0' 'x' | fold -w 99 >&2
        echo '{"protocol":1,"descriptor":\(descriptorJSON("chatty"))}'
        read request
        echo '{"protocol":1,"claims":[]}'

        """, timeout: 20)
    let logs = LogLines()
    let set = try ModuleSearch.load(folder: module.path, settings: logs.settings(timeout: 20)).arguments(for: context)
    #expect(set.claims.isEmpty)
    let lines = logs.lines
    let relayed = lines.dropLast().reduce(0) { $0 + $1.count - "[chatty] ".count + 1 }
    #expect(relayed <= 64 * 1024 && relayed > 60 * 1024, "\(relayed) bytes relayed")
    let dropped = 8_000_000 + 8_000_000 / 99 + 1 - relayed
    #expect(lines.last == "[chatty] … \(dropped) more bytes of standard error not shown", "\(lines.last ?? "")")
}
