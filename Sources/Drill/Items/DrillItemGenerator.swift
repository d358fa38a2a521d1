import DebateCore
import DeckModel

/// Turns a built deck into drill items. The questions themselves are fixed by the deck; only the
/// choice of distractors and their order come from the random generator, so a seed repeats them.
public struct DrillItemGenerator {
    public var deck: Deck
    public var graph: ArgumentGraph
    /// The deck's modules with the context the deck gave them, asked for their own drills.
    public var modules: [(module: any ArgumentModule, context: ModuleContext)]
    /// Choices shown by a multiple-choice item, the answer included.
    public var choiceCount = 4

    public init(deck: Deck, graph: ArgumentGraph, modules: [(module: any ArgumentModule, context: ModuleContext)]) {
        self.deck = deck
        self.graph = graph
        self.modules = modules
    }

    /// Every item, in deck order (block by block; module drills last), each id once.
    public func items<R: RandomNumberGenerator>(using random: inout R) -> [DrillItem] {
        outline(using: &random).map(item(for:))
    }

    /// Every item's id, kind and place, in the order and with the ids `items(using:)` gives, but with
    /// only the multiple-choice questions built: their distractors and order are drawn from `random` in
    /// deck order, so a seed picks the same ones whichever items a session goes on to ask. Recalls and
    /// clozes are built by `item(for:)`, for the items a session asks.
    public func outline<R: RandomNumberGenerator>(using random: inout R) -> [PendingDrillItem] {
        var items: [PendingDrillItem] = []
        var seen: Set<String> = []
        func add(_ item: PendingDrillItem?) {
            if let item, seen.insert(item.id).inserted { items.append(item) }
        }
        let cites = CitePool(deck.cards)
        for pocket in deck.pockets {
            for hat in pocket.hats {
                for block in hat.blocks {
                    // An A2 block's title is the opponent's tag, which the question shows anyway.
                    let context = [pocket.title, hat.title] + (block.answers == nil ? [block.title] : [])
                    add(pendingRecall(block, context: context))
                    for card in block.cards {
                        // Drawn even for a card seen in an earlier block, whose items are dropped: the
                        // stream then stays where a full build leaves it.
                        add(pendingResponse(card, context: context, using: &random))
                        add(pendingCite(card, pool: cites, context: context, using: &random))
                        add(pendingCloze(card, context: context))
                    }
                }
            }
        }
        for (module, moduleContext) in modules {
            for drill in module.drills(for: moduleContext, claims: graph.claims) {
                // Only the module as context: the claim's tag may well be the answer.
                let item = choiceItem(claimID: drill.claimID, kind: .module, kindName: "\(module.descriptor.id).\(drill.name)",
                                      context: [module.descriptor.title], prompt: drill.prompt, answer: drill.answer,
                                      distractors: drill.distractors, explanation: drill.explanation, using: &random)
                add(item.map(PendingDrillItem.init(built:)))
            }
        }
        return items
    }

    /// The item an outline entry stands for, exactly as `items(using:)` builds it.
    public func item(for pending: PendingDrillItem) -> DrillItem {
        switch pending.recipe {
        case .built(let item):
            return item
        case .response(let card, let target, let choices, let answerIndex):
            return response(card, target: target, choices: choices, answerIndex: answerIndex, context: pending.context)
        case .cite(let card, let citation, let choices, let answerIndex):
            return cite(card, citation, choices: choices, answerIndex: answerIndex, context: pending.context)
        case .recall(let block):
            // The outline keeps a recall only when its block answers a claim with cards.
            return recall(block, context: pending.context)!
        case .cloze(let card):
            // The outline keeps a cloze only when its card has a phrase to blank.
            return cloze(card, context: pending.context)!
        }
    }

    func pendingRecall(_ block: Block, context: [String]) -> PendingDrillItem? {
        guard let opponent = block.answers, !block.cards.isEmpty else { return nil }
        return PendingDrillItem(deck: deck.id, claimID: opponent.id, kind: .recall, context: context, recipe: .recall(block))
    }

    func pendingCloze(_ card: Card, context: [String]) -> PendingDrillItem? {
        guard let evidence = card.evidence, Self.canBlank(evidence) else { return nil }
        return PendingDrillItem(deck: deck.id, claimID: card.id, kind: .cloze, context: context, recipe: .cloze(card))
    }

