/// A position in a source file, 1-based, as compilers print it.
///
/// Columns count Unicode scalars (code points), the way libyaml counts them.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`
    public var description: String { "\(path):\(line):\(column)" }
}
