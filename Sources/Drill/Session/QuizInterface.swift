import Foundation

/// The two faces of a session: a screen per item on a terminal, or the plain line protocol when
/// standard input is not one. The session drives; an interface shows and reads.
public protocol QuizInterface {
    mutating func begin(_ header: SessionHeader)
    /// Shows the item and reads the reply.
    mutating func ask(_ entry: QuizPlan.Entry, number: Int, of total: Int) -> Asked
    /// Shows how the answer scored and when the item is due again; false when the user stops here.
    mutating func show(_ result: AnswerResult) -> Bool
    /// Shows how fast a card was read; false when the user stops here.
    mutating func show(_ result: SpeedResult) -> Bool
    mutating func finish(_ summary: SessionSummary)
}

public enum Asked: Sendable {
    case reply(Reply)
    case ended(SessionEnd)
}

public enum SessionEnd: Sendable, Hashable {
    case finished
    case quit
    case interrupted
    case endOfInput
    /// A line the protocol cannot read, with its number.
    case badInput(line: Int, message: String)
}

public struct SessionHeader: Sendable {
    public var deckID: String
    public var deckTitle: String
    public var plan: QuizPlan
    public var storePath: String
}

public struct AnswerResult: Sendable {
    public var entry: QuizPlan.Entry
    public var reply: Reply
    public var grade: Grade
    public var review: ReviewEntry
    public var now: Date
    /// The item's number when it comes back in this session (after a failed answer), else nil.
    public var comesBackAt: Int?
}

public struct SessionSummary: Sendable {
    public var end: SessionEnd
    public var planned: Int
    /// Items answered: graded ones and timed readings.
    public var answered: Int
    /// Answers graded (all but speed readings).
    public var graded: Int
    /// Graded answers not rated Again.
    public var right: Int
    /// The speed readings of the session.
    public var speedReads: [SpeedRead]
    /// The deck's next due item after the session (any kind).
    public var nextDue: Date?
    /// Items of the deck due now and never seen, after the session.
    public var dueNow: Int
    public var unseen: Int
    public var now: Date

    public var accuracy: Double? { graded == 0 ? nil : Double(right) / Double(graded) }
}

/// Text both interfaces show, styled or plain.
enum ItemText {
    static func kindLabel(_ entry: QuizPlan.Entry) -> String {
        if case .speed(let speed) = entry.item.question {
            let seconds = Int((Double(speed.words) / Double(speed.targetWPM) * 60).rounded())
            return "\(entry.item.kind.title) · \(speed.words) words: \(seconds / 60):\(String(format: "%02d", seconds % 60)) at \(speed.targetWPM) wpm"
        }
        let progress = entry.progress.map { "\($0.card.state.rawValue), \($0.reps) review\($0.reps == 1 ? "" : "s")" } ?? "new"
        return "\(entry.item.kind.title) · \(progress)"
    }