    func recall(_ block: Block, context: [String]) -> DrillItem? {
        guard let opponent = block.answers, !block.cards.isEmpty else { return nil }
        let answers = block.cards.map { card in
            Recall.Answer(tag: card.tag, response: card.response, keyTerms: Self.keyTerms(card))
        }
        return DrillItem(deck: deck.id, claimID: opponent.id, kind: .recall, context: context,
                         question: .recall(Recall(claim: opponent.tag, answers: answers)))
    }

    /// A response-kind item with its choices drawn; its prompt is written when it is asked.
    func pendingResponse<R: RandomNumberGenerator>(_ card: Card, context: [String], using random: inout R) -> PendingDrillItem? {
        guard let kind = card.response, let target = card.answers,
              let drawn = drawChoices(answer: kind.title, distractors: Self.responsePools[kind]!, using: &random)
        else { return nil }
        return PendingDrillItem(deck: deck.id, claimID: card.id, kind: .response, context: context,
                                recipe: .response(card, target: target, choices: drawn.choices, answerIndex: drawn.answerIndex))
    }

    func response(_ card: Card, target: String, choices: [String], answerIndex: Int, context: [String]) -> DrillItem {
        let theirs = graph.claim(target)?.tag ?? target
        return DrillItem(deck: deck.id, claimID: card.id, kind: .response, context: context, question: .choice(Choice(
            prompt: "They say: \(theirs)\nWe say: \(card.tag)\nWhat kind of answer is this?",
            choices: choices, answerIndex: answerIndex, explanation: nil)))
    }

    /// A cite item with its choices drawn; its prompt and explanation are written when it is asked.
    func pendingCite<R: RandomNumberGenerator>(_ card: Card, pool: CitePool, context: [String], using random: inout R) -> PendingDrillItem? {
        guard let cite = card.cite else { return nil }
        // The pool holds the answer too; picking distractors leaves it out.
        let (label, form) = pool.answer(for: card, cite: cite)
        guard let drawn = drawChoices(answer: label, distractors: pool.pool, answerForm: form, using: &random) else { return nil }
        return PendingDrillItem(deck: deck.id, claimID: card.id, kind: .cite, context: context,
                                recipe: .cite(card, cite, choices: drawn.choices, answerIndex: drawn.answerIndex))
    }

    func cite(_ card: Card, _ cite: Citation, choices: [String], answerIndex: Int, context: [String]) -> DrillItem {
        DrillItem(deck: deck.id, claimID: card.id, kind: .cite, context: context, question: .choice(Choice(
            prompt: "Which source backs this tag?\n\(card.tag)", choices: choices, answerIndex: answerIndex,
            explanation: cite.oneLine)))
    }

    func cloze(_ card: Card, context: [String]) -> DrillItem? {
        guard let evidence = card.evidence, let (before, phrase, after) = Self.blank(evidence) else { return nil }
        return DrillItem(deck: deck.id, claimID: card.id, kind: .cloze, context: context,
                         question: .cloze(Cloze(tag: card.tag, before: before, answer: phrase, after: after)))
    }

    /// A multiple-choice item, or nil when no distractor is left once duplicates of the answer are dropped.
    func choiceItem<R: RandomNumberGenerator>(
        claimID: String, kind: DrillItem.Kind, kindName: String? = nil, context: [String], prompt: String,
        answer: String, distractors: [String], explanation: String?, using random: inout R
    ) -> DrillItem? {
        choiceItem(claimID: claimID, kind: kind, kindName: kindName, context: context, prompt: prompt, answer: answer,
                   distractors: DistractorPool(distractors), explanation: explanation, using: &random)
    }

    func choiceItem<R: RandomNumberGenerator>(
        claimID: String, kind: DrillItem.Kind, kindName: String? = nil, context: [String], prompt: String,
        answer: String, distractors: DistractorPool, answerForm: DistractorPool.Form? = nil, explanation: String?,
        using random: inout R
    ) -> DrillItem? {
        guard let (choices, index) = drawChoices(answer: answer, distractors: distractors, answerForm: answerForm,
                                                 using: &random) else { return nil }
        return DrillItem(deck: deck.id, claimID: claimID, kind: kind, kindName: kindName, context: context,
                         question: .choice(Choice(prompt: prompt, choices: choices, answerIndex: index, explanation: explanation)))
    }

