import Foundation
import Testing

/// `debate quiz --mode speed` over the line protocol: each reading is two lines (start, finish), timed
/// by the times they give or by when they arrive; the readings are kept and `quiz stats` shows them.
@Suite("debate quiz --mode speed", .serialized)
struct QuizSpeedTests {
    let deck = "decks/belarus-engagement.yaml"
    let start = "2025-06-01T09:00:00Z"

    /// "result: 135 wpm (45 words in 20.0 s); …" → (wpm, words, seconds).
    func reading(_ line: String) throws -> (wpm: Int, words: Int, seconds: Double) {
        let parts = line.dropFirst("result: ".count).split(separator: " ")
        let wpm = try #require(Int(parts[0]), "\(line)")
        let words = try #require(Int(parts[2].dropFirst()), "\(line)")
        let seconds = try #require(Double(parts[5]), "\(line)")
        return (wpm, words, seconds)
    }

    @Test func timesGivenAsRFC3339OrAsSecondsAreKeptAndShownByStats() throws {
        let db = try ScratchDatabase()
        let answers = "2025-06-01T09:00:00Z\n2025-06-01T09:00:20Z\n\n12.5s\nq\n"
        let result = try debate(["quiz", deck, "--mode", "speed", "--seed", "2", "--now", start, "--db", db.path], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[speed, timed]"))
        #expect(result.stdout.contains("Tag: "))
        let results = result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("result: ") }
        #expect(results.count == 2, "\(result.stdout)")
        let first = try reading(results[0]), second = try reading(results[1])
        #expect(first.seconds == 20 && first.wpm == Int((Double(first.words) * 3).rounded()))
        #expect(second.seconds == 12.5 && second.wpm == Int((Double(second.words) / 12.5 * 60).rounded()))
        #expect(results[0].contains("the deck's target is 250 wpm"))
        #expect(result.stdout.contains("summary: read 2 cards at "), "\(result.stdout)")
        // Nothing scheduled: speed readings are not FSRS items.
        #expect(result.stdout.contains("nothing scheduled yet"), "\(result.stdout)")

        let stats = try debate(["quiz", "stats", deck, "--db", db.path, "--now", start])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("speed reading: 2 readings against a target of 250 wpm"), "\(stats.stdout)")
        #expect(stats.stdout.contains("WPM  TARGET  WORDS"))
        #expect(stats.stdout.split(separator: "\n").filter { !$0.contains(db.path) }.allSatisfy { $0.count <= 80 }, "\(stats.stdout)")
        let json = try debate(["quiz", "stats", deck, "--json", "--db", db.path, "--now", start])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let speed = try #require(object["speed"] as? [String: Any])
        for key in ["readings", "targetWPM", "averageWPM", "fastestWPM", "latestWPM", "recent"] { #expect(speed[key] != nil, "speed lacks \(key)") }
        #expect(speed["readings"] as? Int == 2)
        let recent = try #require(speed["recent"] as? [[String: Any]])
        #expect(recent.first?["seconds"] as? Double == 12.5)
        #expect((recent.first?["question"] as? String)?.hasPrefix("Read: ") == true)
        // The old keys are all still there.
        for key in ["deck", "at", "items", "unseen", "reviews", "due", "weakest"] { #expect(object[key] != nil) }

        // Read again: the feedback compares with the best reading of that card.
        let again = try debate(["quiz", deck, "--mode", "speed", "--seed", "2", "--now", start, "--db", db.path],
                               stdin: "\n30s\nq\n")
        #expect(again.stdout.contains("your best on this card before: \(first.wpm) wpm"), "\(again.stdout)")
    }

    @Test func emptyLinesAreTimedByWhenTheyArrive() throws {
        let db = try ScratchDatabase()
        let quiz = try RunningDebate(["quiz", deck, "--mode", "speed", "--seed", "2", "--db", db.path])
        #expect(quiz.waitForLines("answer: ", count: 1))
        quiz.send("\n")
        Thread.sleep(forTimeInterval: 1.5)
        quiz.send("\n")
        #expect(quiz.waitForLines("result: ", count: 1))
        quiz.send("q\n")
        #expect(quiz.wait() == 0, "\(quiz.stderr)")
        let line = try #require(quiz.lines("result: ").first)
        // At least the pause between the two lines (a lower bound only: the machine may be slow).
        #expect(try reading(line).seconds >= 1.5, "\(line)")
    }

    @Test func twoLinesAtOnceAreNoReading() throws {
        let db = try ScratchDatabase()
        let result = try debate(["quiz", deck, "--mode", "speed", "--db", db.path], stdin: "\n\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("<stdin>:2: error: a reading of"), "\(result.stderr)")
        #expect(result.stderr.contains("too short to time"))
        let mixed = try debate(["quiz", deck, "--mode", "speed", "--db", db.path], stdin: "\n2025-06-01T09:00:20Z\n")
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("the same way"), "\(mixed.stderr)")
        let bad = try debate(["quiz", deck, "--mode", "speed", "--db", db.path], stdin: "soon\n")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("<stdin>:1: error: expected an empty line or an RFC 3339 time"), "\(bad.stderr)")
    }

    @Test func speedIsAskedOnlyWhenChosen() throws {
        let db = try ScratchDatabase()
        let result = try debate(["quiz", deck, "--new", "500", "--db", db.path, "--seed", "1"], stdin: "q\n")
        #expect(result.status == 0)
        let header = try #require(result.stdout.split(separator: "\n").first)
        let speed = try debate(["quiz", deck, "--mode", "speed", "--new", "500", "--db", db.path], stdin: "q\n")
        // "deck D: N items …": the all-kinds count excludes the cards to read.
        #expect(!result.stdout.contains("[speed"), "\(result.stdout.prefix(500))")
        #expect(speed.stdout.contains("[speed, timed]"))
        #expect(header.contains("items"))
    }

    /// A store written by the previous debate (schema v1) is read by `quiz stats` as it is, then
    /// upgraded by the first quiz without losing an answer.
    @Test func aStoreOfThePreviousDebateUpgrades() throws {
        let db = try ScratchDatabase()
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/DrillTests/Fixtures/progress-v1.sqlite"),
                                         to: URL(fileURLWithPath: db.path))
        let before = try debate(["quiz", "stats", deck, "--db", db.path, "--now", "2025-06-04T09:00:00Z", "--json"])
        #expect(before.status == 0, "\(before.stderr)")
        let old = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        #expect(old["reviews"] as? Int == 8 && old["items"] as? Int == 6, "\(before.stdout)")
        let quiz = try debate(["quiz", deck, "--mode", "speed", "--db", db.path, "--now", "2025-06-04T09:00:00Z"],
                              stdin: "2025-06-04T09:00:00Z\n2025-06-04T09:00:15Z\nq\n")
        #expect(quiz.status == 0, "\(quiz.stderr)")
        let after = try debate(["quiz", "stats", deck, "--db", db.path, "--now", "2025-06-04T09:00:00Z", "--json"])
        let new = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(new["reviews"] as? Int == 8 && new["items"] as? Int == 6)
        #expect((new["speed"] as? [String: Any])?["readings"] as? Int == 1)
        #expect((new["weakest"] as? [[String: Any]])?.count == (old["weakest"] as? [[String: Any]])?.count)
    }
}
