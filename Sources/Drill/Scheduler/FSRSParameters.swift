import Foundation

/// Everything that shapes a schedule. Defaults and bounds are those of py-fsrs 6.3.2 (FSRS-6), so a
/// history replayed here and in py-fsrs lands on the same due dates.
public struct FSRSParameters: Sendable, Hashable, Codable {
    /// The 21 FSRS-6 model weights w0…w20; w20 is the forgetting-curve decay.
    public var weights: [Double]
    /// Probability of recall the schedule aims for when a card comes due.
    public var desiredRetention: Double
    /// Short waits, in seconds, for a card being learned for the first time.
    public var learningSteps: [TimeInterval]
    /// Short waits, in seconds, after a lapse; empty sends a lapsed card straight back to review.
    public var relearningSteps: [TimeInterval]
    /// Longest interval, in days, a review can schedule.
    public var maximumInterval: Int
    /// Spread review intervals by a few days so cards learned together do not stay bunched together.
    public var enableFuzzing: Bool

    public init(
        weights: [Double] = FSRSParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500,
        enableFuzzing: Bool = true
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// FSRS-6 default weights (py-fsrs 6.3.2 `DEFAULT_PARAMETERS`).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// Accepted range of each weight (py-fsrs 6.3.2 `LOWER_BOUNDS_PARAMETERS` / `UPPER_BOUNDS_PARAMETERS`);
    /// outside them the formulas can divide by zero or make stability shrink on success.
    public static let weightBounds: [ClosedRange<Double>] = [
        0.001...100, 0.001...100, 0.001...100, 0.001...100, 1...10, 0.001...4, 0.001...4,
        0.001...0.75, 0...4.5, 0...0.8, 0.001...3.5, 0.001...5, 0.001...0.25, 0.001...0.9,
        0...4, 0...1, 1...6, 0...2, 0...2, 0...0.8, 0.1...0.8,
    ]

    /// Every problem at once, so a user fixing a configuration sees the whole list.
    public func validate() throws(FSRSParameterError) {
        var problems: [FSRSParameterError.Problem] = []
        if weights.count != Self.weightBounds.count {
            problems.append(.weightCount(weights.count))
        } else {
            for (index, (weight, bounds)) in zip(weights, Self.weightBounds).enumerated()
            where !bounds.contains(weight) {
                problems.append(.weightOutOfBounds(index: index, value: weight, bounds: bounds))
            }
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            problems.append(.desiredRetention(desiredRetention))
        }
        for (index, step) in learningSteps.enumerated() where !(step > 0 && step.isFinite) {
            problems.append(.learningStep(index: index, seconds: step))
        }
        for (index, step) in relearningSteps.enumerated() where !(step > 0 && step.isFinite) {
            problems.append(.relearningStep(index: index, seconds: step))
        }
        if maximumInterval < 1 {
            problems.append(.maximumInterval(maximumInterval))
        }
        if !problems.isEmpty {
            throw FSRSParameterError(problems: problems)
        }
    }
}

/// Why a set of parameters cannot be scheduled with; `description` is one line per problem.
public struct FSRSParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case weightCount(Int)
        case weightOutOfBounds(index: Int, value: Double, bounds: ClosedRange<Double>)
        case desiredRetention(Double)
        case learningStep(index: Int, seconds: Double)
        case relearningStep(index: Int, seconds: Double)
        case maximumInterval(Int)

        public var description: String {
            switch self {
            case .weightCount(let count):
                "expected 21 FSRS weights, got \(count)"
            case .weightOutOfBounds(let index, let value, let bounds):
                "weight w\(index) = \(value) is outside \(bounds.lowerBound)...\(bounds.upperBound)"
            case .desiredRetention(let value):
                "desired retention \(value) must be greater than 0 and less than 1"
            case .learningStep(let index, let seconds):
                "learning step \(index + 1) is \(seconds) s; steps must be positive"
            case .relearningStep(let index, let seconds):
                "relearning step \(index + 1) is \(seconds) s; steps must be positive"
            case .maximumInterval(let days):
                "maximum interval \(days) days must be at least 1"
            }
        }
    }

    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
