import DebateCore
import YAMLCoding

/// Bounds for positions in an input: a reported line and column must lie inside it (or just past
/// its end: one line more, for an error at the end of the input). Lines may be broken by LF, CR,
/// NEL, LS or PS (YAML counts all five), so the bound on lines counts every byte that can start
/// one; columns count Unicode scalars, never more than bytes, so the bound on columns is the longest
/// run of bytes between LFs.
public struct InputBounds {
    public let lines: Int
    public let longestLine: Int

    public init(_ bytes: [UInt8]) {
        var lines = 1, longest = 0, current = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 { lines += 1 }
            // Only LF ends a line for every reader (Kialo's keeps a lone CR inside its line).
            if byte == 0x0A {
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        self.lines = lines
        self.longestLine = max(longest, current)
    }

    public func contains(_ location: SourceLocation) -> Bool {
        location.line >= 1 && location.line <= lines + 1 && location.column >= 1 && location.column <= longestLine + 1
    }

    /// Crashes unless every diagnostic that has a position is inside the input and says something.
    public func check(_ diagnostics: [Diagnostic], path: String, _ what: String) {
        if diagnostics.isEmpty { violated("\(what) failed without a diagnostic") }
        for d in diagnostics {
            if d.message.isEmpty { violated("\(what): empty message") }
            guard let location = d.location, location.path == path else { continue }
            if !contains(location) { violated("\(what): \(d) is outside the input (\(lines) lines, longest \(longestLine))") }
        }
    }

    public func check(_ error: YAMLError, path: String, _ what: String) {
        if error.message.isEmpty { violated("\(what): empty message") }
        if error.location.path == path, !contains(error.location) {
            violated("\(what): \(error) is outside the input (\(lines) lines, longest \(longestLine))")
        }
    }
}
