/// The plain line protocol, for scripts and tests: the item as plain text, then one line of input —
/// `1`–`4` (optionally followed by your answer) for a recall, `a`–`d` for a choice, the missing words
/// for a cloze, `q` to quit. A line it cannot read ends the session (the answers before it are kept).
public struct LineInterface: QuizInterface {
    var output = Output()
    var input = LineInput()
    let style = TextStyle(color: false)
    let width = Int.max

    public init() {}

    public mutating func begin(_ header: SessionHeader) {
        let plan = header.plan
        output.line("deck \(header.deckID): \(plan.itemCount) items, \(plan.availableDue) due, \(plan.availableNew) new; "
                    + "this session \(plan.entries.count) (\(plan.dueCount) due, \(plan.newCount) new)")
        output.line("answer one line per item: 1-4 grades a recall (then your answer, optional), a-d picks a choice, "
                    + "a cloze takes the missing words, q quits"
                    + (plan.entries.contains { $0.item.kind == .speed }
                        ? "; a speed reading takes two lines, its start and its finish (empty: now; or an RFC 3339 time; or the finish as seconds, 41.5s)"
                        : ""))
    }

    public mutating func ask(_ entry: QuizPlan.Entry, number: Int, of total: Int) -> Asked {
        output.line()
        let status = entry.item.kind == .speed ? "timed" : entry.isRetry ? "again" : entry.isNew ? "new" : "due"
        output.line("item \(number)/\(total) [\(entry.item.kind.rawValue), \(status)] \(entry.item.id)")
        output.line("context: " + entry.item.context.joined(separator: " › "))
        for line in ItemText.question(entry.item, style: style, width: width) where !line.isEmpty { output.line(line) }
        output.line(prompt(entry.item.question))
        if case .speed = entry.item.question { return timeReading() }
        guard let line = input.next() else { return .ended(Interruption.happened ? .interrupted : .endOfInput) }
        switch entry.item.question.parseLine(line) {
        case .success(let reply): return .reply(reply)
        case .failure(let error): return .ended(.badInput(line: input.lineNumber, message: error.message))
        }
    }

    /// Two lines: the start and the finish of a speed reading (`SpeedTiming`).
    mutating func timeReading() -> Asked {
        var marks: [SpeedTiming.Mark] = []
        for finish in [false, true] {
            guard let line = input.next() else { return .ended(Interruption.happened ? .interrupted : .endOfInput) }
            let arrival = ContinuousClock.now
            if Question.isQuit(line.trimmingCharacters(in: .whitespaces)) { return .reply(.quit) }
            switch SpeedTiming.mark(line, arrival: arrival, finish: finish) {
            case .success(let mark): marks.append(mark)
            case .failure(let error): return .ended(.badInput(line: input.lineNumber, message: error.message))
            }
        }
        switch SpeedTiming.seconds(start: marks[0], finish: marks[1]) {
        case .success(let seconds): return .reply(.timed(seconds: seconds))
        case .failure(let error): return .ended(.badInput(line: input.lineNumber, message: error.message))
        }
    }

    func prompt(_ question: Question) -> String {
        switch question {
        case .choice(let choice): "answer: \(Question.choiceRange(choice.choices.count))"
        case .cloze: "answer: the missing words (an empty line if you do not know)"
        case .recall: "answer: a grade 1-4 (again, hard, good, easy), then your answer if you like"
        case .speed: "answer: two lines, when you start reading aloud and when you finish: empty lines (now), "
            + "RFC 3339 times, or the finish as the seconds it took (41.5s)"
        }
    }

    public mutating func show(_ result: SpeedResult) -> Bool {
        output.line("result: " + ItemText.speedVerdict(result))
        return true
    }

    public mutating func show(_ result: AnswerResult) -> Bool {
        if case .recall(let recall) = result.entry.item.question, case .graded(_, let answer) = result.reply {
            for line in ItemText.reveal(recall, answer: answer, style: style, width: width) { output.line(line) }
        } else if let explanation = ItemText.explanation(result.entry.item.question) {
            output.line("why: " + explanation)
        }
        output.line("result: " + [ItemText.verdict(result, style: style), ItemText.schedule(result), ItemText.comesBack(result)]
            .compactMap { $0 }.joined(separator: "; "))
        return true
    }

    public mutating func finish(_ summary: SessionSummary) {
        output.line()
        for line in ItemText.summary(summary, style: style) { output.line("summary: " + line) }
    }
}
