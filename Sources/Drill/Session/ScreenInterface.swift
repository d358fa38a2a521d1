/// The terminal face: a clean screen per item with the deck, the block it comes from and progress,
/// colors unless NO_COLOR, re-asking on a typo, and a pause to read the right answer.
public struct ScreenInterface: QuizInterface {
    var output = Output()
    var input = LineInput()
    let style: TextStyle
    var deckTitle = ""
    /// How the previous item went, shown at the top of the next screen.
    var previous: String?

    public init(style: TextStyle) {
        self.style = style
    }

    var width: Int { min(output.width, 100) }

    public mutating func begin(_ header: SessionHeader) {
        deckTitle = header.deckTitle
        let plan = header.plan
        previous = "\(plan.entries.count) items this session: \(plan.dueCount) due, \(plan.newCount) new"
            + " (\(plan.availableDue) due and \(plan.availableNew) new in all). Progress is saved after every answer."
        if !plan.entries.isEmpty, plan.entries.allSatisfy({ $0.item.kind == .speed }) {
            previous = "\(plan.entries.count) cards to read aloud against the clock. Each reading is saved to the speed history."
        }
    }

    mutating func draw(_ entry: QuizPlan.Entry, number: Int, of total: Int) {
        output.clearScreen()
        draw(header: entry, number: number, of: total)
        for line in ItemText.question(entry.item, style: style, width: width) { output.line(line) }
        output.line()
    }

    /// The title, the item's place, the previous answer's note and the item's kind.
    mutating func draw(header entry: QuizPlan.Entry, number: Int, of total: Int) {
        let counter = "\(number) of \(total)"
        let title = "debate quiz · \(deckTitle)"
        let gap = max(2, width - visibleWidth(title) - visibleWidth(counter))
        output.line(style.bold(title) + String(repeating: " ", count: gap) + style.cyan(counter))
        output.line(style.dim(wrap(entry.item.context.joined(separator: " › "), width: width)))
        output.line(style.dim(String(repeating: "─", count: width)))
        if let previous { output.line(style.dim(wrap(previous, width: width))) }
        output.line()
        output.line(style.inverse(" \(ItemText.kindLabel(entry)) "))
        output.line()
    }

    /// Reads until `accept` takes a line, saying what it wants after a typo; nil when input ends or Ctrl-C.
    mutating func read<T>(_ prompt: String, expecting: String, _ accept: (String) -> T?) -> T? {
        while true {
            output.write(style.bold(prompt) + " › ")
            guard let line = input.next() else { return nil }
            if let value = accept(line) { return value }
            output.line(style.red("Type \(expecting).") + style.dim(" q stops the quiz; your answers so far are saved."))
        }
    }

    var endedEarly: Asked { .ended(Interruption.happened ? .interrupted : .endOfInput) }

    public mutating func ask(_ entry: QuizPlan.Entry, number: Int, of total: Int) -> Asked {
        draw(entry, number: number, of: total)
        switch entry.item.question {
        case .choice(let choice):
            let range = Question.choiceRange(choice.choices.count)
            let reply = read("Your choice (\(range), q stops)", expecting: "a letter, \(range)") { line -> Reply? in
                let text = line.trimmingCharacters(in: .whitespaces)
                if Question.isQuit(text) { return .quit }
                return Question.choiceIndex(text, count: choice.choices.count).map(Reply.choice)
            }
            return reply.map(Asked.reply) ?? endedEarly
        case .cloze:
            guard let line = input.nextPrompted("The missing words (Enter if you don't know, q stops) › ", output, style) else { return endedEarly }
            let text = line.trimmingCharacters(in: .whitespaces)
            return .reply(Question.isQuit(text) ? .quit : .text(text))
        case .speed(let speed):
            return timeReading(entry, speed, number: number, of: total)
        case .recall(let recall):
            guard let line = input.nextPrompted("Your answer, in your own words (Enter to reveal, q stops) › ", output, style)
            else { return endedEarly }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if Question.isQuit(answer) { return .reply(.quit) }
            output.line()
            for line in ItemText.reveal(recall, answer: answer, style: style, width: width) { output.line(line) }
            output.line()
            let grade = read("Grade: 1 again · 2 hard · 3 good · 4 easy (q stops)",
                             expecting: "1, 2, 3 or 4 (or again, hard, good, easy)") { line -> Reply? in
                let text = line.trimmingCharacters(in: .whitespaces)
                if Question.isQuit(text) { return .quit }
                return Rating(parsing: text).map { .graded($0, answer: answer) }
            }
            return grade.map(Asked.reply) ?? endedEarly
        }
    }

