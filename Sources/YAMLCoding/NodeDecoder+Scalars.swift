#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Scalars resolved by the requested type (YAML 1.2 core schema), with typed, located errors.
extension NodeDecoder {
    func decodeString(_ index: Int, key: PathKey) throws(YAMLError) -> String {
        let node = document.nodes[index]
        guard node.kind == .scalar, !node.isNull else {
            var hint: String?
            if node.kind == .scalar && node.flags & (Node.emptyDocument | Node.absent) == 0 {
                let text = document.text(index)
                hint = text.isEmpty ? "write \"\" for an empty string" : "write \"\(text)\" in quotes for the word itself"
            }
            throw mismatch(index, key: key, expected: "a string", hint: hint)
        }
        return document.text(index)
    }

    func decodeBool(_ index: Int, key: PathKey) throws(YAMLError) -> Bool {
        let node = document.nodes[index]
        if node.kind == .scalar && node.isResolvable,
            let value = document.withBytes(index, { bytes in CoreSchema.bool(bytes) })
        {
            return value
        }
        var hint: String?
        if node.kind == .scalar {
            let text = document.text(index)
            if CoreSchema.isYAML11Bool(text) {
                hint = "YAML 1.2 booleans are `true` and `false`"
            } else if !node.isResolvable && (text == "true" || text == "false") {
                hint = "remove the quotes to write a boolean"
            }
        }
        throw mismatch(index, key: key, expected: "a boolean (`true` or `false`)", hint: hint)
    }

    func decodeInteger<I: FixedWidthInteger>(_ index: Int, key: PathKey, as type: I.Type) throws(YAMLError) -> I {
        let node = document.nodes[index]
        let expected = I.self == Int.self ? "an integer" : "an integer from \(I.min) to \(I.max)"
        guard node.kind == .scalar else { throw mismatch(index, key: key, expected: expected) }
        let result = document.withBytes(index) { bytes in CoreSchema.integer(bytes, as: I.self) }
        switch result {
        case .value(let value) where node.isResolvable:
            return value
        case .overflow where node.isResolvable:
            throw YAMLError(kind: .invalidValue, location: location(of: index),
                            message: "`\(document.text(index))` is out of range: a whole number from \(I.min) to \(I.max) is allowed here",
                            codingPath: pathStrings(appending: key))
        case .value, .overflow:
            throw mismatch(index, key: key, expected: expected, hint: "remove the quotes to write a number")
        case .notInteger:
            throw mismatch(index, key: key, expected: expected)
        }
    }

    func decodeFloat<F: BinaryFloatingPoint & LosslessStringConvertible>(_ index: Int, key: PathKey, as type: F.Type) throws(YAMLError) -> F {
        let node = document.nodes[index]
        guard node.kind == .scalar else { throw mismatch(index, key: key, expected: "a number") }
        let result = document.withBytes(index) { bytes in CoreSchema.float(bytes, as: F.self) }
        switch result {
        case .value(let value) where node.isResolvable:
            return value
        case .overflow where node.isResolvable:
            throw YAMLError(kind: .invalidValue, location: location(of: index),
                            message: "`\(document.text(index))` is out of range: the number is too large", codingPath: pathStrings(appending: key))
        case .value, .overflow:
            throw mismatch(index, key: key, expected: "a number", hint: "remove the quotes to write a number")
        case .notFloat:
            throw mismatch(index, key: key, expected: "a number")
        }
    }

