import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// A discussion as Kialo's plain-text export writes it:
///
/// ```
/// Discussion Title: Should cities make public transit free?
///
/// 1. Cities should make public transit free.
/// 1.1. Pro: Fares cost more to collect than they bring in on small systems.
/// 1.1.1. Con: Large systems get a third of their budget from fares.
/// 1.2. Con: -> See 1.1.1.
/// ```
///
/// Numbered lines are claims (`1.` the thesis, then `Pro:` or `Con:` of the parent number); other
/// lines continue the claim above; `-> See N.` links to another claim; `\(` and `\)` are escapes.
public struct KialoDiscussion: Sendable {
    public enum Stance: String, Sendable { case pro = "Pro", con = "Con" }

    public struct Node: Sendable {
        public var number: [Int]
        /// nil for the thesis.
        public var stance: Stance?
        public var text: String
        /// For `-> See 1.2.3.`: the number linked to.
        public var link: [Int]?
        public var location: SourceLocation

        public var label: String { number.map(String.init).joined(separator: ".") }
        public var parent: [Int] { Array(number.dropLast()) }
    }

    public var title: String?
    public var thesis: Node
    /// Every claim below the thesis, in file order.
    public var nodes: [Node]

    public func node(_ number: [Int]) -> Node? {
        number == thesis.number ? thesis : nodes.first { $0.number == number }
    }

    /// The largest export `import kialo` reads: the biggest public Kialo discussions export to a
    /// few megabytes, and a pack far larger would be more than a deck or lint can use.
    public static let maxBytes = 16 * 1024 * 1024

    /// Parses an export file's bytes: one error for a file that is too big, binary or not UTF-8;
    /// otherwise every malformed line is an error at its line and column.
    public static func parse(bytes: [UInt8], path: String) throws(DiagnosticsError) -> KialoDiscussion {
        if let problem = sizeProblem(bytes.count, path: path) { throw DiagnosticsError(problem) }
        if let problem = notText(bytes, path: path) { throw DiagnosticsError(problem) }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Parses an export; every malformed line is an error at its line and column. Lines may end
    /// in `\n` or `\r\n` (Windows).
    public static func parse(_ text: String, path: String) throws(DiagnosticsError) -> KialoDiscussion {
        var parser = KialoParser(path: path)
        // Split on scalars: as Characters, "\r\n" is one grapheme and never equals "\n".
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            parser.read(String(line.last == "\r" ? line.dropLast() : line), line: index + 1)
        }
        return try parser.finish()
    }

    /// The error for a file of `size` bytes when it is above `maxBytes` (checked before reading it, too).
    public static func sizeProblem(_ size: Int, path: String) -> Diagnostic? {
        guard size > maxBytes else { return nil }
        return .error(.kialoTooBig, "the file is \(megabytes(size)); `import kialo` reads exports of at most \(megabytes(maxBytes))",
                      at: SourceLocation(path: path, line: 1, column: 1), hint: "export a smaller part of the discussion from Kialo")
    }

    /// "3.2 MB"
    static func megabytes(_ count: Int) -> String {
        let tenths = (count * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// One error for a file that is not UTF-8 text (a binary file would otherwise give one error
    /// per line), at the first offending byte.
    static func notText(_ bytes: [UInt8], path: String) -> Diagnostic? {
        var line = 1, lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0x00: length = 0
            case 0x01...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = -1
            }
            let valid = length > 0 && index + length <= bytes.count
                && bytes[index + 1 ..< index + length].allSatisfy { $0 & 0xC0 == 0x80 }
                && (length < 3 || String(validating: bytes[index ..< index + length], as: UTF8.self) != nil)
            if !valid {
                let column = String(decoding: bytes[lineStart ..< index], as: UTF8.self).unicodeScalars.count + 1
                let at = SourceLocation(path: path, line: line, column: column)
                if byte == 0 {
                    return .error(.notUTF8Text, "this is not a text file (it holds a zero byte); `import kialo` reads Kialo's plain-text export",
                                  at: at, hint: "in Kialo: Share › Export discussion, then save the text as a .txt file")
                }
                return .error(.notUTF8Text, "this file is not UTF-8 text", at: at,
                              hint: "save it as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8 FILE > FILE.utf8.txt`) and import that")
            }
            index += length
        }
        return nil
    }
}

/// Reads an export line by line, collecting problems rather than stopping at the first.
struct KialoParser {
    let path: String
    var title: String?
    var nodes: [KialoDiscussion.Node] = []
    var firstLine: [[Int]: Int] = [:]
    var problems: [Diagnostic] = []

    init(path: String) { self.path = path }

