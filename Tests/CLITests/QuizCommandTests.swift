import Foundation
import Testing

/// What `debate quiz stats --json` prints, as far as these tests read it.
struct QuizStats: Decodable {
    struct Due: Decodable { var now: Int; var today: Int; var next7Days: Int }
    struct Weak: Decodable { var id: String; var reviews: Int; var lapses: Int; var retrievability: Double }
    var deck: String?
    var items: Int
    var unseen: Int?
    var reviews: Int
    var trueRetention: Double?
    var due: Due
    var weakest: [Weak]
}

@Suite("debate quiz", .serialized)
struct QuizCommandTests {
    let deck = "decks/belarus-engagement.yaml"
    let start = "2025-06-01T09:00:00Z"

    func stats(_ db: ScratchDatabase, deck: String? = nil, now: String = "2025-06-01T09:00:00Z") throws -> QuizStats {
        let result = try debate(["quiz", "stats"] + (deck.map { [$0] } ?? []) + ["--json", "--top", "100", "--db", db.path, "--now", now])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(QuizStats.self, from: Data(result.stdout.utf8))
    }

    /// `debate quiz DECK OPTIONS --now START --db DB` with `stdin` as its answers.
    func quiz(_ db: ScratchDatabase, _ options: [String], now: String? = nil, stdin: String) throws -> RunResult {
        try debate(["quiz", deck] + options + ["--now", now ?? start, "--db", db.path], stdin: stdin)
    }

    /// The letter of the right choice for each `result:` line of a line-protocol transcript.
    func rightLetters(_ transcript: String) -> [String] {
        transcript.split(separator: "\n").filter { $0.hasPrefix("result: ") }.compactMap { line -> String? in
            for marker in ["result: right: ", "the answer is "] {
                if let range = line.range(of: marker) { return String(line[range.upperBound]) }
            }
            return nil
        }
    }

