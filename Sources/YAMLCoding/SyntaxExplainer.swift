/// What the parser had open when libyaml stopped (see `DocumentParser.openStructure`).
struct OpenStructure {
    /// A finished mapping: the last item of the open sequence, or the last value of the open mapping.
    struct Child {
        var line: Int
        /// Where its keys start (0-based).
        var column: Int
        var lastKey: String
        var lastKeyLine: Int
        /// "the claim `potash.x`", when the decoded type names that place.
        var name: String?
    }

    /// The innermost open collection (0-based position).
    var container: (line: Int, column: Int, isMapping: Bool)?
    /// A key whose value was being read.
    var pendingKey: (text: String, line: Int, column: Int)?
    /// The last key of the open mapping whose value is finished.
    var lastKey: (text: String, line: Int, column: Int)?
    var lastChild: Child?
}

/// Turns libyaml's words for the commonest mistakes (a colon or a tab in the wrong place, a line
/// indented too little or too much, an unclosed quote or bracket) into plain ones with the fix,
/// at the place the mistake is. Anything it does not recognise keeps libyaml's message.
struct SyntaxExplainer {
    let path: String
    let source: SourceText
    let problem: String
    let problemLine: Int
    let problemColumn: Int
    let context: String?
    let contextLine: Int
    let contextColumn: Int

    init(path: String, input: UnsafeBufferPointer<UInt8>, problem: String, problemLine: Int, problemColumn: Int,
         context: String?, contextLine: Int, contextColumn: Int) {
        self.path = path
        self.source = SourceText(bytes: Array(input))
        self.problem = problem
        self.problemLine = problemLine
        self.problemColumn = problemColumn
        self.context = context
        self.contextLine = contextLine
        self.contextColumn = contextColumn
    }

    func explain(structure: OpenStructure) -> YAMLError? {
        if let tab = tab() { return tab }
        if let quote = unclosedQuote() { return quote }
        if let bracket = unclosedBracket() { return bracket }
        switch problem {
        case "mapping values are not allowed in this context":
            return colonInText() ?? keyDedentedAbove() ?? indentedMore(structure)
        case "did not find expected '-' indicator", "did not find expected key":
            return indentedLess(structure)
        case "could not find expected ':'":
            if let explained = missingSpaceAfterColon() ?? blockLineIndentedTooLittle() { return explained }
            return error(line: contextLine, column: contextColumn, "this line is not `key: value`",
                         hint: "if it continues the text above, indent it more than that text's key, or put the whole text in quotes",
                         code: "yaml-missing-colon")
        case "block sequence entries are not allowed in this context":
            return error(line: problemLine, column: problemColumn, "a list item `- ` cannot follow `key:` on the same line",
                         hint: "start the list on the next line, indented under the key, or write it as `[first, second]`",
                         code: "yaml-list-after-key")
        case "found character that cannot start any token":
            let scalar = line(problemLine).dropFirst(problemColumn).first
            guard let scalar, scalar == "@" || scalar == "`" else { return nil }
            return error(line: problemLine, column: problemColumn, "an unquoted text cannot start with `\(scalar)` in YAML",
                         hint: "put the text in quotes", code: "yaml-reserved-character")
        default:
            return nil
        }
    }

    // MARK: - The mistakes

    /// A tab where YAML wants spaces (indentation).
    private func tab() -> YAMLError? {
        let text = line(problemLine)
        let atMark = text.dropFirst(problemColumn).first == "\t"
        guard problem.contains("tab") || atMark else { return nil }
        let leading = text.prefix { $0 == " " || $0 == "\t" }
        let column = atMark ? problemColumn : (leading.firstIndex(of: "\t").map { leading.distance(from: leading.startIndex, to: $0) } ?? problemColumn)
        return error(line: problemLine, column: column, "a tab in the indentation: YAML indents with spaces only",
                     hint: "replace the tab with spaces", code: "yaml-tab")
    }

