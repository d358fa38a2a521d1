#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// State shared by all decoders of one `decode` call.
final class DecodingSession {
    let document: Document
    let path: String
    let input: [UInt8]
    let userInfo: [CodingUserInfoKey: Any]
    /// Key types seen so far; a handful per document, so a linear scan beats hashing.
    // Read on every container and nested decode; only ever touched from one call stack, so the
    // dynamic exclusivity checks are skipped.
    @exclusivity(unchecked) private var allowedKeysCache: [(type: ObjectIdentifier, keys: AllowedKeys?)] = []
    @exclusivity(unchecked) var strategies: [(type: ObjectIdentifier, strategy: DecodeStrategy)] = []
    private var cachedSource: SourceText?
    /// `YAMLDecoder.fastPaths`.
    var fastPaths = true
    /// The decoded root type's `yamlNoun(atPath:)`, for hints about places not being decoded.
    var namer: (([String]) -> YAMLNoun?)?
    /// Warnings found while decoding, in the order found.
    var warnings: [YAMLWarning] = []
    /// Only a file with a `#` can have a comment where a value was meant.
    private(set) lazy var mayHoldComments: Bool = input.withUnsafeBufferPointer { bytes in
        bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "#")), bytes.count) != nil } ?? false
    }
    /// Only a `#` after a space or tab can end a value early with a comment on the value's line
    /// (a generated file's `# …` header line cannot).
    private(set) lazy var mayHoldTrailingComments: Bool = Self.hasTrailingComment(input)

    private static func hasTrailingComment(_ input: [UInt8]) -> Bool {
        input.withUnsafeBufferPointer { bytes in
            guard var at = bytes.baseAddress, bytes.count > 1 else { return false }
            let end = at + bytes.count
            at += 1
            while at < end, let hash = memchr(at, Int32(UInt8(ascii: "#")), end - at) {
                let found = UnsafePointer(hash.assumingMemoryBound(to: UInt8.self))
                let before = (found - 1).pointee
                if before == 0x20 || before == 0x09 { return true }
                at = found + 1
            }
            return false
        }
    }
    @exclusivity(unchecked) private var proseKeysCache: [(type: ObjectIdentifier, keys: Set<String>)] = []

    init(document: Document, path: String, input: [UInt8], userInfo: [CodingUserInfoKey: Any]) {
        self.document = document
        self.path = path
        self.input = input
        self.userInfo = userInfo
    }

    /// The line table is built on first use: only diagnostics that point inside values need it.
    var source: SourceText {
        if let cachedSource { return cachedSource }
        let made = SourceText(bytes: input)
        cachedSource = made
        return made
    }

    /// The source for the scalars decoding hands out: one per decode, its line table built only
    /// if a position inside a value is asked for (most decodes never ask).
    private(set) lazy var sourceReference = SourceReference(bytes: input)

    /// The prose keys of an owner type (`YAMLDescribed.yamlProseKeys`), looked up once per type.
    func proseKeys(of type: Any.Type) -> Set<String> {
        let id = ObjectIdentifier(type)
        for entry in proseKeysCache where entry.type == id { return entry.keys }
        let keys = (type as? any YAMLDescribed.Type)?.yamlProseKeys ?? []
        proseKeysCache.append((id, keys))
        return keys
    }

    /// The key names of a `CaseIterable` key type (computed once per type and decode call).
    func allowedKeys<Key: CodingKey>(_ type: Key.Type) -> AllowedKeys? {
        let id = ObjectIdentifier(type)
        for index in allowedKeysCache.indices where allowedKeysCache[index].type == id {
            return allowedKeysCache[index].keys
        }
        var result: AllowedKeys?
        if let iterable = type as? any CaseIterable.Type {
            result = AllowedKeys(names: keyNames(of: iterable))
        }
        allowedKeysCache.append((id, result))
        return result
    }

    private func keyNames<C: CaseIterable>(of type: C.Type) -> [String] {
        C.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
    }
}

/// The key names a `CaseIterable` key type accepts, matched against raw key bytes.
final class AllowedKeys {
    let names: [String]
    private let utf8: [[UInt8]]
    private let set: Set<String>?

    init(names: [String]) {
        self.names = names
        self.utf8 = names.map { Array($0.utf8) }
        self.set = names.count > 16 ? Set(names) : nil
    }

    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if let set { return set.contains(String(decoding: key, as: UTF8.self)) }
        guard let wanted = key.baseAddress else { return utf8.contains { $0.isEmpty } }
        for name in utf8 where name.count == key.count {
            let same = name.withUnsafeBufferPointer { name in
                guard let base = name.baseAddress else { return false }
                return memcmp(base, wanted, key.count) == 0
            }
            if same { return true }
        }
        return false
    }
}

