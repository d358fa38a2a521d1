import DebateCore
import DeckModel
import Foundation

/// The deck as Anki notes, shared by the .apkg and the text-import renderers so both agree on
/// fields, tags, sub-decks and GUIDs (importing one after the other updates, never duplicates).
///
/// One note per claim (a claim placed twice in a deck is drilled once, in the first hat that holds
/// it). A claim's prompt is its tag and the back is its warrant, cite and evidence; an answer's
/// prompt is the claim it answers and how (`A2: … (Link turn)`), and the back is our tag.
struct AnkiNote {
    /// Stable across builds: derived from the deck id and the claim id, so a re-import updates.
    var guid: String
    var claimID: String
    /// Plain text; the first field, which Anki sorts and checks for duplicates by.
    var prompt: String
    /// The fields, HTML, in `AnkiNotes.fieldNames` order.
    var fields: [String]
    var tags: [String]
    /// Deck, pocket, hat: `Deck::Pocket::Hat` in Anki.
    var deckPath: [String]
}

enum AnkiNotes {
    static let noteTypeName = "Debate card"
    static let fieldNames = ["Prompt", "Answer", "Cite", "Evidence", "Context", "Claim"]
    /// One note type for every deck, so decks share it; change the version when the fields change.
    static let noteTypeID = ankiID(stableHash("debate", "note-type", "debate-card-v1"))

    static func notes(_ deck: Deck) -> [AnkiNote] {
        var notes: [AnkiNote] = []
        forEachNote(deck) { notes.append($0) }
        return notes
    }

    /// The deck's notes one at a time, in order (anki-text writes each as it comes).
    static func forEachNote(_ deck: Deck, _ body: (AnkiNote) -> Void) {
        var tagByID: [String: String] = [:]
        for ref in deck.coverage.unanswered + deck.coverage.answeredButNotInDeck { tagByID[ref.id] = ref.tag }
        let blocks = deck.blocks
        for block in blocks { if let ref = block.answers { tagByID[ref.id] = ref.tag } }
        for block in blocks { for card in block.cards { tagByID[card.id] = card.tag } }

        var seen: Set<String> = []
        for pocket in deck.pockets {
            for hat in pocket.hats {
                for block in hat.blocks {
                    for card in block.cards where seen.insert(card.id).inserted {
                        let context = ([pocket.title, hat.title, block.title] + (card.part.map { [$0] } ?? [])).joined(separator: " › ")
                        body(note(card, deck: deck, path: [deck.title, pocket.title, hat.title],
                                  context: context, tagByID: tagByID))
                    }
                }
            }
        }
    }

    static func note(_ card: Card, deck: Deck, path: [String], context: String, tagByID: [String: String]) -> AnkiNote {
        let prompt: String
        var answer: String
        if let response = card.responseTitle, let target = card.answers {
            prompt = "A2: \(tagByID[target] ?? card.answersTag ?? target) (\(response))"
            answer = html(card.tag)
            if let warrant = card.warrant { answer += "<br><i>\(html(warrant))</i>" }
        } else {
            prompt = card.tag
            answer = card.warrant.map(html) ?? ""
        }
        let cite = card.cite.map { HTMLText.cite($0, strong: "b") } ?? ""
        let evidence = card.evidence.map { evidenceHTML.write($0.makeRuns()) } ?? ""
        let claim = "\(html(card.id)) (\(html(card.module)))"
        var tags = card.tags.map(tag) + ["module::\(tag(card.module))"]
        if let response = card.response { tags.append("response::\(response.rawValue)") }
        if card.evenIf { tags.append("even-if") }
        if let position = card.position { tags.append("position::\(tag(position.id))") }
        if let role = card.role { tags.append("role::\(role.rawValue)") }
        if card.analytic { tags.append("analytic") }
        return AnkiNote(guid: guid(deck: deck.id, claim: card.id), claimID: card.id, prompt: prompt,
                        fields: [html(prompt), answer, cite, evidence, html(context), claim],
                        tags: tags, deckPath: path)
    }

    /// The Anki deck name for a path: components joined by `::`, which must not appear inside one.
    static func deckName(_ path: [String]) -> String {
        path.map { component in
            // One line: a line break in a deck title would add lines to anki-text's header.
            let clean = plainText(component, singleLine: true).replacingOccurrences(of: "::", with: ":").trimmingCharacters(in: .whitespaces)
            return clean.isEmpty ? "Untitled" : clean
        }.joined(separator: "::")
    }

    /// Anki tags cannot hold spaces.
    static func tag(_ text: String) -> String {
        String(plainText(text, singleLine: true).map { $0.isWhitespace ? "_" : $0 })
    }

    /// A GUID of base-62 digits from the deck id and the claim id.
    static func guid(deck: String, claim: String) -> String {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var value = stableHash("debate", deck, claim)
        var out = ""
        repeat {
            out.append(digits[Int(value % 62)])
            value /= 62
        } while value > 0
        return out
    }

    /// Anki ids read as creation times in milliseconds; keep hashed ids between 2001 and 2033 so
    /// the browser shows plausible dates.
    static func ankiID(_ hash: UInt64) -> Int64 {
        1_000_000_000_000 + Int64(hash % 1_000_000_000_000)
    }

    static var evidenceHTML: SpanWriter { SpanWriter(open: { $0 == .underline ? "<u>" : $0 == .emphasis ? "<b>" : "<mark>" },
                                         close: { $0 == .underline ? "</u>" : $0 == .emphasis ? "</b>" : "</mark>" },
                                         escape: html, paragraphBreak: "<br><br>", markersHugText: false) }

    /// Escapes text for an HTML field; a line break becomes `<br>` and a tab a space, so a field is
    /// always one line of the text import.
    static func html(_ text: String) -> String {
        HTMLText.escape(text).replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\t", with: " ")
    }

    /// The card template and styling of the note type.
    static let front = """
    <div class="prompt">{{Prompt}}</div>
    <div class="context">{{Context}}</div>
    """

    static let back = """
    {{FrontSide}}
    <hr id="answer">
    {{#Answer}}<div class="answer">{{Answer}}</div>{{/Answer}}
    {{#Cite}}<div class="cite">{{Cite}}</div>{{/Cite}}
    {{#Evidence}}<div class="evidence">{{Evidence}}</div>{{/Evidence}}
    <div class="claim">{{Claim}}</div>
    """

    static let css = """
    .card { font-family: Calibri, "Segoe UI", Arial, sans-serif; font-size: 20px; color: #1d1d1f; background: #fff; text-align: left; }
    .prompt { font-weight: 700; font-size: 22px; }
    .context, .claim { color: #5f6368; font-size: 14px; margin-top: .4em; }
    .answer { font-weight: 600; margin-bottom: .6em; }
    .cite { font-size: 16px; margin-bottom: .4em; }
    .evidence { font-size: 16px; border-left: 3px solid #d9d9de; padding-left: .6em; }
    mark { background: #fff35c; color: inherit; }
    .nightMode .card, .night_mode .card { color: #e8e8e8; background: #1e1e1e; }
    .nightMode mark, .night_mode mark { background: #7a6a00; }
    """
}

/// A small stable 64-bit hash (FNV-1a), for ids that must not change between builds of the same deck.
func stableHash(_ parts: String...) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (i, part) in parts.enumerated() {
        if i > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
        for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    return hash
}
