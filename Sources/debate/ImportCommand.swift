import ArgumentParser
import DebateCore
import Foundation
import ModuleAuthoring
import ModuleLoading
import YAMLCoding

extension ResponseKind: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn other tools' exports (Kialo discussions, Verbatim Word files) into packs.",
        subcommands: [Kialo.self, Verbatim.self])

    struct Kialo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a Kialo discussion export (plain text) into a pack.",
            discussion: """
            The thesis becomes the resolution; pros and cons of the thesis become claims for each side \
            (tagged `contention`); a pro below them supports its parent (same side, tagged `support`); \
            a con below them opposes its parent and becomes a counterclaim answering it (tagged \
            `objection`, response --response, default no-link). `-> See 1.2.3.` links copy the linked \
            claim's text. Malformed lines are errors at their line and column (exit 65).

            Examples:
              debate import kialo discussion.txt -o modules/kialo-transit
              debate import kialo discussion.txt -o modules/kialo-transit --deck decks/kialo-transit.yaml
            """)

        @Argument(help: ArgumentHelp("Kialo's plain-text export (Export discussion → text).", valueName: "file"))
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp("The pack folder to create; must not exist or be empty.", valueName: "dir"))
        var output: String

        @Option(help: "The pack's module id (default: the folder's name).")
        var id: String?

        @Option(help: "The response kind of an objection's counterclaim.")
        var response: ResponseKind = .noLink

        @Option(help: ArgumentHelp("Also write a deck for the affirmative that uses the pack (pinned with `from:`).", valueName: "deck.yaml"))
        var deck: String?

        func run() throws {
            let console = Console()
            // Refuse a huge file before reading it into memory.
            if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
               let problem = KialoDiscussion.sizeProblem(size, path: file) {
                console.report([problem])
                throw Exit.dataError
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                console.err("error: cannot read \(file)")
                throw Exit.noInput
            }
            guard let moduleID = id ?? KialoImport.id(fromFolder: output) else {
                console.err("error: cannot make a module id from \(output); pass --id NAME")
                throw Exit.usage
            }
            let importer: KialoImport
            let discussion: KialoDiscussion
            do {
                importer = try KialoImport(id: moduleID, response: response)
                discussion = try KialoDiscussion.parse(bytes: Array(data), path: file)
            } catch {
                console.report(error.diagnostics)
                console.err("import failed: \(Console.count(error.diagnostics))")
                throw Exit.dataError
            }
            if !((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).isEmpty {
                console.err("error: \(output) already exists and is not empty; choose another folder with -o")
                throw Exit.cantCreate
            }
            let claims = importer.claims(from: discussion)
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                try writeAtomically(try emitYAML(importer.manifest(for: discussion, source: file)),
                                    to: (output as NSString).appendingPathComponent("module.yaml"))
                try writeAtomically(try emitYAML(["claims": .sequence(claims.map(ModuleScaffold.yaml))]),
                                    to: (output as NSString).appendingPathComponent("claims.yaml"))
                if let deck {
                    let deckFolder = (deck as NSString).deletingLastPathComponent
                    let from = ModulesCommand.NewModule.relativePath(
                        from: ModulesCommand.NewModule.absolute(deckFolder.isEmpty ? "." : deckFolder),
                        to: ModulesCommand.NewModule.absolute(output))
                    try writeAtomically(try emitYAML(importer.deck(for: discussion, packFrom: from)), to: deck)
                }
            } catch {
                console.err("error: cannot write the pack: \(error)")
                throw Exit.ioError
            }
            let counter = claims.filter { $0.answers != nil }.count
            console.err("imported “\(discussion.title ?? discussion.thesis.text)”: \(claims.count) claims (\(counter) counterclaims) into \(output)"
                        + (deck.map { "; deck \($0)" } ?? ""))
        }
    }
}
