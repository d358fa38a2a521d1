import DebateCore
import Foundation

/// Where messages go: diagnostics and progress to stderr, results to stdout. Color only on a
/// terminal and never with NO_COLOR.
struct Console {
    var color: Bool

    init() {
        let env = ProcessInfo.processInfo.environment
        color = isatty(STDERR_FILENO) == 1 && env["NO_COLOR"].map(\.isEmpty) ?? true && env["TERM"] != "dumb"
    }

    /// A result line on standard output; control characters from the data are shown escaped.
    /// A failed write ends the run with status 74 (`StandardStream`).
    func out(_ text: String) {
        StandardStream.output.write(TerminalText.sanitize(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// A message line on standard error; control characters from the data are shown escaped.
    func err(_ text: String) {
        StandardStream.error.write(TerminalText.sanitize(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// One line per diagnostic; what came from files and modules is made safe to print first,
    /// then our own colors are added.
    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { StandardStream.error.write(format(Self.printable(relative(diagnostic))) + "\n") }
    }

    /// The diagnostic with every control character (line breaks included: one diagnostic, one line) escaped.
    static func printable(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        d.message = TerminalText.sanitize(d.message, keepNewlines: false)
        d.hint = d.hint.map { TerminalText.sanitize($0, keepNewlines: false) }
        if let path = d.location?.path { d.location?.path = TerminalText.sanitize(path, keepNewlines: false) }
        return d
    }

    /// Paths below the current folder are shown relative to it, as a compiler would.
    func relative(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if let path = d.location?.path, path.hasPrefix(cwd) { d.location?.path = String(path.dropFirst(cwd.count)) }
        return d
    }

    func format(_ d: Diagnostic) -> String {
        guard color else { return d.description }
        let code: String
        switch d.severity {
        case .error: code = "\u{1B}[1;31m"
        case .warning: code = "\u{1B}[1;35m"
        case .note: code = "\u{1B}[1;36m"
        }
        let location = d.location.map { "\u{1B}[1m\($0): \u{1B}[0m" } ?? ""
        let hint = d.hint.map { "; \($0)" } ?? ""
        return "\(location)\(code)\(d.severity.rawValue):\u{1B}[0m \u{1B}[1m\(d.message)\u{1B}[0m\(hint)"
    }

    /// "2 errors, 1 warning" — for the summary line after diagnostics.
    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func count(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.filter { $0.severity == .note }.count
        return [plural(errors, "error"), plural(warnings, "warning"), plural(notes, "note")].joined(separator: ", ")
    }

    func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
