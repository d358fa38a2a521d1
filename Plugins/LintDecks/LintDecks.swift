import Foundation
import PackagePlugin

/// `swift package lint-decks [PATH...] [--module-path DIR]`
///
/// Runs `debate lint` (built from source) over decks/ and any other paths given; fails when a deck
/// or module has an error.
@main
struct LintDecks: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let modulePaths = extractor.extractOption(named: "module-path")
        let warningsAsErrors = extractor.extractFlag(named: "warnings-as-errors") > 0
        let root = context.package.directoryURL
        let paths = extractor.remainingArguments.isEmpty ? ["decks"] : extractor.remainingArguments
        let debate = try context.tool(named: "debate").url
        var arguments = ["lint"] + paths + modulePaths.flatMap { ["--module-path", $0] }
        if warningsAsErrors { arguments.append("--warnings-as-errors") }
        let status = try DeckFiles.run(debate, arguments, in: root)
        if status != 0 {
            throw DeckFiles.Failure(message: "debate lint found problems (exit \(status))")
        }
    }
}
