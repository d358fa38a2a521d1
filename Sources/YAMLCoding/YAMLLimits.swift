/// Caps that make hostile or broken input fail fast instead of exhausting memory or stack.
public struct YAMLLimits: Sendable {
    /// Largest accepted input, in bytes (default 256 MiB).
    public var maxInputBytes: Int
    /// Deepest nesting of sequences and mappings (default 256), aliases included. Decoding recurses
    /// once per level, so much larger values need a thread with a larger stack.
    public var maxDepth: Int
    /// Most nodes that aliases may re-use in total (default 1,000,000): the "billion laughs" guard.
    public var maxAliasExpandedNodes: Int

    public init(
        maxInputBytes: Int = 256 << 20,
        maxDepth: Int = 256,
        maxAliasExpandedNodes: Int = 1_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasExpandedNodes = maxAliasExpandedNodes
    }

    public static let `default` = YAMLLimits()
}
