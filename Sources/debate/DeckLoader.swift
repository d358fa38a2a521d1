import DebateCore
import DeckBuilder
import Foundation

/// Builds a deck for a command (`build`, `quiz`, `lint`): the CLI's one way from a deck path to a
/// finished `BuildContext`, with the module search its flags describe.
struct DeckLoader {
    var modules: ModulePathOptions
    var console: Console

    /// The context a build of `path` starts from.
    func context(_ path: String, keepGoing: Bool = false) throws -> BuildContext {
        BuildContext(configPath: path, keepGoing: keepGoing,
                     discover: modules.discoverer(deck: path, builtIns: try modules.builtIns(console)))
    }

    /// Runs the build (rendering `renders`, if any): exits 66 without the deck file, 65 when the build
    /// fails, after printing why.
    func build(_ path: String, keepGoing: Bool = false, renders: [RenderRequest] = []) throws -> BuildContext {
        guard FileManager.default.fileExists(atPath: path) else {
            console.err("error: no deck file at \(path)")
            throw Exit.noInput
        }
        var context = try context(path, keepGoing: keepGoing)
        context.renders = renders
        do {
            return try DeckBuild.run(context)
        } catch {
            console.report(error.diagnostics)
            console.err("build failed in step `\(error.step)`: \(Console.count(error.diagnostics))")
            throw Exit.dataError
        }
    }
}