    /// Decodes the types read straight from scalars (and `YAMLValue`) without making a sub-decoder.
    /// `kind` must be `ScalarType.of(T.self)`: T is then exactly the type decoded here.
    @inline(__always)
    func decodeScalar<T>(_ kind: ScalarType, as type: T.Type, node index: Int, key: PathKey) throws(YAMLError) -> T {
        switch kind {
        case .string: return unsafeBitCast(try decodeString(index, key: key), to: T.self)
        case .int: return unsafeBitCast(try decodeInteger(index, key: key, as: Int.self), to: T.self)
        case .bool: return unsafeBitCast(try decodeBool(index, key: key), to: T.self)
        case .double: return unsafeBitCast(try decodeFloat(index, key: key, as: Double.self), to: T.self)
        case .yamlValue: return unsafeBitCast(value(of: index), to: T.self)
        case .int64: return unsafeBitCast(try decodeInteger(index, key: key, as: Int64.self), to: T.self)
        case .int32: return unsafeBitCast(try decodeInteger(index, key: key, as: Int32.self), to: T.self)
        case .int16: return unsafeBitCast(try decodeInteger(index, key: key, as: Int16.self), to: T.self)
        case .int8: return unsafeBitCast(try decodeInteger(index, key: key, as: Int8.self), to: T.self)
        case .uint: return unsafeBitCast(try decodeInteger(index, key: key, as: UInt.self), to: T.self)
        case .uint64: return unsafeBitCast(try decodeInteger(index, key: key, as: UInt64.self), to: T.self)
        case .uint32: return unsafeBitCast(try decodeInteger(index, key: key, as: UInt32.self), to: T.self)
        case .uint16: return unsafeBitCast(try decodeInteger(index, key: key, as: UInt16.self), to: T.self)
        case .uint8: return unsafeBitCast(try decodeInteger(index, key: key, as: UInt8.self), to: T.self)
        case .float: return unsafeBitCast(try decodeFloat(index, key: key, as: Float.self), to: T.self)
        case .url: return unsafeBitCast(try decodeURL(index, key: key), to: T.self)
        case .decimal: return unsafeBitCast(try decodeDecimal(index, key: key), to: T.self)
        case .int128, .uint128:
            guard #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) else {
                throw mismatch(index, key: key, expected: "an integer")
            }
            if kind == .int128 { return unsafeBitCast(try decodeInteger(index, key: key, as: Int128.self), to: T.self) }
            return unsafeBitCast(try decodeInteger(index, key: key, as: UInt128.self), to: T.self)
        }
    }

    /// JSONDecoder reads URL from a string too (its own Codable form is a keyed container).
    private func decodeURL(_ index: Int, key: PathKey) throws(YAMLError) -> URL {
        let text = try decodeString(index, key: key)
        guard let url = URL(string: text) else {
            throw YAMLError(kind: .invalidValue, location: location(of: index), message: "`\(text)` is not a valid URL",
                            codingPath: pathStrings(appending: key))
        }
        return url
    }

    private func decodeDecimal(_ index: Int, key: PathKey) throws(YAMLError) -> Decimal {
        let node = document.nodes[index]
        guard node.kind == .scalar, node.isResolvable,
            case .decimal = document.withBytes(index, { CoreSchema.floatForm($0) }),
            let value = Decimal(string: document.text(index))
        else {
            throw mismatch(index, key: key, expected: "a decimal number")
        }
        return value
    }

    /// A `YAMLValue` straight from the node: mapping order kept, plain scalars typed by the core schema.
    func value(of index: Int) -> YAMLValue {
        let node = document.nodes[index]
        switch node.kind {
        case .scalar:
            guard node.isResolvable else { return .string(document.text(index)) }
            return document.scalarBytes.withUnsafeBufferPointer { bytes in
                CoreSchema.resolve(UnsafeBufferPointer(rebasing: bytes[Int(node.first)..<Int(node.first + node.count)]))
            }
        case .sequence:
            var items: [YAMLValue] = []
            items.reserveCapacity(Int(node.count))
            for slot in 0..<Int(node.count) {
                items.append(value(of: document.child(node, slot)))
            }
            return .sequence(items)
        case .mapping:
            var entries: [YAMLValue.Entry] = []
            entries.reserveCapacity(Int(node.count) / 2)
            for entry in 0..<(Int(node.count) / 2) {
                entries.append(YAMLValue.Entry(key: document.text(document.child(node, 2 * entry)),
                                               value: value(of: document.child(node, 2 * entry + 1))))
            }
            return .mapping(entries)
        }
    }

    // MARK: - Messages

    func mismatch(_ index: Int, key: PathKey, expected: String, hint: String? = nil) -> YAMLError {
        if document.nodes[index].flags & Node.emptyDocument != 0 {
            let onlyComments = session.input.contains { $0 > 0x20 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            return YAMLError(kind: .typeMismatch, location: location(of: index),
                             message: onlyComments ? "the file holds only comments" : "the file is empty",
                             hint: (type as? any YAMLDescribed.Type)?.yamlEmptyFileHint, codingPath: pathStrings, code: "empty-file")
        }
        if let comment = commentInsteadOfValue(index, key: key) { return comment }
        return YAMLError(kind: .typeMismatch, location: location(of: index), message: "expected \(expected), found \(describe(index))",
                  hint: hint, codingPath: pathStrings(appending: key))
    }

    /// "a mapping", "`abc`", "the quoted string \"42\"", "null", …
    func describe(_ index: Int) -> String {
        let node = document.nodes[index]
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar: break
        }
        if node.flags & Node.emptyDocument != 0 { return "an empty document" }
        if node.flags & Node.absent != 0 { return "no value" }
        let text = document.text(index)
        if node.isNull { return text.isEmpty ? "an empty value" : "null" }
        var shown = text.prefix { $0 != "\n" && $0 != "\r" }
        if shown.count > 40 { shown = shown.prefix(40) }
        let cut = shown.count < text.count ? "…" : ""
        switch ScalarStyle(rawValue: node.style) ?? .plain {
        case .plain where node.isResolvable: return "`\(shown)\(cut)`"
        case .literal, .folded: return "a block of text"
        default: return "the quoted string \"\(shown)\(cut)\""
        }
    }
}