    public mutating func show(_ result: AnswerResult) -> Bool {
        let schedule = ItemText.schedule(result, forPeople: true)
        if case .recall = result.entry.item.question {
            previous = "Saved: \(schedule)." + (ItemText.comesBack(result).map { " Missed: \($0)." } ?? "")
            return true
        }
        output.line()
        if let verdict = ItemText.verdict(result, style: style) {
            let mark = switch result.grade.verdict {
            case .correct: style.green("✓ ")
            case .close: style.yellow("≈ ")
            default: style.red("✗ ")
            }
            output.line(wrap(mark + verdict, width: width, hanging: "  "))
        }
        if let explanation = ItemText.explanation(result.entry.item.question) {
            output.line(style.dim(wrap("Why: " + explanation, width: width)))
        }
        output.line(style.dim(schedule))
        if let back = ItemText.comesBack(result) { output.line(style.yellow(wrap("Missed: " + back + ".", width: width))) }
        previous = nil
        output.line()
        guard let line = input.nextPrompted("Enter for the next item, q stops › ", output, style) else { return false }
        return !Question.isQuit(line.trimmingCharacters(in: .whitespaces))
    }

    /// The tag and the length first; Enter shows the text and starts the clock, Enter at the last word stops it.
    mutating func timeReading(_ entry: QuizPlan.Entry, _ speed: Speed, number: Int, of total: Int) -> Asked {
        while true {
            output.clearScreen()
            draw(header: entry, number: number, of: total)
            output.line(wrap("Tag: " + style.bold(speed.tag), width: width))
            output.line()
            output.line(style.dim(wrap("Read the tag, the cite and the highlighted text aloud, as in a round.", width: width)))
            guard let go = input.nextPrompted("Enter shows the card and starts the clock (q stops) › ", output, style) else { return endedEarly }
            if Question.isQuit(go.trimmingCharacters(in: .whitespaces)) { return .reply(.quit) }
            let start = ContinuousClock.now
            draw(entry, number: number, of: total)
            guard let done = input.nextPrompted("Enter at the last word (q stops) › ", output, style) else { return endedEarly }
            if Question.isQuit(done.trimmingCharacters(in: .whitespaces)) { return .reply(.quit) }
            if case .success(let seconds) = SpeedTiming.seconds(start: .arrival(start), finish: .arrival(ContinuousClock.now)) {
                return .reply(.timed(seconds: seconds))
            }
            previous = "That was under a second, so it was not timed. Press Enter as you start reading, and again at the last word."
        }
    }

    public mutating func show(_ result: SpeedResult) -> Bool {
        let wpm = result.read.wordsPerMinute
        let mark = wpm >= Double(result.read.targetWPM) ? style.green("✓ ") : style.yellow("≈ ")
        output.line()
        output.line(wrap(mark + ItemText.speedVerdict(result), width: width, hanging: "  "))
        output.line(style.dim("Saved to the speed history (debate quiz stats shows it)."))
        previous = nil
        output.line()
        guard let line = input.nextPrompted("Enter for the next card, q stops › ", output, style) else { return false }
        return !Question.isQuit(line.trimmingCharacters(in: .whitespaces))
    }

    public mutating func finish(_ summary: SessionSummary) {
        output.line()
        output.line()
        output.line(style.bold("debate quiz · \(deckTitle)"))
        for line in ItemText.summary(summary, style: style, forPeople: true) { output.line(line) }
    }
}

extension LineInput {
    mutating func nextPrompted(_ prompt: String, _ output: Output, _ style: TextStyle) -> String? {
        output.write(style.bold(prompt))
        return next()
    }
}
