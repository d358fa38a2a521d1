extension EvidenceCheck {
    /// Words with which a tag asserts.
    static let certainties: Set<String> = ["will", "always", "proves", "prove", "guarantees", "guarantee", "ensures",
                                           "ensure", "inevitably", "inevitable", "certainly", "definitely", "must", "never"]
    /// Words with which a card only allows.
    static let hedges: Set<String> = ["can", "could", "may", "might", "if", "eventually", "likely", "possibly", "potentially",
                                      "perhaps", "probably", "unlikely", "suggests", "would"]

    /// `tag-overclaims` (a heuristic): the tag asserts (will, always, proves, ensures, …) while the read
    /// text only allows (can, could, may, might, if, eventually, likely, …) and asserts nothing itself.
    public static let tagOverclaims = EvidenceCheck(
        code: "tag-overclaims",
        summary: "the tag asserts (will, always, proves) what the read text only allows (can, may, if, eventually) — heuristic"
    ) { subject in
        let tagWords = tagWords(subject.claim.tag)
        guard let asserted = tagWords.first(where: certainties.contains) else { return [] }
        let read = subject.read.words.filter(\.isRead).map(\.lowercased)
        guard !read.contains(where: certainties.contains), let hedge = read.first(where: hedges.contains) else { return [] }
        return [.warning("card `\(subject.claim.id)`: the tag says “\(asserted)”, but the read text only says “\(hedge)”",
                         at: subject.claim.location,
                         hint: "tag what the card says (“\(hedge)”), or highlight the words that warrant “\(asserted)”",
                         code: "tag-overclaims")]
    }

    static func tagWords(_ tag: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in tag.lowercased() {
            if ch.isLetter || ch == "'" || ch == "’" { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
