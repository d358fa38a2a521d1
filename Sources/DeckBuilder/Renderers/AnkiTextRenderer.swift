import DebateCore
import DeckModel

/// Anki's text import (File › Import of a .txt): one note a line, tab-separated, HTML fields, with
/// the file headers Anki 2.1.55+ reads (`#separator:`, `#html:`, `#notetype:`, `#deck:`,
/// `#columns:`, `#tags column:`, `#deck column:`, `#guid column:`; see Anki's
/// rslib/src/import_export/text/csv/metadata.rs). The notes, tags, sub-decks and GUIDs are the
/// .apkg's, so importing either after the other updates notes rather than adding copies.
///
/// The note type must already be in the collection: `#notetype:` names it, and Anki falls back to
/// its current note type when it finds none. Importing the deck's .apkg once brings it.
public struct AnkiTextRenderer: TextRenderer {
    public var format: OutputFormat { .ankiText }
    public init() {}

    static let columns = AnkiNotes.fieldNames + ["Tags", "Deck", "GUID"]

    public func renderText(_ deck: Deck) -> String {
        RenderOutput.text { render(deck, to: $0) }
    }

    /// Written note by note: a large deck is never one string.
    public func render(_ deck: Deck, to out: RenderOutput) {
        let columns = Self.columns
        out += """
        #separator:tab
        #html:true
        #notetype:\(AnkiNotes.noteTypeName)
        #deck:\(AnkiNotes.deckName([deck.title]))
        #columns:\(columns.joined(separator: "\t"))
        #tags column:\(columns.firstIndex(of: "Tags")! + 1)
        #deck column:\(columns.firstIndex(of: "Deck")! + 1)
        #guid column:\(columns.firstIndex(of: "GUID")! + 1)

        """
        AnkiNotes.forEachNote(deck) { note in
            var fields = note.fields + [note.tags.joined(separator: " "), AnkiNotes.deckName(note.deckPath), note.guid]
            // Anki's reader skips a line starting with `#` as a comment; the first field is HTML,
            // so an entity stands in for the `#`.
            if fields[0].hasPrefix("#") { fields[0] = "&#35;" + fields[0].dropFirst() }
            out += fields.map(cell).joined(separator: "\t") + "\n"
        }
    }

    /// One field as Anki's CSV reader reads it back: no tabs or line breaks, and a field starting
    /// with a quote quoted (the HTML fields escape quotes already; deck names do not).
    func cell(_ text: String) -> String {
        let flat = plainText(text, singleLine: true)
        return flat.hasPrefix("\"") ? "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : flat
    }
}
