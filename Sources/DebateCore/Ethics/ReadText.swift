/// A card's words with what is read aloud marked: the highlighted words when the card has any
/// highlighting, else the underlined ones, else all of it (DEBATE.md §5).
public struct ReadText: Sendable {
    public struct Word: Sendable {
        /// The word as written, apostrophes kept: "isn't".
        public var text: String
        /// Offset of its first Character in the evidence's plain text.
        public var offset: Int
        /// How many of its Characters are read aloud (0 … text.count).
        public var readCount: Int
        /// Index of its sentence.
        public var sentence: Int
        /// Per Character: read or not.
        public var readMask: [Bool]
        public var isRead: Bool { readCount > 0 }
        public var lowercased: String { text.lowercased() }
    }

    public var words: [Word]
    /// The plain text, as Characters.
    public var characters: [Character]
    /// Whether anything is marked as read (false for a card with no highlighting or underlining).
    public var hasMarking: Bool

    public init(_ evidence: Evidence) {
        var characters: [Character] = []
        var mask: [Bool] = []
        let highlighted = evidence.runs.contains { $0.style.contains(.highlight) && $0.text.contains(where: \.isLetter) }
        let underlined = evidence.runs.contains { $0.style.contains(.underline) && $0.text.contains(where: \.isLetter) }
        hasMarking = highlighted || underlined
        for run in evidence.runs {
            let read = highlighted ? run.style.contains(.highlight) : underlined ? run.style.contains(.underline) : true
            for ch in run.text {
                characters.append(ch)
                mask.append(read)
            }
        }
        self.characters = characters
        var words: [Word] = []
        var sentence = 0
        var i = 0
        while i < characters.count {
            let ch = characters[i]
            if ch.isLetter || ch.isNumber {
                let start = i
                while i < characters.count,
                      characters[i].isLetter || characters[i].isNumber
                        || ((characters[i] == "'" || characters[i] == "’" || characters[i] == "-")
                            && i + 1 < characters.count && characters[i + 1].isLetter && i > start) {
                    i += 1
                }
                let readMask = Array(mask[start..<i])
                words.append(Word(text: String(characters[start..<i]), offset: start, readCount: readMask.filter { $0 }.count,
                                  sentence: sentence, readMask: readMask))
                continue
            }
            // A sentence ends at . ! ? followed by space (or closing quotes then space), or at a blank line.
            if ch == "." || ch == "!" || ch == "?" {
                var j = i + 1
                while j < characters.count, "\"'”’)]".contains(characters[j]) { j += 1 }
                if j >= characters.count || characters[j].isWhitespace {
                    // "U.S. troops": a single capital letter before the stop is an abbreviation.
                    let isInitial = i >= 1 && characters[i - 1].isUppercase && (i < 2 || !characters[i - 2].isLetter)
                    if !isInitial { sentence += 1 }
                }
            } else if ch == "\n", i + 1 < characters.count, characters[i + 1] == "\n" {
                sentence += 1
            }
            i += 1
        }
        self.words = words
    }

    /// Up to `count` read words before (or after) word `index` in its sentence, for messages.
    func readContext(around index: Int, count: Int = 4) -> (before: String, after: String) {
        let sentence = words[index].sentence
        let before = words[..<index].reversed().prefix { $0.sentence == sentence }.filter(\.isRead).prefix(count).reversed()
        let after = words[(index + 1)...].prefix { $0.sentence == sentence }.filter(\.isRead).prefix(count)
        return (before.map(\.text).joined(separator: " "), after.map(\.text).joined(separator: " "))
    }
}
