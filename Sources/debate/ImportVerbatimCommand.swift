import ArgumentParser
import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import YAMLCoding

extension Side: ExpressibleByArgument {}

extension ImportCommand {
    struct Verbatim: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn Verbatim Word files (.docx) into a pack and a deck.",
            discussion: """
            Each document becomes one claim file in the pack, named after it. Pocket, Hat and Block \
            headings (Heading 1–3) become the deck's sections; each Tag (Heading 4, or a bold Normal \
            paragraph followed by a cite, with a warning) becomes a claim; its cite is kept word for \
            word (`cite: text:`), its card becomes evidence with __underline__, **emphasis** and \
            ==highlight== markup. A tag with no card is an analytic claim. Importing a file again \
            replaces its claim file (ids come from the document's name and each tag), so an existing \
            pack is updated, not duplicated. Anything that is not kept (an image, text under no tag) \
            is reported with its paragraph number.

            A file that cannot be read (not a .docx, an old .doc, encrypted, damaged, a zip bomb, \
            XML with a DOCTYPE) is an error naming the file (exit 65) and nothing is written.

            Examples:
              debate import verbatim backfiles/ -o modules/backfiles --deck decks/backfiles.yaml
              debate import verbatim 1AC.docx --side pro -o modules/aff --dry-run
            """)

        @Argument(help: ArgumentHelp("Word files, or folders of them (*.docx, not searched below the folder).", valueName: "file-or-folder"))
        var inputs: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The pack folder to write or update.", valueName: "dir"))
        var output: String

        @Option(help: "The pack's module id (default: the existing pack's id, else the folder's name).")
        var id: String?

        @Option(help: ArgumentHelp("The side of every document (default: guessed from each file's name and headings: AFF, 1AC, NEG, 1NC …).", valueName: "pro|con"))
        var side: Side?

        @Option(help: ArgumentHelp("Also write a deck that reproduces the documents' structure (pinned to the pack with `from:`).", valueName: "deck.yaml"))
        var deck: String?

        @Flag(help: "Print the summary as JSON on stdout.")
        var json = false

        @Flag(name: .customLong("dry-run"), help: "Read and report; write nothing.")
        var dryRun = false

        @Flag(help: "List every warning (by default the first five of each file).")
        var verbose = false

        func run() throws {
            let console = Console()
            let files = try collectFiles(console)
            let moduleID = try resolveModuleID(console)
            let importer: VerbatimImport
            do {
                importer = try VerbatimImport(moduleID: moduleID, side: side)
            } catch {
                console.report(error.diagnostics)
                throw Exit.usage
            }
            let progress = ProgressLine(total: files.count, enabled: !json && files.count > 1 && isatty(STDERR_FILENO) == 1)
            var documents: [VerbatimImport.Document] = []
            var failures: [(path: String, error: DocxReadError)] = []
            var slugs: [String: Int] = [:]
            for (i, file) in files.enumerated() {
                progress.show(i, (file as NSString).lastPathComponent)
                // Two files with the same name in different folders get different claim files and ids.
                var slug = VerbatimImport.documentSlug(path: file)
                if let n = slugs[slug] {
                    slugs[slug] = n + 1
                    slug += "-\(n + 1)"
                } else {
                    slugs[slug] = 1
                }
                do {
                    documents.append(try importer.importDocument(at: file, slug: slug))
                } catch {
                    failures.append((file, error))
                }
            }
            progress.finish()
            for failure in failures {
                console.err("\(failure.path): error: \(failure.error.message) [\(failure.error.code)]")
            }
            let written = failures.isEmpty && !dryRun
            if written { try write(importer, documents, console) }
            if json {
                try console.json(Summary(documents: documents, failures: failures, pack: output, deck: deck, written: written))
            } else if !documents.isEmpty {
                report(documents, console, written: written)
            }
            if !failures.isEmpty {
                console.err("import failed: \(Console.plural(failures.count, "file")) could not be read; nothing was written")
                throw Exit.dataError
            }
        }

        func collectFiles(_ console: Console) throws -> [String] {
            var files: [String] = []
            for input in inputs {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                    console.err("error: \(input) does not exist")
                    throw Exit.noInput
                }
                if isDirectory.boolValue {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? [])
                        .filter { $0.lowercased().hasSuffix(".docx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }.sorted()
                    if names.isEmpty { console.err("warning: \(input) holds no .docx files") }
                    files += names.map { (input as NSString).appendingPathComponent($0) }
                } else {
                    files.append(input)
                }
            }
            guard !files.isEmpty else {
                console.err("error: no .docx files to import")
                throw Exit.noInput
            }
            return files
        }

        func resolveModuleID(_ console: Console) throws -> String {
            if let id { return id }
            let manifest = (output as NSString).appendingPathComponent(PackModule.manifestName)
            if FileManager.default.fileExists(atPath: manifest) {
                do {
                    return try YAMLDecoder().decode(ModuleManifest.self, fromFile: manifest).id
                } catch {
                    console.err("error: \(manifest) cannot be read, so the pack cannot be updated: \(error)")
                    throw Exit.dataError
                }
            }
            guard let id = KialoImport.id(fromFolder: output) else {
                console.err("error: cannot make a module id from \(output); pass --id NAME")
                throw Exit.usage
            }
            return id
        }

        func write(_ importer: VerbatimImport, _ documents: [VerbatimImport.Document], _ console: Console) throws {
            var files: [String: String] = [:]
            do {
                let manifest = (output as NSString).appendingPathComponent(PackModule.manifestName)
                if !FileManager.default.fileExists(atPath: manifest) {
                    let title = (URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent)
                    files[PackModule.manifestName] = try importer.manifestText(title: title, documents: documents)
                }
                for document in documents { files[document.slug + ".yaml"] = try importer.claimFileText(document) }
            } catch {
                console.err("error: cannot write the claims as YAML: \(error)")
                throw Exit.software
            }
            do {
                try VerbatimImport.writePack(files, to: output)
            } catch {
                console.err("error: cannot write the pack \(output): \((error as NSError).localizedDescription)")
                throw Exit.cantCreate
            }
            if let deck {
                let deckFolder = (deck as NSString).deletingLastPathComponent
                let from = ModulesCommand.NewModule.relativePath(
                    from: ModulesCommand.NewModule.absolute(deckFolder.isEmpty ? "." : deckFolder),
                    to: ModulesCommand.NewModule.absolute(output))
                let name = ((deck as NSString).lastPathComponent as NSString).deletingPathExtension
                do {
                    let title = documents.count == 1 ? documents[0].name : "\(name) (\(documents.count) Verbatim files)"
                    try writeAtomically(try emitYAML(importer.deck(title: title, documents: documents, packFrom: from, deckName: name)), to: deck)
                } catch {
                    console.err("error: cannot write the deck \(deck): \((error as NSError).localizedDescription)")
                    throw Exit.cantCreate
                }
            }
        }

        func report(_ documents: [VerbatimImport.Document], _ console: Console, written: Bool) {
            var tags = 0, tagParagraphs = 0, cards = 0, analytics = 0, warnings = 0
            for document in documents {
                let found = document.outline.claims.filter { $0.origin == .tag }.count
                tags += found
                tagParagraphs += document.outline.tagParagraphs
                cards += document.cards
                analytics += document.analytics
                warnings += document.outline.warnings.count
                var line = "\(document.path): \(Console.plural(document.entries.count, "claim")) "
                    + "(\(document.cards) cards, \(document.analytics) analytics; \(found) of \(document.outline.tagParagraphs) tag paragraphs), "
                    + "side \(document.side.rawValue) (\(document.sideReason)), \(Console.plural(document.outline.warnings.count, "warning"))"
                if !document.positions.isEmpty {
                    let kinds = document.positions.prefix(6).map { "\($0.heading) → \($0.kind)" }
                    line += "; positions: " + kinds.joined(separator: ", ") + (document.positions.count > 6 ? ", …" : "")
                }
                console.err(line)
                let shown = verbose ? document.outline.warnings : Array(document.outline.warnings.prefix(5))
                for warning in shown {
                    console.err("  \(document.path): paragraph \(warning.paragraph ?? 0): warning: \(warning.message) [\(warning.code)]")
                }
                if shown.count < document.outline.warnings.count {
                    console.err("  … \(document.outline.warnings.count - shown.count) more warnings (--verbose or --json lists them)")
                }
            }
            // Nothing is written when a file failed: the line then says what was read, not "imported into".
            let action = dryRun ? "would import" : written ? "imported" : "read"
            console.err("\(action) \(Console.plural(documents.count, "file")): \(tags) of \(tagParagraphs) tag paragraphs, "
                + "\(cards) cards, \(analytics) analytics, \(Console.plural(warnings, "warning"))"
                + (dryRun ? "; nothing written (--dry-run)" : written ? " into \(output)" + (deck.map { "; deck \($0)" } ?? "") : ""))
        }
    }
}