    @Test func helpTeachesRunStatsAndReplay() throws {
        let help = try debate(["quiz", "--help"])
        #expect(help.status == 0)
        for text in ["run (default)", "stats", "replay", "debate quiz decks/belarus-engagement.yaml",
                     "debate quiz stats", "debate quiz replay", "1-4", "a-d", "q quits"] {
            #expect(help.stdout.contains(text), "quiz --help lacks “\(text)”")
        }
        let run = try debate(["quiz", "run", "--help"])
        for option in ["--mode", "--limit", "--new", "--seed", "--db", "--desired-retention"] { #expect(run.stdout.contains(option)) }
        let replay = try debate(["quiz", "replay", "--help"])
        for option in ["--desired-retention", "--learning-steps", "--relearning-steps", "--no-fuzz"] { #expect(replay.stdout.contains(option)) }
    }

    @Test func aScriptedSessionIsRepeatableAndGradesChoices() throws {
        let scratch = try ScratchDatabase()
        func session(_ name: String, _ answers: String) throws -> RunResult {
            try debate(["quiz", deck, "--mode", "response", "--limit", "4", "--seed", "3", "--now", start,
                        "--db", scratch.folder.appendingPathComponent(name).path], stdin: answers)
        }
        let first = try session("one.sqlite", "a\na\na\na\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.components(separatedBy: "\nresult: ").count - 1 == 4)
        // Wrong answers come back later in the session (learning steps); input ends before they do.
        #expect(first.stdout.contains("summary: answered 4 of "))
        #expect(!first.stdout.contains("\u{1B}["), "no color when standard output is not a terminal")
        // The same seed asks the same questions with the same choices in the same order.
        let again = try session("two.sqlite", "a\na\na\na\n")
        #expect(again.stdout == first.stdout)
        // Answering with the right letters, read off the first transcript, scores every item right.
        let letters = rightLetters(first.stdout)
        #expect(letters.count == 4)
        let right = try session("three.sqlite", letters.map { $0 + "\n" }.joined())
        #expect(right.stdout.contains("summary: answered 4 of 4 (done); 4 right, 0 again: 100% accuracy"), "\(right.stdout)")
        #expect(rightLetters(right.stdout) == letters)
    }

    @Test func progressPersistsAndDueItemsComeFirst() throws {
        let db = try ScratchDatabase()
        let first = try quiz(db, ["--mode", "recall", "--limit", "3", "--seed", "5"], stdin: "3 isolation backfires\n1\n4\n")
        #expect(first.status == 0, "\(first.stderr)")
        var stats = try stats(db, deck: deck)
        #expect(stats.reviews == 3 && stats.items == 3 && stats.deck == "belarus-engagement")
        #expect((stats.unseen ?? 0) > 40, "the rest of the deck is still unseen")
        // A day later the Good (10-minute step) and Again (1-minute step) items are due; the Easy one is not.
        let later = "2025-06-02T09:00:00Z"
        let second = try quiz(db, ["--mode", "recall", "--seed", "5"], now: later, stdin: "q\n")
        #expect(second.stdout.contains("22 items, 2 due, 19 new"), "\(second.stdout)")
        #expect(second.stdout.contains("item 1/"), "\(second.stdout)")
        #expect(second.stdout.contains("[recall, due]"))
        stats = try self.stats(db, deck: deck, now: later)
        #expect(stats.due.now == 2)
    }

    @Test func quittingKeepsWhatWasAnswered() throws {
        let db = try ScratchDatabase()
        let result = try quiz(db, ["--mode", "module", "--seed", "1"], stdin: "a\nb\nq\nc\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("summary: answered 2 of "), "\(result.stdout)")
        #expect(result.stdout.contains("(stopped)"), "\(result.stdout)")
        #expect(try stats(db).reviews == 2)
    }

    @Test func anUnreadableLineIsPositionedAndKeepsEarlierAnswers() throws {
        let db = try ScratchDatabase()
        let result = try quiz(db, ["--mode", "recall", "--seed", "1"], stdin: "2\nb\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2: error: expected a grade 1-4"), "\(result.stderr)")
        #expect(try stats(db).reviews == 1)
    }

    @Test func progressSurvivesAKill() throws {
        let db = try ScratchDatabase()
        let quiz = try RunningDebate(["quiz", deck, "--mode", "response", "--seed", "2", "--now", start, "--db", db.path])
        for answered in 1...3 {
            quiz.send("b\n")
            #expect(quiz.waitForLines("result: ", count: answered), "\(quiz.stdout)\n\(quiz.stderr)")
        }
        kill(quiz.process.processIdentifier, SIGKILL)
        #expect(quiz.wait() == SIGKILL)
        #expect(!quiz.stdout.contains("summary:"))
        let stats = try stats(db)
        #expect(stats.reviews == 3 && stats.items == 3)
        // The next session starts where the killed one stopped: three items are no longer new.
        let next = try self.quiz(db, ["--mode", "response"], now: "2025-06-03T09:00:00Z", stdin: "q\n")
        #expect(next.stdout.contains("3 due, 24 new"), "\(next.stdout)")
    }

    @Test func ctrlCEndsWithASummaryAndKeepsAnswers() throws {
        let db = try ScratchDatabase()
        let quiz = try RunningDebate(["quiz", deck, "--mode", "response", "--seed", "2", "--now", start, "--db", db.path])
        quiz.send("c\n")
        #expect(quiz.waitForLines("result: ", count: 1))
        // The quiz now waits for the second answer.
        #expect(quiz.waitForLines("item 2/", count: 1))
        quiz.process.interrupt()
        #expect(quiz.wait() == 130, "\(quiz.stderr)")
        #expect(quiz.stdout.contains("summary: answered 1 of "), "\(quiz.stdout)")
        #expect(quiz.stdout.contains("(interrupted)"), "\(quiz.stdout)")
        #expect(try stats(db).reviews == 1)
    }

    @Test func twoQuizProcessesShareOneStore() throws {
        let db = try ScratchDatabase()
        // Enough for every item and the two returns of each failed one (learning steps).
        let answers = String(repeating: "a\n", count: 27 * 3)
        let quizzes = try (1...2).map { seed in
            try RunningDebate(["quiz", deck, "--mode", "response", "--new", "100", "--seed", "\(seed)", "--now", start, "--db", db.path])
        }
        // Both plan their sessions (all 27 items new) before either answers; then they answer at full speed.
        for quiz in quizzes { #expect(quiz.waitForLines("item 1/27", count: 1), "\(quiz.stderr)") }
        for quiz in quizzes { quiz.send(answers) }
        for quiz in quizzes { try quiz.closeInput() }
        for quiz in quizzes {
            #expect(quiz.wait() == 0, "\(quiz.stderr)")
            #expect(quiz.lines("result: ").count >= 27)
        }
        let stats = try stats(db)
        let results = quizzes.map { $0.lines("result: ").count }.reduce(0, +)
        #expect(stats.reviews == results && stats.items == 27)
        // Each process built on the other's answers instead of overwriting them.
        #expect(stats.weakest.count == 27 && stats.weakest.allSatisfy { $0.reviews >= 2 })
    }

    @Test func theDefaultStoreFollowsXDGDataHome() throws {
        let data = try ScratchDatabase()
        let result = try debate(["quiz", deck, "--mode", "module", "--limit", "1", "--now", start], stdin: "a\n",
                                environment: ["XDG_DATA_HOME": data.folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: data.folder.appendingPathComponent("debate/progress.sqlite").path))
    }

    @Test func statsReportsANewDeckAndRejectsAnUnknownOne() throws {
        let db = try ScratchDatabase()
        let fresh = try stats(db, deck: deck)
        #expect(!FileManager.default.fileExists(atPath: db.path), "stats must not create a store")
        #expect(fresh.reviews == 0 && fresh.items == 0 && (fresh.unseen ?? 0) > 40 && fresh.trueRetention == nil)
        let table = try debate(["quiz", "stats", deck, "--db", db.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("true retention") && table.stdout.contains("never seen"))
        let unknown = try debate(["quiz", "stats", "no-such-deck", "--db", db.path])
        #expect(unknown.status == 66)
        let missing = try debate(["quiz", "decks/no-such.yaml", "--db", db.path])
        #expect(missing.status == 66)
    }
}
