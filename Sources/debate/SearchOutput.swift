import DebateCore
import Foundation
import LibraryIndex

/// How marked words, headings and locations look: bold and dim on a terminal; «guillemets» and
/// plain text elsewhere, so a pipe or a file never receives control characters.
struct HitStyle {
    var terminal: Bool

    func mark(_ word: String) -> String { terminal ? "\u{1B}[1m\(word)\u{1B}[22m" : "«\(word)»" }
    var markWidth: Int { terminal ? 0 : 2 }
    func heading(_ text: String) -> String { terminal ? "\u{1B}[1;4m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { terminal ? "\u{1B}[2m\(text)\u{1B}[22m" : text }
}

extension Console {
    static var colorAllowed: Bool {
        let env = ProcessInfo.processInfo.environment
        return (env["NO_COLOR"].map(\.isEmpty) ?? true) && env["TERM"] != "dumb"
    }
}

/// One hit as lines of at most 80 columns: the tag, what it is, a snippet, where it is written.
struct HitPrinter {
    static let width = 80
    var style: HitStyle
    var query: SearchQuery
    /// The deck's (`--deck`) words for the sides; aff/neg without one.
    var sideWords: SideWords = .affNeg

    func render(_ hit: SearchHit, rank: Int) -> String {
        let claim = hit.claim
        let number = "\(rank). "
        let indent = String(repeating: " ", count: max(4, number.count))
        var lines = wrap(tokens(claim.tag), first: number + String(repeating: " ", count: indent.count - number.count), rest: indent)

        var about: [String] = [claim.cite?.shortCite ?? "analytic", claim.module, sideWords.word(claim.side)]
        if let kind = hit.positionKind { about.append(hit.role.map { "\(kind) \($0)" } ?? kind) }
        if let position = hit.position { about.append(position) }
        if let counter = claim.asCounterclaim { about.append("\(counter.response.rawValue) → \(counter.answers)") }
        lines += wrap(about.joined(separator: " · ").split(separator: " ").map { (String($0), $0.count) }, first: indent, rest: indent)
            .map { style.dim($0) }

        if let snippet = snippet(claim) {
            lines += wrap(snippet, first: indent, rest: indent)
        }
        lines.append(indent + style.dim(SearchVocabulary.position(of: claim) + "  " + claim.id))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Space-separated pieces of `text`, each with its matched words marked, and its width on screen.
    func tokens(_ text: String) -> [(text: String, width: Int)] {
        markedTokens(text).map { ($0.text, $0.width) }
    }

    /// `tokens`, each also saying whether it holds a matched word.
    func markedTokens(_ text: String) -> [(text: String, width: Int, marked: Bool)] {
        // ASCII without a carriage return (nearly all text): its bytes are its characters.
        if text.utf8.allSatisfy(Self.isPlainASCII) {
            return text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }).map(asciiMarkedToken)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { piece in
            if piece.utf8.allSatisfy(Self.isPlainASCII) { return asciiMarkedToken(piece.utf8) }
            var out = "", word = "", width = 0, marked = false
            func flush() {
                guard !word.isEmpty else { return }
                if let folded = SearchQuery.words(word).first, query.marks(folded) {
                    out += style.mark(word)
                    width += style.markWidth
                    marked = true
                } else {
                    out += word
                }
                word = ""
            }
            for character in piece {
                width += 1
                // ASCII (nearly all of it) without Unicode's property tables, which cost more than the search.
                if let ascii = character.asciiValue {
                    if (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii) {
                        word.append(character)
                    } else {
                        flush()
                        out.append(ascii < 0x20 || ascii == 0x7F ? " " : character)
                    }
                } else if character.isLetter || character.isNumber {
                    word.append(character)
                } else {
                    flush()
                    // Never pass a control character through to the output.
                    out.append(character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : character)
                }
            }
            flush()
            return (out, width, marked)
        }
    }

    /// A byte of ASCII text whose every byte is a character ("\r\n" is one character).
    static func isPlainASCII(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }

    /// `markedTokens`' piece when all its bytes are `isPlainASCII` (nearly always), on its bytes: the
    /// same text and width as the loop over its characters, without breaking it into graphemes.
    func asciiMarkedToken<Bytes: Collection<UInt8>>(_ piece: Bytes) -> (text: String, width: Int, marked: Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(piece.count + 8)
        var wordStart = -1, marked = false, width = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        func flush() {
            guard wordStart >= 0 else { return }
            let word = String(decoding: bytes[wordStart...], as: UTF8.self)
            if query.marks(word.lowercased()) {
                bytes.removeSubrange(wordStart...)
                bytes.append(contentsOf: style.mark(word).utf8)
                width += style.markWidth
                marked = true
            }
            wordStart = -1
        }
        for byte in piece {
            width += 1
            if isWordByte(byte) {
                if wordStart < 0 { wordStart = bytes.count }
                bytes.append(byte)
            } else {
                flush()
                bytes.append(byte < 0x20 || byte == 0x7F ? UInt8(ascii: " ") : byte)
            }
        }
        flush()
        return (String(decoding: bytes, as: UTF8.self), width, marked)
    }

    func wrap(_ tokens: [(text: String, width: Int)], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first, width = first.count, empty = true
        for token in tokens {
            if !empty && width + 1 + token.width > Self.width {
                lines.append(line)
                line = rest
                width = rest.count
                empty = true
            }
            line += (empty ? "" : " ") + token.text
            width += (empty ? 0 : 1) + token.width
            empty = false
        }
        if !empty { lines.append(line) }
        return lines
    }

    /// Two lines of the evidence (or the warrant, when only it matches) around the first matched word.
    func snippet(_ claim: any Claim) -> [(text: String, width: Int)]? {
        let texts = [claim.evidence?.plainText, claim.warrant].compactMap { $0 }.filter { !$0.isEmpty }
        // The first text with a matched word, from where that word is; else the first text, from its start.
        var found: (tokens: [(text: String, width: Int, marked: Bool)], first: Int)?
        for text in texts {
            let marked = markedTokens(text)
            if let first = marked.firstIndex(where: \.marked) {
                found = (marked, first)
                break
            }
        }
        guard let (chosen, first) = found ?? texts.first.map({ (markedTokens($0), 0) }) else { return nil }
        let all = chosen.map { (text: $0.text, width: $0.width) }
        guard !all.isEmpty else { return nil }
        let budget = 2 * (Self.width - 4) - 4
        var start = max(0, first - 6)
        var end = start, used = 0
        while end < all.count, used + all[end].width + 1 <= budget {
            used += all[end].width + 1
            end += 1
        }
        if end == start { end = min(all.count, start + 1) }
        if start > first { start = first }
        var picked = Array(all[start..<end])
        if start > 0 { picked.insert(("…", 1), at: 0) }
        if end < all.count { picked.append(("…", 1)) }
        return picked
    }
}

/// `--json`: the hits, each with where it is written.
struct SearchReport: Encodable {
    struct Location: Encodable {
        var path: String
        var line: Int
        var column: Int
    }

    struct Hit: Encodable {
        var rank: Int
        var via: String
        var id: String
        var module: String
        var side: String
        var tag: String
        var shortCite: String?
        var cite: Citation?
        var isCard: Bool
        var position: String?
        var positionKind: String?
        var role: String?
        var answers: String?
        var response: String?
        var snippet: String?
        var location: Location?
        var score: Double?
        /// The tag holds the whole query (the first tier of the ranking; `score` is then absent).
        var inTag: Bool

        init(_ hit: SearchHit, rank: Int, via: String, marker: SearchQuery) {
            let claim = hit.claim
            self.rank = rank
            self.via = via
            id = claim.id
            module = claim.module
            side = claim.side.rawValue
            tag = claim.tag
            shortCite = claim.cite?.shortCite
            cite = claim.cite
            isCard = claim.isCard
            position = hit.position
            positionKind = hit.positionKind
            role = hit.role
            answers = claim.answersID
            response = claim.responseKind?.rawValue
            snippet = HitPrinter(style: HitStyle(terminal: false), query: marker).snippet(claim)?.map(\.text).joined(separator: " ")
            location = claim.location.map { Location(path: $0.path, line: $0.line, column: $0.column) }
            score = hit.score
            inTag = hit.inTag
        }
    }

    var query: String?
    var answers: String?
    var target: Hit?
    var hits: [Hit]
    var diagnostics: [Diagnostic]
}