    /// A quote that runs to the end of the file, or that closes only on a later line.
    private func unclosedQuote() -> YAMLError? {
        if context == "while scanning a quoted scalar" {
            let quote = line(contextLine).dropFirst(contextColumn).first.map(String.init) ?? "\""
            return error(line: contextLine, column: contextColumn, "this quote is never closed",
                         hint: "end the text with a matching \(quote == "'" ? "`'`" : "`\"`")", code: "yaml-unclosed-quote")
        }
        guard let (openLine, openColumn, quote) = quoteClosingOnProblemLine(), openLine < problemLine else { return nil }
        return error(line: openLine, column: openColumn,
                     "this quote does not close on its line, so YAML reads on to the \(quote == "'" ? "`'`" : "`\"`") on line \(problemLine + 1)",
                     hint: "end the text with a matching \(quote == "'" ? "`'`" : "`\"`") on this line", code: "yaml-unclosed-quote")
    }

    /// A `[` or `{` that is never closed.
    private func unclosedBracket() -> YAMLError? {
        switch context {
        case "while parsing a flow sequence":
            return error(line: contextLine, column: contextColumn, "this `[` is never closed",
                         hint: "end the list with `]` on the same line, or write it one `- item` per line", code: "yaml-unclosed-bracket")
        case "while parsing a flow mapping":
            return error(line: contextLine, column: contextColumn, "this `{` is never closed",
                         hint: "end it with `}`", code: "yaml-unclosed-bracket")
        default:
            return nil
        }
    }

    /// `tag: Turn: isolation backfires`: a second `: ` inside an unquoted value.
    private func colonInText() -> YAMLError? {
        let text = line(problemLine)
        guard let (key, keyColon, value) = split(text), problemColumn > keyColon, !value.isEmpty,
              value.first != "\"", value.first != "'" else { return nil }
        return error(line: problemLine, column: problemColumn, "`: ` inside an unquoted text starts a new key in YAML",
                     hint: "put the \(key.map { "`\($0)`" } ?? "text") in quotes: `\(NodeDecoder.quotedSuggestion(key: key, text: value))`",
                     code: "yaml-colon-in-text")
    }

    /// A key indented more than the key above it: YAML reads the line as more of that key's text.
    private func indentedMore(_ structure: OpenStructure) -> YAMLError? {
        let text = line(problemLine)
        guard let (key, _, _) = split(text), let key else { return nil }
        let indent = text.prefix { $0 == " " }.count
        guard let above = structure.pendingKey ?? structure.lastKey, above.column < indent, above.line < problemLine else { return nil }
        return error(line: problemLine, column: indent,
                     "`\(key):` is indented more than `\(above.text):` above it, so YAML reads this line as more of `\(above.text)`'s text",
                     hint: "line `\(key):` up with `\(above.text):` (column \(above.column + 1))", code: "yaml-indentation")
    }

    /// A line indented less than the mapping it belongs to.
    private func indentedLess(_ structure: OpenStructure) -> YAMLError? {
        let text = line(problemLine)
        let indent = text.prefix { $0 == " " }.count
        guard indent == problemColumn else { return nil }
        let key = split(text).flatMap { $0.key }
        let what = key.map { "`\($0):`" } ?? "it"
        if let dedented = keyDedentedAbove() { return dedented }
        if let child = structure.lastChild, child.column > indent {
            let owner = child.name ?? "the item that starts on line \(child.line + 1)"
            return error(line: problemLine, column: indent, "this line is indented less than \(owner) it belongs to",
                         hint: "line \(what) up with `\(child.lastKey):` (column \(child.column + 1))", code: "yaml-indentation")
        }
        if let container = structure.container, container.column != indent {
            let shape = container.isMapping ? "the keys" : "the `- ` items"
            return error(line: problemLine, column: indent, "this line is not lined up with \(shape) above it",
                         hint: "indent \(what) to column \(container.column + 1), like line \(container.line + 1)", code: "yaml-indentation")
        }
        return nil
    }

    /// A key moved left out of its list item, in the style `modules new` writes (`- id:` at column 1,
    /// keys at column 3): at column 1 YAML reads `tag:` as a key of the whole file, which ends the
    /// claims, and stops only at the line after it. The mistake is that line above the stop: a key
    /// indented less than the keys of the item it follows.
    private func keyDedentedAbove() -> YAMLError? {
        // The key line: the nearest above the stop that is indented less than it (the stop is a line
        // of the item's keys, or of the key's own list), or, when the stop is the next `- ` item, the
        // key just above it.
        let stopText = line(problemLine)
        let stopIndent = stopText.prefix { $0 == " " }.count
        let stopIsItem = stopText.dropFirst(stopIndent).first == "-"
        var above = contentLine(before: problemLine)
        while let candidate = above, !stopIsItem, line(candidate).prefix(while: { $0 == " " }).count >= stopIndent {
            above = contentLine(before: candidate)
        }
        guard let above else { return nil }
        let aboveText = line(above)
        let aboveIndent = aboveText.prefix { $0 == " " }.count
        guard !stopIsItem || aboveIndent == stopIndent,
              aboveText.dropFirst(aboveIndent).first != "-", let (aboveKey, _, _) = split(aboveText), let aboveKey else { return nil }
        // The item it left: the nearest `- ` line at its indentation or less, every line between inside it.
        var n = above - 1
        var item: Int?
        while n >= 0 {
            let text = line(n)
            let indent = text.prefix { $0 == " " }.count
            if indent == text.count || text[indent] == "#" || indent > aboveIndent { n -= 1; continue }
            if text[indent] == "-" { item = n }
            break
        }
        guard let item else { return nil }
        let itemText = line(item)
        let column = keyColumn(itemText)
        guard aboveIndent < column, column > itemText.prefix(while: { $0 == " " }).count,
              (item + 1..<above).allSatisfy({ let t = line($0); return t.allSatisfy { $0 == " " } || t.prefix { $0 == " " }.count >= column }),
              let (firstKey, _, firstValue) = split(itemText), let firstKey else { return nil }
        let named = firstKey == "id" && !firstValue.isEmpty ? " (`\(firstValue)`)" : ""
        return error(line: above, column: aboveIndent,
                     "`\(aboveKey):` is indented less than the other keys of the item on line \(item + 1)\(named), so YAML reads it as the end of that item",
                     hint: "line `\(aboveKey):` up with `\(firstKey):` (column \(column + 1))", code: "yaml-indentation")
    }

    /// The nearest line before `number` with something on it other than a comment.
    private func contentLine(before number: Int) -> Int? {
        var n = number - 1
        while n >= 0 {
            let text = line(n).drop { $0 == " " }
            if !text.isEmpty && text.first != "#" { return n }
            n -= 1
        }
        return nil
    }

    /// Where the line's key starts, after its indentation and any `- ` markers.
    private func keyColumn(_ text: [Unicode.Scalar]) -> Int {
        var i = 0
        while i < text.count {
            if text[i] == " " { i += 1; continue }
            if text[i] == "-", i + 1 < text.count, text[i + 1] == " " { i += 2; continue }
            break
        }
        return i
    }

    /// `answers:potash.x`: without a space after the colon YAML reads one word, not a key.
    private func missingSpaceAfterColon() -> YAMLError? {
        let text = line(contextLine)
        var i = contextColumn
        if i < text.count, text[i] == "-", i + 1 < text.count, text[i + 1] == " " { i += 2 }
        let start = i
        while i < text.count, text[i].properties.isAlphabetic || text[i] == "-" || text[i] == "_" { i += 1 }
        guard i > start, i + 1 < text.count, text[i] == ":", text[i + 1] != " " else { return nil }
        let key = String(String.UnicodeScalarView(text[start..<i]))
        var rest = String(String.UnicodeScalarView(text[(i + 1)...]))
        while let last = rest.last, last == " " { rest.removeLast() }
        return error(line: contextLine, column: i, "`\(key):` needs a space after the colon to be a key",
                     hint: "write `\(key): \(rest)`", code: "yaml-missing-space")
    }

    /// A line of a `|` or `>` block (evidence pasted in) indented no more than the block's key.
    private func blockLineIndentedTooLittle() -> YAMLError? {
        let indent = line(contextLine).prefix { $0 == " " }.count
        var number = contextLine - 1
        var firstContentIndent: Int?
        var shallowest = Int.max  // of the lines between: all must be the block's content
        while number >= 0 {
            let text = line(number)
            let lineIndent = text.prefix { $0 == " " }.count
            if lineIndent == text.count { number -= 1; continue }  // blank
            if let (key, _, value) = split(text), let key, ["|", ">", "|-", "|+", ">-", ">+"].contains(value) {
                guard indent <= lineIndent, shallowest > lineIndent else { return nil }
                let hint = firstContentIndent.map { "indent every line of the block to column \($0 + 1), like its first line" }
                    ?? "indent the block's lines more than `\(key):`, for example to column \(lineIndent + 3)"
                return error(line: contextLine, column: indent,
                             "this line is part of the `\(key)` block above but is not indented more than `\(key):`",
                             hint: hint, code: "yaml-indentation")
            }
            firstContentIndent = lineIndent
            shallowest = min(shallowest, lineIndent)
            number -= 1
        }
        return nil
    }

    // MARK: - Reading lines

    /// The line's Unicode scalars (columns index them, as libyaml counts).
    private func line(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 0, number < source.lineStarts.count else { return [] }
        var cursor = source.cursor(line: number, column: 0)
        let start = cursor.offset
        while source.byte(cursor) != nil && !source.isBreak(cursor) { source.advance(&cursor) }
        return Array(String(decoding: source.bytes[start..<cursor.offset], as: UTF8.self).unicodeScalars)
    }

    /// `    - tag: text` → key `tag`, the column of its colon, and the value text (trailing blanks dropped).
    private func split(_ text: [Unicode.Scalar]) -> (key: String?, colon: Int, value: String)? {
        var i = 0
        while i < text.count {
            if text[i] == " " { i += 1; continue }
            if text[i] == "-", i + 1 == text.count || text[i + 1] == " " { i += 2; continue }
            break
        }
        let keyStart = i
        guard keyStart < text.count, text[keyStart] != "\"", text[keyStart] != "'" else { return nil }
        while i < text.count {
            if text[i] == ":" && (i + 1 == text.count || text[i + 1] == " ") { break }
            i += 1
        }
        guard i < text.count else { return nil }
        let key = String(String.UnicodeScalarView(text[keyStart..<i]))
        var valueStart = i + 1
        while valueStart < text.count, text[valueStart] == " " { valueStart += 1 }
        var value = String(String.UnicodeScalarView(text[min(valueStart, text.count)...]))
        while let last = value.last, last == " " || last == "\t" { value.removeLast() }
        return (key.isEmpty ? nil : key, i, value)
    }

    private func error(line: Int, column: Int, _ message: String, hint: String?, code: String) -> YAMLError {
        YAMLError(kind: .syntax, location: SourceLocation(path: path, line: line + 1, column: column + 1),
                  message: message, hint: hint, code: code)
    }

    /// The quoted scalar that closes on the problem line before the problem column: its opening
    /// position and quote. Follows YAML's rules closely enough for block files: a quote opens a
    /// scalar only at the start of a value; `#` after a space starts a comment outside quotes.
    private func quoteClosingOnProblemLine() -> (line: Int, column: Int, quote: Unicode.Scalar)? {
        var open: (line: Int, column: Int, quote: Unicode.Scalar)?
        for number in 0...problemLine {
            let text = line(number)
            var i = 0
            var previous: Unicode.Scalar = " "
            while i < text.count {
                let c = text[i]
                if let current = open {
                    if current.quote == "\"" {
                        if c == "\\" { i += 2; continue }
                        if c == "\"" {
                            if number == problemLine && i < problemColumn { return current }
                            open = nil
                        }
                    } else if c == "'" {
                        if i + 1 < text.count, text[i + 1] == "'" { i += 2; continue }
                        if number == problemLine && i < problemColumn { return current }
                        open = nil
                    }
                } else if c == "#" && (previous == " " || i == 0) {
                    break
                } else if c == "\"" || c == "'" {
                    let before = text[..<i].reversed().first { $0 != " " }
                    if before == nil || before == ":" || before == "-" || before == "[" || before == "{" || before == "," {
                        open = (number, i, c)
                    }
                }
                previous = c
                i += 1
            }
        }
        return nil
    }
}
