import DebateCore
import DeckModel

/// A highlighted phrase of a card's evidence blanked out, typed back. The blank is content (names and
/// numbers first, then the key words of the highlighting), and never a phrase the screen gives away:
/// a phrase whose every content word appears in the tag, the context or the rest of the card is not
/// blanked.
struct ClozeDrills: DrillSource {
    func outline<R: RandomNumberGenerator>(card: Card, context: [String], in deck: DrillDeck, using random: inout R) -> [PendingDrillItem] {
        guard let evidence = card.evidence, Self.canBlank(evidence),
              let (before, phrase, after) = Self.blank(evidence, shown: [card.tag] + context) else { return [] }
        let deckID = deck.id
        return [PendingDrillItem(deck: deckID, claimID: card.id, kind: .cloze, context: context) {
            DrillItem(deck: deckID, claimID: card.id, kind: .cloze, context: context,
                      question: .cloze(Cloze(tag: card.tag, before: before, answer: phrase, after: after,
                                             explanation: Self.explanation(before: before, answer: phrase, after: after))))
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
        let (text, candidates) = blankCandidates(evidence)
        let shownStems = Set(shown.flatMap(TextMatching.contentWords).map(TextMatching.stem))
        // Pieces of the text as Strings, cut from one String rather than joined Character by Character
        // (which cost more than the rest of a quiz's start), when its Characters are the array's.
        let whole = evidence.text  // `text` is its Characters
        var bounds = Array(whole.indices)
        bounds.append(whole.endIndex)
        let aligned = bounds.count == text.count + 1
        func piece(_ range: Range<Int>) -> String {
            aligned ? String(whole[bounds[range.lowerBound]..<bounds[range.upperBound]]) : String(text[range])
        }
        var best: (range: Range<Int>, score: (Int, Int, Int))?
        for range in candidates {
            guard let score = score(text, range) else { continue }
            let kept = EvidenceText.trimmedRange(text, range)
            let key = (Self.hasNameOrNumber(text, kept) ? 1 : 0, score.preferred ? 1 : 0, score.content)
            // Only a strictly better score replaces the earlier phrase. (Asked before the words
            // elsewhere in the card are worked out, which cost more than the rest of a quiz's start.)
            if let current = best, current.score >= key { continue }
            let stems = Set(TextMatching.contentWords(piece(kept)).filter { !Self.functionWords.contains($0) }.map(TextMatching.stem))
            if stems.isEmpty { continue }
            // Every stem is shown, or is the stem of some word of the rest of the card. A stem is a
            // word with an ending cut off, so only words it begins need stemming.
            var unmatched = stems.subtracting(shownStems)
            if unmatched.isEmpty { continue }
            let rest = piece(0..<kept.lowerBound) + " " + piece(kept.upperBound..<text.count)
            for word in TextMatching.contentWords(rest) where unmatched.contains(where: { word.hasPrefix($0) }) {
                unmatched.remove(TextMatching.stem(word))
                if unmatched.isEmpty { break }
            }
            if unmatched.isEmpty { continue }
            best = (range, key)
        }
        guard let best = best?.range else { return nil }
        // The punctuation trimmed off the phrase stays outside the blank.
        let kept = EvidenceText.trimmedRange(text, best)
        return (piece(0..<kept.lowerBound), piece(kept), piece(kept.upperBound..<text.count))
    }

    /// Words that carry no content of their own: a blank must hold some other word ("no reason why" is not a blank).
    static let functionWords: Set<String> = [
        "why", "how", "what", "when", "where", "which", "who", "whom", "whose", "very", "much", "more", "most",
        "also", "such", "into", "about", "only", "even", "quite", "some", "many", "other", "reason", "way",
        "thing", "things", "may", "might", "could", "must", "being", "if", "because", "while", "yet", "still",
    ]

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
        let phrase = String(text[EvidenceText.trimmedRange(text, range)])
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
}
