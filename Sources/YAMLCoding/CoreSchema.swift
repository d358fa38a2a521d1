import CYAML

/// libyaml's scalar styles, stored in `Node.style`.
enum ScalarStyle: UInt8 {
    case plain, singleQuoted, doubleQuoted, literal, folded

    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }

    var publicStyle: YAMLScalarStyle {
        switch self {
        case .plain: .plain
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal: .literal
        case .folded: .folded
        }
    }
}

/// The YAML 1.2 core schema: how a plain scalar's text resolves to null, bool, int or float.
/// Quoted and block scalars are always strings; callers only ask about plain ones.
enum CoreSchema {
    enum IntegerResult<I> {
        case notInteger
        case overflow
        case value(I)
    }

    static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text.count {
        case 0: return true
        case 1: return text[0] == UInt8(ascii: "~")
        case 4: return equals(text, "null") || equals(text, "Null") || equals(text, "NULL")
        default: return false
        }
    }

    static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch text.count {
        case 4 where equals(text, "true") || equals(text, "True") || equals(text, "TRUE"): return true
        case 5 where equals(text, "false") || equals(text, "False") || equals(text, "FALSE"): return false
        default: return nil
        }
    }

    @inline(__always)
    private static func equals(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == text.count else { return false }
        let other = literal.utf8Start
        for i in 0..<text.count where text[i] != other[i] { return false }
        return true
    }

    /// YAML 1.1 booleans that the core schema reads as strings; used for hints and by the emitter.
    static func isYAML11Bool(_ text: String) -> Bool {
        // The words are at most three letters: a longer string (a whole card) is never lowercased.
        text.utf8.count <= 3 && ["y", "yes", "n", "no", "on", "off"].contains(text.lowercased())
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ candidates: StaticString...) -> Bool {
        candidates.contains { equals(text, $0) }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func integer<I: FixedWidthInteger>(_ text: UnsafeBufferPointer<UInt8>, as type: I.Type) -> IntegerResult<I> {
        guard let firstByte = text.first else { return .notInteger }
        var index = 0
        var negative = false
        var radix: I.Magnitude = 10
        if text.count > 2 && firstByte == UInt8(ascii: "0") && (text[1] == UInt8(ascii: "x") || text[1] == UInt8(ascii: "o")) {
            radix = text[1] == UInt8(ascii: "x") ? 16 : 8
            index = 2
        } else if firstByte == UInt8(ascii: "-") || firstByte == UInt8(ascii: "+") {
            negative = firstByte == UInt8(ascii: "-")
            index = 1
        }
        guard index < text.count else { return .notInteger }
        var value: I = 0
        var overflow = false
        while index < text.count {
            guard let digit = digitValue(text[index], radix: Int(radix)) else { return .notInteger }
            index += 1
            if overflow { continue }  // keep validating the syntax
            let (scaled, o1) = value.multipliedReportingOverflow(by: I(truncatingIfNeeded: radix))
            let (next, o2) = negative
                ? scaled.subtractingReportingOverflow(I(truncatingIfNeeded: digit))
                : scaled.addingReportingOverflow(I(truncatingIfNeeded: digit))
            if o1 || o2 { overflow = true } else { value = next }
        }
        return overflow ? .overflow : .value(value)
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    enum FloatForm {
        case notFloat
        case decimal  // `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, integers included
        case special(Double)  // .inf, -.inf, .nan
        case radix  // 0x…, 0o…
    }

    static func floatForm(_ text: UnsafeBufferPointer<UInt8>) -> FloatForm {
        if matches(text, ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF") { return .special(.infinity) }
        if matches(text, "-.inf", "-.Inf", "-.INF") { return .special(-.infinity) }
        if matches(text, ".nan", ".NaN", ".NAN") { return .special(.nan) }
        if text.count > 2 && text[0] == UInt8(ascii: "0") && (text[1] == UInt8(ascii: "x") || text[1] == UInt8(ascii: "o")) {
            if case .notInteger = integer(text, as: Int8.self) { return .notFloat }
            return .radix
        }
        var i = 0
        let n = text.count
        func digits() -> Int {
            let start = i
            while i < n && text[i] >= UInt8(ascii: "0") && text[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < n && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) { i += 1 }
        let whole = digits()
        if i < n && text[i] == UInt8(ascii: ".") {
            i += 1
            let fraction = digits()
            if whole == 0 && fraction == 0 { return .notFloat }
        } else if whole == 0 {
            return .notFloat
        }
        if i < n && (text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) { i += 1 }
            if digits() == 0 { return .notFloat }
        }
        return i == n ? .decimal : .notFloat
    }

    enum FloatResult<F> {
        case notFloat
        case overflow
        case value(F)
    }

    static func float<F: BinaryFloatingPoint & LosslessStringConvertible>(_ text: UnsafeBufferPointer<UInt8>, as type: F.Type) -> FloatResult<F> {
        switch floatForm(text) {
        case .notFloat:
            return .notFloat
        case .special(let value):
            return .value(F(value))
        case .radix:
            var value: F = 0
            let radix: F = text[1] == UInt8(ascii: "x") ? 16 : 8
            for byte in text.dropFirst(2) {
                guard let digit = digitValue(byte, radix: Int(radix)) else { return .notFloat }
                value = value * radix + F(digit)
            }
            return value.isFinite ? .value(value) : .overflow
        case .decimal:
            guard let value = F(String(decoding: text, as: UTF8.self)) else { return .notFloat }
            return value.isFinite ? .value(value) : .overflow
        }
    }

    /// The typed value of a plain scalar, for `YAMLValue`.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>) -> YAMLValue {
        if isNull(text) { return .null }
        if let value = bool(text) { return .bool(value) }
        switch integer(text, as: Int.self) {
        case .value(let value): return .int(value)
        case .overflow, .notInteger: break
        }
        if case .value(let value) = float(text, as: Double.self) { return .double(value) }
        return .string(String(decoding: text, as: UTF8.self))
    }
}
