import ArgumentParser
import DebateCore
import Foundation
import ModuleLoading

struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List, inspect and create argument modules.",
        subcommands: [List.self, Show.self, NewModule.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in modules and every module found on the search path.",
            discussion: """
            Modules are found, in order, in --module-path folders, DEBATE_MODULE_PATH (colon-separated), \
            the deck's own modules/ folder (with --deck), $XDG_DATA_HOME/debate/modules (default \
            ~/.local/share/debate/modules), and as `debate-module-NAME` executables on PATH. Process modules \
            are asked to describe themselves. Two modules with one id are an error unless the deck pins one.

            Examples:
              debate modules list --module-path ./modules
              debate modules list --deck decks/my-deck.yaml --json
            """)

        @OptionGroup var modules: ModulePathOptions
        @Option(help: ArgumentHelp("Also search this deck's modules/ folder and honour its pins.", valueName: "deck.yaml"))
        var deck: String?
        @Flag(help: "Print the list as JSON.") var json = false

        func run() throws {
            let console = Console()
            var registry = try modules.registry(console, deck: deck)
            var problems = registry.conflictDiagnostics
            var failed: [String: String] = [:]
            for entry in registry.entries {
                guard let process = entry.module as? ProcessModule, !process.isDescribed else { continue }
                do {
                    registry.replace(process.id, with: try process.described())
                } catch {
                    problems += error.diagnostics
                    failed[process.id] = error.diagnostics.first?.message
                }
            }
            if json {
                try console.json(registry.entries.map { entry in
                    var info = ModuleInfo(entry)
                    info.error = failed[info.id]
                    info.conflicts = registry.conflicts[info.id]
                    return info
                })
            } else {
                let rows = [["ID", "VERSION", "KIND", "ORIGIN", "TITLE", "SOURCE"]] + registry.entries.map {
                    let d = $0.module.descriptor
                    let title = failed[d.id] != nil ? "(failed to describe itself)" : registry.conflicts[d.id] != nil ? "(conflict) \(d.title)" : d.title
                    return [d.id, d.version, d.kind.rawValue, $0.origin.rawValue, title, $0.source]
                }
                console.out(table(rows))
            }
            console.report(problems)
            if !problems.isEmpty { throw Exit.dataError }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a module's descriptor, examples and what it contributes.",
            discussion: "Example:\n  debate modules show hedging")

        @Argument(help: "The module id, as `debate modules list` shows it.") var id: String
        @OptionGroup var modules: ModulePathOptions
        @Option(help: ArgumentHelp("Also search this deck's modules/ folder and honour its pins.", valueName: "deck.yaml"))
        var deck: String?
        @Flag(help: "Print the details as JSON.") var json = false

        func run() throws {
            let console = Console()
            let (registry, sideWords) = try modules.deckRegistry(console, deck: deck)
            if let conflict = registry.conflict(id) {
                console.report([conflict])
                throw Exit.dataError
            }
            guard var entry = registry.entry(id) else {
                let hint = closestMatch(to: id, in: registry.ids).map { "; did you mean `\($0)`?" }
                    ?? "; looked in \(registry.searched.joined(separator: ", "))"
                console.err("error: no module `\(id)`\(hint) (known: \(registry.ids.joined(separator: ", ")))")
                throw Exit.usage
            }
            let set: ArgumentSet
            do {
                if let process = entry.module as? ProcessModule { entry.module = try process.described() }
                set = try entry.module.arguments(for: ModuleContext(resolution: "", side: .pro))
            } catch let error as DiagnosticsError {
                console.report(error.diagnostics)
                throw Exit.dataError
            }
            let info = ModuleInfo(entry, set: set)
            if json {
                try console.json(info)
                return
            }
            let d = entry.module.descriptor
            var text = "\(d.title) (`\(d.id)` \(d.version), \(d.kind))\nSource: \(entry.source)\n\n\(d.summary)\n\n"
            text += "Claims: \(set.claims.count) in all: \(info.claims ?? 0) claims and \(info.counterclaims ?? 0) counterclaims; \(info.cards ?? 0) are cards (cited, with evidence)\n"
            for side in Side.allCases {
                let count = set.claims.filter { $0.side == side }.count
                text += "  \(sideWords.title(side)): \(count)\n"
            }
            let kinds = Dictionary(grouping: set.counterclaims, by: \.response)
            if !kinds.isEmpty {
                text += "Responses: " + ResponseKind.allCases.compactMap { kind in
                    kinds[kind].map { "\(kind.rawValue) \($0.count)" }
                }.joined(separator: ", ") + "\n"
            }
            if !d.examples.isEmpty {
                text += "\nExamples:\n"
                for example in d.examples {
                    text += "  - \(example.summary) [side: \(sideWords.word(example.side))]\n"
                    if !example.includes.isEmpty { text += "    includes: \(example.includes.joined(separator: ", "))\n" }
                    if !example.excludes.isEmpty { text += "    excludes: \(example.excludes.joined(separator: ", "))\n" }
                }
            }
            console.out(text)
        }
    }
}

struct ModuleInfo: Encodable {
    var id: String
    var title: String
    var summary: String
    var version: String
    var kind: String
    var origin: String
    var source: String
    /// Why a process module could not describe itself.
    var error: String?
    /// Every place a module of this id was found, when more than one.
    var conflicts: [String]?
    var examples: [ModuleExample]?
    var claims: Int?
    var counterclaims: Int?
    var cards: Int?

    init(_ entry: ModuleRegistry.Entry, set: ArgumentSet? = nil) {
        let d = entry.module.descriptor
        id = d.id
        title = d.title
        summary = d.summary
        version = d.version
        kind = d.kind.rawValue
        origin = entry.origin.rawValue
        source = entry.source
        if let set {
            examples = d.examples
            claims = set.claims.count - set.counterclaims.count
            counterclaims = set.counterclaims.count
            cards = set.claims.filter(\.isCard).count
        }
    }
}

/// Left-aligned columns separated by two spaces.
func table(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
        for (i, cell) in row.enumerated() {
            if i >= widths.count { widths.append(0) }
            widths[i] = max(widths[i], cell.count)
        }
    }
    return rows.map { row in
        row.enumerated().map { i, cell in
            i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}
