/// Reads a mapping. Small mappings are scanned, large ones use the parser's dictionary index.
struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        let document = decoder.document
        let mapping = document.nodes[decoder.node]
        return (0..<(Int(mapping.count) / 2)).compactMap { entry in
            Key(stringValue: document.text(document.child(mapping, 2 * entry)))
        }
    }

    func contains(_ key: Key) -> Bool {
        decoder.valueNodeIfPresent(forKey: key) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try decoder.isNull(decoder.valueNode(forKey: key))
    }

    @inline(__always)
    private func value<T: Decodable>(_ type: T.Type, _ key: Key) throws(YAMLError) -> T {
        try decoder.decode(type, node: decoder.valueNode(forKey: key), key: .key(key))
    }

    @inline(__always)
    private func valueIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws(YAMLError) -> T? {
        guard let node = decoder.valueNodeIfPresent(forKey: key), !decoder.isNull(node) else { return nil }
        return try decoder.decode(type, node: node, key: .key(key))
    }

    @inline(__always)
    private func scalar<T>(_ kind: ScalarType, _ type: T.Type, _ key: Key) throws(YAMLError) -> T {
        let node = try decoder.valueNode(forKey: key)
        let value = try decoder.decodeScalar(kind, as: type, node: node, key: .key(key))
        if kind == .string { decoder.checkProseComment(node, key: key) }
        return value
    }

    @inline(__always)
    private func scalarIfPresent<T>(_ kind: ScalarType, _ type: T.Type, _ key: Key) throws(YAMLError) -> T? {
        guard let node = decoder.valueNodeIfPresent(forKey: key) else { return nil }
        guard !decoder.isNull(node) else {
            // `tag: #1 answer` reads as no tag at all: say so rather than skip the key.
            if kind == .string, decoder.session.mayHoldComments, let owner = decoder.type,
               decoder.session.proseKeys(of: owner).contains(key.stringValue),
               let error = decoder.commentInsteadOfValue(node, key: .key(key)) { throw error }
            return nil
        }
        let value = try decoder.decodeScalar(kind, as: type, node: node, key: .key(key))
        if kind == .string { decoder.checkProseComment(node, key: key) }
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(.bool, type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(.string, type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(.double, type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(.float, type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(.int, type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(.int8, type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(.int16, type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(.int32, type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(.int64, type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(.uint, type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(.uint8, type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(.uint16, type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(.uint32, type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(.uint64, type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try scalar(.int128, type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try scalar(.uint128, type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(type, key) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(.bool, type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(.string, type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try scalarIfPresent(.double, type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try scalarIfPresent(.float, type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(.int, type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try scalarIfPresent(.int8, type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try scalarIfPresent(.int16, type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try scalarIfPresent(.int32, type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try scalarIfPresent(.int64, type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try scalarIfPresent(.uint, type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try scalarIfPresent(.uint8, type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try scalarIfPresent(.uint16, type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try scalarIfPresent(.uint32, type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try scalarIfPresent(.uint64, type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? { try scalarIfPresent(.int128, type, key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? { try scalarIfPresent(.uint128, type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try valueIfPresent(type, key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let key = NameKey("super")
        return NodeDecoder(session: decoder.session, node: decoder.valueNodeIfPresent(forKey: key) ?? decoder.document.absentNode,
                           parent: decoder, key: .key(key), type: nil)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(session: decoder.session, node: decoder.valueNodeIfPresent(forKey: key) ?? decoder.document.absentNode,
                    parent: decoder, key: .key(key), type: nil)
    }

    private func child(_ key: Key) throws(YAMLError) -> NodeDecoder {
        NodeDecoder(session: decoder.session, node: try decoder.valueNode(forKey: key), parent: decoder, key: .key(key), type: nil)
    }
}
