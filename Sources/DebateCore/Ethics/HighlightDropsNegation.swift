extension EvidenceCheck {
    /// Negations flip what is read aloud when skipped; qualifiers strengthen it.
    static let negations: Set<String> = ["not", "no", "never", "cannot", "nor", "neither", "without", "none", "nothing",
                                         "nobody", "hardly", "scarcely", "barely", "seldom", "rarely", "nowhere"]
    static let qualifiers: Set<String> = ["if", "unless", "may", "might", "could", "perhaps", "possibly", "unlikely"]
    /// Two-word cues: both words skipped.
    static let phraseCues: [[String]] = [["contrary", "to"], ["far", "from"], ["rather", "than"]]
    /// "not only X but Y": skipping "not only" keeps the meaning.
    static let notOnly: Set<String> = ["only", "just", "merely", "simply", "solely"]
    /// Negations that head a phrase rather than negate a verb.
    static let phrasalNegations: Set<String> = ["without", "no", "nor", "none", "nothing", "nobody", "nowhere", "neither"]
    /// Conditions: skipping the whole clause still drops the condition, so no scope rule applies.
    static let conditions: Set<String> = ["if", "unless"]
    /// Idioms that hold a cue word but qualify nothing: "if nothing else", "even if".
    static let idioms: [[String]] = [["if", "nothing", "else"], ["if", "anything"], ["even", "if"], ["as", "if"], ["if", "not"],
                                     ["no", "doubt"], ["no", "longer"], ["not", "least"], ["no", "less"],
                                     ["or", "not"], ["no", "matter"], ["nothing", "short"], ["not", "to", "mention"],
                                     ["if", "so"], ["not", "surprisingly"]]

    /// `highlight-drops-negation`: inside the read text, a negation or qualifier is left out while read
    /// words stand on both sides of it in the same sentence, so the card read aloud says more, or the
    /// opposite of, what its author says. A word like "isn't" read without its "n't" counts too.
    public static let highlightDropsNegation = EvidenceCheck(
        code: "highlight-drops-negation",
        summary: "the read text skips a negation or qualifier (not, no reason why, contrary to, if, may, …) between read words"
    ) { subject in
        let read = subject.read
        guard read.hasMarking else { return [] }
        let words = read.words
        var findings: [Diagnostic] = []
        var i = 0
        func readOnBothSides(_ first: Int, _ last: Int) -> Bool {
            let sentence = words[first].sentence
            let before = words[..<first].reversed().prefix { $0.sentence == sentence }.contains(where: \.isRead)
            let after = words[(last + 1)...].prefix { $0.sentence == sentence }.contains(where: \.isRead)
            return before && after
        }
        /// The cue sits in an aside nobody reads: between dashes or parentheses with nothing read inside.
        func inUnreadAside(_ index: Int) -> Bool {
            let chars = read.characters
            let offset = words[index].offset
            let openers: Set<Character> = ["(", "[", "—", "–"]
            var start = offset - 1
            while start >= 0, !openers.contains(chars[start]), !".!?".contains(chars[start]) { start -= 1 }
            guard start >= 0, openers.contains(chars[start]) else { return false }
            let closer: Set<Character> = chars[start] == "(" ? [")"] : chars[start] == "[" ? ["]"] : ["—", "–"]
            var end = offset
            while end < chars.count, !closer.contains(chars[end]), !".!?".contains(chars[end]) { end += 1 }
            guard end < chars.count, closer.contains(chars[end]) else { return false }
            return !words.contains { $0.offset > start && $0.offset < end && $0.isRead }
        }
        /// The read text itself says a negation next to the gap: "had not and somehow ⟦could not⟧ progress",
        /// "⟦offer little⟧ to no ⟦protection⟧".
        func negatedAnyway(_ index: Int) -> Bool {
            let sentence = words[index].sentence
            let isNegative: (ReadText.Word) -> Bool = {
                negations.contains($0.lowercased) || $0.lowercased.hasSuffix("n't") || $0.lowercased.hasSuffix("n’t")
                    || $0.lowercased == "little" || $0.lowercased == "few"
            }
            let after = words[(index + 1)...].prefix { $0.sentence == sentence }.filter(\.isRead).prefix(3)
            let before = words[..<index].reversed().prefix { $0.sentence == sentence }.filter(\.isRead).prefix(4)
            return after.contains(where: isNegative) || before.contains(where: isNegative)
        }
        /// What a negation or modal governs is read: one of the next three words of its clause is
        /// ("is not trying to ⟦conjure⟧" flips; "with no public oversight" skipped whole does not). A
        /// negation that heads a phrase (without, no, nor, contrary to, rather than, far from) governs
        /// the word right after it.
        func scopeIsRead(_ index: Int, last: Int) -> Bool {
            let phrasal = phrasalNegations.contains(words[index].lowercased) || last > index
            var k = last + 1
            var seen = 0
            while k < words.count, seen < (phrasal ? 1 : 3), words[k].sentence == words[index].sentence {
                let between = read.characters[(words[k - 1].offset + words[k - 1].text.count)..<words[k].offset]
                if between.contains(where: { ",;:—–()[]".contains($0) }) { return false }
                if words[k].isRead { return true }
                k += 1
                seen += 1
            }
            return false
        }
        /// "not by the Left, but by ⟦the Right⟧": a "but" soon after the negation says what is meant instead.
        func butFollows(_ index: Int) -> Bool {
            words[(index + 1)...].prefix(10).prefix { $0.sentence == words[index].sentence }.contains { $0.lowercased == "but" }
        }
        /// "not only X but Y" with "not only" skipped.
        func notOnlyBut(_ index: Int) -> Bool {
            index + 1 < words.count && notOnly.contains(words[index + 1].lowercased) && !words[index + 1].isRead
        }
        /// "not X but Y", "not only X but Y" with "not X but" skipped: what is read keeps the meaning.
        func notBut(_ index: Int) -> Bool {
            words[(index + 1)...].prefix { !$0.isRead && $0.sentence == words[index].sentence }
                .contains { $0.lowercased == "but" || $0.lowercased == "rather" || $0.lowercased == "instead" }
        }
        /// A negation in a clause nobody reads (between commas, semicolons, colons, dashes or
        /// parentheses): dropping the whole clause does not flip the clauses that are read.
        func inUnreadClause(_ index: Int) -> Bool {
            let chars = read.characters
            let stops: Set<Character> = [",", ";", ":", "—", "–", "(", ")", "[", "]", ".", "!", "?", "\n"]
            var start = words[index].offset - 1
            while start >= 0, !stops.contains(chars[start]) { start -= 1 }
            var end = words[index].offset
            while end < chars.count, !stops.contains(chars[end]) { end += 1 }
            return !words.contains { $0.offset > start && $0.offset < end && $0.isRead }
        }
        func inIdiom(_ index: Int) -> Bool {
            for idiom in idioms {
                for k in 0..<idiom.count {
                    let first = index - k
                    guard first >= 0, matches(idiom, at: first) else { continue }
                    if words[first..<(first + idiom.count)].allSatisfy({ !$0.isRead }) { return true }
                }
            }
            return false
        }
        func matches(_ cue: [String], at start: Int) -> Bool {
            guard start + cue.count <= words.count else { return false }
            for (k, part) in cue.enumerated() where words[start + k].lowercased != part { return false }
            return true
        }
        var droppedQualifiers: [(cue: String, index: Int)] = []
        func report(_ cue: String, kind: String, at index: Int, last: Int) {
            if kind == "qualifier" {
                droppedQualifiers.append((cue, index))
                return
            }
            let context = read.readContext(around: index)
            let flips = kind == "negation" ? "reverses" : "strengthens"
            findings.append(.warning(
                "card `\(subject.claim.id)`: the read text skips the \(kind) “\(cue)”: read aloud, “\(context.before) … \(context.after)” \(flips) what the author says",
                at: subject.location(at: words[index].offset),
                hint: "highlight “\(cue)” too, or re-cut the card so it does not read across it",
                code: "highlight-drops-negation"))
        }
        while i < words.count {
            let word = words[i]
            let lower = word.lowercased
            // "isn't" with "is" read and "n't" skipped.
            if word.isRead, lower.hasSuffix("n't") || lower.hasSuffix("n’t"), let last = word.readMask.last, !last {
                report(word.text, kind: "negation", at: i, last: i)
                i += 1
                continue
            }
            if let phrase = phraseCues.first(where: { matches($0, at: i) }) {
                let last = i + phrase.count - 1
                let span = words[i...last]
                let skipped = span.allSatisfy { !$0.isRead && $0.sentence == word.sentence }
                if skipped, readOnBothSides(i, last), scopeIsRead(i, last: last), !inUnreadAside(i), !inUnreadClause(i) {
                    report(phrase.joined(separator: " "), kind: "negation", at: i, last: last)
                }
                i = last + 1
                continue
            }
            if !word.isRead {
                let kind = negations.contains(lower) || lower.hasSuffix("n't") || lower.hasSuffix("n’t") ? "negation"
                    : qualifiers.contains(lower) ? "qualifier" : nil
                if let kind, readOnBothSides(i, i), !inUnreadAside(i), !inIdiom(i),
                   conditions.contains(lower) || scopeIsRead(i, last: i),
                   !(kind == "negation" && (negatedAnyway(i) || notBut(i) || notOnlyBut(i) || butFollows(i) || inUnreadClause(i))) {
                    report(word.text, kind: kind, at: i, last: i)
                }
            }
            i += 1
        }
        // Qualifiers are reported once per card, at the first: one cut usually drops several.
        if let first = droppedQualifiers.first {
            let context = read.readContext(around: first.index)
            let others = droppedQualifiers.count > 1 ? " and \(droppedQualifiers.count - 1) more (\(droppedQualifiers.dropFirst().prefix(4).map { "“\($0.cue)”" }.joined(separator: ", "))\(droppedQualifiers.count > 5 ? ", …" : ""))" : ""
            findings.append(.warning(
                "card `\(subject.claim.id)`: the read text skips the qualifier “\(first.cue)”\(others): read aloud, “\(context.before) … \(context.after)” claims more than the author does",
                at: subject.location(at: words[first.index].offset),
                hint: "highlight the qualifier, or tag the card as what it says (“could”, “may”, “if …”)",
                code: "highlight-drops-negation"))
        }
        return findings
    }
}