/// One step of a coding path, kept unformatted until an error needs it.
enum PathKey {
    case none
    case key(any CodingKey)
    case index(Int)

    var codingKey: (any CodingKey)? {
        switch self {
        case .none: nil
        case .key(let key): key
        case .index(let index): IndexKey(index)
        }
    }
}

/// The coding key of a sequence item: its index, also as the string "3".
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = String(index)
    }

    init?(stringValue: String) {
        guard let index = Int(stringValue) else { return nil }
        self.init(index)
    }

    init?(intValue: Int) { self.init(intValue) }
}

/// A string coding key for `superDecoder()` and user-thrown errors.
struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// The `Decoder` for one node. Cheap to make: the coding path is a parent chain, formatted on demand.
final class NodeDecoder: Decoder {
    let session: DecodingSession
    let document: Document
    let node: Int
    let parent: NodeDecoder?
    let key: PathKey
    /// The type whose `init(from:)` receives this decoder, for messages ("unknown key `x` in claim `a.b`",
    /// through `YAMLDescribed`).
    let type: Any.Type?
    /// Where the next key look-up in this decoder's mapping starts.
    @exclusivity(unchecked) private var lookupHint = 0

    init(session: DecodingSession, node: Int, parent: NodeDecoder?, key: PathKey, type: Any.Type?) {
        self.session = session
        self.document = session.document
        self.node = node
        self.parent = parent
        self.key = key
        self.type = type
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var current: NodeDecoder? = self
        while let decoder = current {
            if let key = decoder.key.codingKey { keys.append(key) }
            current = decoder.parent
        }
        return keys.reversed()
    }

    var pathStrings: [String] { codingPath.map(\.stringValue) }

    func pathStrings(appending key: PathKey) -> [String] {
        var path = pathStrings
        if let key = key.codingKey { path.append(key.stringValue) }
        return path
    }

    var userInfo: [CodingUserInfoKey: Any] { session.userInfo }

    /// Where this decoder's node starts (a missing value reports its container's position).
    var location: SourceLocation { location(of: node) }

    func location(of index: Int) -> SourceLocation {
        let node = document.nodes[index]
        if node.flags & Node.absent != 0 {
            return parent?.location ?? SourceLocation(path: session.path, line: 1, column: 1)
        }
        return SourceLocation(path: session.path, line: Int(node.line) + 1, column: Int(node.column) + 1)
    }

    var scalarInfo: YAMLScalarInfo? { scalarInfo(of: node) }

    func scalarInfo(of index: Int) -> YAMLScalarInfo? {
        let node = document.nodes[index]
        guard node.kind == .scalar, node.flags & (Node.absent | Node.emptyDocument) == 0 else { return nil }
        let style = ScalarStyle(rawValue: node.style) ?? .plain
        return YAMLScalarInfo(location: location(of: index), style: style.publicStyle, value: document.text(index),
                              source: session.sourceReference, startLine: Int(node.line), startColumn: Int(node.column))
    }

