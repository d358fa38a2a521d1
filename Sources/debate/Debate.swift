import ArgumentParser
import DebateCore

/// The entry point: output failures are exit 74, never a crash (see `StandardStream`), so a
/// closed pipe must give EPIPE rather than SIGPIPE; then the commands.
@main
enum Entry {
    static func main() {
        StandardStream.ignoreBrokenPipes()
        // `debate search` in its plain forms skips the full parser (SearchArguments.swift).
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "search", let search = SearchCommand.fastParse(Array(arguments.dropFirst())) {
            do {
                try search.run()
            } catch {
                Debate.exit(withError: error)  // as Debate.main() does
            }
            return
        }
        Debate.main()
    }
}

struct Debate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debate",
        abstract: "Keep arguments as YAML, build debate decks from them, and check them.",
        discussion: """
        Argument modules supply claims and counterclaims; a deck file in decks/ says which modules to use \
        and how to arrange their cards (Pocket › Hat › Block › Tag). `debate build` writes the deck as \
        Word (Verbatim styles), Anki, Argdown, Markdown, HTML or JSON; `debate lint` checks decks and packs and prints compiler-style diagnostics; \
        `debate quiz` drills you on a deck with spaced repetition; `debate search` finds cards in every \
        module you can use; `debate import verbatim` brings Verbatim Word files in as packs; `debate init` \
        starts a project (decks/ and modules/).

        Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, 73 cannot create (an output folder exists), 74 I/O error.
        """,
        version: "0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, LintCommand.self, SearchCommand.self, ModulesCommand.self,
                      ImportCommand.self, QuizCommand.self]
    )
}
