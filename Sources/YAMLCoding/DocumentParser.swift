import CYAML

/// Turns libyaml's event stream into a `Document`, enforcing `YAMLLimits` and the
/// structural rules (one document, scalar keys, no duplicate keys, no merge keys) as it goes.
struct DocumentParser {
    struct Frame {
        var node: Int
        var pendingStart: Int
        var isMapping: Bool
        /// Index into `openAnchors`, or -1.
        var anchor: Int
        /// Expanded size and height of the children so far.
        var size: UInt32 = 1
        var height: UInt16 = 0
    }

    let path: String
    private let limits: YAMLLimits
    var nodes: [Node] = []
    var children: [UInt32] = []
    var scalarBytes: [UInt8] = []
    /// Children of the open collections, innermost last; moved to `children` when a collection ends.
    var pending: [UInt32] = []
    var stack: [Frame] = []
    /// The innermost open collection, kept out of `stack` for the per-event checks.
    var top = Frame(node: -1, pendingStart: 0, isMapping: false, anchor: -1)
    /// Anchor names of open collections (registered when the collection ends).
    private var openAnchors: [String] = []
    private var anchors: [String: Int] = [:]
    /// Expanded size and height of anchored collections, for the alias limits.
    private var anchoredShapes: [Int: (size: UInt32, height: UInt16)] = [:]
    private var aliasExpanded = 0
    private var root: Int?
    private var documents = 0
    private var mappingIndex: [Int: [String: Int]] = [:]
    private var multilinePlainEnds: [Int: (line: Int, column: Int)] = [:]

    /// Names a place by its path (`YAMLDescribed.yamlNoun(atPath:)` of the decoded type), for syntax errors.
    let namer: (([String]) -> YAMLNoun?)?

    private init(path: String, limits: YAMLLimits, namer: (([String]) -> YAMLNoun?)?) {
        self.path = path
        self.limits = limits
        self.namer = namer
    }

    static func parse(_ input: UnsafeBufferPointer<UInt8>, path: String, limits: YAMLLimits,
                      namer: (([String]) -> YAMLNoun?)? = nil) throws(YAMLError) -> Document {
        var parser = DocumentParser(path: path, limits: limits, namer: namer)
        return try parser.run(input)
    }

