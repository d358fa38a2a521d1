import YAMLCoding

extension Diagnostic {
    /// A decoder warning (e.g. a ` #` that YAML read as a comment inside a tag) at the same position.
    public init(_ warning: YAMLWarning) {
        self.init(.warning, DiagnosticCode(rawValue: warning.code), warning.message, at: warning.location, hint: warning.hint)
    }
}
