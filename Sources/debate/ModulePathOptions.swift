import ArgumentParser
import BuiltInModules
import DebateCore
import DeckBuilder
import ModuleLoading
import YAMLCoding

/// Options every command that loads modules shares.
struct ModulePathOptions: ParsableArguments {
    @Option(name: .customLong("module-path"),
            help: ArgumentHelp("A module folder (module.yaml + claim files, or a process module) or a folder of them. Repeatable; searched before DEBATE_MODULE_PATH, the deck's modules/ folder, the project's modules/ (the nearest folder above holding decks/), $XDG_DATA_HOME/debate/modules and PATH.",
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

    /// The built-in modules; exits 70 when they cannot be read (a broken install).
    func builtIns(_ console: Console) throws -> [any ArgumentModule] {
        LibraryCache.install(console)
        do {
            return try BuiltInModules.load()
        } catch {
            console.report(error.diagnostics)
            throw Exit.software
        }
    }

    /// Built-in modules plus every module on the search path, and with a deck, its folder's modules
    /// and its pins (`modules list --deck`); prints problems and exits 65 on failure.
    func registry(_ console: Console, deck: String? = nil) throws -> ModuleRegistry {
        try deckRegistry(console, deck: deck).registry
    }

    /// The same, and the words the deck's format uses for the sides (aff/neg without a deck).
    func deckRegistry(_ console: Console, deck: String?) throws -> (registry: ModuleRegistry, sideWords: SideWords) {
        let builtIns = try builtIns(console)
        var pins: [ModulePin] = []
        var sideWords = SideWords.affNeg
        if let deck {
            do {
                let configuration = try YAMLDecoder().decode(DeckConfiguration.self, fromFile: deck)
                pins = configuration.pins
                sideWords = configuration.sideWords
            } catch {
                console.report([Diagnostic(error)])
                throw Exit.dataError
            }
        }
        do {
            return (try ModuleRegistry.discover(builtIns: builtIns, search: search(deck: deck, pins: pins)), sideWords)
        } catch {
            console.report(error.diagnostics)
            throw Exit.dataError
        }
    }

    /// Where to look for a deck's modules: these options, the environment, the deck's folder and its pins.
    func search(deck: String?, pins: [ModulePin]) -> ModuleSearch {
        ModuleSearch(modulePaths: modulePaths, deckFile: deck, pins: pins, settings: settings)
    }

    /// The build's `discover` step for the deck at `path`: built-ins plus what the search finds, with
    /// the deck's pins (read from the configuration the build has already decoded).
    func discoverer(deck path: String, builtIns: [any ArgumentModule])
        -> @Sendable (DeckConfiguration) throws(DiagnosticsError) -> any ModuleResolver
    {
        let options = self
        return { configuration throws(DiagnosticsError) in
            try ModuleRegistry.discover(builtIns: builtIns, search: options.search(deck: path, pins: configuration.pins))
        }
    }
}
