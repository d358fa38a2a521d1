import Foundation
import Testing

/// Issue 12's "done means", each through the real binary over the line protocol: no cloze answer on
/// its own screen, an explanation on every automatically graded result, a failed item back in the
/// same session, honest stats after a failure, and recall items for the claims a deck cannot answer.
@Suite("debate quiz trains", .serialized)
struct QuizTrainingTests {
    let decks = ["decks/belarus-engagement.yaml", "decks/belarus-engagement-neg.yaml"]
    let start = "2025-06-01T09:00:00Z"

    /// One item of a line-protocol transcript: the lines from `item N/M` up to its `result:` line.
    struct Asked {
        var header: String
        var screen: [String]
        var after: [String]
        var result: String?
    }

    func session(_ deck: String, _ options: [String], answers: String, db: ScratchDatabase) throws -> (RunResult, [Asked]) {
        let result = try debate(["quiz", deck] + options + ["--now", start, "--db", db.path, "--seed", "4"], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        var items: [Asked] = []
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("item ") {
                items.append(Asked(header: line, screen: [], after: []))
            } else if line.hasPrefix("summary: ") || items.isEmpty {
                continue
            } else if line.hasPrefix("result: ") {
                items[items.count - 1].result = line
            } else if line.hasPrefix("answer: ") || items[items.count - 1].screen.last?.hasPrefix("answer: ") == true {
                // Past the question: what is shown after answering.
                if line.hasPrefix("answer: ") { items[items.count - 1].screen.append(line) } else { items[items.count - 1].after.append(line) }
            } else {
                items[items.count - 1].screen.append(line)
            }
        }
        return (result, items)
    }

    func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    @Test(arguments: ["decks/belarus-engagement.yaml", "decks/belarus-engagement-neg.yaml"])
    func noClozeAnswerIsOnItsOwnScreen(deck: String) throws {
        let db = try ScratchDatabase()
        // An empty line is "I don't know": every answer is revealed (and each comes back twice).
        let (_, items) = try session(deck, ["--mode", "cloze", "--new", "100"], answers: String(repeating: "\n", count: 300), db: db)
        let graded = items.filter { $0.result != nil }
        // The negative's tags repeat its highlights: its clozes are asked with the tag hidden.
        #expect(graded.count >= (deck == decks[0] ? 10 : 4), "too few clozes to judge")
        for item in graded {
            let result = try #require(item.result)
            let answer = try #require(result.components(separatedBy: "the missing words were: ").last?.components(separatedBy: "; rated").first)
            let screen = item.screen.joined(separator: "\n")
            #expect(!screen.lowercased().contains(answer.lowercased()), "“\(answer)” is on its own screen:\n\(screen)")
            let shown = Set(words(screen))
            let content = words(answer).filter { $0.count > 3 && !["reason", "much", "more", "most", "such", "about", "only", "even"].contains($0) }
            #expect(content.isEmpty || !content.allSatisfy(shown.contains), "every word of “\(answer)” is on the screen:\n\(screen)")
        }
    }

    @Test(arguments: ["response", "cite", "cloze", "module", "part", "extend"])
    func everyAutomaticallyGradedResultSaysWhy(mode: String) throws {
        let db = try ScratchDatabase()
        let answer = mode == "cloze" ? "some words" : "b"
        var graded = 0
        for deck in decks {
            let (_, items) = try session(deck, ["--mode", mode, "--new", "100"], answers: String(repeating: answer + "\n", count: 300), db: db)
            for item in items where item.result != nil {
                graded += 1
                #expect(item.after.contains { $0.hasPrefix("why: ") && $0.count > 12 }, "no explanation for \(item.header): \(item.after)")
            }
        }
        if mode != "cite" { #expect(graded > 0) }
    }

    @Test func aFailedItemComesBackInTheSameSession() throws {
        let db = try ScratchDatabase()
        // The first recall is failed (1 = again), the rest passed.
        let (result, items) = try session(decks[0], ["--mode", "recall", "--limit", "6"], answers: "1\n" + String(repeating: "3\n", count: 10), db: db)
        let first = try #require(items.first)
        let id = try #require(first.header.split(separator: " ").last.map(String.init))
        #expect(first.result?.contains("comes back as item 5") == true, "\(first.result ?? "")")
        let back = items.dropFirst().filter { $0.header.hasSuffix(id) }
        #expect(back.count == 1 && back[0].header.contains("[recall, again]"), "\(result.stdout)")
        #expect(items.firstIndex { $0.header.hasSuffix(id) && $0.header.contains("again") } == 4)
        #expect(result.stdout.contains("summary: answered 7 of 7 (done); 6 right, 1 again"), "\(result.stdout)")
    }

    @Test func statsAfterAFailureShowRecallBelowCertaintyAndTheQuestionsWords() throws {
        let db = try ScratchDatabase()
        let (_, items) = try session(decks[0], ["--mode", "recall", "--limit", "1"], answers: "1\nq\n", db: db)
        let claim = try #require(items.first?.screen.first { $0.hasPrefix("They say") })
        let stats = try debate(["quiz", "stats", decks[0], "--db", db.path, "--now", start])
        #expect(stats.status == 0, "\(stats.stderr)")
        let lines = stats.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { !$0.contains(db.path) }.allSatisfy { $0.count <= 80 }, "wider than 80 columns:\n\(stats.stdout)")
        let row = try #require(lines.first { $0.contains("recall: They say") }, "\(stats.stdout)")
        #expect(!row.contains("100%"), "\(row)")
        // The row begins with the question's words, cut to fit.
        let said = claim.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
        #expect(row.contains(String(said.prefix(15))), "\(row) lacks the words of “\(said)”")
        #expect(!row.contains("belarus-engagement:"), "an internal id instead of words: \(row)")
        // JSON keeps its keys and adds the new ones.
        let json = try debate(["quiz", "stats", decks[0], "--json", "--db", db.path, "--now", start])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let weak = try #require((object["weakest"] as? [[String: Any]])?.first)
        for key in ["id", "kind", "state", "retrievability", "stability", "lapses", "reviews", "due", "recallNow", "recallAtDue", "question"] {
            #expect(weak[key] != nil, "weakest lacks `\(key)`")
        }
        #expect((weak["recallNow"] as? Double ?? 1) < 0.9)
        // At due is the forgetting curve at the due time: below certainty, and not the figure for now.
        let atDue = try #require(weak["recallAtDue"] as? Double)
        #expect(atDue < 1 && atDue != weak["recallNow"] as? Double)
        let columns = row.split(separator: " ", omittingEmptySubsequences: true)
        #expect(columns.count > 2 && columns[0] != columns[1] && columns[1] != "100%", "\(row)")
        #expect(object["speed"] is [String: Any], "the speed history's key is missing")
    }

    @Test func theNegativeDrillsTheClaimsItCannotYetAnswer() throws {
        let db = try ScratchDatabase()
        let (result, items) = try session(decks[1], ["--mode", "recall", "--new", "100"], answers: String(repeating: "3 no link\n", count: 200), db: db)
        let open = items.filter { $0.screen.contains { $0.hasPrefix("What would you say?") } }
        #expect(open.count >= 10, "the negative has many unanswered claims: \(result.stdout.prefix(2000))")
        for item in open {
            #expect(item.after.contains { $0.hasPrefix("Coverage gap:") }, "\(item.header): \(item.after)")
        }
        // And the deck's blocks are still drilled.
        #expect(items.contains { $0.screen.contains { $0.contains("what are our answers?") || $0.contains("How do we answer it?") } })
    }
}
