import Foundation

/// One input line of `debate quiz replay`: `{"rating": 3 or "good", "at": "2025-03-01T09:00:00Z"}`.
public struct ReplayReview: Sendable, Hashable, Decodable {
    public var rating: Rating
    public var at: Date

    public init(rating: Rating, at: Date) {
        self.rating = rating
        self.at = at
    }

    private enum CodingKeys: String, CodingKey { case rating, at }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let parsed: Rating?
        if let number = try? container.decode(Int.self, forKey: .rating) {
            parsed = Rating(rawValue: number)
        } else {
            parsed = Rating(parsing: try container.decode(String.self, forKey: .rating))
        }
        guard let parsed else {
            throw DecodingError.dataCorruptedError(
                forKey: .rating, in: container, debugDescription: "rating must be 1-4 or again, hard, good, easy")
        }
        let text = try container.decode(String.self, forKey: .at)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .at, in: container, debugDescription: "`\(text)` is not an RFC 3339 time such as 2025-03-01T09:00:00Z")
        }
        rating = parsed
        at = date
    }
}

/// One output line of `debate quiz replay`: the card's FSRS state right after a review.
public struct ReplayRecord: Sendable, Hashable {
    public var at: Date
    public var rating: Rating
    public var state: CardState
    public var step: Int?
    public var stability: Double
    public var difficulty: Double
    /// Predicted recall just before the review; nil for the first review.
    public var retrievability: Double?
    public var due: Date

    public init(review: ReplayReview, card: SchedulingCard, log: FSRSReviewLog) {
        at = log.reviewedAt
        rating = review.rating
        state = card.state
        step = card.step
        stability = card.stability ?? 0
        difficulty = card.difficulty ?? 0
        retrievability = log.retrievability
        due = card.due
    }

    /// Keys in a fixed order and full-precision numbers, so outputs diff cleanly against other tools.
    public var jsonLine: String {
        let fields: [(String, String)] = [
            ("at", "\"\(RFC3339.string(from: at))\""),
            ("rating", String(rating.rawValue)),
            ("state", "\"\(state.rawValue)\""),
            ("step", step.map(String.init) ?? "null"),
            ("stability", String(stability)),
            ("difficulty", String(difficulty)),
            ("retrievability", retrievability.map { String($0) } ?? "null"),
            ("due", "\"\(RFC3339.string(from: due))\""),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

extension FSRSScheduler {
    /// Replays one item's history from a new card (due at the first review), in the given order.
    public mutating func replay(_ reviews: [ReplayReview]) -> [ReplayRecord] {
        guard let first = reviews.first else { return [] }
        var card = SchedulingCard(due: first.at)
        return reviews.map { review in
            let (next, log) = self.review(card, rating: review.rating, at: review.at)
            card = next
            return ReplayRecord(review: review, card: next, log: log)
        }
    }
}

extension FSRSParameters {
    /// Parses a step list as the CLI spells it: `1m,10m`, `90s`, `1h30m`, `2d`; an empty string is no steps.
    public static func parseSteps(_ text: String) -> [TimeInterval]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        var steps: [TimeInterval] = []
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let seconds = parseDuration(item.trimmingCharacters(in: .whitespaces)), seconds > 0 else { return nil }
            steps.append(seconds)
        }
        return steps
    }

    private static func parseDuration(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var total: TimeInterval = 0
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber || character == "." {
                digits.append(character)
            } else if let unit = units[character], let value = Double(digits) {
                total += value * unit
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty && !text.isEmpty ? total : nil
    }
}
