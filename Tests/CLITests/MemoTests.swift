import Foundation
import Testing

/// The memo end to end: a build or quiz of unchanged inputs replays the last one exactly, and a
/// change to any input of the deck's key gives what a build without the memo gives.
@Suite struct MemoTests {
    let folder: URL
    var cache: URL { folder.appendingPathComponent("cache") }
    var memoFolder: URL { cache.appendingPathComponent("debate/library.sqlite-memo") }
    var env: [String: String] { ["XDG_CACHE_HOME": cache.path, "NO_COLOR": "", "SOURCE_DATE_EPOCH": "1700000000"] }
    var off: [String: String] { env.merging(["DEBATE_INDEX": "off"]) { $1 } }

    static let manifest = "id: lib\ntitle: Memo library\nsummary: For the memo tests.\nversion: 1.0.0\nkind: pack\n"
    static let source = "The policy of engagement has done little to change course in Minsk, and the critics say so.\n"

    /// Three cards of ours (one citing a local copy of its source), and their claim with our answer
    /// to it (a deprecated response kind: a warning on every build).
    static func claims(_ n: Int, word: String = "sanctions") -> String {
        var text = "claims:\n"
        for c in 1...3 {
            let sourced = n == 1 && c == 1
            text += """
              - id: lib.f\(n)-c\(c)
                side: pro
                tags: [core]
                tag: Engagement with \(word) number \(n)-\(c) lowers the risk
                cite: { author: Author \(n)\(c), date: "2020", publication: Journal\(sourced ? ", source: sources/op-ed.txt" : "") }
                evidence: |
                  \(sourced ? "The policy of ==engagement== has done little to change course" : "The ==\(word) policy== of Minsk has done **little** to change course")

            """
        }
        text += """
          - id: lib.f\(n)-theirs
            side: con
            tag: Their argument \(n) about \(word)
          - id: lib.f\(n)-answer
            side: pro
            tag: Our answer \(n)
            answers: lib.f\(n)-theirs
            response: mitigation
            cite: { author: Answerer \(n), date: "2021" }
            evidence: |
              It ==will not== matter much in Vitebsk.

        """
        return text
    }

    static let deck = """
    id: memo
    title: Memo deck
    resolution: Resolved that a memo replays a build.
    side: pro
    modules: [lib]
    sections:
      - pocket: P
        hats:
          - hat: H
            blocks:
              - block: B
                select: { tags: [core] }
          - hat: A2
            answers: { modules: [lib] }
    outputs:
      - { format: markdown, path: out/memo.md }
      - { format: json, path: out/memo.json }

    """

