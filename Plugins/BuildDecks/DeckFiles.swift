import Foundation

/// Helpers both command plugins share (Plugins/LintDecks links to this file: plugins cannot
/// depend on library targets).
enum DeckFiles {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The deck files directly in decks/, as paths relative to the package root.
    static func list(in root: URL) throws -> [String] {
        let folder = root.appendingPathComponent("decks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "decks/\($0)" }
    }

    /// Runs the tool from the package root with our standard streams; returns its exit status.
    static func run(_ tool: URL, _ arguments: [String], in root: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = root
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