    func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }

    mutating func read(_ raw: String, line: Int) {
        let trimmed = raw.drop(while: { $0 == " " || $0 == "\t" })
        let indent = raw.count - trimmed.count
        if trimmed.allSatisfy(\.isWhitespace) { return }
        if nodes.isEmpty && title == nil, let rest = Self.after(["Discussion Title:", "Discussion Name:"], in: trimmed) {
            title = Self.unescape(rest.trimmingCharacters(in: .whitespaces))
            return
        }
        guard let (number, afterNumber) = Self.number(at: trimmed) else {
            if Self.looksNumbered(trimmed) {
                problems.append(.error(.kialoSyntax, "malformed claim number: write it like `1.2.3.` followed by a space", at: at(line, indent + 1)))
            } else if var last = nodes.popLast() {
                last.text += " " + Self.unescape(trimmed.trimmingCharacters(in: .whitespaces))
                nodes.append(last)
            } else {
                problems.append(.error(.kialoSyntax, "text before the thesis; a Kialo export starts with `Discussion Title:` and `1.` the thesis",
                                       at: at(line, indent + 1)))
            }
            return
        }
        let column = indent + (trimmed.count - afterNumber.count) + 1
        var body = Substring(afterNumber.drop(while: { $0 == " " }))
        let bodyColumn = column + (afterNumber.count - body.count)
        let label = number.map(String.init).joined(separator: ".")
        if let first = firstLine[number] {
            problems.append(.error(.kialoSyntax, "claim \(label). appears twice (first on line \(first))", at: at(line, indent + 1)))
            return
        }
        var stance: KialoDiscussion.Stance?
        if number.count == 1 {
            guard number == [1], nodes.isEmpty else {
                problems.append(.error(.kialoSyntax, "a second thesis `\(label).`; only single-thesis discussions can be imported", at: at(line, indent + 1)))
                return
            }
        } else {
            guard nodes.first?.number == [1] else {
                problems.append(.error(.kialoSyntax, "claim \(label). comes before the thesis `1.`", at: at(line, indent + 1)))
                return
            }
            guard firstLine[Array(number.dropLast())] != nil else {
                problems.append(.error(.kialoSyntax, "claim \(label). has no parent: there is no claim \(number.dropLast().map(String.init).joined(separator: "."))." ,
                                       at: at(line, indent + 1)))
                return
            }
            let word = body.prefix(while: { $0.isLetter })
            if body.dropFirst(word.count).first == ":", let known = KialoDiscussion.Stance(rawValue: String(word)) {
                stance = known
                body = body.dropFirst(word.count + 1).drop(while: { $0 == " " })
            } else {
                let hint = word.isEmpty ? nil : "Kialo writes `Pro:` or `Con:` after the number"
                problems.append(.error(.kialoSyntax, "expected `Pro:` or `Con:` after \(label).\(word.isEmpty ? "" : ", found `\(word)`")",
                                       at: at(line, bodyColumn), hint: hint))
                return
            }
        }
        let textColumn = column + (afterNumber.count - body.count)
        var link: [Int]?
        if let target = Self.after(["-> See ", "->See "], in: body) {
            guard let (linked, rest) = Self.number(at: Substring(target.trimmingCharacters(in: .whitespaces)) + " "),
                  rest.allSatisfy(\.isWhitespace) else {
                problems.append(.error(.kialoSyntax, "malformed link: write it like `-> See 1.2.3.`", at: at(line, textColumn)))
                return
            }
            link = linked
        } else if body.allSatisfy(\.isWhitespace) {
            problems.append(.error(.kialoSyntax, "claim \(label). has no text", at: at(line, textColumn)))
            return
        }
        firstLine[number] = line
        nodes.append(.init(number: number, stance: stance, text: link == nil ? Self.unescape(String(body)) : "",
                           link: link, location: at(line, indent + 1)))
    }

    mutating func finish() throws(DiagnosticsError) -> KialoDiscussion {
        guard let thesis = nodes.first, thesis.number == [1] else {
            if problems.isEmpty { problems.append(.error(.kialoSyntax, "no thesis: a Kialo export has a line `1. THESIS`", at: at(1, 1))) }
            throw DiagnosticsError(problems)
        }
        for node in nodes {
            guard let link = node.link else { continue }
            if let target = nodes.first(where: { $0.number == link }) {
                if target.link != nil {
                    problems.append(.error(.kialoSyntax, "claim \(node.label). links to \(target.label)., which is itself a link", at: node.location))
                }
            } else {
                problems.append(.error(.kialoSyntax, "claim \(node.label). links to \(link.map(String.init).joined(separator: "."))., which is not in the discussion",
                                       at: node.location))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return KialoDiscussion(title: title, thesis: thesis, nodes: Array(nodes.dropFirst()))
    }

    /// `1.2.3. rest` → ([1, 2, 3], "rest…"); nil unless the line starts with a dotted number, a dot and a space.
    static func number(at text: Substring) -> ([Int], Substring)? {
        var parts: [Int] = []
        var rest = text
        while let digits = Optional(rest.prefix(while: { $0.isASCII && $0.isNumber })), !digits.isEmpty {
            guard rest.dropFirst(digits.count).first == ".", let value = Int(digits) else { return nil }
            parts.append(value)
            rest = rest.dropFirst(digits.count + 1)
            if rest.first == " " || rest.first == "\t" { return (parts, rest) }
        }
        return nil
    }

    /// A line that tries to be a claim (`1.2 Pro: …`, `1.2.Con: …`) but is not written like one.
    static func looksNumbered(_ text: Substring) -> Bool {
        guard text.first == "1" else { return false }
        let afterNumber = text.drop(while: { ($0.isASCII && $0.isNumber) || $0 == "." }).drop(while: { $0 == " " })
        return afterNumber.hasPrefix("Pro:") || afterNumber.hasPrefix("Con:") || afterNumber.hasPrefix("->")
    }

    static func after(_ prefixes: [String], in text: Substring) -> String? {
        for prefix in prefixes where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return nil
    }

    /// Kialo escapes Markdown-significant punctuation with a backslash: `\(` → `(`.
    static func unescape(_ text: String) -> String {
        var result = ""
        var escaped = false
        for ch in text {
            if escaped {
                if !(ch.isASCII && ch.isPunctuation || ch.isSymbol) { result.append("\\") }
                result.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                result.append(ch)
            }
        }
        if escaped { result.append("\\") }
        return result
    }
}
