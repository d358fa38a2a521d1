import ArgumentParser
import DebateCore

/// The entry point: output failures are exit 74, never a crash (see `StandardStream`), so a
/// closed pipe must give EPIPE rather than SIGPIPE; then the commands.
@main
enum Entry {
    static func main() {
        StandardStream.ignoreBrokenPipes()
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
        `debate quiz` drills you on a deck with spaced repetition.

        Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, 73 cannot create (an output folder exists), 74 I/O error.
        """,
        version: "0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, LintCommand.self, SearchCommand.self, ModulesCommand.self,
                      ImportCommand.self, QuizCommand.self]
    )
}
