/// Reads the decoder's own node as one value.
struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull(decoder.node) }

    @inline(__always)
    private func value<T: Decodable>(_ type: T.Type) throws(YAMLError) -> T {
        try decoder.decode(type, node: decoder.node, key: .none)
    }

    @inline(__always)
    private func scalar<T>(_ kind: ScalarType, _ type: T.Type) throws(YAMLError) -> T {
        try decoder.decodeScalar(kind, as: type, node: decoder.node, key: .none)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(.bool, type) }
    func decode(_ type: String.Type) throws -> String { try scalar(.string, type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(.double, type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(.float, type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(.int, type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(.int8, type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(.int16, type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(.int32, type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(.int64, type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(.uint, type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(.uint8, type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(.uint16, type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(.uint32, type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(.uint64, type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type) throws -> Int128 { try scalar(.int128, type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type) throws -> UInt128 { try scalar(.uint128, type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }
}
