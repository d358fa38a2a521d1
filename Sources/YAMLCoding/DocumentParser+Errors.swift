import CYAML

/// Positions, and libyaml's errors turned into plain words (see `SyntaxExplainer`): what the
/// parser had open when it stopped names the place a mistake belongs to.
extension DocumentParser {
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(path: path, line: mark.line + 1, column: mark.column + 1)
    }

    func location(line: UInt32, column: UInt32) -> SourceLocation {
        SourceLocation(path: path, line: Int(line) + 1, column: Int(column) + 1)
    }

    func syntaxError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(kind: .limitExceeded, location: location(line: 0, column: 0),
                             message: "out of memory while parsing")
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark.
            let (line, column) = SourceText.position(ofByte: parser.problem_offset, in: input)
            var message = problem
            if parser.problem_value != -1 {
                message += " (#x\(String(parser.problem_value, radix: 16, uppercase: true)))"
            }
            if problem.contains("UTF") {
                message = "the file is not valid UTF-8: " + message
            }
            return YAMLError(kind: .syntax, location: SourceLocation(path: path, line: line + 1, column: column + 1),
                             message: message)
        default:
            let context = parser.context.map { String(cString: $0) }
            let explainer = SyntaxExplainer(path: path, input: input, problem: problem,
                                            problemLine: parser.problem_mark.line, problemColumn: parser.problem_mark.column,
                                            context: context, contextLine: parser.context_mark.line,
                                            contextColumn: parser.context_mark.column)
            if let plain = explainer.explain(structure: openStructure()) { return plain }
            var message = problem
            if let context {
                let mark = parser.context_mark
                message += " (\(context) that started at \(mark.line + 1):\(mark.column + 1))"
            }
            return YAMLError(kind: .syntax, location: location(parser.problem_mark), message: message)
        }
    }

    /// What was open when libyaml stopped: the innermost collection, the key waiting for its value,
    /// and the last finished item, with their paths and nouns.
    private func openStructure() -> OpenStructure {
        var frames = stack.filter { $0.node >= 0 }
        if top.node >= 0 { frames.append(top) }
        var path: [String] = []
        var result = OpenStructure()
        for (i, frame) in frames.enumerated() {
            let end = i + 1 < frames.count ? frames[i + 1].pendingStart : pending.count
            let slots = end - frame.pendingStart
            let isLast = i == frames.count - 1
            if frame.isMapping {
                if slots % 2 == 1 {
                    let keyNode = Int(pending[end - 1])
                    if isLast { result.pendingKey = (keyText(keyNode), Int(nodes[keyNode].line), Int(nodes[keyNode].column)) }
                    path.append(keyText(keyNode))
                } else if isLast, slots >= 2 {
                    let keyNode = Int(pending[end - 2])
                    result.lastKey = (keyText(keyNode), Int(nodes[keyNode].line), Int(nodes[keyNode].column))
                    result.lastChild = finishedMapping(Int(pending[end - 1]), path: path + [keyText(keyNode)])
                }
            } else {
                if isLast, slots >= 1 {
                    result.lastChild = finishedMapping(Int(pending[end - 1]), path: path + [String(slots - 1)])
                }
                path.append(String(slots))
            }
            if isLast {
                result.container = (Int(nodes[frame.node].line), Int(nodes[frame.node].column), frame.isMapping)
            }
        }
        return result
    }

    private func keyText(_ index: Int) -> String {
        let key = nodes[index]
        guard key.kind == .scalar else { return "" }
        return String(decoding: scalarBytes[Int(key.first)..<Int(key.first + key.count)], as: UTF8.self)
    }

    /// A finished mapping: where its keys start, its last key, and its noun ("the claim `x`").
    private func finishedMapping(_ index: Int, path: [String]) -> OpenStructure.Child? {
        let node = nodes[index]
        guard node.kind == .mapping, node.count >= 2 else { return nil }
        let lastKey = Int(children[Int(node.first) + Int(node.count) - 2])
        var name: String?
        if let noun = namer?(path) {
            var title: String?
            if let titleKey = noun.titleKey {
                for entry in 0..<(Int(node.count) / 2) where keyText(Int(children[Int(node.first) + 2 * entry])) == titleKey {
                    let value = Int(children[Int(node.first) + 2 * entry + 1])
                    if nodes[value].kind == .scalar { title = keyText(value) }
                }
            }
            name = title == nil ? "the \(noun.noun)" : "the " + YAMLWords.named(noun, title: title)
        }
        return OpenStructure.Child(line: Int(node.line), column: Int(node.column), lastKey: keyText(lastKey),
                                   lastKeyLine: Int(nodes[lastKey].line), name: name)
    }
}