    private mutating func run(_ input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> Document {
        // Node fields are 32-bit offsets.
        guard input.count < Int(UInt32.max) else {
            throw YAMLError(kind: .limitExceeded, location: location(line: 0, column: 0),
                            message: "the input is \(input.count) bytes; at most 4 GiB can be decoded")
        }
        if let base = input.baseAddress, input.count > 0 {
            nodes.reserveCapacity(input.count / 32 + 4)
            children.reserveCapacity(input.count / 32 + 4)
            scalarBytes.reserveCapacity(input.count)
            try readEvents(base, count: input.count, input: input)
        }
        if root == nil {
            // No document at all (empty file, only comments): decodes as null at 1:1.
            root = nodes.count
            nodes.append(Node(line: 0, column: 0, first: 0, count: 0, kind: .scalar,
                              style: ScalarStyle.plain.rawValue,
                              flags: Node.resolvable | Node.null | Node.emptyDocument))
        }
        let absent = nodes.count
        nodes.append(Node(line: 0, column: 0, first: 0, count: 0, kind: .scalar,
                          style: ScalarStyle.plain.rawValue, flags: Node.resolvable | Node.null | Node.absent))
        return Document(nodes: nodes, children: children, scalarBytes: scalarBytes, root: root ?? 0,
                        absentNode: absent, mappingIndex: mappingIndex, multilinePlainEnds: multilinePlainEnds)
    }

    private mutating func readEvents(_ base: UnsafePointer<UInt8>, count: Int, input: UnsafeBufferPointer<UInt8>) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(kind: .limitExceeded, location: location(line: 0, column: 0),
                            message: "out of memory while starting the YAML parser")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw syntaxError(parser.pointee, input: input)
            }
            defer { yaml_event_delete(event) }
            if try handle(event) { return }
        }
    }

    /// Returns true at the end of the stream.
    private mutating func handle(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) -> Bool {
        let mark = event.pointee.start_mark
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            try scalar(value: event.pointee.data.scalar.value, length: event.pointee.data.scalar.length,
                       style: event.pointee.data.scalar.style, tag: event.pointee.data.scalar.tag,
                       anchor: event.pointee.data.scalar.anchor, mark: mark)
            let end = event.pointee.end_mark
            if end.line != mark.line && event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE {
                multilinePlainEnds[nodes.count - 1] = (end.line, end.column)
            }
        case YAML_SEQUENCE_START_EVENT:
            try startCollection(.sequence, anchor: event.pointee.data.sequence_start.anchor, mark: mark)
        case YAML_MAPPING_START_EVENT:
            try startCollection(.mapping, anchor: event.pointee.data.mapping_start.anchor, mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try endCollection()
        case YAML_ALIAS_EVENT:
            try alias(event.pointee.data.alias.anchor, mark: mark)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(kind: .syntax, location: location(mark),
                                message: "a second YAML document starts here; a file holds exactly one document",
                                hint: "split the documents into separate files")
            }
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break  // stream start, document end, no event
        }
        return false
    }

    private mutating func scalar(
        value: UnsafeMutablePointer<yaml_char_t>?, length: Int, style: yaml_scalar_style_t,
        tag: UnsafeMutablePointer<yaml_char_t>?, anchor: UnsafeMutablePointer<yaml_char_t>?, mark: yaml_mark_t
    ) throws(YAMLError) {
        guard scalarBytes.count + length < Int(UInt32.max) else {
            throw YAMLError(kind: .limitExceeded, location: location(mark), message: "the document's text is too large")
        }
        let first = UInt32(scalarBytes.count)
        let text = UnsafeBufferPointer(start: length > 0 ? value : nil, count: length > 0 && value != nil ? length : 0)
        scalarBytes.append(contentsOf: text)
        let style = ScalarStyle(style)
        var flags: UInt8 = 0
        if style == .plain && (tag == nil || !DocumentParser.forcesString(tag)) {
            flags = Node.resolvable
            if text.count <= 4 && CoreSchema.isNull(text) {
                flags |= Node.null
            }
        }
        let index = nodes.count
        nodes.append(Node(line: UInt32(clamping: mark.line), column: UInt32(clamping: mark.column), first: first,
                          count: UInt32(length), kind: .scalar, style: style.rawValue, flags: flags))
        if let anchor {
            anchors[String(cString: anchor)] = index
        }
        try attach(index, size: 1, height: 0, line: mark.line, column: mark.column)
    }

    /// `!!str` and the non-specific tag `!` make a plain scalar a string.
    private static func forcesString(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        let text = String(cString: tag)
        return text == "!" || text == "tag:yaml.org,2002:str"
    }

    private mutating func startCollection(_ kind: NodeKind, anchor: UnsafeMutablePointer<yaml_char_t>?, mark: yaml_mark_t) throws(YAMLError) {
        if stack.count + 1 > limits.maxDepth {
            throw YAMLError(kind: .limitExceeded, location: location(mark),
                            message: "nesting deeper than \(limits.maxDepth) levels",
                            hint: "flatten the structure (limit: maxDepth)")
        }
        if top.isMapping, (pending.count - top.pendingStart) % 2 == 0 {
            throw YAMLError(kind: .syntax, location: location(mark),
                            message: "a mapping key must be a scalar, found a \(kind == .mapping ? "mapping" : "sequence")")
        }
        let index = nodes.count
        nodes.append(Node(line: UInt32(clamping: mark.line), column: UInt32(clamping: mark.column), first: 0, count: 0,
                          kind: kind, style: 0, flags: 0))
        var anchorIndex = -1
        if let anchor {
            anchorIndex = openAnchors.count
            openAnchors.append(String(cString: anchor))
        }
        stack.append(top)
        top = Frame(node: index, pendingStart: pending.count, isMapping: kind == .mapping, anchor: anchorIndex)
    }

    private mutating func endCollection() throws(YAMLError) {
        guard top.node >= 0, let outer = stack.popLast() else { return }
        let frame = top
        top = outer
        let first = children.count
        let slots = pending.count - frame.pendingStart
        guard first + slots < Int(UInt32.max) else {
            throw YAMLError(kind: .limitExceeded, location: location(line: nodes[frame.node].line, column: nodes[frame.node].column),
                            message: "too many nodes")
        }
        children.append(contentsOf: pending[frame.pendingStart...])
        pending.removeSubrange(frame.pendingStart...)
        let height = frame.height == UInt16.max ? frame.height : frame.height + 1
        nodes[frame.node].first = UInt32(first)
        nodes[frame.node].count = UInt32(slots)
        if nodes[frame.node].kind == .mapping {
            try checkDuplicateKeys(frame.node)
        }
        if frame.anchor >= 0, let anchor = openAnchors.popLast() {
            anchors[anchor] = frame.node
            anchoredShapes[frame.node] = (frame.size, height)
        }
        try attach(frame.node, size: frame.size, height: height,
                   line: Int(nodes[frame.node].line), column: Int(nodes[frame.node].column))
    }

    private mutating func alias(_ anchor: UnsafeMutablePointer<yaml_char_t>?, mark: yaml_mark_t) throws(YAMLError) {
        let name = anchor.map { String(cString: $0) } ?? ""
        guard let target = anchors[name] else {
            let isOpen = openAnchors.contains(name)
            throw YAMLError(kind: .syntax, location: location(mark),
                            message: isOpen ? "alias `*\(name)` refers to its own enclosing node" : "unknown anchor `\(name)`",
                            hint: isOpen ? "recursive aliases are not supported" : "define `&\(name)` before using `*\(name)`")
        }
        // Only anchored collections have a recorded shape; a scalar is one node, no nesting.
        let (size, height) = anchoredShapes[target] ?? (1, 0)
        if stack.count + Int(height) > limits.maxDepth {
            throw YAMLError(kind: .limitExceeded, location: location(mark),
                            message: "alias `*\(name)` nests deeper than \(limits.maxDepth) levels",
                            hint: "flatten the structure (limit: maxDepth)")
        }
        aliasExpanded = aliasExpanded.addingSaturating(Int(size))
        if aliasExpanded > limits.maxAliasExpandedNodes {
            throw YAMLError(kind: .limitExceeded, location: location(mark),
                            message: "aliases expand to more than \(limits.maxAliasExpandedNodes) nodes at alias `*\(name)`",
                            hint: "the file repeats anchored content too many times (limit: maxAliasExpandedNodes)")
        }
        try attach(target, size: size, height: height, line: mark.line, column: mark.column)
    }

    /// Adds a finished node to the open collection, or makes it the root.
    private mutating func attach(_ index: Int, size: UInt32, height: UInt16, line: Int, column: Int) throws(YAMLError) {
        let mark = yaml_mark_t(index: 0, line: line, column: column)
        guard top.node >= 0 else {
            root = index
            return
        }
        top.size = top.size.addingSaturating(size)
        if height > top.height { top.height = height }
        if top.isMapping, (pending.count - top.pendingStart) % 2 == 0 {
            let key = nodes[index]
            if key.kind != .scalar {
                throw YAMLError(kind: .syntax, location: location(mark),
                                message: "a mapping key must be a scalar, found a \(key.kind == .mapping ? "mapping" : "sequence")")
            }
            if key.isResolvable && key.count == 2 && scalarBytes[Int(key.first)] == UInt8(ascii: "<")
                && scalarBytes[Int(key.first) + 1] == UInt8(ascii: "<")
            {
                throw YAMLError(kind: .syntax, location: location(mark),
                                message: "merge keys (`<<`) are not supported",
                                hint: "write the keys out, or alias the whole mapping")
            }
        }
        pending.append(UInt32(index))
    }

    private mutating func checkDuplicateKeys(_ mappingNode: Int) throws(YAMLError) {
        let node = nodes[mappingNode]
        let entries = Int(node.count) / 2
        guard entries > 1 else { return }
        let base = Int(node.first)
        if entries <= Document.scanLimit {
            for later in 1..<entries {
                let b = nodes[Int(children[base + 2 * later])]
                for earlier in 0..<later {
                    let a = nodes[Int(children[base + 2 * earlier])]
                    if a.count == b.count && sameBytes(a, b) {
                        throw duplicate(key: Int(children[base + 2 * later]), first: a)
                    }
                }
            }
            return
        }
        var table: [String: Int] = [:]
        table.reserveCapacity(entries)
        for entry in 0..<entries {
            let keyIndex = Int(children[base + 2 * entry])
            let key = nodes[keyIndex]
            let text = String(decoding: scalarBytes[Int(key.first)..<Int(key.first + key.count)], as: UTF8.self)
            if let earlier = table.updateValue(entry, forKey: text) {
                throw duplicate(key: keyIndex, first: nodes[Int(children[base + 2 * earlier])])
            }
        }
        mappingIndex[mappingNode] = table
    }

    private func sameBytes(_ a: Node, _ b: Node) -> Bool {
        scalarBytes.withUnsafeBufferPointer { bytes in
            var i = 0
            let (x, y, n) = (Int(a.first), Int(b.first), Int(a.count))
            while i < n {
                if bytes[x + i] != bytes[y + i] { return false }
                i += 1
            }
            return true
        }
    }

    private func duplicate(key keyIndex: Int, first: Node) -> YAMLError {
        let key = nodes[keyIndex]
        let text = String(decoding: scalarBytes[Int(key.first)..<Int(key.first + key.count)], as: UTF8.self)
        return YAMLError(kind: .duplicateKey, location: location(line: key.line, column: key.column),
                         message: "duplicate key `\(text)`",
                         hint: "`\(text)` was first given at \(first.line + 1):\(first.column + 1)")
    }
}

extension FixedWidthInteger {
    @inline(__always)
    func addingSaturating(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other < 0 ? Self.min : Self.max) : sum
    }
}