    /// A project whose files are older than the memo's two-second window by the time it builds.
    init() throws {
        folder = try temporaryFolder()
        let pack = folder.appendingPathComponent("packs/lib")
        try FileManager.default.createDirectory(at: pack.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try Self.manifest.write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
        try Self.claims(1).write(to: pack.appendingPathComponent("claims-1.yaml"), atomically: true, encoding: .utf8)
        try Self.claims(2).write(to: pack.appendingPathComponent("claims-2.yaml"), atomically: true, encoding: .utf8)
        try Self.source.write(to: pack.appendingPathComponent("sources/op-ed.txt"), atomically: true, encoding: .utf8)
        try Self.deck.write(to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 2.1)
    }

    /// `debate ARGUMENTS --module-path packs` in the project.
    func run(_ arguments: [String], _ environment: [String: String]? = nil, stdin: String? = nil) throws -> RunResult {
        try debate(arguments.contains("--module-path") ? arguments : arguments + ["--module-path", "packs"], stdin: stdin, in: folder,
                   environment: environment ?? env)
    }

    var keptOutputs: Int { ((try? FileManager.default.contentsOfDirectory(atPath: memoFolder.path)) ?? []).count }

    func file(_ path: String) -> Data? { FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }

    func write(_ text: String, _ path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    /// The same status, output and messages as a build without the memo.
    func expectSameAsWithoutMemo(_ arguments: [String], _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let memo = try run(arguments), plain = try run(arguments, off)
        #expect(memo.status == plain.status, comment, sourceLocation: sourceLocation)
        #expect(memo.stdout == plain.stdout, comment, sourceLocation: sourceLocation)
        #expect(memo.stderr == plain.stderr, comment, sourceLocation: sourceLocation)
        return memo
    }

    @Test func aBuildOfUnchangedInputsReplaysItExactly() throws {
        for arguments in [["build", "deck.yaml"], ["build", "deck.yaml", "--format", "json", "-o", "-"],
                          ["build", "deck.yaml", "--json"], ["build", "deck.yaml", "--warnings-as-errors"],
                          ["build", "deck.yaml", "--format", "docx", "--highlight", "cyan", "-o", "out/memo.docx"]] {
            let first = try run(arguments)
            let written = (file("out/memo.md"), file("out/memo.json"), file("out/memo.docx"))
            let kept = keptOutputs
            let second = try run(arguments)
            #expect(keptOutputs == kept, "a hit keeps nothing new: \(arguments)")
            #expect(first.status == second.status && first.stdout == second.stdout && first.stderr == second.stderr, "\(arguments)")
            #expect(written == (file("out/memo.md"), file("out/memo.json"), file("out/memo.docx")), "\(arguments)")
            let plain = try run(arguments, off)
            #expect(plain.status == second.status && plain.stdout == second.stdout && plain.stderr == second.stderr, "\(arguments)")
            #expect(written == (file("out/memo.md"), file("out/memo.json"), file("out/memo.docx")), "\(arguments)")
        }
        #expect(try run(["build", "deck.yaml", "--warnings-as-errors"]).status == 65)
        #expect(try run(["build", "deck.yaml"]).stderr.contains("warning: `response: mitigation` is deprecated"))
    }

    /// Files written in the last two seconds are checked by their content hash, kept with the entry:
    /// a library just written is replayed all the same.
    @Test func aLibraryJustWrittenIsReplayedToo() throws {
        for n in 3...6 { try write(Self.claims(n), "packs/lib/claims-\(n).yaml") }
        let markdown = ["build", "deck.yaml", "--format", "markdown", "-o", "-"]
        let first = try run(markdown)
        let kept = keptOutputs
        #expect(kept == 1)
        let second = try run(markdown)
        #expect(keptOutputs == kept, "a hit")
        #expect(second.stdout == first.stdout && second.stderr == first.stderr && second.status == first.status)
        #expect(first.stdout.contains("number 6-3"))
    }

    @Test func aChangeToAnyInputOfTheKeyIsSeen() throws {
        let markdown = ["build", "deck.yaml", "--module-path", "packs", "--format", "markdown", "-o", "-"]
        var last = try run(markdown).stdout
        #expect(try run(markdown).stdout == last)
        func changed(_ what: Comment, _ arguments: [String]? = nil) throws {
            let now = try expectSameAsWithoutMemo(arguments ?? markdown, what)
            #expect(now.stdout != last, what)
            last = now.stdout
        }
        // The deck's bytes.
        try write(Self.deck.replacingOccurrences(of: "title: Memo deck", with: "title: Memo deck 2"), "deck.yaml")
        try changed("deck file")
        // A claim file's content, its size and modification time as they were.
        let claims = folder.appendingPathComponent("packs/lib/claims-2.yaml")
        var before = stat()
        #expect(stat(claims.path, &before) == 0)
        try Self.claims(2, word: "sanctionz").write(to: claims, atomically: false, encoding: .utf8)
        // The modification time put back to the nanosecond (what a careless copy tool does).
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, claims.path, times, 0) == 0)
        var after = stat()
        #expect(stat(claims.path, &after) == 0 && after.st_size == before.st_size)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        try changed("claim file, same size and time")
        // A new file in the pack.
        try write(Self.claims(3), "packs/lib/claims-3.yaml")
        try changed("new claim file")
        // Another module path: a pack of the same id elsewhere.
        let other = folder.appendingPathComponent("packs2/lib")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Self.manifest.write(to: other.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
        try Self.claims(7).write(to: other.appendingPathComponent("claims.yaml"), atomically: true, encoding: .utf8)
        var elsewhere = markdown
        elsewhere[3] = "packs2"
        try changed("module path", elsewhere)
        // The format and the highlight color.
        try changed("format", markdown.map { $0 == "markdown" ? "json" : $0 })
        let docx = ["build", "deck.yaml", "--format", "docx", "--highlight", "cyan", "-o", "out/a.docx"]
        _ = try expectSameAsWithoutMemo(docx, "docx")
        let cyan = file("out/a.docx")
        _ = try run(docx.map { $0 == "cyan" ? "green" : $0 })
        #expect(file("out/a.docx") != cyan, "highlight")
        _ = try run(docx.map { $0 == "cyan" ? "green" : $0 }, off)
        let green = file("out/a.docx")
        _ = try run(docx.map { $0 == "cyan" ? "green" : $0 })
        #expect(file("out/a.docx") == green)
        // A cite's `source:` file, read by the build's verbatim check: the card no longer matches it.
        let beforeSource = try run(markdown)
        #expect(beforeSource.status == 0)
        try write("Another text altogether.\n", "packs/lib/sources/op-ed.txt")
        let broken = try expectSameAsWithoutMemo(markdown, "source file")
        #expect(broken.status == 65, "\(broken.stderr)")
    }

    @Test func anotherExecutableIsAnotherKey() throws {
        let markdown = ["build", "deck.yaml", "--format", "markdown", "-o", "-"]
        let first = try run(markdown)
        let kept = keptOutputs
        #expect(try run(markdown).stdout == first.stdout && keptOutputs == kept)
        let copy = folder.appendingPathComponent("bin/debate")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: debateBinary, to: copy)
        let other = try MemoTests.runCopy(copy, markdown + ["--module-path", "packs"], in: folder, env)
        #expect(other.stdout == first.stdout && other.status == 0)
        #expect(keptOutputs == kept + 1, "a rebuilt debate does not use the old one's outputs")
    }