    /// The answer among distractors, in the order shown, or nil when no distractor is left once
    /// duplicates of the answer are dropped.
    func drawChoices<R: RandomNumberGenerator>(answer: String, distractors: DistractorPool,
                                               answerForm: DistractorPool.Form? = nil,
                                               using random: inout R) -> (choices: [String], answerIndex: Int)? {
        let picked = Self.pickDistractors(distractors, excluding: answer, answerForm: answerForm,
                                          count: choiceCount - 1, using: &random)
        guard !picked.isEmpty else { return nil }
        var choices = [answer] + picked
        choices.shuffle(using: &random)
        return (choices, choices.firstIndex(of: answer)!)
    }

    /// Up to `count` distractors at random, none reading like the answer or like each other. A large
    /// pool (a library's cites) is sampled rather than scanned, so each item costs the same whatever
    /// the deck's size.
    static func pickDistractors<R: RandomNumberGenerator>(_ pool: [String], excluding answer: String, count: Int,
                                                          using random: inout R) -> [String] {
        pickDistractors(DistractorPool(pool), excluding: answer, count: count, using: &random)
    }

    /// `pickDistractors` over a pool whose comparable forms may be worked out once for many items.
    /// The candidates, the draws and the result are those of `ModuleDrill.distractors` and a shuffle.
    /// `answerForm`, when given, is `pool.form(of: answer)`.
    static func pickDistractors<R: RandomNumberGenerator>(_ pool: DistractorPool, excluding answer: String,
                                                          answerForm: DistractorPool.Form? = nil, count: Int,
                                                          using random: inout R) -> [String] {
        let choices = pool.choices
        let answerForm = answerForm ?? pool.form(of: answer)
        if choices.count > 64 {
            var seen: Set<DistractorPool.Form> = [answerForm]
            var picked: [String] = []
            for _ in 0..<(count * 8) where picked.count < count {
                let index = Int.random(in: choices.indices, using: &random)
                if seen.insert(pool.form(index)).inserted { picked.append(choices[index]) }
            }
            if picked.count == count { return picked }
        }
        // As `ModuleDrill.distractors(choices, excluding: answer)`: the first of each comparable form.
        var seen: Set<DistractorPool.Form> = [answerForm]
        var candidates = choices.indices.filter { seen.insert(pool.form($0)).inserted }.map { choices[$0] }
        candidates.shuffle(using: &random)
        return Array(candidates.prefix(count))
    }

    /// The wrong answers a response-kind question draws from, for each kind.
    static let responsePools: [ResponseKind: DistractorPool] = Dictionary(uniqueKeysWithValues: ResponseKind.allCases.map { kind in
        (kind, DistractorPool(ResponseKind.allCases.filter { $0 != kind }.map(\.title), precomputed: true))
    })

    /// The key terms of a counterclaim: its response kind, then its highlighted phrases (or, for an
    /// analytic without evidence, its tag).
    static func keyTerms(_ card: Card) -> [String] {
        let phrases = card.evidence.map(highlightedPhrases) ?? []
        return phrases.isEmpty ? [card.tag] : phrases
    }

    /// The highlighted stretches of an evidence body, trimmed of punctuation and spacing.
    static func highlightedPhrases(_ evidence: EvidenceBody) -> [String] {
        var phrases: [String] = []
        var current = ""
        for run in evidence.runs {
            if run.highlight {
                current += run.text
            } else if !current.isEmpty {
                phrases.append(current)
                current = ""
            }
        }
        if !current.isEmpty { phrases.append(current) }
        return phrases.map(trimmed).filter { !TextMatching.contentWords($0).isEmpty }
    }

    /// A highlighted phrase to blank, split out of the evidence text: before, phrase, after. Phrases of
    /// two to four words are preferred (long enough to mean something, short enough to type), then
    /// those with more content words; a highlight of seven words or more is never blanked whole, but
    /// its emphasised words may be.
    static func blank(_ evidence: EvidenceBody) -> (String, String, String)? {
        let (text, candidates) = blankCandidates(evidence)
        // Each candidate measured once: (range, preferred length?, content words), the earlier first.
        let scored = candidates.compactMap { range in score(text, range).map { (range: range, preferred: $0.preferred, content: $0.content) } }
        var best: (range: Range<Int>, preferred: Bool, content: Int)?
        for candidate in scored {
            // Only a strictly better score replaces the earlier phrase.
            if let current = best, (current.preferred ? 1 : 0, current.content) >= (candidate.preferred ? 1 : 0, candidate.content) { continue }
            best = candidate
        }
        guard let best = best?.range else { return nil }
        // The punctuation trimmed off the phrase stays outside the blank.
        let kept = trimmedRange(text, best)
        return (String(text[..<kept.lowerBound]), String(text[kept]), String(text[kept.upperBound...]))
    }

