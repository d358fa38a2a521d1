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
    /// e.g. "unknown key `tga` in Claim"
    public var message: String
    /// e.g. "did you mean `tag`?"
    public var hint: String?
    /// Keys and indices from the root to the failing node: `["claims", "3", "tag"]`.
    public var codingPath: [String]

    public init(
        kind: Kind,
        location: SourceLocation,
        message: String,
        hint: String? = nil,
        codingPath: [String] = []
    ) {
        self.kind = kind
        self.location = location
        self.message = message
        self.hint = hint
        self.codingPath = codingPath
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
