import Foundation
import Testing
@testable import Drill
import FSRSReferenceVectors

typealias FSRSVectorFile = FSRSReferenceVectors

extension FSRSReferenceVectors {
    /// Empty when the file cannot be read; `vectorsAreComplete` then fails and says why.
    static let allHistories: [History] = (try? load().histories) ?? []
}

private func relativelyClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), 1e-300)
}

@Suite("FSRS-6 against py-fsrs 6.3.2")
struct FSRSVectorTests {
    @Test func vectorsAreComplete() throws {
        let file = try FSRSVectorFile.load()
        #expect(file.fsrsVersion == "6.3.2")
        #expect(file.histories.count == 300)
        #expect(file.histories.contains { $0.seed != nil })
        #expect(file.histories.reduce(0) { $0 + $1.reviews.count } > 3000)
    }

    @Test(arguments: FSRSVectorFile.allHistories)
    func matchesPyFSRS(history: FSRSVectorFile.History) throws {
        let settings = history.scheduler
        let parameters = FSRSParameters(
            weights: settings.parameters, desiredRetention: settings.desiredRetention,
            learningSteps: settings.learningSteps, relearningSteps: settings.relearningSteps,
            maximumInterval: settings.maximumInterval, enableFuzzing: settings.enableFuzzing)
        var scheduler = try FSRSScheduler(parameters: parameters, randomSource: PythonRandom(seed: history.seed ?? 0))
        let first = try #require(RFC3339.date(from: history.reviews[0].at))
        var card = SchedulingCard(due: first)
        for (position, expected) in history.reviews.enumerated() {
            let at = try #require(RFC3339.date(from: expected.at))
            let rating = try #require(Rating(rawValue: expected.rating))
            let (next, log) = scheduler.review(card, rating: rating, at: at)
            let context = Comment(rawValue: "history \(history.index), review \(position + 1) (\(rating) at \(expected.at))")
            try #require(next.state.rawValue == expected.state, context)
            try #require(next.step == expected.step, context)
            #expect(relativelyClose(try #require(next.stability), expected.stability), context)
            #expect(relativelyClose(try #require(next.difficulty), expected.difficulty), context)
            try #require(RFC3339.string(from: next.due) == expected.due, context)
            if let expectedRetrievability = expected.retrievability {
                #expect(relativelyClose(try #require(log.retrievability), expectedRetrievability), context)
            } else {
                #expect(log.retrievability == nil, context)
            }
            card = next
        }
    }

    @Test func replayLinesCarryTheVectorValues() throws {
        let history = try #require(FSRSVectorFile.allHistories.first { $0.seed == nil && $0.reviews.count > 5 && $0.scheduler.parameters == FSRSParameters.defaultWeights })
        let settings = history.scheduler
        var scheduler = try FSRSScheduler(parameters: FSRSParameters(
            desiredRetention: settings.desiredRetention, learningSteps: settings.learningSteps,
            relearningSteps: settings.relearningSteps, maximumInterval: settings.maximumInterval, enableFuzzing: false))
        let input = history.reviews.map { #"{"rating": "\#(Rating(rawValue: $0.rating)!.name)", "at": "\#($0.at)"}"# }
        let reviews = try input.map { try JSONDecoder().decode(ReplayReview.self, from: Data($0.utf8)) }
        let lines = scheduler.replay(reviews).map(\.jsonLine)
        struct Line: Decodable { let due: String; let state: String; let step: Int?; let stability: Double; let difficulty: Double }
        for (line, expected) in zip(lines, history.reviews) {
            // JSONDecoder, not JSONSerialization: the latter misreads the last digit of some doubles on Linux.
            let decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            #expect(decoded.due == expected.due)
            #expect(decoded.state == expected.state)
            #expect(decoded.step == expected.step)
            #expect(relativelyClose(decoded.stability, expected.stability))
            #expect(relativelyClose(decoded.difficulty, expected.difficulty))
        }
        #expect(lines[0].hasPrefix(#"{"at":""#))
        #expect(lines[0].contains(#""retrievability":null"#))
    }
}

@Suite struct RatingTests {
    @Test func parsesNumbersAndNames() {
        #expect(Rating(parsing: "1") == .again)
        #expect(Rating(parsing: "4") == .easy)
        #expect(Rating(parsing: "Good") == .good)
        #expect(Rating(parsing: " hard ") == .hard)
        #expect(Rating(parsing: "EASY") == .easy)
        #expect(Rating(parsing: "0") == nil)
        #expect(Rating(parsing: "5") == nil)
        #expect(Rating(parsing: "ok") == nil)
        #expect(Rating(parsing: "") == nil)
    }

