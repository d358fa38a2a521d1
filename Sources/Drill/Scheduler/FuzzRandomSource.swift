/// Where interval fuzz gets its randomness: uniform doubles in [0, 1), like Python's `random.random()`.
/// A protocol so tests and `--seed` can pass a `PythonRandom` and reproduce py-fsrs exactly.
public protocol FuzzRandomSource: Sendable {
    mutating func nextUnitInterval() -> Double
}

/// Unseeded fuzz for everyday use.
public struct SystemFuzzRandom: FuzzRandomSource {
    public init() {}

    public mutating func nextUnitInterval() -> Double {
        Double.random(in: 0..<1)
    }
}

extension FSRSFormulas {
    /// Fuzz widths (py-fsrs 6.3.2 `FUZZ_RANGES`): 15 % of the days between 2.5 and 7, 10 % of those
    /// between 7 and 20, 5 % beyond, plus one day.
    private static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.1), (20, .infinity, 0.05),
    ]

    /// Inclusive bounds, in days, a fuzzed interval may take.
    func fuzzRange(days: Int) -> ClosedRange<Int> {
        var delta = 1.0
        for range in Self.fuzzRanges {
            delta += range.factor * max(min(Double(days), range.end) - range.start, 0)
        }
        let upper = min(Int(pythonRound(Double(days) + delta)), maximumInterval)
        let lower = min(max(2, Int(pythonRound(Double(days) - delta))), upper)
        return lower...upper
    }

    /// Draws from the source only for intervals of 3 days or more, as py-fsrs does, so the random
    /// stream stays aligned with py-fsrs's across a history.
    func fuzzedDays<Source: FuzzRandomSource>(_ days: Int, using source: inout Source) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let range = fuzzRange(days: days)
        let drawn = source.nextUnitInterval() * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(Int(pythonRound(drawn)), maximumInterval)
    }
}
