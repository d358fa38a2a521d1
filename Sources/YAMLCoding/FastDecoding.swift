/// A type that can read itself straight from the parsed tree, without Codable's containers: for the
/// few types a big file holds thousands of (a claim file's entries).
///
/// `decodeYAML` returns nil as soon as anything is unusual — a key it does not know, a null, a value
/// of the wrong shape, anything its `init(from:)` would refuse — and the decoder then runs
/// `init(from:)` on the same node, which reports the problem in its usual words and place. So the
/// fast form only has to agree with `init(from:)` on what it accepts; warnings it noted before giving
/// up are dropped (`init(from:)` notes them again).
public protocol YAMLFastDecodable: Decodable {
    static func decodeYAML(_ mapping: YAMLFastMapping) -> Self?
}

/// A mapping being read by a `YAMLFastDecodable` type.
public struct YAMLFastMapping {
    /// The decoder `init(from:)` would get for this node (its type, path and position).
    let decoder: NodeDecoder
    let node: Int
    /// The type whose prose keys `checkProse` looks up (a nested mapping's own type).
    let owner: Any.Type?

    /// Where the mapping starts (what `Decoder.sourceLocation` gives `init(from:)`).
    public var location: SourceLocation { decoder.location(of: node) }

    /// Number of entries.
    public var count: Int { Int(decoder.document.nodes[node].count) / 2 }

    /// The key of entry `entry` (a short key is a small string: no allocation).
    public func key(_ entry: Int) -> String {
        let document = decoder.document
        return document.text(document.child(document.nodes[node], 2 * entry))
    }

    /// The value of entry `entry`.
    public func value(_ entry: Int) -> YAMLFastValue {
        let document = decoder.document
        return YAMLFastValue(mapping: self, node: document.child(document.nodes[node], 2 * entry + 1))
    }
}

/// One value of a mapping being read fast. Every accessor gives nil where `init(from:)` could
/// complain (a null, a mapping where a string is wanted, …): the caller then gives up.
public struct YAMLFastValue {
    let mapping: YAMLFastMapping
    let node: Int

    private var document: Document { mapping.decoder.document }

    /// A null (`~`, `null`, nothing): what `init(from:)` reads as an absent optional, unless
    /// `nullIsComment` says it reports it.
    public var isNull: Bool { document.nodes[node].isNull }

    /// An empty string value followed by `# …` (`tag: #1 answer`): `init(from:)` reports it when
    /// it reads an optional string under `key`.
    public func nullIsComment(key: some CodingKey) -> Bool {
        let decoder = mapping.decoder
        guard decoder.session.mayHoldComments, let owner = mapping.owner,
              decoder.session.proseKeys(of: owner).contains(key.stringValue) else { return false }
        return decoder.commentInsteadOfValue(node, key: .key(key)) != nil
    }

    /// The text of a scalar that is not null.
    public var string: String? {
        let value = document.nodes[node]
        guard value.kind == .scalar, !value.isNull else { return nil }
        return document.text(node)
    }

    /// `true` or `false`, written plain.
    public var bool: Bool? {
        let value = document.nodes[node]
        guard value.kind == .scalar, value.isResolvable, !value.isNull else { return nil }
        return document.withBytes(node) { CoreSchema.bool($0) }
    }

    /// A sequence of scalars that are not null, as strings.
    public var strings: [String]? {
        let value = document.nodes[node]
        guard value.kind == .sequence else { return nil }
        var result: [String] = []
        result.reserveCapacity(Int(value.count))
        for slot in 0..<Int(value.count) {
            let item = document.child(value, slot)
            let itemNode = document.nodes[item]
            guard itemNode.kind == .scalar, !itemNode.isNull else { return nil }
            result.append(document.text(item))
        }
        return result
    }

    /// The value as a mapping whose prose keys are `owner`'s (the type `init(from:)` would decode it as).
    public func mapping(as owner: Any.Type) -> YAMLFastMapping? {
        guard document.nodes[node].kind == .mapping else { return nil }
        return YAMLFastMapping(decoder: mapping.decoder, node: node, owner: owner)
    }

    /// Where the value starts.
    public var location: SourceLocation { mapping.decoder.location(of: node) }

    /// What `Decoder.yamlScalar` gives `init(from:)` for this value.
    public var scalarInfo: YAMLScalarInfo? { mapping.decoder.scalarInfo(of: node) }

    /// Notes the warning `init(from:)` notes after reading a prose value (`key` among its owner's
    /// `yamlProseKeys`) that a ` # …` cut short. Call it where `init(from:)` reads the value.
    public func checkProse(key: some CodingKey) {
        mapping.decoder.checkProseComment(node, key: key, owner: mapping.owner)
    }
}

extension NodeDecoder {
    /// `type`'s fast form on this decoder's node; nil (with no warnings kept) when it gives up.
    func decodeFast<T>(_ type: any YAMLFastDecodable.Type, as: T.Type) -> T? {
        guard document.nodes[node].kind == .mapping else { return nil }
        let mark = session.warnings.count
        func open<F: YAMLFastDecodable>(_ fast: F.Type) -> T? {
            // `F` is `T` opened from the cached existential metatype.
            F.decodeYAML(YAMLFastMapping(decoder: self, node: node, owner: F.self)).map { unsafeBitCast($0, to: T.self) }
        }
        if let value = open(type) { return value }
        if session.warnings.count > mark { session.warnings.removeSubrange(mark...) }
        return nil
    }
}
