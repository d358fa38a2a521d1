import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory build-decks [--output DIR] [DECK...] [-- debate build options]`
///
/// Builds every deck in the package's decks/ folder (or the named ones) with the `debate` tool
/// built from source, writing each deck's outputs into DIR (default: out/).
@main
struct BuildDecks: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let output = extractor.extractOption(named: "output").last ?? "out"
        let modulePaths = extractor.extractOption(named: "module-path")
        let keepGoing = extractor.extractFlag(named: "keep-going") > 0
        let root = context.package.directoryURL
        let named = extractor.remainingArguments.filter { !$0.hasPrefix("-") }
        let decks = named.isEmpty ? try DeckFiles.list(in: root) : named
        guard !decks.isEmpty else {
            Diagnostics.warning("no decks in \(root.appendingPathComponent("decks").path)")
            return
        }
        let debate = try context.tool(named: "debate").url
        let outputFolder = output.hasPrefix("/") ? output : root.appendingPathComponent(output).path
        var failed: [String] = []
        for deck in decks {
            var arguments = ["build", deck, "--output-dir", outputFolder] + modulePaths.flatMap { ["--module-path", $0] }
            if keepGoing { arguments.append("--keep-going") }
            if try DeckFiles.run(debate, arguments, in: root) != 0 { failed.append(deck) }
        }
        if !failed.isEmpty {
            Diagnostics.error("debate build failed for \(failed.joined(separator: ", "))")
            throw DeckFiles.Failure(message: "\(failed.count) of \(decks.count) decks failed to build")
        }
        print("built \(decks.count) deck\(decks.count == 1 ? "" : "s") into \(outputFolder)")
    }
}
