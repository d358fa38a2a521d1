import ArgumentParser
import DebateCore
import DeckBuilder
import DeckModel
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension HighlightColor: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a deck from its YAML configuration.",
        discussion: """
        Without --format, writes every output the deck file lists under `outputs:`. With --format, writes \
        that one format to -o PATH (or `-o -` for standard output; default: the deck's own output path for \
        that format, else out/DECK-ID.EXT). Warnings and notes (coverage) go to standard error.

        Examples:
          debate build decks/belarus-engagement.yaml
          debate build decks/belarus-engagement.yaml --format html -o out/belarus.html
          debate build decks/belarus-engagement-neg.yaml --format markdown -o -
          debate build decks/belarus-engagement.yaml --format docx --highlight cyan -o out/belarus.docx
          debate build decks/belarus-engagement.yaml --format apkg -o - > belarus.apkg
        """)

    @Argument(help: ArgumentHelp("The deck configuration file.", valueName: "deck.yaml"))
    var deck: String

    @Option(name: .shortAndLong, help: "Write only this format.")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write --format's output; `-` for standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("The color of highlighted evidence in Word output (default: the deck's `highlight:` for that output, else yellow).",
                               valueName: "color"))
    var highlight: HighlightColor?

    @OptionGroup var modules: ModulePathOptions

    @Flag(help: "Print a JSON report of what was built (outputs, reading time, diagnostics) on standard output.")
    var json = false

    @Flag(help: "Treat warnings as errors (exit 65).")
    var warningsAsErrors = false

    @Flag(help: "Build without a module that fails (crashes, hangs, writes garbage); warn instead of failing.")
    var keepGoing = false

    @Option(help: ArgumentHelp("Write the deck's outputs into this folder, keeping their file names.", valueName: "dir"))
    var outputDir: String?

    func validate() throws {
        if output != nil && format == nil && OutputFormat.allCases.allSatisfy({ !(output ?? "").hasSuffix(".\($0.fileExtension)") }) {
            throw ValidationError("-o needs --format, or a path ending in \(OutputFormat.allCases.map { ".\($0.fileExtension)" }.joined(separator: ", "))")
        }
        if output == "-", let format, format.isBinary, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("--format \(format.rawValue) is binary and standard output is a terminal; pass -o FILE or redirect the output")
        }
        if output != nil && outputDir != nil {
            throw ValidationError("-o and --output-dir both say where to write; choose one")
        }
        if output == "-" && json {
            throw ValidationError("--json and -o - both write to standard output; choose one")
        }
    }

    func run() throws {
        let console = Console()
        let loader = DeckLoader(modules: modules, console: console)
        let context = try loader.build(deck, keepGoing: keepGoing)
        defer { KeptUntilExit.keep(context) }
        guard let built = context.deck, let configuration = context.configuration else { throw Exit.software }
        console.report(context.diagnostics)
        if warningsAsErrors && context.diagnostics.contains(where: { $0.severity == .warning }) {
            console.err("build failed: warnings treated as errors")
            throw Exit.dataError
        }

        var targets: [(OutputFormat, String, HighlightColor?)] = []
        if let format = format ?? output.flatMap(Self.format(ofPath:)) {
            let listed = configuration.outputs.first { $0.format == format }
            targets.append((format, output ?? listed?.path ?? "out/\(built.id).\(format.fileExtension)", listed?.highlight))
        } else {
            targets = configuration.outputs.map { ($0.format, $0.path, $0.highlight) }
        }
        if let outputDir {
            targets = targets.map { format, path, color in
                (format, path == "-" ? path : (outputDir as NSString).appendingPathComponent((path as NSString).lastPathComponent), color)
            }
        }
        if targets.isEmpty {
            console.err("\(deck): error: the deck lists no `outputs:`; pass --format (and -o) to choose one")
            throw Exit.usage
        }

        // Each output is written as it is rendered (a file through a temporary beside it), never held whole.
        var written: [BuildReport.Output] = []
        for (format, path, deckHighlight) in targets {
            let options = RenderOptions(highlight: highlight ?? deckHighlight ?? .yellow)
            if path == "-" {
                let output = Self.standardOutput(binary: format.isBinary)
                try render(built, format, options, to: output, console)
                try output.finish()  // standard output's own failures end the run (StandardStream)
                if !format.isBinary && output.lastByte != UInt8(ascii: "\n") { StandardStream.output.write("\n") }
                continue
            }
            let file: AtomicFile
            let output: RenderOutput
            do {
                file = try AtomicFile(path: path)
                output = RenderOutput(receive: file.write)
            } catch let error as OutputPathIsAFolder {
                console.err("error: \(error.localizedDescription)")
                throw Exit.cantCreate
            } catch {
                console.err("error: cannot write \(path): \(error.localizedDescription)")
                throw Exit.ioError
            }
            do {
                try render(built, format, options, to: output, console)
            } catch {
                file.discard()
                throw error
            }
            do {
                try output.finish()
                try file.commit()
            } catch {
                file.discard()
                console.err("error: cannot write \(path): \(error.localizedDescription)")
                throw Exit.ioError
            }
            written.append(.init(format: format.rawValue, path: path, bytes: output.byteCount))
            if !json {
                console.err("wrote \(path) (\(format.rawValue), \(built.cardCount) cards, reads in \(formatDuration(built.readingSeconds)))")
            }
        }
        if json {
            try console.json(BuildReport(deck: built.id, title: built.title, cards: built.cardCount,
                                         blocks: built.blocks.count, readingSeconds: built.readingSeconds,
                                         overBudget: built.overBudget, outputs: written,
                                         unanswered: built.coverage.unanswered.map(\.id),
                                         diagnostics: context.diagnostics))
        }
    }

    /// Renders `deck` into `output` as it is made; a render failure is reported (exit 70).
    private func render(_ deck: Deck, _ format: OutputFormat, _ options: RenderOptions, to output: RenderOutput,
                        _ console: Console) throws {
        do {
            try DeckBuild.render(deck, as: format, options: options, to: output)
        } catch {
            console.report(error.diagnostics)
            throw Exit.software
        }
    }

    /// Standard output, as `console.out` would write it, chunk by chunk: text with control
    /// characters made visible (only the chunks that hold one are decoded) and ending in a line
    /// break; a binary format as it is.
    static func standardOutput(binary: Bool) -> RenderOutput {
        RenderOutput { chunk in
            if binary || !TerminalText.containsUnsafe(utf8: chunk) {
                StandardStream.output.write(chunk)
            } else {
                StandardStream.output.write(TerminalText.sanitize(String(decoding: chunk, as: UTF8.self)))
            }
        }
    }

    static func format(ofPath path: String) -> OutputFormat? {
        OutputFormat.allCases.first { path.hasSuffix(".\($0.fileExtension)") }
    }
}

struct BuildReport: Encodable {
    struct Output: Encodable {
        var format: String
        var path: String
        var bytes: Int
    }
    var deck: String
    var title: String
    var cards: Int
    var blocks: Int
    var readingSeconds: Double
    var overBudget: Bool
    var outputs: [Output]
    var unanswered: [String]
    var diagnostics: [Diagnostic]
}
