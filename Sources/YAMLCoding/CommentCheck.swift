/// A `#` after a space starts a comment in YAML. Debaters write "#1 answer" and "Turn #2" in tags,
/// and YAML drops the rest of the line without a word; these checks say so.
extension NodeDecoder {
    /// An empty value followed by `# …` on its line (`tag: #1 answer`): an error at the `#`.
    func commentInsteadOfValue(_ index: Int, key: PathKey) -> YAMLError? {
        guard session.mayHoldComments else { return nil }
        let node = document.nodes[index]
        guard node.kind == .scalar, node.isNull, node.count == 0,
              node.flags & (Node.absent | Node.emptyDocument) == 0 else { return nil }
        let source = session.source
        var cursor = source.cursor(line: Int(node.line), column: Int(node.column))
        source.skipBlanks(&cursor)
        guard source.byte(cursor) == UInt8(ascii: "#") else { return nil }
        let text = restOfLine(source, from: cursor)
        let name = key.codingKey.flatMap { $0.intValue == nil ? $0.stringValue : nil }
        return YAMLError(
            kind: .typeMismatch, location: SourceLocation(path: session.path, line: cursor.line + 1, column: cursor.column + 1),
            message: "`#` starts a comment in YAML, so \(name.map { "`\($0)`" } ?? "this item") is empty here",
            hint: "put the text in quotes: `\(Self.quotedSuggestion(key: name, text: text))`",
            codingPath: pathStrings(appending: key), code: "yaml-comment-in-text")
    }

    /// A prose value (`YAMLDescribed.yamlProseKeys`) followed by ` # …`: YAML kept only the part
    /// before the `#`. A warning, since a comment may be meant.
    func checkProseComment(_ index: Int, key: some CodingKey) {
        checkProseComment(index, key: key, owner: type)
    }

    /// The same, for a value of a mapping of type `owner` (a fast decode reads nested mappings
    /// without a decoder of their own).
    func checkProseComment(_ index: Int, key: some CodingKey, owner: Any.Type?) {
        guard session.mayHoldTrailingComments, let type = owner, session.proseKeys(of: type).contains(key.stringValue) else { return }
        let node = document.nodes[index]
        guard node.kind == .scalar, node.count > 0, ScalarStyle(rawValue: node.style) == .plain else { return }
        let source = session.source
        let value = document.text(index)
        var cursor: SourceText.Cursor
        if let end = document.multilinePlainEnds[index] {
            cursor = source.cursor(line: end.line, column: end.column)
        } else {
            cursor = source.cursor(line: Int(node.line), column: Int(node.column) + value.unicodeScalars.count)
        }
        let end = cursor.offset
        source.skipBlanks(&cursor)
        guard cursor.offset > end, source.byte(cursor) == UInt8(ascii: "#") else { return }
        let comment = restOfLine(source, from: cursor)
        let start = source.cursor(line: Int(node.line), column: Int(node.column))
        let written = restOfLine(source, from: start)
        let kept = value.count > 40 ? "…" + value.suffix(39) : Substring(value)
        session.warnings.append(YAMLWarning(
            location: SourceLocation(path: session.path, line: cursor.line + 1, column: cursor.column + 1),
            message: "`#` starts a comment in YAML: `\(key.stringValue)` ends at “\(kept)” and “\(comment)” is left out",
            hint: "if the `#` belongs to the text, put it in quotes: `\(Self.quotedSuggestion(key: key.stringValue, text: written))`",
            code: "yaml-comment-in-text"))
    }

    /// The source from `cursor` to the end of its line, without trailing blanks.
    func restOfLine(_ source: SourceText, from cursor: SourceText.Cursor) -> String {
        var end = cursor
        while source.byte(end) != nil && !source.isBreak(end) { source.advance(&end) }
        var bytes = Array(source.bytes[cursor.offset..<end.offset])
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `tag: "Turn: isolation backfires"` — the text double-quoted, with `\` and `"` escaped.
    static func quotedSuggestion(key: String?, text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return (key.map { "\($0): " } ?? "- ") + "\"\(escaped)\""
    }
}
