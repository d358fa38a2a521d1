import DebateCore
import DeckModel

/// The distinct sources of a deck, as a cite question shows them: the short cite, plus the full date,
/// title and publication when they tell two sources apart.
struct CitePool: Sendable {
    var labels: [String]
    /// The labels as distractors, their comparable forms worked out once for the whole deck.
    var pool: DistractorPool

    /// Where each label is in `labels`.
    private var indices: [String: Int] = [:]
    /// Each card's cite and where its label is in `labels`, the first card of an id counting.
    private var cards: [String: (cite: Citation, index: Int)] = [:]

    init(_ cards: [Card]) {
        labels = []
        for card in cards {
            guard let cite = card.cite else { continue }
            let label = Self.label(cite)
            let index: Int
            if let known = indices[label] {
                index = known
            } else {
                index = labels.count
                indices[label] = index
                labels.append(label)
            }
            if self.cards[card.id] == nil { self.cards[card.id] = (cite, index) }
        }
        pool = DistractorPool(labels, precomputed: true)
    }

    /// `label(cite)` for a card's cite and its form in the pool, worked out already for the deck's cards.
    func answer(for card: Card, cite: Citation) -> (label: String, form: DistractorPool.Form) {
        if let known = cards[card.id], known.cite == cite { return (labels[known.index], pool.form(known.index)) }
        let label = Self.label(cite)
        return (label, indices[label].map(pool.form) ?? pool.form(of: label))
    }

    static func label(_ cite: Citation) -> String {
        var parts = [cite.shortCite]
        if let date = cite.date, date != cite.year { parts.append(date) }
        if let title = cite.title, !title.isEmpty { parts.append("“\(title)”") }
        if let publication = cite.publication, !publication.isEmpty, !cite.shortCite.hasPrefix(publication) {
            parts.append(publication)
        }
        return parts.joined(separator: ", ")
    }
}
