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
        // The memo (BuildMemo): a build of unchanged inputs replays the last one's messages and outputs.
        let memo = BuildMemo(deck: deck, modules: modules, keepGoing: keepGoing, console: console)
        let hit = memo.flatMap { memo in memo.facts().map { (memo, $0.facts, $0.outputs) } }
        var context: BuildContext?
        let facts: BuildFacts
        let configuration: DeckConfiguration
        if let (memo, known, _) = hit {
            facts = known
            configuration = memo.key.configuration
        } else {
            let built = try DeckLoader(modules: modules, console: console).build(deck, keepGoing: keepGoing)
            KeptUntilExit.keep(built)
            guard let deck = built.deck, let decoded = built.configuration else { throw Exit.software }
            facts = BuildFacts(deck, diagnostics: built.diagnostics)
            configuration = decoded
            memo?.store(facts, sets: built.sets)
            context = built
        }
        let targets = targets(configuration.outputs, deckID: facts.deck)
        let requests = targets.map { format, _, deckHighlight in
            RenderRequest(format, options: RenderOptions(highlight: highlight ?? deckHighlight ?? .yellow))
        }
        let stopsOnWarnings = warningsAsErrors && facts.diagnostics.contains(where: { $0.severity == .warning })
        // A hit needs every output kept (checked before anything is printed); else the deck is built after all.
        var kept: [MappedOutput] = []
        if let (memo, _, outputs) = hit, !stopsOnWarnings, !targets.isEmpty {
            kept = requests.compactMap { request in BuildMemo.outputName(request).flatMap { outputs[$0] }.flatMap(MappedOutput.init) }
            if kept.count != requests.count {
                kept = []
                let built = try DeckLoader(modules: modules, console: console).build(deck, keepGoing: keepGoing)
                KeptUntilExit.keep(built)
                context = built
            } else {
                memo.used()
            }
            KeptUntilExit.keep(kept)
        }
        console.report(facts.diagnostics)
        if stopsOnWarnings {
            console.err("build failed: warnings treated as errors")
            throw Exit.dataError
        }
        if targets.isEmpty {
            console.err("\(deck): error: the deck lists no `outputs:`; pass --format (and -o) to choose one")
            throw Exit.usage
        }

        // Each output is written as it is rendered (a file through a temporary beside it), never held
        // whole; a fresh render is also copied to the memo as it goes, kept once the output is whole.
        var written: [BuildReport.Output] = []
        for (index, (format, path, _)) in targets.enumerated() {
            let fresh: (deck: Deck, spool: MemoSpool?)? = kept.isEmpty ? (context!.deck!, memo?.spool(for: requests[index])) : nil
            if path == "-" {
                if let fresh {
                    let output = Self.standardOutput(binary: format.isBinary, copyingTo: fresh.spool)
                    try render(fresh.deck, requests[index], to: output, console)
                    try output.finish()  // standard output's own failures end the run (StandardStream)
                    if !format.isBinary && output.lastByte != UInt8(ascii: "\n") { StandardStream.output.write("\n") }
                    fresh.spool?.keep()
                } else {
                    Self.writeToStandardOutput(kept[index], binary: format.isBinary, console)
                }
                continue
            }
            let file: AtomicFile
            do {
                file = try AtomicFile(path: path)
            } catch let error as OutputPathIsAFolder {
                console.err("error: \(error.localizedDescription)")
                throw Exit.cantCreate
            } catch {
                console.err("error: cannot write \(path): \(error.localizedDescription)")
                throw Exit.ioError
            }
            let output = RenderOutput { chunk in
                try file.write(chunk)
                fresh?.spool?.write(chunk)
            }
            do {
                if let fresh { try render(fresh.deck, requests[index], to: output, console) } else { output.write(kept[index].bytes) }
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
            fresh?.spool?.keep()
            written.append(.init(format: format.rawValue, path: path, bytes: output.byteCount))
            if !json {
                console.err("wrote \(path) (\(format.rawValue), \(facts.cards) cards, reads in \(formatDuration(facts.readingSeconds)))")
            }
        }
        if json {
            var report = facts
            report.outputs = written
            try console.json(report)
        }
    }

    /// What to write where: `--format`/`-o`, else every output the deck lists (under `--output-dir`).
    func targets(_ outputs: [OutputSpec], deckID: String) -> [(OutputFormat, String, HighlightColor?)] {
        var targets: [(OutputFormat, String, HighlightColor?)] = []
        if let format = format ?? output.flatMap(Self.format(ofPath:)) {
            let listed = outputs.first { $0.format == format }
            targets.append((format, output ?? listed?.path ?? "out/\(deckID).\(format.fileExtension)", listed?.highlight))
        } else {
            targets = outputs.map { ($0.format, $0.path, $0.highlight) }
        }
        if let outputDir {
            targets = targets.map { format, path, color in
                (format, path == "-" ? path : (outputDir as NSString).appendingPathComponent((path as NSString).lastPathComponent), color)
            }
        }
        return targets
    }

    /// Renders `deck` into `output` as it is made; a render failure is reported (exit 70).
    private func render(_ deck: Deck, _ request: RenderRequest, to output: RenderOutput, _ console: Console) throws {
        do {
            try DeckBuild.render(deck, as: request.format, options: request.options, to: output)
        } catch {
            console.report(error.diagnostics)
            throw Exit.software
        }
    }

    /// Standard output, as `console.out` would write it, chunk by chunk: text with control
    /// characters made visible (only the chunks that hold one are decoded) and ending in a line
    /// break; a binary format as it is. Each chunk as rendered is also copied to `spool`.
    static func standardOutput(binary: Bool, copyingTo spool: MemoSpool? = nil) -> RenderOutput {
        RenderOutput { chunk in
            let safe = binary || !TerminalText.containsUnsafe(utf8: chunk)
            spool?.write(chunk, safe: safe)
            if safe {
                StandardStream.output.write(chunk)
            } else {
                StandardStream.output.write(TerminalText.sanitize(String(decoding: chunk, as: UTF8.self)))
            }
        }
    }

    /// A kept output on standard output, as a fresh render writes it.
    static func writeToStandardOutput(_ kept: MappedOutput, binary: Bool, _ console: Console) {
        if binary || kept.safe {
            StandardStream.output.write(kept.bytes)
            if !binary && kept.bytes.last != UInt8(ascii: "\n") { StandardStream.output.write("\n") }
        } else {
            console.out(String(decoding: kept.bytes, as: UTF8.self))
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
