import DebateCore

/// HTML pieces the HTML page and the Anki fields share.
enum HTMLText {
    /// Escapes text for element content and quoted attribute values alike.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// The cite's short form in `strong` (an element name), then the rest in parentheses, the URL
    /// as a link when it is a web address.
    static func cite(_ cite: Citation, strong: String) -> String {
        var out = "<\(strong)>\(escape(cite.shortCite))</\(strong)>"
        let rest = cite.fullCiteParts.map { part in
            part == cite.url && isWebAddress(part) ? "<a href=\"\(escape(part))\">\(escape(part))</a>" : escape(part)
        }
        if !rest.isEmpty { out += " (" + rest.joined(separator: ", ") + ")" }
        return out
    }

    static func isWebAddress(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }
}
