import DebateCore
import DeckModel

/// A highlighted phrase of a card's evidence blanked out, typed back. The blank is content (names and
/// numbers first, then the key words of the highlighting): filler words (adverbs such as "seldom",
/// intensifiers such as "crucial", function words) are never blanked, alone or at a blank's edge
/// (`ClozeWords`); and never a phrase the screen gives away: a phrase whose every key word appears in
/// the tag, the context or the rest of the card is not blanked.
struct ClozeDrills: DrillSource {
    func recipes(card: Card, context: [String], in deck: DrillDeck) -> [DrillRecipe] {
        guard let evidence = card.evidence, Self.canBlank(evidence) else { return [] }
        // A tag that paraphrases its highlighting (as the negative's do) gives every blank away; the
        // card is then asked without its tag, by its place in the deck.
        guard let (blanked, showsTag) = Self.blank(evidence, shownFirst: [card.tag] + context, thenShown: context) else { return [] }
        let (before, phrase, after) = blanked
        // The explanation is worked out when the item is asked (`ItemTemplate.item`), from the blank.
        return [DrillRecipe(claimID: card.id, kind: .cloze, draw: .nothing) { [showsTag] in
            ItemTemplate(context: context, question: .cloze(Cloze(tag: card.tag, before: before, answer: phrase, after: after,
                                                                  explanation: nil, showsTag: showsTag)))
        }]
    }

    /// The sentence the blank sits in, as the card reads it.
    static func explanation(before: String, answer: String, after: String) -> String {
        // A full stop ends a sentence when a space follows and it does not close an abbreviation ("U.S.").
        func ends(_ text: [Character], _ index: Int) -> Bool {
            let character = text[index]
            if character == "\n" { return true }
            guard ".!?".contains(character), index + 1 >= text.count || text[index + 1] == " " else { return false }
            return character != "." || index < 1 || !(text[index - 1].isUppercase && (index < 2 || !text[index - 2].isLetter || text[index - 2] == "."))
        }
        let head = Array(before), tail = Array(after)
        var start = head.count
        while start > 0, !ends(head, start - 1) { start -= 1 }
        var end = 0
        while end < tail.count, !ends(tail, end) { end += 1 }
        if end < tail.count { end += 1 }
        let sentence = (String(head[start...]) + "[" + answer + "]" + String(tail[..<end])).trimmingCharacters(in: .whitespacesAndNewlines)
        return "The card reads: “\(sentence)”"
    }

    /// A highlighted phrase to blank, split out of the evidence text: before, phrase, after. Phrases
    /// with a name or number are preferred, then phrases of two to four words (long enough to mean
    /// something, short enough to type), then those with more content words; a highlight of seven
    /// words or more is never blanked whole, but its emphasised words may be. A phrase whose content
    /// words all appear in `shown` or elsewhere in the evidence is never chosen.
    static func blank(_ evidence: EvidenceBody, shown: [String] = []) -> (String, String, String)? {
        blank(evidence, shownFirst: shown, thenShown: nil)?.blank
    }

    /// `blank(evidence, shown: shownFirst)`, else (when given) `blank(evidence, shown: thenShown)`, with
    /// the candidates ranked once; `first` tells which one gave the blank.
    static func blank(_ evidence: EvidenceBody, shownFirst: [String], thenShown: [String]?)
        -> (blank: (String, String, String), first: Bool)? {
        let (text, candidates, markedCount) = blankCandidates(evidence)
        // Each candidate's rank first (cheap), then the best-ranked ones are checked against the screen
        // until one passes: the costlier check runs for a few candidates, not all of them.
        var ranked: [(range: Range<Int>, kept: Range<Int>, key: (Int, Int, Int), order: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            // Filler at either end ("curiously", "in their", "crucial") stays outside the blank.
            guard let range = keyRange(text, candidate), let score = score(text, range) else { continue }
            let kept = EvidenceText.trimmedRange(text, range)
            // The card's own marks (a highlight, an emphasis) with a name or number first; then a name of
            // two words or a number found inside a long highlight; then marked phrases of two to four
            // words; then the rest. A lone name ("Minsk" in a Belarus deck) comes last.
            let named = Self.hasNameOrNumber(text, kept)
            let found = index >= markedCount
            let tier = !found && named && score.preferred ? 4
                : found && (wordRanges(text, kept).count > 1 || text[kept].contains(where: \.isNumber)) ? 3
                : !found && score.preferred ? 2 : !found ? 1 : 0
            ranked.append((range, kept, (tier, score.preferred ? 1 : 0, score.content), index))
        }
        // Best rank first; among equals the earlier phrase.
        ranked.sort { ($0.key.0, $0.key.1, $0.key.2, -$0.order) > ($1.key.0, $1.key.1, $1.key.2, -$1.order) }
        var totalStems: [String: Int]?
        func stemCounts(_ text: String) -> [String: Int] {
            TextMatching.contentWords(text).reduce(into: [:]) { $0[TextMatching.stem($1), default: 0] += 1 }
        }
        // Elsewhere in the card: the text's stems counted once, less the phrase's own.
        var inside = [[String: Int]?](repeating: nil, count: ranked.count)
        var stems = [Set<String>?](repeating: nil, count: ranked.count)
        func pick(_ shown: [String]) -> Range<Int>? {
            let shownStems = Set(shown.flatMap(TextMatching.contentWords).map(TextMatching.stem))
            for (number, candidate) in ranked.enumerated() {
                // The phrase's key words, worked out only for the candidates the ranking reaches.
                if stems[number] == nil {
                    stems[number] = Set(TextMatching.words(String(text[candidate.kept])).filter { !ClozeWords.isFiller($0) }.map(TextMatching.stem))
                }
                guard let candidateStems = stems[number], !candidateStems.isEmpty else { continue }
                if totalStems == nil { totalStems = stemCounts(evidence.text) }
                if inside[number] == nil { inside[number] = stemCounts(String(text[EvidenceText.trimmedRange(text, candidate.range)])) }
                let own = inside[number] ?? [:]
                if candidateStems.allSatisfy({ shownStems.contains($0) || (totalStems?[$0] ?? 0) > (own[$0] ?? 0) }) { continue }
                return candidate.range
            }
            return nil
        }
        var first = true
        var chosen = pick(shownFirst)
        if chosen == nil, let thenShown {
            first = false
            chosen = pick(thenShown)
        }
        guard let best = chosen else { return nil }
        // The punctuation trimmed off the phrase stays outside the blank.
        let kept = EvidenceText.trimmedRange(text, best)
        return ((String(text[..<kept.lowerBound]), String(text[kept]), String(text[kept.upperBound...])), first)
    }

    /// `range` without the filler words at either end, or nil when it holds no key word. A lone word is
    /// a key word only when it is a name or a number, or a content word of five letters or more that
    /// does not read as an adjective ("effective": any word of praise would fit the blank).
    static func keyRange(_ text: [Character], _ range: Range<Int>) -> Range<Int>? {
        let words = wordRanges(text, range)
        guard let first = words.firstIndex(where: { !ClozeWords.isEdgeFiller(word(text, $0)) }),
              let last = words.lastIndex(where: { !ClozeWords.isEdgeFiller(word(text, $0)) }) else { return nil }
        let kept = words[first].lowerBound..<words[last].upperBound
        let inside = words[first...last].map { word(text, $0) }
        guard inside.contains(where: { !ClozeWords.isFiller($0) }) else { return nil }
        if first == last {
            let only = inside[0]
            guard hasNameOrNumber(text, kept) || (only.count >= 5 && !ClozeWords.isAdjectiveLike(only)) else { return nil }
        }
        return EvidenceText.trimmedRange(text, kept)
    }

    /// The words of `range`: letters and digits, joined by apostrophes and hyphens.
    static func wordRanges(_ text: [Character], _ range: Range<Int>) -> [Range<Int>] {
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        var ranges: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard isWord(text[index]) else { index += 1; continue }
            let start = index
            while index < range.upperBound, isWord(text[index])
                    || ("'’-".contains(text[index]) && index + 1 < range.upperBound && isWord(text[index + 1])) {
                index += 1
            }
            ranges.append(start..<index)
        }
        return ranges
    }

