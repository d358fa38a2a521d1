import Foundation

/// How well the user recalled an item. The raw values are FSRS's grades, which the formulas use as numbers.
public enum Rating: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    /// Parses the spellings a user or a history file may use: `1`–`4` or `again`/`hard`/`good`/`easy`
    /// (any case, surrounding spaces ignored).
    public init?(parsing text: String) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(word), let rating = Rating(rawValue: number) {
            self = rating
            return
        }
        guard let rating = Rating.allCases.first(where: { $0.name == word }) else { return nil }
        self = rating
    }

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    public var description: String { name }
}

/// Where a card is in FSRS's state machine. New cards start in `learning` at step 0.
public enum CardState: String, Sendable, Hashable, Codable, CaseIterable {
    case learning
    case review
    case relearning
}
