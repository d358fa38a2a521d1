extension EvidenceCheck {
    /// `not-verbatim`: a cite with `source:` (a local copy of the text, relative to the pack) requires
    /// the evidence to be an exact excerpt of it, up to whitespace, curly quotes, dashes and ellipses.
    /// An error at the first character of the card that differs (or a missing source file).
    public static let notVerbatim = EvidenceCheck(
        code: "not-verbatim",
        summary: "the evidence is not an exact excerpt of the cite's `source:` file (whitespace, quotes and dashes normalized)",
        needsSource: true
    ) { subject in
        switch subject.source {
        case .none:
            return []
        case .unreadable(let path, let reason):
            return [.error("card `\(subject.claim.id)` cites `source: \(path)`, which cannot be read (\(reason))",
                           at: subject.claim.location, hint: "the path is relative to the pack's folder", code: "source-not-found")]
        case .text(let document):
            let source = document.normalized, path = document.path
            let card = NormalizedText(subject.evidence.plainText)
            guard !card.characters.isEmpty else { return [] }
            if source.characters.firstRange(of: card.characters) != nil { return [] }
            // The longest start of the card found in the source; the next character is the first that differs.
            var low = 0, high = card.characters.count  // low: found; high: not found
            var match: Range<Int>? = nil
            while high - low > 1 {
                let mid = (low + high) / 2
                if let range = source.characters.firstRange(of: card.characters[0..<mid]) {
                    low = mid
                    match = range
                } else {
                    high = mid
                }
            }
            if low == 0 { match = nil }
            let offset = card.origins[low]
            let cardNext = String(card.characters[low..<min(card.characters.count, low + 30)])
            let message: String
            if let match {
                let sourceNext = String(source.characters[match.upperBound..<min(source.characters.count, match.upperBound + 30)])
                let before = String(card.characters[max(0, low - 30)..<low])
                message = "card `\(subject.claim.id)` is not verbatim from \(path): after “…\(before)” the card reads “\(cardNext)…” where the source has “\(sourceNext)…”"
            } else {
                message = "card `\(subject.claim.id)` is not verbatim from \(path): “\(cardNext)…” does not occur in it"
            }
            return [.error(message, at: subject.location(at: offset),
                           hint: "quote the source exactly; cut with separate cards rather than editing words", code: "not-verbatim")]
        }
    }
}

/// Text compared for `not-verbatim`: runs of whitespace become one space, curly quotes straight,
/// dashes a hyphen, "…" three dots; each Character remembers its offset in the original.
struct NormalizedText: Sendable {
    var characters: [Character] = []
    var origins: [Int] = []

    init(_ text: String) {
        var pendingSpace: Int? = nil
        for (offset, ch) in text.enumerated() {
            if ch.isWhitespace {
                if pendingSpace == nil { pendingSpace = offset }
                continue
            }
            if let space = pendingSpace {
                if !characters.isEmpty { append(" ", space) }
                pendingSpace = nil
            }
            switch ch {
            case "‘", "’", "‚", "‛", "′": append("'", offset)
            case "“", "”", "„", "‟", "″": append("\"", offset)
            case "–", "—", "‒", "―", "−", "‐", "‑": append("-", offset)
            case "…": for _ in 0..<3 { append(".", offset) }
            default: append(ch, offset)
            }
        }
        origins.append(text.count)  // the end, for a card that differs only by running past the source
    }

    private mutating func append(_ ch: Character, _ origin: Int) {
        characters.append(ch)
        origins.append(origin)
    }
}