    /// Whether `blank` finds a phrase to blank, without splitting the text.
    static func canBlank(_ evidence: EvidenceBody) -> Bool {
        guard runsKeepCharacterBoundaries(evidence.runs) else {
            let (text, candidates) = blankCandidates(evidence)
            return candidates.contains { score(text, $0) != nil }
        }
        // Each run's characters are the text's: the candidates are its runs, no need for the whole text.
        func blankable(_ phrase: String) -> Bool {
            let characters = Array(phrase)
            return score(characters, 0..<characters.count) != nil
        }
        var highlighted: String?
        for run in evidence.runs {
            if run.highlight {
                highlighted = (highlighted ?? "") + run.text
                if run.emphasis, blankable(run.text) { return true }
            } else if let phrase = highlighted {
                if blankable(phrase) { return true }
                highlighted = nil
            }
        }
        return highlighted.map(blankable) ?? false
    }

    /// Whether the evidence text, as characters, is its runs' characters end to end: true when every
    /// run meets the next between two ASCII characters other than CR LF, which never join into one.
    static func runsKeepCharacterBoundaries(_ runs: [EvidenceBody.Run]) -> Bool {
        var previousLast: Unicode.Scalar?
        for run in runs {
            guard let first = run.text.unicodeScalars.first else { continue }
            if let last = previousLast {
                guard last.isASCII, first.isASCII, !(last == "\r" && first == "\n") else { return false }
            }
            previousLast = run.text.unicodeScalars.last
        }
        return true
    }

    /// A candidate phrase's score, or nil when it is not one to blank: one to six words, some of them content.
    static func score(_ text: [Character], _ range: Range<Int>) -> (preferred: Bool, content: Int)? {
        let phrase = String(text[trimmedRange(text, range)])
        let words = wordCount(phrase)
        guard (1...6).contains(words) else { return nil }
        let content = TextMatching.contentWords(phrase).count
        guard content > 0 else { return nil }
        return ((2...4).contains(words), content)
    }

    /// The evidence text as characters, and the ranges `blank` considers: the highlighted stretches, then
    /// the emphasised runs within them.
    static func blankCandidates(_ evidence: EvidenceBody) -> (text: [Character], ranges: [Range<Int>]) {
        var spans: [Range<Int>] = []   // character offsets into the evidence text
        var offset = 0
        var highlightStart: Int?
        var emphasis: [Range<Int>] = []
        for run in evidence.runs {
            let length = run.text.count
            if run.highlight {
                if highlightStart == nil { highlightStart = offset }
                if run.emphasis { emphasis.append(offset..<offset + length) }
            } else if let start = highlightStart {
                spans.append(start..<offset)
                highlightStart = nil
            }
            offset += length
        }
        if let start = highlightStart { spans.append(start..<offset) }
        return (Array(evidence.text), spans + emphasis)
    }

    static func trimmed(_ text: String) -> String {
        let characters = Array(text)
        return String(characters[trimmedRange(characters, 0..<characters.count)])
    }

    /// `range` without the spacing and punctuation at either end.
    static func trimmedRange(_ characters: [Character], _ range: Range<Int>) -> Range<Int> {
        func isWordCharacter(_ index: Int) -> Bool { characters[index].isLetter || characters[index].isNumber }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, !isWordCharacter(lower) { lower += 1 }
        while upper > lower, !isWordCharacter(upper - 1) { upper -= 1 }
        // A quotation mark or parenthesis closed inside the phrase keeps its opening one, and vice versa.
        for (open, close) in [("“", "”"), ("(", ")")] as [(Character, Character)] {
            let inside = characters[lower..<upper]
            if inside.contains(close), !inside.contains(open), lower > range.lowerBound, characters[lower - 1] == open { lower -= 1 }
            if inside.contains(open), !inside.contains(close), upper < range.upperBound, characters[upper] == close { upper += 1 }
        }
        return lower..<upper
    }
}
