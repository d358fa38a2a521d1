/// Where a card's evidence comes from, kept structured so every renderer can format it.
public struct Citation: Codable, Sendable, Hashable {
    public var author: String?
    public var qualifications: String?
    /// As written in the source: "2025", "2025-08-15", "August 2025".
    public var date: String?
    public var title: String?
    public var publication: String?
    public var url: String?
    /// A local copy of the source's text, relative to the pack's folder (`sources/oped.txt`): the
    /// evidence must be an exact excerpt of it (the `not-verbatim` check).
    public var source: String?
    /// The cite word for word as a document wrote it (an imported Word file's cite paragraph; a
    /// second cite paragraph follows after a newline). Renderers write it instead of the fields.
    public var text: String?
    /// The short cite as written (the run in Verbatim's cite style), when it was read from a document.
    public var short: String?

    public init(author: String? = nil, qualifications: String? = nil, date: String? = nil,
                title: String? = nil, publication: String? = nil, url: String? = nil, source: String? = nil,
                text: String? = nil, short: String? = nil) {
        self.author = author
        self.qualifications = qualifications
        self.date = date
        self.title = title
        self.publication = publication
        self.url = url
        self.source = source
        self.text = text
        self.short = short
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case author, qualifications, date, title, publication, url, source, text, short
    }

    /// Where the short cite sits in `text`, when the cite was kept word for word:
    /// the text before it, the short cite, and the text after it.
    public var writtenParts: (before: String, short: String, after: String)? {
        guard let text, !text.isEmpty else { return nil }
        guard let short, !short.isEmpty, let range = text.firstRange(of: short) else { return ("", "", text) }
        return (String(text[..<range.lowerBound]), short, String(text[range.upperBound...]))
    }

    /// Verbatim's short cite, read aloud before the card: the author's last name (or the
    /// publication when there is no byline) and the two-digit year, e.g. "Smith 25".
    public var shortCite: String {
        if let short, !short.isEmpty { return short }
        var who = ""
        if let author, !author.isEmpty {
            // "Jane Q. Smith" → "Smith"; "Smith and Jones" keeps the first author's last name.
            let firstAuthor = author.components(separatedBy: " and ").first ?? author
            who = firstAuthor.split(separator: " ").last.map(String.init) ?? author
        } else if let publication, !publication.isEmpty {
            who = publication
        } else {
            who = "Unattributed"
        }
        if let year = year { return "\(who) \(year.suffix(2))" }
        return who
    }

    /// The four-digit year found in `date`, if any.
    public var year: String? {
        guard let date else { return nil }
        var digits = ""
        for ch in date {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
                if digits.count == 4 { return digits }
            } else {
                digits = ""
            }
        }
        return nil
    }

    /// The rest of Verbatim's one-line cite after the short cite:
    /// author, qualifications, date, "title," publication, url — each only when known.
    public var fullCiteParts: [String] {
        var parts: [String] = []
        if let author, !author.isEmpty { parts.append(author) }
        if let qualifications, !qualifications.isEmpty { parts.append(qualifications) }
        if let date, !date.isEmpty { parts.append(date) }
        if let title, !title.isEmpty { parts.append("“\(title)”") }
        // Without a byline the publication already leads the cite; it is not repeated.
        let hasAuthor = !(author ?? "").isEmpty
        if let publication, !publication.isEmpty, hasAuthor { parts.append(publication) }
        if let url, !url.isEmpty { parts.append(url) }
        return parts
    }

    /// The whole one-line cite as plain text: `Smith 25 (Jane Smith, professor, 2025, “Title”, Pub, url)`.
    public var oneLine: String {
        if let text, !text.isEmpty { return text.replacing("\n", with: " ") }
        let rest = fullCiteParts
        return rest.isEmpty ? shortCite : "\(shortCite) (\(rest.joined(separator: ", ")))"
    }
}
