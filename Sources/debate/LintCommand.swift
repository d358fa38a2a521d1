import ArgumentParser
import DebateCore
import DeckBuilder
import Foundation
import ModuleLoading
import YAMLCoding

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
          debate lint decks/ Sources/*/Resources
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
        let registry = try modules.registry(console)
        var diagnostics: [Diagnostic] = []
        var packCount = 0, deckCount = 0
        var otherSets: [String: ArgumentSet] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                console.err("error: no such file or folder: \(path)")
                throw Exit.noInput
            }
            let (packs, decks) = isDirectory.boolValue ? Self.collect(path) : ([], [path])
            for pack in packs {
                diagnostics += Self.lintModule(pack, registry: registry, settings: modules.settings, otherSets: &otherSets)
                packCount += 1
            }
            for deck in decks {
                diagnostics += Self.lintDeck(deck, registry: try modules.registry(console, deck: deck))
                deckCount += 1
            }
        }
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

    /// Pack folders and deck files below `folder`. A folder with module.yaml is a pack and is not searched further.
    static func collect(_ folder: String) -> (packs: [String], decks: [String]) {
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(PackModule.manifestName)) {
            return ([folder], [])
        }
        var packs: [String] = []
        var decks: [String] = []
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for child in children where !child.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(child)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                let inner = collect(path)
                packs += inner.packs
                decks += inner.decks
            } else if child.hasSuffix(".yaml") || child.hasSuffix(".yml") {
                decks.append(path)
            }
        }
        return (packs, decks)
    }

    static func lintDeck(_ path: String, registry: ModuleRegistry) -> [Diagnostic] {
        do {
            return try DeckBuild.run(configPath: path, registry: registry).diagnostics
        } catch {
            return error.diagnostics
        }
    }

    /// Decodes the module (a pack's claim files; a process module's replies), runs its examples, and
    /// validates its claims together with every other module's.
    static func lintModule(_ folder: String, registry: ModuleRegistry, settings: ProcessModule.Settings,
                           otherSets: inout [String: ArgumentSet]) -> [Diagnostic] {
        let pack: any ArgumentModule
        let set: ArgumentSet
        do {
            let manifest = try ModuleManifest.load(folder: folder)
            switch manifest.kind {
            case .pack:
                let loaded = try PackModule(directory: folder, manifest: manifest).loaded()
                pack = loaded
                set = ArgumentSet(module: manifest.id, claims: loaded.entries.map { $0.claim(module: manifest.id) })
            case .process:
                let process = try ProcessModule(manifest: manifest, folder: folder, settings: settings).described()
                pack = process
                set = try process.arguments(for: ModuleContext(resolution: "", side: .pro))
            }
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error("\(folder): \(error)")]
        }
        let location = SourceLocation(path: (folder as NSString).appendingPathComponent(PackModule.manifestName), line: 1, column: 1)
        var diagnostics: [Diagnostic] = []
        // A manifest's example is reported where it is written; a process module's (from its reply) at the manifest.
        for example in pack.descriptor.examples {
            for failure in example.check(pack) { diagnostics.append(.error(failure, at: example.location ?? location)) }
        }
        // The pack may be a built-in's own folder: then it stands in for that module, not beside it.
        // It goes last, so a clash with another module's id is reported at the pack's claim.
        var sets: [ArgumentSet] = []
        for module in registry.modules where module.descriptor.id != pack.descriptor.id {
            // Each registered module is read once per lint run, however many folders are linted.
            if otherSets[module.descriptor.id] == nil {
                otherSets[module.descriptor.id] = try? module.arguments(for: ModuleContext(resolution: "", side: .pro))
            }
            if let other = otherSets[module.descriptor.id] { sets.append(other) }
        }
        sets.append(set)
        let folderPrefix = URL(fileURLWithPath: folder).standardizedFileURL.path + "/"
        diagnostics += ArgumentGraph(sets).validate().filter { d in
            // Claims from a process module carry no position; their diagnostics name the claim instead.
            d.location.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path.hasPrefix(folderPrefix) } ?? (pack is ProcessModule)
        }
        return diagnostics
    }
}