    /// A word as `TextMatching.words` has it: lower-cased, without apostrophes and hyphens.
    static func word(_ text: [Character], _ range: Range<Int>) -> String {
        TextMatching.words(String(text[range])).joined()
    }

    /// The names and numbers inside a highlighted stretch too long to blank whole: "Ilham Aliyev", "2020".
    static func namesAndNumbers(_ text: [Character], _ range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var current: Range<Int>?
        for word in wordRanges(text, range) {
            // A lone capital ("U" of "U.S.") is an abbreviation's letter, not a name.
            if word.count > 1, hasNameOrNumber(text, word) {
                current = current.map { $0.lowerBound..<word.upperBound } ?? word
            } else if let run = current {
                found.append(run)
                current = nil
            }
        }
        if let current { found.append(current) }
        return found
    }

    /// Whether a phrase holds a number, or a capitalised word that does not start a sentence (a name).
    static func hasNameOrNumber(_ text: [Character], _ range: Range<Int>) -> Bool {
        for index in range {
            let character = text[index]
            if character.isNumber { return true }
            guard character.isUppercase, index == range.lowerBound || !text[index - 1].isLetter else { continue }
            // The first letter of the text or of a sentence is capitalised anyway.
            var previous = index - 1
            while previous >= 0, text[previous] == " " || text[previous] == "“" || text[previous] == "\"" { previous -= 1 }
            if previous >= 0, ![".", "!", "?", "\n"].contains(text[previous]) { return true }
        }
        return false
    }

    /// Whether some highlighted phrase is of a length and kind to blank, without splitting the text: a
    /// fast test every card is put to; `blank` then rules out what the screen shows.
    static func canBlank(_ evidence: EvidenceBody) -> Bool {
        guard runsKeepCharacterBoundaries(evidence.runs) else {
            let (text, candidates, _) = blankCandidates(evidence)
            return candidates.contains { keyRange(text, $0).flatMap { score(text, $0) } != nil }
        }
        // Each run's characters are the text's: the candidates are its runs, no need for the whole text.
        // A capital or a digit past the phrase's first letter may be a name or number to blank.
        func blankable(_ phrase: String) -> Bool {
            let characters = Array(phrase)
            if characters.dropFirst().contains(where: { $0.isUppercase || $0.isNumber }) || characters.first?.isNumber == true { return true }
            return keyRange(characters, 0..<characters.count).flatMap { score(characters, $0) } != nil
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
        let phrase = String(text[EvidenceText.trimmedRange(text, range)])
        let words = wordCount(phrase)
        guard (1...6).contains(words) else { return nil }
        let content = TextMatching.contentWords(phrase).count
        guard content > 0 else { return nil }
        return ((2...4).contains(words), content)
    }

    /// The evidence text as characters, and the ranges `blank` considers: the highlighted stretches, then
    /// the emphasised runs within them.
    static func blankCandidates(_ evidence: EvidenceBody) -> (text: [Character], ranges: [Range<Int>], marked: Int) {
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
        let text = Array(evidence.text)
        // Names and numbers inside a highlight too long to blank whole (a short one is a candidate itself).
        let long = spans.filter { wordCount(String(text[$0])) > 6 }
        return (text, spans + emphasis + long.flatMap { namesAndNumbers(text, $0) }, spans.count + emphasis.count)
    }
}
