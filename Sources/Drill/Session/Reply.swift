import DebateCore
import Foundation

/// What the user answered to one item.
public enum Reply: Sendable, Hashable {
    /// A multiple-choice pick, 0 for `a`.
    case choice(Int)
    /// Typed words for a cloze.
    case text(String)
    /// A self-grade for a recall item, with the user's own answer (possibly empty).
    case graded(Rating, answer: String)
    /// A speed reading: how long it took, from the Enter that started it to the Enter that ended it.
    case timed(seconds: Double)
    case quit
}

/// How an answer was scored: the rating the scheduler gets and what to tell the user.
public struct Grade: Sendable, Hashable {
    public var rating: Rating
    /// Nil for a self-graded item.
    public var verdict: TextMatching.Verdict?
}

extension Question {
    /// Scores a reply: a right choice is Good and a wrong one Again; a cloze is Good when the words
    /// match, Hard when a typo away, Again otherwise; a recall keeps the user's own grade.
    public func grade(_ reply: Reply) -> Grade? {
        switch (self, reply) {
        case (.choice(let choice), .choice(let index)):
            let right = index == choice.answerIndex
            return Grade(rating: right ? .good : .again, verdict: right ? .correct : .wrong)
        case (.cloze(let cloze), .text(let typed)):
            let verdict = TextMatching.compare(typed: typed, expected: cloze.answer)
            let rating: Rating = switch verdict {
            case .correct: .good
            case .close: .hard
            case .wrong: .again
            }
            return Grade(rating: rating, verdict: verdict)
        case (.recall, .graded(let rating, _)):
            return Grade(rating: rating, verdict: nil)
        // A speed reading is timed, not graded (`SpeedTiming`).
        default:
            return nil
        }
    }

    /// Parses one line of the plain line protocol: `q` quits anywhere; a recall takes a grade (`1`–`4`
    /// or again/hard/good/easy) optionally followed by the user's answer; a choice takes a letter;
    /// a cloze takes the missing words (an empty line for "I don't know").
    public func parseLine(_ line: String) -> Result<Reply, LineError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if Self.isQuit(trimmed) { return .success(.quit) }
        switch self {
        case .choice(let choice):
            if let index = Self.choiceIndex(trimmed, count: choice.choices.count) { return .success(.choice(index)) }
            return .failure(LineError("expected a choice \(Self.choiceRange(choice.choices.count)) or q, got `\(TerminalText.excerpt(trimmed))`"))
        case .recall:
            let first = trimmed.prefix { !$0.isWhitespace }
            guard let rating = Rating(parsing: String(first)) else {
                return .failure(LineError("expected a grade 1-4 (again, hard, good, easy), optionally followed by your answer, or q; got `\(TerminalText.excerpt(first))`"))
            }
            return .success(.graded(rating, answer: trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)))
        case .cloze:
            return .success(.text(trimmed))
        case .speed:
            // Two lines, read by `SpeedTiming`; a single line reaches here only by mistake.
            return .failure(LineError("a speed reading takes two lines (start, then finish)"))
        }
    }

    static func isQuit(_ text: String) -> Bool { ["q", "quit"].contains(text.lowercased()) }

    /// `a` → 0, … for as many choices as there are; nil for anything else.
    static func choiceIndex(_ text: String, count: Int) -> Int? {
        guard text.count == 1, let ascii = text.lowercased().unicodeScalars.first?.value,
              ascii >= 97, Int(ascii - 97) < count else { return nil }
        return Int(ascii - 97)
    }

    static func choiceRange(_ count: Int) -> String { "a-\(Choice.letter(count - 1))" }
}

/// A line the protocol cannot read; the session reports it as `<stdin>:LINE: error: …`.
public struct LineError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