/// `[#####     ] 12/40 name` on stderr, redrawn in place; only on a terminal.
struct ProgressLine {
    var total: Int
    var enabled: Bool

    func show(_ done: Int, _ name: String) {
        guard enabled else { return }
        let width = 24
        let filled = total == 0 ? 0 : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let label = name.count > 40 ? String(name.prefix(39)) + "…" : name
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(label)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// `--json`: what was read from each file, and what was written.
struct Summary: Encodable {
    struct Warning: Encodable {
        var code: String
        var paragraph: Int?
        var message: String
    }
    struct File: Encodable {
        var path: String
        var claimFile: String?
        var side: String?
        var sideReason: String?
        var claims: Int
        var cards: Int
        var analytics: Int
        var tagsFound: Int
        var tagParagraphs: Int
        var usualHighlight: String?
        var positions: [[String: String]]
        var warnings: [Warning]
        var error: Warning?
    }
    var files: [File]
    var total: [String: Int]
    var pack: String
    var deck: String?
    var written: Bool

    init(documents: [VerbatimImport.Document], failures: [(path: String, error: DocxReadError)], pack: String, deck: String?, written: Bool) {
        files = documents.map { d in
            File(path: d.path, claimFile: d.slug + ".yaml", side: d.side.rawValue, sideReason: d.sideReason, claims: d.entries.count,
                 cards: d.cards, analytics: d.analytics, tagsFound: d.outline.claims.filter { $0.origin == .tag }.count,
                 tagParagraphs: d.outline.tagParagraphs, usualHighlight: d.outline.usualHighlight,
                 positions: d.positions.map { ["heading": $0.heading, "kind": $0.kind, "id": $0.id] },
                 warnings: d.outline.warnings.map { Warning(code: $0.code, paragraph: $0.paragraph, message: $0.message) }, error: nil)
        } + failures.map { f in
            File(path: f.path, claimFile: nil, side: nil, sideReason: nil, claims: 0, cards: 0, analytics: 0, tagsFound: 0, tagParagraphs: 0,
                 usualHighlight: nil, positions: [], warnings: [], error: Warning(code: f.error.code, paragraph: nil, message: f.error.message))
        }
        total = [
            "files": documents.count, "failed": failures.count,
            "claims": files.reduce(0) { $0 + $1.claims }, "cards": files.reduce(0) { $0 + $1.cards },
            "analytics": files.reduce(0) { $0 + $1.analytics }, "tagsFound": files.reduce(0) { $0 + $1.tagsFound },
            "tagParagraphs": files.reduce(0) { $0 + $1.tagParagraphs }, "warnings": files.reduce(0) { $0 + $1.warnings.count },
        ]
        self.pack = pack
        self.deck = deck
        self.written = written
    }
}