    // MARK: - Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[node].kind == .mapping else {
            throw mismatch(node, key: .none, expected: "a mapping")
        }
        if let allowed = session.allowedKeys(Key.self) {
            try checkKeys(allowed)
        }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.nodes[node].kind == .sequence else {
            throw mismatch(node, key: .none, expected: "a sequence")
        }
        return UnkeyedContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    /// Unknown keys are errors when the key type lists every key it knows.
    private func checkKeys(_ allowed: AllowedKeys) throws(YAMLError) {
        let document = self.document
        let mapping = document.nodes[node]
        let unknown: (node: Int, entry: Int)? = document.scalarBytes.withUnsafeBufferPointer { bytes in
            for entry in 0..<(Int(mapping.count) / 2) {
                let keyNode = document.child(mapping, 2 * entry)
                let key = document.nodes[keyNode]
                let text = UnsafeBufferPointer(rebasing: bytes[Int(key.first)..<Int(key.first + key.count)])
                if !allowed.contains(text) { return (keyNode, entry) }
            }
            return nil
        }
        if let (keyNode, entry) = unknown {
            let text = document.text(keyNode)
            let hint = YAMLSuggestions.closest(to: text, in: allowed.names).map { "did you mean `\($0)`?" }
                ?? dedentedKeyHint(text, keyNode: keyNode, entry: entry)
                ?? "expected one of: \(YAMLSuggestions.list(allowed.names))"
            let owner = whereabouts(of: type, mapping: node)
            throw YAMLError(kind: .unknownKey, location: location(of: keyNode), message: "unknown key `\(text)`\(owner)",
                            hint: hint, codingPath: pathStrings + [text])
        }
    }

    /// A key indented so little that it left the mapping above it (`side:` at column 1 under
    /// `claims:`): "if it belongs to the claim `a` above, line `side:` up with `id:` (column 5)".
    private func dedentedKeyHint(_ text: String, keyNode: Int, entry: Int) -> String? {
        guard entry > 0 else { return nil }
        let mapping = document.nodes[node]
        let previousKey = document.text(document.child(mapping, 2 * (entry - 1)))
        var target = document.child(mapping, 2 * (entry - 1) + 1)
        var path = pathStrings + [previousKey]
        if document.nodes[target].kind == .sequence, document.nodes[target].count > 0 {
            let count = Int(document.nodes[target].count)
            target = document.child(document.nodes[target], count - 1)
            path.append(String(count - 1))
        }
        let above = document.nodes[target]
        guard above.kind == .mapping, above.count >= 2, above.column > document.nodes[keyNode].column else { return nil }
        let lastKey = document.text(document.child(above, Int(above.count) - 2))
        var owner = "the item above"
        if let noun = session.namer?(path) {
            var title: String?
            if let titleKey = noun.titleKey, let found = document.entry(of: titleKey, inMapping: target) {
                let value = document.child(above, 2 * found + 1)
                if document.nodes[value].kind == .scalar { title = document.text(value) }
            }
            owner = "the " + (title == nil ? noun.noun : YAMLWords.named(noun, title: title)) + " above"
        }
        return "if it belongs to \(owner), line `\(text):` up with `\(lastKey):` (column \(above.column + 1))"
    }

    // MARK: - Decoding children

    /// Decodes `node` (a child of this decoder's node, or the node itself with `.none`) as `T`.
    func decode<T: Decodable>(_ type: T.Type, node: Int, key: PathKey) throws(YAMLError) -> T {
        switch session.strategy(for: T.self) {
        case .scalar(let scalar):
            return try decodeScalar(scalar, as: T.self, node: node, key: key)
        case .sequence(let sequenceType):
            return try decodeSequence(sequenceType, as: T.self, node: node, key: key)
        case .fast(let fastType):
            let decoder = NodeDecoder(session: session, node: node, parent: self, key: key, type: T.self)
            if let value = decoder.decodeFast(fastType, as: T.self) { return value }
            return try decoder.decodeGeneral(T.self)
        case .general:
            break
        }
        return try NodeDecoder(session: session, node: node, parent: self, key: key, type: T.self).decodeGeneral(T.self)
    }

    /// `T(from: self)`, its errors made `YAMLError`s at this node.
    private func decodeGeneral<T: Decodable>(_ type: T.Type) throws(YAMLError) -> T {
        let decoder = self
        do {
            return try T(from: decoder)
        } catch let error as YAMLError {
            throw error
        } catch {
            throw decoder.convert(error, decoding: T.self)
        }
    }

    private func decodeSequence<T>(_ sequenceType: any YAMLSequenceDecodable.Type, as type: T.Type, node: Int,
                                   key: PathKey) throws(YAMLError) -> T {
        func decode<S: YAMLSequenceDecodable>(_ sequence: S.Type) throws(YAMLError) -> T {
            // `S` is `T` opened from the cached existential metatype.
            unsafeBitCast(try S.decodeYAMLSequence(parent: self, node: node, key: key), to: T.self)
        }
        return try decode(sequenceType)
    }

    /// The value's node when `key` is present, else a missing-key error at this mapping.
    func valueNode(forKey key: some CodingKey) throws(YAMLError) -> Int {
        if let value = valueNodeIfPresent(forKey: key) { return value }
        let owner = whereabouts(of: type, mapping: node)
        throw YAMLError(kind: .missingKey, location: location, message: "missing key `\(key.stringValue)`\(owner)",
                        codingPath: pathStrings(appending: .key(key)))
    }

    func valueNodeIfPresent(forKey key: some CodingKey) -> Int? {
        guard let entry = document.entry(of: key.stringValue, inMapping: node, hint: lookupHint) else { return nil }
        lookupHint = entry + 1
        return document.child(document.nodes[node], 2 * entry + 1)
    }

    func isNull(_ index: Int) -> Bool {
        document.nodes[index].isNull
    }
}
