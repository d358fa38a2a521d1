import ArgumentParser
import DebateCore
import Foundation
import ModuleAuthoring
import ModuleLoading

extension ModuleScaffold.Kind: ExpressibleByArgument {}

extension ModulesCommand {
    struct NewModule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a module: a YAML pack, a Python process module, or a Swift one on DebateModuleKit.",
            discussion: """
            The module starts with one example claim and one counterclaim, so it lists, lints clean and \
            adds to a build at once (a Swift module after `swift build` in its folder). Refuses to write \
            into a folder that exists and is not empty (exit 73).

            Examples:
              debate modules new sanctions-pack --kind pack
              debate modules new trade-data --kind python
              debate modules new precedents --kind swift -o ~/debate-modules/precedents
            """)

        @Argument(help: "The module id: lowercase letters, digits and dashes.") var name: String

        @Option(help: "pack (YAML claims), python (a stdlib-only process module) or swift (a package on DebateModuleKit).")
        var kind: ModuleScaffold.Kind = .pack

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to create (default: modules/NAME).", valueName: "dir"))
        var output: String?

        @Option(help: ArgumentHelp("For --kind swift: the debate package that provides DebateModuleKit (default: the one this debate was built from).",
                                   valueName: "path"))
        var kit: String?

        func run() throws {
            let console = Console()
            let folder = output ?? "modules/\(name)"
            var kitPath: String?
            if kind == .swift {
                guard let root = kit ?? Self.sourcePackage() else {
                    console.err("error: cannot tell where the debate package is; pass --kit PATH (the folder holding debate's Package.swift)")
                    throw Exit.usage
                }
                kitPath = Self.relativePath(from: Self.absolute(folder), to: Self.absolute(root))
            }
            let scaffold: ModuleScaffold
            do {
                scaffold = try ModuleScaffold(id: name, kind: kind, kitPath: kitPath)
            } catch {
                console.report(error.diagnostics)
                throw Exit.usage
            }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if !existing.isEmpty {
                console.err("error: \(folder) already exists and is not empty; choose another folder with -o")
                throw Exit.cantCreate
            }
            do {
                try scaffold.write(to: folder)
            } catch {
                console.err("error: cannot write \(folder): \(error.localizedDescription)")
                throw Exit.ioError
            }
            let parent = (folder as NSString).deletingLastPathComponent
            let path = parent.isEmpty ? "." : parent
            var next = "created \(kind.rawValue) module `\(name)` in \(folder)\nnext:\n"
            if kind == .swift { next += "  (cd \(folder) && swift build)           # builds .build/debug/debate-module-\(name)\n" }
            let inProject = output == nil && ModuleSearch.projectRoot(from: ".") != nil
            next += inProject ? "  debate modules list\n" : "  debate modules list --module-path \(path)\n"
            next += "  debate lint \(folder)\n"
            next += "  in a deck: list `- \(name)` under modules:, add a block `select: { modules: [\(name)] }`"
            next += inProject
                ? ", and build it (a deck in decks/ finds this project's modules/)"
                : ",\n  and build it with --module-path \(path) (or run `debate init` here: a deck in decks/ finds modules/)"
            console.err(next)
        }

        /// The package this debate executable was built from: the nearest folder above it holding
        /// Package.swift and Sources/DebateModuleKit.
        static func sourcePackage() -> String? {
            var url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            if !FileManager.default.fileExists(atPath: url.path), let path = Bundle.main.executablePath {
                url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            }
            while url.path != "/" {
                url.deleteLastPathComponent()
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
                   FileManager.default.fileExists(atPath: url.appendingPathComponent("Sources/DebateModuleKit").path) {
                    return url.path
                }
            }
            return nil
        }

        static func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }

        /// `to` as seen from `from` (both absolute): `../..` when `from` is two folders below `to`.
        static func relativePath(from: String, to: String) -> String {
            let a = from.split(separator: "/"), b = to.split(separator: "/")
            var common = 0
            while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
            // Only the root in common: an absolute path reads better than a ladder of `..`.
            if common == 0 { return to }
            let parts = Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)
            return parts.isEmpty ? "." : parts.joined(separator: "/")
        }
    }
}