    @Test func rejectsBadReplayInput() {
        let decoder = JSONDecoder()
        #expect(throws: DecodingError.self) {
            try decoder.decode(ReplayReview.self, from: Data(#"{"rating": 5, "at": "2025-01-01T00:00:00Z"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(ReplayReview.self, from: Data(#"{"rating": 3, "at": "yesterday"}"#.utf8))
        }
    }
}

@Suite struct PythonRandomTests {
    // Values printed by CPython 3.11: `random.seed(s); [random.random() for _ in range(k)]`.
    @Test func matchesCPython() {
        var generator = PythonRandom(seed: 42)
        #expect([generator.random(), generator.random(), generator.random()]
            == [0.6394267984578837, 0.025010755222666936, 0.27502931836911926])
        generator = PythonRandom(seed: 0)
        #expect([generator.random(), generator.random()] == [0.8444218515250481, 0.7579544029403025])
        generator = PythonRandom(seed: 1 << 40 + 5)
        #expect([generator.random(), generator.random()] == [0.5043802970418443, 0.2686044399723282])
        generator = PythonRandom(seed: -7)
        #expect(generator.random() == 0.32383276483316237)
        generator = PythonRandom(seedMagnitude: UInt.max)
        #expect(generator.random() == 0.021825695401270107)
        generator = PythonRandom(key: [1_900_168_395, 1_119_243_894, 669])  // 12345678901234567890123
        #expect(generator.random() == 0.15803717805068784)
    }
}

@Suite struct SchedulerArithmeticTests {
    @Test func roundsHalfToEvenLikePython() {
        #expect(pythonRound(2.5) == 2)
        #expect(pythonRound(3.5) == 4)
        #expect(pythonRound(0.5) == 0)
        #expect(pythonRound(-1.5) == -2)
        #expect(pythonRound(2.5000000001) == 3)
    }

    // py-fsrs 6.3.2: Scheduler()._next_interval(stability=s) for these stabilities.
    @Test(arguments: [(0.4, 1), (1.4, 1), (2.5, 2), (3.5, 4), (4.5, 4), (10.5, 10), (12.5, 12)])
    func intervalDays(stability: Double, days: Int) {
        #expect(FSRSFormulas(FSRSParameters()).intervalDays(stability: stability) == days)
    }

    @Test func intervalIsCappedByMaximum() {
        #expect(FSRSFormulas(FSRSParameters(maximumInterval: 30)).intervalDays(stability: 1000) == 30)
    }

    @Test func timedeltaDivisionRoundsHalfToEven() {
        #expect(Microseconds.divide(5, by: 2) == 2)
        #expect(Microseconds.divide(7, by: 2) == 4)
        #expect(Microseconds.divide(-5, by: 2) == -2)
        #expect(Int64(-1).floorDivided(by: 86_400) == -1)
    }

    // Expected values from py-fsrs 6.3.2 for the same cards, ratings, times and `random.seed(7)`.
    @Test func capsAtMaximumIntervalKeepingMicroseconds() throws {
        let at = try #require(RFC3339.date(from: "2025-06-01T12:00:00.123457Z"))
        let card = SchedulingCard(state: .review, step: nil, stability: 40000, difficulty: 5, due: at,
                                  lastReview: at.addingTimeInterval(-200 * 86_400))
        var scheduler = try FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))
        let (next, log) = scheduler.review(card, rating: .good, at: at)
        #expect(RFC3339.string(from: next.due) == "2125-05-08T12:00:00.123457Z")
        #expect(next.stability == 40160.267535609506)
        #expect(next.difficulty == 4.9902283692968386)
        #expect(log.retrievability == 0.9992462834887489)
        #expect(log.elapsedDays == 200)
    }

    @Test func seededFuzzFollowsPythonStream() throws {
        let at = try #require(RFC3339.date(from: "2025-06-01T12:00:00.123457Z"))
        let card = SchedulingCard(state: .review, step: nil, stability: 30, difficulty: 5, due: at,
                                  lastReview: at.addingTimeInterval(-30 * 86_400))
        var scheduler = try FSRSScheduler(randomSource: PythonRandom(seed: 7))
        let first = scheduler.review(card, rating: .good, at: at).card
        let second = scheduler.review(card, rating: .good, at: at).card
        #expect(first.stability == 85.02789143552613)
        #expect(RFC3339.string(from: first.due) == "2025-08-23T12:00:00.123457Z")
        #expect(RFC3339.string(from: second.due) == "2025-08-21T12:00:00.123457Z")
    }

    @Test func retrievabilityBeforeFirstReviewIsZero() throws {
        let scheduler = try FSRSScheduler()
        #expect(scheduler.retrievability(of: SchedulingCard(due: .now), at: .now) == 0)
    }
}

