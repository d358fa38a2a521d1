import DebateCore
import Foundation

/// The sentences every renderer writes about a deck, written once: reading times, budgets and the
/// coverage section. Renderers add only their markup.
public enum DeckProse {
    /// `75` → "1:15"; how debaters write speech times.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return "\(whole / 60):" + String(format: "%02d", whole % 60)
    }

    /// The deck's reading time: "3:37 at 250 wpm".
    public static func readingTime(_ deck: Deck) -> String {
        "\(duration(deck.readingSeconds)) at \(deck.wpm) wpm"
    }

    /// What the budget says of the reading time: `overBudget` "over the 8:00 budget" (for a renderer to
    /// stress), else "(budget 8:00)"; nil without a budget.
    public static func budgetNote(_ deck: Deck) -> (text: String, over: Bool)? {
        guard let budget = deck.budgetSeconds else { return nil }
        return deck.overBudget ? ("over the \(duration(budget)) budget", true) : ("(budget \(duration(budget)))", false)
    }

    /// "Reads in 0:42".
    public static func blockTime(_ block: Block) -> String { "Reads in \(duration(block.readingSeconds))" }
    public static let overBlockBudget = "over the block budget"

    public static let coverageTitle = "Coverage"

    /// The first sentence of the coverage section, and whether a list of unanswered claims follows.
    public static func coverageLead(_ deck: Deck) -> String {
        let opponent = deck.sideWords.title(deck.side.opponent).lowercased()
        return deck.coverage.unanswered.isEmpty
            ? "Every \(opponent) claim the modules offer has an answer."
            : "No answer yet to these \(opponent) claims:"
    }

    public static let answeredElsewhereLead = "Answered by the modules but not placed in this deck:"
}

/// The first version's name for `DeckProse.duration`.
public func formatDuration(_ seconds: Double) -> String { DeckProse.duration(seconds) }
