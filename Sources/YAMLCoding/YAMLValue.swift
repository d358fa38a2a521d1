/// Any YAML value, with mapping order kept.
///
/// `YAMLDecoder` builds it straight from the node tree (plain scalars typed by the core schema,
/// quoted ones always strings). It is also `Codable` through any coder, e.g. JSONDecoder, which
/// cannot tell mapping order: such mappings come out sorted by key.
public enum YAMLValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping([YAMLValue.Entry])

    /// One key/value pair of a mapping.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: YAMLValue

        public init(key: String, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    public init(from decoder: any Decoder) throws {
        if let node = decoder as? NodeDecoder {
            self = node.value(of: node.node)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([YAMLValue].self) {
            self = .sequence(value)
        } else if let value = try? container.decode([String: YAMLValue].self) {
            self = .mapping(value.sorted { $0.key < $1.key }.map { Entry(key: $0.key, value: $0.value) })
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a value YAMLValue can hold")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .sequence(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .mapping(let entries):
            var container = encoder.container(keyedBy: NameKey.self)
            for entry in entries { try container.encode(entry.value, forKey: NameKey(entry.key)) }
        }
    }
}

// MARK: - Accessors

extension YAMLValue {
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// Doubles, and integers converted to Double.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// The entries of a mapping, in order.
    public var mappingValue: [Entry]? {
        if case .mapping(let entries) = self { return entries }
        return nil
    }

    /// A mapping as a dictionary (order lost).
    public var dictionaryValue: [String: YAMLValue]? {
        guard case .mapping(let entries) = self else { return nil }
        return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The value for `key` in a mapping (nil for a missing key or a non-mapping).
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// The item at `index` in a sequence (nil when out of range or not a sequence).
    public subscript(index: Int) -> YAMLValue? {
        guard case .sequence(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}

// MARK: - Literals

extension YAMLValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
    public init(dictionaryLiteral elements: (String, YAMLValue)...) {
        self = .mapping(elements.map { Entry(key: $0.0, value: $0.1) })
    }
}