@Suite struct ParameterValidationTests {
    @Test func defaultsAreValid() throws {
        try FSRSParameters().validate()
    }

    @Test func listsEveryProblem() {
        var weights = FSRSParameters.defaultWeights
        weights[4] = 0.5
        weights[20] = 0.9
        let parameters = FSRSParameters(weights: weights, desiredRetention: 1, learningSteps: [60, -1],
                                        relearningSteps: [0], maximumInterval: 0)
        #expect(throws: FSRSParameterError(problems: [
            .weightOutOfBounds(index: 4, value: 0.5, bounds: 1...10),
            .weightOutOfBounds(index: 20, value: 0.9, bounds: 0.1...0.8),
            .desiredRetention(1),
            .learningStep(index: 1, seconds: -1),
            .relearningStep(index: 0, seconds: 0),
            .maximumInterval(0),
        ])) {
            try FSRSScheduler(parameters: parameters)
        }
    }

    @Test func explainsWrongWeightCount() {
        do {
            try FSRSParameters(weights: [1, 2, 3]).validate()
            Issue.record("three weights were accepted")
        } catch {
            #expect(error.problems == [.weightCount(3)])
            #expect(error.description == "expected 21 FSRS weights, got 3")
        }
    }

    @Test func parsesStepLists() {
        #expect(FSRSParameters.parseSteps("1m,10m") == [60, 600])
        #expect(FSRSParameters.parseSteps("") == [])
        #expect(FSRSParameters.parseSteps("90s, 1h30m,2d") == [90, 5400, 172_800])
        #expect(FSRSParameters.parseSteps("10") == nil)
        #expect(FSRSParameters.parseSteps("1m,,10m") == nil)
        #expect(FSRSParameters.parseSteps("0s") == nil)
    }
}

@Suite struct RFC3339Tests {
    @Test func roundTripsMicroseconds() throws {
        for text in ["2024-02-29T23:59:59.000001Z", "1970-01-01T00:00:00Z", "2125-12-31T12:00:00.5Z", "2099-06-15T08:30:00.123456Z"] {
            let date = try #require(RFC3339.date(from: text))
            let expected = text.replacingOccurrences(of: ".5Z", with: ".500000Z")
            #expect(RFC3339.string(from: date) == expected)
        }
    }

    @Test func convertsOffsetsToUTC() throws {
        let date = try #require(RFC3339.date(from: "2025-01-01T01:30:00+02:00"))
        #expect(RFC3339.string(from: date) == "2024-12-31T23:30:00Z")
        #expect(RFC3339.date(from: "2025-01-01t00:00:00.1234567z").map(RFC3339.string(from:)) == "2025-01-01T00:00:00.123456Z")
    }

    @Test(arguments: ["2025-02-29T00:00:00Z", "2025-01-01T24:00:00Z", "2025-01-01T00:00:00", "2025-01-01", "2025-01-01T00:00:00.Z", "2025-01-01T00:00:00Zx"])
    func rejects(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }
}

@Suite("Forgetting curve")
struct ForgettingCurveTests {
    @Test func atDueIsTheCurveToTheSecondAndAgreesWithWholeDays() throws {
        let at = try #require(RFC3339.date(from: "2025-06-01T09:00:00Z"))
        let scheduler = try FSRSScheduler(parameters: FSRSParameters(enableFuzzing: false))
        // A review card 7 whole days after its review: the curve and py-fsrs's whole-day figure agree.
        let review = SchedulingCard(state: .review, step: nil, stability: 5, difficulty: 5, due: at.addingTimeInterval(7 * 86_400), lastReview: at)
        #expect(scheduler.forgettingCurve(of: review, at: review.due) == scheduler.retrievability(of: review, at: review.due))
        // A new card failed now, due again in a minute: whole days say 100 %, the curve a little less.
        var fuzz = PythonRandom(seed: 1)
        let (failed, _) = scheduler.review(SchedulingCard(due: at), rating: .again, at: at, using: &fuzz)
        #expect(scheduler.retrievability(of: failed, at: failed.due) == 1)
        let atDue = scheduler.forgettingCurve(of: failed, at: failed.due)
        #expect(atDue < 1 && atDue > 0.99)
        // Later is lower: the curve falls.
        #expect(scheduler.forgettingCurve(of: failed, at: at.addingTimeInterval(86_400)) < atDue)
    }
}
