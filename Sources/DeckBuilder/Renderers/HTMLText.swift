import DebateCore
import DeckModel

/// HTML pieces the HTML page and the Anki fields share.
enum HTMLText {
    /// Escapes text for element content and quoted attribute values alike.
    static func escape(_ text: String) -> String {
        rewritingASCII(plainText(text)) { byte, _ in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// The cite's short form in `strong` (an element name), then the rest in parentheses, the URL
    /// as a link when it is a web address.
    static func cite(_ cite: Citation, strong: String) -> String {
        if let written = cite.writtenParts {
            // Kept word for word from a document: the short cite stays where it was; lines become breaks.
            let html = escape(written.before) + (written.short.isEmpty ? "" : "<\(strong)>\(escape(written.short))</\(strong)>")
                + escape(written.after)
            return html.replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = "<\(strong)>\(escape(cite.shortCite))</\(strong)>"
        let rest = cite.fullCiteParts.map { part in
            part == cite.url && isWebAddress(part) ? "<a href=\"\(escape(part))\">\(escape(part))</a>" : escape(part)
        }
        if !rest.isEmpty { out += " (" + rest.joined(separator: ", ") + ")" }
        return out
    }

    static func isWebAddress(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }
}
