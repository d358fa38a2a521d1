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
    /// What kind of problem this is, stable across releases: `double-turn`, `unknown-module`. Printed
    /// after the message the way compilers print a warning's flag, and `code` in JSON.
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    public var hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil,
                hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }
    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }
    public static func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.note, code, message, at: location, hint: hint)
    }

    /// The same, code last: `.warning("…", at: location, code: "double-turn")`.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil,
                code: DiagnosticCode) {
        self.init(severity, code, message, at: location, hint: hint)
    }
    public static func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: DiagnosticCode) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, hint: hint)
    }
    public static func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: DiagnosticCode) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, hint: hint)
    }
    public static func note(_ message: String, at location: SourceLocation? = nil, hint: String? = nil, code: DiagnosticCode) -> Diagnostic {
        Diagnostic(.note, code, message, at: location, hint: hint)
    }

    /// A YAML decoding error becomes an error diagnostic at the same position, with the error's code:
    /// a precise one for the mistakes YAMLCoding explains (`yaml-colon-in-text`), else its kind's.
    public init(_ error: YAMLError) {
        self.init(.error, DiagnosticCode(rawValue: error.code), error.message, at: error.location, hint: error.hint)
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let suffix = hint.map { "; \($0)" } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)\(suffix) [\(code)]"
    }

    private enum CodingKeys: String, CodingKey { case severity, code, message, file, line, column, hint }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(location?.path, forKey: .file)
        try c.encodeIfPresent(location?.line, forKey: .line)
        try c.encodeIfPresent(location?.column, forKey: .column)
        try c.encodeIfPresent(hint, forKey: .hint)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try c.decode(Severity.self, forKey: .severity)
        code = try c.decodeIfPresent(DiagnosticCode.self, forKey: .code) ?? .unspecified
        message = try c.decode(String.self, forKey: .message)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
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
