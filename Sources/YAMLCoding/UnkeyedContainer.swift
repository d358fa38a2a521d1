/// Reads a sequence item by item.
struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    private let sequence: Node
    private(set) var currentIndex = 0

    init(decoder: NodeDecoder) {
        self.decoder = decoder
        self.sequence = decoder.document.nodes[decoder.node]
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { Int(sequence.count) }
    var isAtEnd: Bool { currentIndex >= Int(sequence.count) }

    private func currentNode() throws(YAMLError) -> Int {
        guard !isAtEnd else {
            throw YAMLError(kind: .missingKey, location: decoder.location,
                            message: "expected more than \(sequence.count) item\(sequence.count == 1 ? "" : "s") in the sequence",
                            codingPath: decoder.pathStrings(appending: .index(currentIndex)))
        }
        return decoder.document.child(sequence, currentIndex)
    }

    mutating func decodeNil() throws -> Bool {
        guard try decoder.isNull(currentNode()) else { return false }
        currentIndex += 1
        return true
    }

    @inline(__always)
    private mutating func next<T: Decodable>(_ type: T.Type) throws(YAMLError) -> T {
        let value = try decoder.decode(type, node: currentNode(), key: .index(currentIndex))
        currentIndex += 1
        return value
    }

    @inline(__always)
    private mutating func nextScalar<T>(_ kind: ScalarType, _ type: T.Type) throws(YAMLError) -> T {
        let value = try decoder.decodeScalar(kind, as: type, node: currentNode(), key: .index(currentIndex))
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try nextScalar(.bool, type) }
    mutating func decode(_ type: String.Type) throws -> String { try nextScalar(.string, type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try nextScalar(.double, type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try nextScalar(.float, type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try nextScalar(.int, type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try nextScalar(.int8, type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try nextScalar(.int16, type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try nextScalar(.int32, type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try nextScalar(.int64, type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try nextScalar(.uint, type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try nextScalar(.uint8, type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try nextScalar(.uint16, type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try nextScalar(.uint32, type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try nextScalar(.uint64, type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try nextScalar(.int128, type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try nextScalar(.uint128, type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try child().container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try child().unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try child()
        currentIndex += 1
        return decoder
    }

    private func child() throws(YAMLError) -> NodeDecoder {
        NodeDecoder(session: decoder.session, node: try currentNode(), parent: decoder, key: .index(currentIndex), type: nil)
    }
}
