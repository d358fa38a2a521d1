import ArgumentParser
import DebateCore
import DeckBuilder
import Foundation
import Linter

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check decks and packs; print positioned diagnostics.",
        discussion: """
        Each PATH is a deck file, a module folder (one holding module.yaml), or a folder searched for both. \
        Decks are checked by running the build up to rendering; packs by decoding every claim file, \
        process modules by running them (describe, then arguments); then the module's examples run and \
        `answers:` are resolved against every loaded module. \
        Exits 65 when there is an error (or, with --warnings-as-errors, a warning).

        Examples:
          debate lint decks/ Sources/BuiltInModules/Resources
          debate lint --json decks/belarus-engagement.yaml
        """)

    @Argument(help: ArgumentHelp("Deck files, pack folders, or folders holding them.", valueName: "path"))
    var paths: [String]

    @OptionGroup var modules: ModulePathOptions

    @Flag(help: "Print the diagnostics as a JSON array on standard output.")
    var json = false

    @Flag(help: "Exit 65 on warnings too.")
    var warningsAsErrors = false

    func run() throws {
        let console = Console()
        var linter = Linter(registry: try modules.registry(console), settings: modules.settings)
        let loader = DeckLoader(modules: modules, console: console)
        var diagnostics: [Diagnostic] = []
        var packCount = 0, deckCount = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                console.err("error: no such file or folder: \(path)")
                throw Exit.noInput
            }
            let (folders, decks) = isDirectory.boolValue ? Linter.collect(path) : ([], [path])
            for folder in folders {
                diagnostics += linter.lintModule(folder)
                packCount += 1
            }
            for deck in decks {
                diagnostics += linter.lintDeck(try loader.context(deck))
                deckCount += 1
            }
        }
        // A pack linted beside a deck that loads it would report its cards twice (the deck's build checks them too).
        var seen: Set<Diagnostic> = []
        diagnostics = diagnostics.filter { seen.insert($0).inserted }
        if json {
            try console.json(diagnostics)
        } else {
            console.report(diagnostics)
            console.err("checked \(Console.plural(deckCount, "deck")) and \(Console.plural(packCount, "module")): \(Console.count(diagnostics))")
        }
        if diagnostics.contains(where: { $0.severity == .error || (warningsAsErrors && $0.severity == .warning) }) {
            throw Exit.dataError
        }
    }
}
