import ArgumentParser
import DebateCore
import Foundation
import ModuleLoading

struct ModulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modules",
        abstract: "List and inspect argument modules.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in modules and the packs on the module path.",
            discussion: "Example:\n  debate modules list --module-path ./modules --json")

        @OptionGroup var modules: ModulePathOptions
        @Flag(help: "Print the list as JSON.") var json = false

        func run() throws {
            let console = Console()
            let registry = try modules.registry(console)
            if json {
                try console.json(registry.entries.map { ModuleInfo($0) })
                return
            }
            let rows = [["ID", "VERSION", "KIND", "TITLE", "SOURCE"]] + registry.entries.map {
                [$0.module.descriptor.id, $0.module.descriptor.version, $0.module.descriptor.kind, $0.module.descriptor.title, $0.source]
            }
            console.out(table(rows))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a module's descriptor, examples and what it contributes.",
            discussion: "Example:\n  debate modules show hedging")

        @Argument(help: "The module id, as `debate modules list` shows it.") var id: String
        @OptionGroup var modules: ModulePathOptions
        @Flag(help: "Print the details as JSON.") var json = false

        func run() throws {
            let console = Console()
            let registry = try modules.registry(console)
            guard let entry = registry.entry(id) else {
                let hint = closestMatch(to: id, in: registry.ids).map { "; did you mean `\($0)`?" } ?? ""
                console.err("error: no module `\(id)`\(hint) (known: \(registry.ids.joined(separator: ", ")))")
                throw Exit.usage
            }
            let set: ArgumentSet
            do {
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
                text += "  \(side.title): \(count)\n"
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
                    text += "  - \(example.summary) [side: \(example.side.rawValue)]\n"
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
    var source: String
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
        kind = d.kind
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
