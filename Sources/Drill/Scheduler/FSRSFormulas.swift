import Foundation

/// The FSRS-6 memory model as py-fsrs 6.3.2 computes it. Each expression keeps py-fsrs's operand order
/// and uses `pow(e, x)` where it writes `math.e ** x`, so results agree to the last bit on the same libm.
struct FSRSFormulas: Sendable {
    static let minimumStability = 0.001
    static let difficultyRange = 1.0...10.0
    /// `math.e` exactly, so `pow(e, x)` matches py-fsrs rather than `exp(x)`, which may differ by an ulp.
    static let e = 2.718281828459045

    let w: [Double]
    let desiredRetention: Double
    let maximumInterval: Int
    /// Forgetting-curve exponent: -w20.
    let decay: Double
    /// Chosen so that retrievability is exactly 0.9 when elapsed days equal stability.
    let factor: Double

    init(_ parameters: FSRSParameters) {
        w = parameters.weights
        desiredRetention = parameters.desiredRetention
        maximumInterval = parameters.maximumInterval
        decay = -parameters.weights[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    private static func grade(_ rating: Rating) -> Double { Double(rating.rawValue) }

    func retrievability(elapsedDays: Int, stability: Double) -> Double {
        retrievability(days: Double(elapsedDays), stability: stability)
    }

    /// The forgetting curve at any time since the last review, in days and fractions of a day.
    func retrievability(days: Double, stability: Double) -> Double {
        pow(1 + factor * days / stability, decay)
    }

    func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], Self.minimumStability)
    }

    func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let difficulty = w[4] - pow(Self.e, w[5] * (Self.grade(rating) - 1)) + 1
        return clamped ? Self.clampDifficulty(difficulty) : difficulty
    }

    /// Linear damping slows changes near the maximum; mean reversion pulls toward the Easy starting point.
    func nextDifficulty(_ difficulty: Double, _ rating: Rating) -> Double {
        let target = initialDifficulty(.easy, clamped: false)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        return Self.clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    /// Reviews on the same day as the previous one (whole days elapsed < 1).
    func shortTermStability(_ stability: Double, _ rating: Rating) -> Double {
        var increase = pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
        if rating != .again {
            increase = max(increase, 1)
        }
        return max(stability * increase, Self.minimumStability)
    }

    func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next = rating == .again
            ? forgetStability(difficulty: difficulty, stability: stability, retrievability: retrievability)
            : recallStability(difficulty: difficulty, stability: stability, retrievability: retrievability, rating: rating)
        return max(next, Self.minimumStability)
    }

    private func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
            * pow(Self.e, (1 - retrievability) * w[14])
        let shortTerm = stability / pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    private func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth = pow(Self.e, w[8]) * (11 - difficulty) * pow(stability, -w[9])
            * (pow(Self.e, (1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus
        return stability * (1 + growth)
    }

    /// Whole days until retrievability falls to the desired retention, at least 1, at most the maximum.
    func intervalDays(stability: Double) -> Int {
        let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        return Self.clampedDays(pythonRound(days), maximum: maximumInterval)
    }

    /// Rounded days as an Int without trapping on huge or non-finite values.
    static func clampedDays(_ rounded: Double, maximum: Int) -> Int {
        guard rounded.isFinite else { return rounded < 0 ? 1 : maximum }
        return Int(min(max(rounded, 1), Double(maximum)))
    }

    private static func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, difficultyRange.lowerBound), difficultyRange.upperBound)
    }
}

/// Python's `round(x)`: nearest integer, ties to even (2.5 → 2, 3.5 → 4).
func pythonRound(_ value: Double) -> Double {
    value.rounded(.toNearestOrEven)
}
