import YAMLCoding

/// A message about the user's input, printed the way compilers print theirs:
/// `decks/x.yaml:12:5: error: …`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var hint: String?
    /// A stable kebab-case name for the kind of problem (`double-turn`), for filtering and docs.
    public var code: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil,
                code: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint, code: code)
    }
    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint, code: code)
    }
    public static func note(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: String? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location, hint: hint, code: code)
    }

    /// A YAML decoding error becomes an error diagnostic at the same position.
    public init(_ error: YAMLError) {
        self.init(.error, error.message, at: error.location, hint: error.hint)
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let suffix = hint.map { "; \($0)" } ?? ""
        let code = self.code.map { " [\($0)]" } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)\(suffix)\(code)"
    }

    private enum CodingKeys: String, CodingKey { case severity, message, file, line, column, hint, code }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(location?.path, forKey: .file)
        try c.encodeIfPresent(location?.line, forKey: .line)
        try c.encodeIfPresent(location?.column, forKey: .column)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encodeIfPresent(code, forKey: .code)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        if let file = try c.decodeIfPresent(String.self, forKey: .file) {
            location = SourceLocation(path: file, line: try c.decodeIfPresent(Int.self, forKey: .line) ?? 1,
                                      column: try c.decodeIfPresent(Int.self, forKey: .column) ?? 1)
        } else {
            location = nil
        }
    }
}

/// Thrown when work cannot go on; carries every diagnostic found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
