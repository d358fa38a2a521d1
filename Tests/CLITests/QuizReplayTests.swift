import Foundation
import FSRSReferenceVectors
import Testing

typealias ReferenceVectors = FSRSReferenceVectors

extension FSRSReferenceVectors {
    /// A spread of histories the CLI can express (default weights): plain, fuzzed with a seed, other
    /// retention, other steps, no relearning steps.
    static let sample: [History] = {
        guard let file = try? load() else { return [] }
        let usable = file.histories.filter { $0.scheduler.parameters == defaultWeights }
        var picked: [History] = []
        func pick(_ where: (History) -> Bool) {
            if let history = usable.first(where: { h in `where`(h) && !picked.contains { $0.index == h.index } }) { picked.append(history) }
        }
        pick { $0.seed == nil && $0.scheduler.learningSteps == [60, 600] && $0.scheduler.desiredRetention == 0.9 }
        pick { $0.seed != nil }
        pick { $0.seed != nil && $0.scheduler.desiredRetention != 0.9 }
        pick { $0.scheduler.desiredRetention != 0.9 && $0.seed == nil }
        pick { $0.scheduler.relearningSteps.isEmpty }
        pick { $0.scheduler.learningSteps.isEmpty }
        pick { $0.scheduler.learningSteps.count == 3 }
        pick { $0.reviews.count > 20 }
        return picked
    }()
}

private func steps(_ seconds: [Double]) -> String {
    seconds.map { "\(Int($0))s" }.joined(separator: ",")
}

@Suite("debate quiz replay")
struct QuizReplayTests {
    @Test func theSampleCoversTheOptions() {
        #expect(ReferenceVectors.sample.count >= 6)
        #expect(ReferenceVectors.sample.contains { $0.seed != nil })
        #expect(ReferenceVectors.sample.contains { $0.scheduler.relearningSteps.isEmpty })
    }

    @Test(arguments: ReferenceVectors.sample)
    func agreesWithPyFSRS(history: ReferenceVectors.History) throws {
        let settings = history.scheduler
        var arguments = ["quiz", "replay", "--desired-retention", "\(settings.desiredRetention)",
                         "--learning-steps", steps(settings.learningSteps), "--relearning-steps", steps(settings.relearningSteps),
                         "--maximum-interval", "\(settings.maximumInterval)"]
        if !settings.enableFuzzing { arguments.append("--no-fuzz") }
        if let seed = history.seed { arguments += ["--seed", "\(seed)"] }
        // Ratings alternate between numbers and words, as histories from other tools spell them.
        let names = ["again", "hard", "good", "easy"]
        let input = history.reviews.enumerated().map { index, review in
            let rating = index % 2 == 0 ? "\(review.rating)" : "\"\(names[review.rating - 1])\""
            return "{\"rating\": \(rating), \"at\": \"\(review.at)\"}\n"
        }.joined()
        let result = try debate(arguments, stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == history.reviews.count)
        for (line, expected) in zip(lines, history.reviews) {
            // JSONDecoder, not JSONSerialization: the latter misreads some doubles on Linux.
            let actual = try JSONDecoder().decode(ReferenceVectors.Review.self, from: Data(line.utf8))
            #expect(actual.at == expected.at && actual.rating == expected.rating)
            #expect(actual.state == expected.state && actual.step == expected.step, "\(line)")
            #expect(actual.due == expected.due, "\(line)")
            #expect(abs(actual.stability - expected.stability) <= 1e-9 * abs(expected.stability), "\(line)")
            #expect(abs(actual.difficulty - expected.difficulty) <= 1e-9 * abs(expected.difficulty), "\(line)")
            #expect((actual.retrievability == nil) == (expected.retrievability == nil))
            if let r = actual.retrievability, let e = expected.retrievability { #expect(abs(r - e) <= 1e-9 * abs(e)) }
        }
    }

    @Test func badLinesArePositionedAndNothingIsPrinted() throws {
        let input = """
            {"rating": 3, "at": "2025-03-01T09:00:00Z"}

            {"rating": 7, "at": "2025-03-02T09:00:00Z"}
            {"rating": "good", "at": "yesterday"}
            not json
            {"rating": 1, "at": "2025-02-01T09:00:00Z"}

            """
        let result = try debate(["quiz", "replay", "--no-fuzz"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 4)
        #expect(errors.first?.hasPrefix("<stdin>:3: error: rating must be 1-4") ?? false, "\(result.stderr)")
        #expect(result.stderr.contains("<stdin>:4: error: `yesterday` is not an RFC 3339 time"))
        #expect(result.stderr.contains("<stdin>:5: error: not valid JSON"))
        #expect(result.stderr.contains("<stdin>:6: error: review at 2025-02-01T09:00:00Z is earlier"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try debate(["quiz", "replay", "--learning-steps", "ten minutes"], stdin: "").status == 64)
        #expect(try debate(["quiz", "replay", "--desired-retention", "1.5"], stdin: "").status == 64)
        let empty = try debate(["quiz", "replay", "--relearning-steps", ""], stdin: "{\"rating\":1,\"at\":\"2025-03-01T09:00:00Z\"}\n")
        #expect(empty.status == 0 && empty.stdout.contains("\"state\":\"learning\""))
    }
}