    /// The question, without its answer.
    static func question(_ item: DrillItem, style: TextStyle, width: Int) -> [String] {
        switch item.question {
        case .choice(let choice):
            return [wrap(choice.prompt, width: width), ""]
                + choice.choices.enumerated().map { index, text in
                    wrap("\(style.bold(Choice.letter(index) + ")")) \(text)", width: width, indent: "  ")
                        .replacingOccurrences(of: "\n  ", with: "\n     ")
                }
        case .cloze(let cloze):
            let blank = style.cyan("_____") + style.dim(" (\(cloze.answerWordCount) word\(cloze.answerWordCount == 1 ? "" : "s"))")
            let tag = cloze.showsTag ? "Tag: " + style.bold(cloze.tag) : "Tag: " + style.dim("(not shown: it says the missing words)")
            return [wrap(tag, width: width), "",
                    wrap(cloze.before + blank + cloze.after, width: width)]
        case .speed(let speed):
            return [wrap("Tag: " + style.bold(speed.tag), width: width)] + (speed.cite.map { [wrap(style.dim($0), width: width)] } ?? [])
                + ["", wrap(speed.text, width: width)]
        case .recall(let recall):
            let count = recall.answers.count
            let said = recall.heading.map { "They say (\($0)): " } ?? "They say: "
            let ask = count == 0
                ? "What would you say? The deck has no answer to this yet."
                : recall.heading.map { "\($0): what are our answers? The deck has \(count)." }
                    ?? "How do we answer it? The deck has \(count) answer\(count == 1 ? "" : "s")."
            return [wrap(said + style.bold(recall.claim), width: width), "", wrap(ask, width: width)]
        }
    }

    /// Our counterclaims with the key terms the user's answer hit (all of them listed when the answer is empty).
    static func reveal(_ recall: Recall, answer: String, style: TextStyle, width: Int) -> [String] {
        if let gap = recall.gap { return [wrap(style.yellow(gap), width: width)] }
        var lines = ["Our answers:"]
        var hitCount = 0, termCount = 0
        for item in recall.answers {
            let kind = item.response.map { $0.title + ": " } ?? ""
            lines.append(wrap("- " + style.bold(kind) + item.tag, width: width, indent: "  ", hanging: "    "))
            if let warrant = item.warrant, !warrant.isEmpty {
                lines.append(wrap(style.dim("warrant: " + warrant), width: width, indent: "    ", hanging: "      "))
            }
            // Naming a takeout is no part of making one: only the other kinds' names are key terms.
            let terms = (item.response.flatMap { $0 == .takeout ? nil : [$0.title] } ?? []) + item.keyTerms
            guard !answer.isEmpty else {
                lines.append(wrap("key terms: " + item.keyTerms.joined(separator: "; "), width: width, indent: "    ", hanging: "      "))
                continue
            }
            let hit = terms.filter { term in
                item.response.map { $0.title == term && DebateWords.names($0, in: answer) } ?? false
                    || TextMatching.hits(term, in: answer)
            }
            // The response named and the warrant given: what a coach credits, whatever the wording.
            if let kind = item.response, hit.contains(kind.title), let warrant = item.warrant,
               TextMatching.hits(warrant, in: answer) {
                lines.append(wrap(style.green("credited: you named the \(kind.title.lowercased()) and its warrant"),
                                  width: width, indent: "    ", hanging: "      "))
            } else if item.response == .takeout, !hit.isEmpty, let warrant = item.warrant, TextMatching.hits(warrant, in: answer) {
                lines.append(wrap(style.green("credited: you made the answer and gave its warrant"),
                                  width: width, indent: "    ", hanging: "      "))
            }
            let missed = terms.filter { !hit.contains($0) }
            hitCount += hit.count
            termCount += terms.count
            if !hit.isEmpty { lines.append(wrap(style.green("hit: " + hit.joined(separator: "; ")), width: width, indent: "    ", hanging: "      ")) }
            if !missed.isEmpty { lines.append(wrap(style.dim("missed: " + missed.joined(separator: "; ")), width: width, indent: "    ", hanging: "      ")) }
        }
        if !answer.isEmpty { lines.append("You hit \(hitCount) of \(termCount) key terms.") }
        return lines
    }

    /// One line on why the right answer is right, for an automatically graded item.
    static func explanation(_ question: Question) -> String? {
        switch question {
        case .choice(let choice): choice.explanation
        case .cloze(let cloze): cloze.explanation
        case .recall, .speed: nil
        }
    }

    /// When a failed item comes back.
    static func comesBack(_ result: AnswerResult) -> String? {
        result.comesBackAt.map { "it comes back as item \($0) of this session" }
    }

    /// One line: how the answer scored; nil for a self-graded recall.
    static func verdict(_ result: AnswerResult, style: TextStyle) -> String? {
        switch (result.entry.item.question, result.reply) {
        case (.choice(let choice), .choice(let picked)):
            let answer = "\(Choice.letter(choice.answerIndex))) \(choice.answer)"
            return picked == choice.answerIndex
                ? style.green("right: \(answer)")
                : style.red("wrong: you chose \(Choice.letter(picked)); the answer is \(answer)")
        case (.cloze(let cloze), _):
            switch result.grade.verdict {
            case .correct: return style.green("right: \(cloze.answer)")
            case .close: return style.yellow("close: the missing words were: \(cloze.answer)")
            default: return style.red("wrong: the missing words were: \(cloze.answer)")
            }
        default:
            return nil
        }
    }

    /// The rating and the next due time: RFC 3339 for scripts, local time for people.
    static func schedule(_ result: AnswerResult, forPeople: Bool = false) -> String {
        let due = result.review.after.due
        let when = forPeople ? localTime(due, from: result.now) : RFC3339.string(from: due)
        return "rated \(result.grade.rating.name); due again \(relativeTime(due, from: result.now)) (\(when))"
    }

    static func summary(_ summary: SessionSummary, style: TextStyle, forPeople: Bool = false) -> [String] {
        let stopped: String = switch summary.end {
        case .finished: "done"
        case .quit: "stopped"
        case .interrupted: "interrupted"
        case .endOfInput: "input ended"
        case .badInput: "stopped on an unreadable line"
        }
        var answered = "answered \(summary.answered) of \(summary.planned) (\(stopped))"
        if let accuracy = summary.accuracy {
            answered += "; \(summary.right) right, \(summary.graded - summary.right) again: \(Int((accuracy * 100).rounded()))% accuracy"
        }
        var lines = [answered]
        if let speed = speedSummary(summary.speedReads) { lines.append(speed) }
        let next = summary.nextDue.map { due in
            "next due \(relativeTime(due, from: summary.now)) (\(forPeople ? localTime(due, from: summary.now) : RFC3339.string(from: due)))"
        }
            ?? "nothing scheduled yet"
        return lines + ["\(next); \(summary.dueNow) due now, \(summary.unseen) never seen"]
    }

    /// "read 4 cards at 231 wpm on average (fastest 262); the deck's target is 250 wpm".
    static func speedSummary(_ reads: [SpeedRead]) -> String? {
        guard let last = reads.last else { return nil }
        // Words over minutes, so a long card weighs as much as it takes to read.
        let average = Double(reads.map(\.words).reduce(0, +)) / reads.map(\.seconds).reduce(0, +) * 60
        let fastest = reads.map(\.wordsPerMinute).max() ?? average
        return "read \(reads.count) card\(reads.count == 1 ? "" : "s") at \(Int(average.rounded())) wpm on average "
            + "(fastest \(Int(fastest.rounded()))); the deck's target is \(last.targetWPM) wpm"
    }
}
