import Foundation
import Testing

/// The reference histories py-fsrs 6.3.2 produced (`Tests/DrillTests/Fixtures/fsrs-vectors.json`,
/// written by `make_fsrs_vectors.py`). Shared by the scheduler's tests and the CLI's replay tests.
public struct FSRSReferenceVectors: Decodable, Sendable {
    public struct Settings: Decodable, Sendable {
        public let parameters: [Double]
        public let desiredRetention: Double
        public let learningSteps: [Double]
        public let relearningSteps: [Double]
        public let maximumInterval: Int
        public let enableFuzzing: Bool
    }

    /// One review and the state py-fsrs reached after it; also the shape of a `quiz replay` line.
    public struct Review: Decodable, Sendable, Equatable {
        public let at: String
        public let rating: Int
        public let state: String
        public let step: Int?
        public let stability: Double
        public let difficulty: Double
        public let retrievability: Double?
        public let due: String
    }

    public struct History: Decodable, Sendable, CustomTestStringConvertible {
        public let index: Int
        public let seed: Int?
        public let scheduler: Settings
        public let reviews: [Review]
        public var testDescription: String { "history \(index)" + (seed.map { " (fuzzed, seed \($0))" } ?? "") }
    }

    public let fsrsVersion: String
    public let histories: [History]

    /// py-fsrs 6.3.2's default weights: the histories that use them are the ones the CLI can replay.
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DrillTests/Fixtures/fsrs-vectors.json")

    public static func load() throws -> FSRSReferenceVectors {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(FSRSReferenceVectors.self, from: Data(contentsOf: url))
    }
}
