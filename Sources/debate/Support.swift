import ArgumentParser
import BuiltInModules
import DebateCore
import DeckBuilder
import Foundation
import ModuleLoading
import YAMLCoding

/// sysexits(3) codes, as DESIGN.md's CLI conventions name them.
enum Exit {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cantCreate = ExitCode(73)
    static let ioError = ExitCode(74)
}

/// Options every command that loads modules shares.
struct ModulePathOptions: ParsableArguments {
    @Option(name: .customLong("module-path"),
            help: ArgumentHelp("A module folder (module.yaml + claim files, or a process module) or a folder of them. Repeatable; searched before DEBATE_MODULE_PATH, the deck's modules/ folder, $XDG_DATA_HOME/debate/modules and PATH.",
                               valueName: "dir"))
    var modulePaths: [String] = []

    @Option(name: .customLong("module-timeout"),
            help: ArgumentHelp("Seconds a process module may run before it is killed (default 10; overrides `timeout:` in module.yaml).",
                               valueName: "seconds"))
    var moduleTimeout: Double?

    func validate() throws {
        if let moduleTimeout, !(moduleTimeout > 0 && moduleTimeout <= 3600) {
            throw ValidationError("--module-timeout takes seconds between 0 and 3600")
        }
    }

    var settings: ProcessModule.Settings { ProcessModule.Settings(timeoutOverride: moduleTimeout) }

    /// Built-in modules plus every module discovered for `deck` (its modules/ folder and pins);
    /// prints problems and exits 65 on failure.
    func registry(_ console: Console, deck: String? = nil) throws -> ModuleRegistry {
        let builtIns: [any ArgumentModule]
        do {
            builtIns = try loadBuiltInModules()
        } catch let error as DiagnosticsError {
            console.report(error.diagnostics)
            throw Exit.software
        }
        // The deck's pins; a deck that does not decode is reported by the build itself.
        let pins = deck.flatMap { try? YAMLDecoder().decode(DeckConfiguration.self, fromFile: $0) }?.pins ?? []
        let search = ModuleSearch(modulePaths: modulePaths, deckFile: deck, pins: pins, settings: settings)
        do {
            return try ModuleRegistry.discover(builtIns: builtIns, search: search)
        } catch {
            console.report(error.diagnostics)
            throw Exit.dataError
        }
    }
}

/// Where messages go: diagnostics and progress to stderr, results to stdout. Color only on a
/// terminal and never with NO_COLOR.
struct Console {
    var color: Bool

    init() {
        let env = ProcessInfo.processInfo.environment
        color = isatty(STDERR_FILENO) == 1 && env["NO_COLOR"].map(\.isEmpty) ?? true && env["TERM"] != "dumb"
    }

    /// A result line on standard output; control characters from the data are shown escaped.
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

/// `-o out` where `out` is a folder: the output is one file.
struct OutputPathIsAFolder: LocalizedError {
    var path: String
    var errorDescription: String? {
        "\(path) is a folder; -o takes a file name, e.g. \((path as NSString).appendingPathComponent("deck.md"))"
    }
}

/// Writes a file so that a failure never leaves half of it: a temporary file beside it, then rename.
/// A path that is not a regular file (a device such as /dev/null, a pipe) is written directly.
func writeAtomically(_ text: String, to path: String) throws {
    try writeAtomically(Data(text.utf8), to: path)
}

func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        if isDirectory.boolValue { throw OutputPathIsAFolder(path: path) }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            try data.write(to: url)
            return
        }
    }
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                          NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw error
    }
}
