/// Every failure of YAMLCoding: what went wrong, where, and (when we can guess) how to fix it.
public struct YAMLError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        /// The file could not be read, or the emitter failed.
        case io
        /// libyaml rejected the text (or the text is not valid UTF-8).
        case syntax
        /// A required key (or sequence item) is absent.
        case missingKey
        /// The node has the wrong shape or scalar type for the requested Swift type.
        case typeMismatch
        /// A mapping key that the target type does not know.
        case unknownKey
        /// A string that is not one of an enumeration's raw values.
        case unknownValue
        /// The same key twice in one mapping.
        case duplicateKey
        /// Input size, nesting depth or alias expansion above `YAMLLimits`.
        case limitExceeded
        /// The value has the right type but is not acceptable (e.g. integer overflow).
        case invalidValue
    }

    public var kind: Kind
    public var location: SourceLocation
    /// e.g. "unknown key `tga` in claim `potash.leverage`" (the user's words, never a Swift type name)
    public var message: String
    /// e.g. "did you mean `tag`?"
    public var hint: String?
    /// Keys and indices from the root to the failing node: `["claims", "3", "tag"]`.
    public var codingPath: [String]
    /// A stable kebab-case name for the mistake (`yaml-colon-in-text`, `unknown-key`, …), for `--json` and docs.
    public var code: String

    public init(
        kind: Kind,
        location: SourceLocation,
        message: String,
        hint: String? = nil,
        codingPath: [String] = [],
        code: String? = nil
    ) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
        self.codingPath = codingPath
        self.code = code ?? kind.code
    }

    /// `path:line:column: error: message` followed by `; hint` when there is one.
    public var description: String {
        var text = "\(location.path):\(location.line):\(location.column): error: \(message)"
        if let hint {
            text += "; \(hint)"
        }
        return text
    }
}

/// The code a type's own `init(from:)` gives the error it throws, in the `DecodingError.Context`'s
/// `underlyingError`: `DecodingError.dataCorrupted(.init(codingPath: …, debugDescription: …,
/// underlyingError: YAMLErrorCode("invalid-claim-id")))`. The error stays a `DecodingError` for
/// other decoders; ours reports it with this code instead of its kind's generic one.
public struct YAMLErrorCode: Error, Sendable, Equatable {
    public var code: String
    public init(_ code: String) { self.code = code }
}

extension YAMLError.Kind {
    /// The code of an error of this kind when nothing more precise is known.
    public var code: String {
        switch self {
        case .io: "unreadable-file"
        case .syntax: "yaml-syntax"
        case .missingKey: "missing-key"
        case .typeMismatch: "wrong-type"
        case .unknownKey: "unknown-key"
        case .unknownValue: "unknown-value"
        case .duplicateKey: "duplicate-key"
        case .limitExceeded: "limit-exceeded"
        case .invalidValue: "invalid-value"
        }
    }
}

/// Something the decoder noticed that is probably a mistake but still decodes: a ` #` that YAML
/// read as a comment in the middle of a tag. Collected by `YAMLDecoder.decode(_:fromFile:warnings:)`.
public struct YAMLWarning: Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var hint: String?
    public var code: String

    public init(location: SourceLocation, message: String, hint: String? = nil, code: String) {
        self.location = location
        self.message = message
        self.hint = hint
        self.code = code
    }

    /// `path:line:column: warning: message; hint`
    public var description: String {
        "\(location.path):\(location.line):\(location.column): warning: \(message)" + (hint.map { "; \($0)" } ?? "")
    }
}