    static func runCopy(_ binary: URL, _ arguments: [String], in folder: URL, _ environment: [String: String]) throws -> RunResult {
        try CLITests.run(binary, arguments, in: folder, environment: environment)
    }

    @Test func damagedOrMissingOutputsAreMisses() throws {
        let json = ["build", "deck.yaml", "--format", "json", "-o", "-"]
        let good = try run(json)
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: memoFolder.path).first)
        let path = memoFolder.appendingPathComponent(kept).path
        // The same size, other bytes.
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try run(json).stdout == good.stdout)
        // Cut short.
        for file in try FileManager.default.contentsOfDirectory(atPath: memoFolder.path) {
            let url = memoFolder.appendingPathComponent(file)
            try Data(try Data(contentsOf: url).prefix(10)).write(to: url)
        }
        #expect(try run(json).stdout == good.stdout)
        // Gone.
        try FileManager.default.removeItem(at: memoFolder)
        let again = try run(json)
        #expect(again.stdout == good.stdout && again.stderr == good.stderr && again.status == 0)
        // The index itself damaged: rebuilt with a warning, the output the same.
        try Data(repeating: 0x41, count: 8192).write(to: cache.appendingPathComponent("debate/library.sqlite"))
        let rebuilt = try run(json)
        #expect(rebuilt.stdout == good.stdout && rebuilt.status == 0)
    }

    @Test(arguments: [("response", "a"), ("cite", "b"), ("cloze", "engagement"), ("recall", "3")])
    func aQuizAsksTheSameItemsWithAndWithoutTheMemo(mode: String, answer: String) throws {
        let answers = String(repeating: answer + "\n", count: 12)
        func quiz(_ environment: [String: String], db: String) throws -> RunResult {
            try run(["quiz", "deck.yaml", "--plain", "--seed", "11", "--mode", mode, "--now", "2025-06-01T09:00:00Z",
                     "--db", folder.appendingPathComponent(db).path], environment, stdin: answers)
        }
        let plain = try quiz(off, db: "off.sqlite")
        #expect(plain.status == 0, "\(plain.stderr)")
        if mode != "cloze" { #expect(plain.stdout.contains("answer:"), "\(plain.stdout)") }
        let miss = try quiz(env, db: "miss.sqlite"), hit = try quiz(env, db: "hit.sqlite")
        for result in [miss, hit] {
            #expect(result.status == plain.status && result.stdout == plain.stdout && result.stderr == plain.stderr)
        }
        // The deck changed: its new items, as without the memo.
        try write(Self.claims(1, word: "embargo"), "packs/lib/claims-1.yaml")
        let changed = try quiz(env, db: "changed.sqlite"), changedPlain = try quiz(off, db: "changed-off.sqlite")
        #expect(changed.stdout == changedPlain.stdout && changed.status == changedPlain.status)
    }
}
