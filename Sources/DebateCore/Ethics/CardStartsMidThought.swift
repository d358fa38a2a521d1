extension EvidenceCheck {
    /// Openings that point back at what the cut left out.
    static let referentialOpenings: [[String]] = [
        ["the", "latter"], ["the", "former"], ["this"], ["these"], ["those"], ["such"], ["thus"], ["therefore"], ["hence"],
        ["however"], ["moreover"], ["furthermore"], ["consequently"], ["nevertheless"], ["nonetheless"], ["instead"],
        ["likewise"], ["similarly"], ["additionally"], ["and"], ["but"], ["or"], ["yet"], ["so"],
    ]
    /// "This article argues…" names the source itself, not a thought cut away.
    static let selfReferences: Set<String> = ["article", "paper", "study", "report", "book", "essay", "chapter", "piece",
                                              "analysis", "brief", "memo", "section", "volume", "research", "week", "year", "month"]

    /// `card-starts-mid-thought`: the card opens inside a sentence (lowercase, an ellipsis) or on a word
    /// that refers to what came before ("The latter …", "This …", "These …", "Such …", "However, …").
    public static let cardStartsMidThought = EvidenceCheck(
        code: "card-starts-mid-thought",
        summary: "the card opens inside a sentence or on a reference to what came before (“The latter …”, “This …”)"
    ) { subject in
        let chars = subject.read.characters
        guard let start = chars.firstIndex(where: { !$0.isWhitespace }) else { return [] }
        let words = subject.read.words
        let location = subject.location(at: start)
        let id = subject.claim.id
        let hint = "start the card at the beginning of the sentence or paragraph that says what it refers to"
        if chars[start] == "…" || (chars.count >= start + 3 && chars[start..<(start + 3)].allSatisfy { $0 == "." }) {
            return [.warning("card `\(id)` opens with an ellipsis, inside a thought", at: location, hint: hint, code: "card-starts-mid-thought")]
        }
        guard let first = words.first else { return [] }
        // Only letters between the start and the first word: no number, heading or bracket first.
        let lead = chars[start..<first.offset]
        if lead.contains(where: { $0 == "[" || $0 == "(" || $0.isNumber }) { return [] }
        if let letter = first.text.first, letter.isLowercase, first.text.count > 1 || letter != "i",
           !first.text.dropFirst().contains(where: \.isUppercase) {
            return [.warning("card `\(id)` opens inside a sentence (“\(first.text) …”)", at: location, hint: hint,
                             code: "card-starts-mid-thought")]
        }
        for opening in referentialOpenings where opening.count <= words.count
            && zip(opening, words).allSatisfy({ $0 == $1.lowercased }) {
            if opening.count == 1, ["this", "these", "those", "such"].contains(opening[0]), words.count > 1,
               selfReferences.contains(words[1].lowercased) {
                return []
            }
            let shown = words.prefix(opening.count + 2).map(\.text).joined(separator: " ")
            return [.warning("card `\(id)` opens on “\(words.prefix(opening.count).map(\.text).joined(separator: " "))”, which refers to what the cut leaves out (“\(shown) …”)",
                             at: location, hint: hint, code: "card-starts-mid-thought")]
        }
        return []
    }
}
