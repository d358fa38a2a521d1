import ArgumentParser
import Drill
import Foundation

struct QuizReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay one item's review history through the scheduler; print its FSRS state after each review.",
        discussion: """
        Reads JSON lines from standard input, one review each, oldest first; rating is 1-4 or "again", \
        "hard", "good", "easy":
          {"rating": 3, "at": "2025-03-01T09:00:00Z"}
        Writes one JSON line per review; state is learning, review or relearning:
          {"at": …, "rating": …, "state": …, "step": n|null, "stability": …,
           "difficulty": …, "retrievability": r|null, "due": …}
        The schedule is py-fsrs 6.3.2's (FSRS-6). Interval fuzz is on unless --no-fuzz; --seed N draws it \
        as Python's random.seed(N) would. Blank lines are skipped; other keys on a line are ignored. A bad \
        line is reported as <stdin>:LINE: error: … and nothing is printed (exit 65).

        Example:
          echo '{"rating":"good","at":"2025-03-01T09:00:00Z"}' | debate quiz replay
        """)

    @Option(help: ArgumentHelp("The probability of recall to schedule for (0 < r < 1).", valueName: "r"))
    var desiredRetention = 0.9

    @Option(help: ArgumentHelp("Learning steps, like 1m,10m (units s, m, h, d); empty for none.", valueName: "steps"))
    var learningSteps = "1m,10m"

    @Option(help: ArgumentHelp("Relearning steps, like 10m; empty for none.", valueName: "steps"))
    var relearningSteps = "10m"

    @Option(help: ArgumentHelp("The longest interval, in days.", valueName: "days"))
    var maximumInterval = 36500

    @Flag(help: "Do not fuzz review intervals.")
    var noFuzz = false

    @Option(help: ArgumentHelp("Seed the interval fuzz (Python's random.seed), so a replay repeats.", valueName: "n"))
    var seed: Int?

    func parameters() throws -> FSRSParameters {
        guard let learning = FSRSParameters.parseSteps(learningSteps) else {
            throw ValidationError("--learning-steps `\(learningSteps)` is not a list of durations like 1m,10m")
        }
        guard let relearning = FSRSParameters.parseSteps(relearningSteps) else {
            throw ValidationError("--relearning-steps `\(relearningSteps)` is not a list of durations like 10m")
        }
        let parameters = FSRSParameters(desiredRetention: desiredRetention, learningSteps: learning,
                                        relearningSteps: relearning, maximumInterval: maximumInterval,
                                        enableFuzzing: !noFuzz)
        do {
            try parameters.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return parameters
    }

    func validate() throws { _ = try parameters() }

    func run() throws {
        let console = Console()
        var reviews: [ReplayReview] = []
        var problems: [String] = []
        var lineNumber = 0
        let decoder = JSONDecoder()
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let review = try decoder.decode(ReplayReview.self, from: Data(line.utf8))
                if let previous = reviews.last, review.at < previous.at {
                    problems.append("<stdin>:\(lineNumber): error: review at \(RFC3339.string(from: review.at)) is earlier than the one before it (\(RFC3339.string(from: previous.at))); list reviews oldest first")
                }
                reviews.append(review)
            } catch {
                problems.append("<stdin>:\(lineNumber): error: \(Self.describe(error))")
            }
        }
        if !problems.isEmpty {
            for problem in problems { console.err(problem) }
            throw Exit.dataError
        }
        var scheduler = try FSRSScheduler(
            parameters: try parameters(),
            randomSource: fuzzSource(seed: seed))
        let output = scheduler.replay(reviews).map(\.jsonLine)
        if !output.isEmpty { console.out(output.joined(separator: "\n")) }
    }

    /// A decoding error as one line a user can act on.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _):
            return "missing `\(key.stringValue)`; a review line looks like {\"rating\": 3, \"at\": \"2025-03-01T09:00:00Z\"}"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let key = context.codingPath.last?.stringValue
            return key == "at" ? "`at` must be an RFC 3339 time as a string"
                : key == "rating" ? "`rating` must be 1-4 or again, hard, good, easy"
                : "a review line is a JSON object like {\"rating\": 3, \"at\": \"2025-03-01T09:00:00Z\"}"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
