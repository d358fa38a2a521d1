#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How `NodeDecoder` decodes a type: directly from a scalar, as an array without an unkeyed
/// container, or through the type's own `init(from:)`. Decided once per type and decode call.
enum DecodeStrategy {
    case scalar(ScalarType)
    case sequence(any YAMLSequenceDecodable.Type)
    /// `YAMLFastDecodable`: its fast form, else `init(from:)`.
    case fast(any YAMLFastDecodable.Type)
    case general
}

extension DecodingSession {
    /// A linear scan: a document involves a handful of types, and pointer comparisons beat hashing.
    func strategy(for type: Any.Type) -> DecodeStrategy {
        let id = ObjectIdentifier(type)
        for index in strategies.indices where strategies[index].type == id { return strategies[index].strategy }
        let strategy: DecodeStrategy
        if let scalar = ScalarType.of(type) {
            strategy = .scalar(scalar)
        } else if let sequence = type as? any YAMLSequenceDecodable.Type {
            strategy = .sequence(sequence)
        } else if fastPaths, let fast = type as? any YAMLFastDecodable.Type {
            strategy = .fast(fast)
        } else {
            strategy = .general
        }
        strategies.append((id, strategy))
        return strategy
    }
}

/// Arrays decode exactly as `Array.init(from:)` would, minus the container box, with capacity reserved.
protocol YAMLSequenceDecodable {
    static func decodeYAMLSequence(parent: NodeDecoder, node: Int, key: PathKey) throws(YAMLError) -> Self
}

extension Array: YAMLSequenceDecodable where Element: Decodable {
    static func decodeYAMLSequence(parent: NodeDecoder, node: Int, key: PathKey) throws(YAMLError) -> [Element] {
        let document = parent.document
        let sequence = document.nodes[node]
        guard sequence.kind == .sequence else {
            throw parent.mismatch(node, key: key, expected: "a sequence")
        }
        let decoder = NodeDecoder(session: parent.session, node: node, parent: parent, key: key, type: Self.self)
        var items: [Element] = []
        items.reserveCapacity(Int(sequence.count))
        for slot in 0..<Int(sequence.count) {
            items.append(try decoder.decode(Element.self, node: document.child(sequence, slot), key: .index(slot)))
        }
        return items
    }
}

/// The types `NodeDecoder` reads directly from a node.
enum ScalarType {
    case string, int, bool, double, yamlValue
    case int64, int32, int16, int8, uint, uint64, uint32, uint16, uint8, float, url, decimal, int128, uint128

    /// Metatype comparisons only: cheap enough to run before every nested decode.
    @inline(__always)
    static func of(_ type: Any.Type) -> ScalarType? {
        if type == String.self { return .string }
        if type == Int.self { return .int }
        if type == Bool.self { return .bool }
        if type == Double.self { return .double }
        if type == YAMLValue.self { return .yamlValue }
        if type == Int64.self { return .int64 }
        if type == Int32.self { return .int32 }
        if type == Int16.self { return .int16 }
        if type == Int8.self { return .int8 }
        if type == UInt.self { return .uint }
        if type == UInt64.self { return .uint64 }
        if type == UInt32.self { return .uint32 }
        if type == UInt16.self { return .uint16 }
        if type == UInt8.self { return .uint8 }
        if type == Float.self { return .float }
        if type == URL.self { return .url }
        if type == Decimal.self { return .decimal }
        if #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) {
            if type == Int128.self { return .int128 }
            if type == UInt128.self { return .uint128 }
        }
        return nil
    }
}
