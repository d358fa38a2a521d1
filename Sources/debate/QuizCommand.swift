import ArgumentParser
import DebateCore
import DeckBuilder
import DeckModel
import Drill
import Foundation

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Drill a deck with spaced repetition (FSRS-6), see what is due, replay a review history.",
        discussion: """
        `debate quiz DECK` (the default subcommand, `run`) asks the deck's due items first, then new ones: \
        block recall (answer an opponent claim, then grade yourself 1-4), response kind, cite and cloze \
        questions, which part of their argument an answer attacks, which card extends a turn, and the modules' \
        own drills. `--mode speed` times you reading cards aloud instead (words per minute against the \
        deck's `budget: wpm:`, kept as a history). Each answer is saved the moment it is given, so q, Ctrl-C \
        or a crash keeps every answered item. Progress lives in $XDG_DATA_HOME/debate/progress.sqlite \
        (else ~/.local/share/debate/progress.sqlite); --db chooses another file.

        On a terminal each item gets its own screen. When standard input is not a terminal, the quiz \
        reads one answer per line: 1-4 (again, hard, good, easy) grades a recall, optionally followed by \
        your answer; a-d picks a choice; a cloze takes the missing words; q quits.

        `debate quiz stats` shows reviews, true retention, what is due, the weakest items and the speed history; \
        `debate quiz replay` prints what the scheduler does with a review history (JSON lines).

        Examples:
          debate quiz decks/belarus-engagement.yaml
          debate quiz decks/belarus-engagement.yaml --mode response --limit 10
          debate quiz decks/belarus-engagement.yaml --mode speed
          debate quiz decks/belarus-engagement.yaml --seed 7 < answers.txt
          debate quiz stats decks/belarus-engagement.yaml --json
          debate quiz replay --no-fuzz < history.jsonl
        """,
        subcommands: [QuizRunCommand.self, QuizStatsCommand.self, QuizReplayCommand.self],
        defaultSubcommand: QuizRunCommand.self)
}

/// Which item kinds a session asks: one kind (its raw value, so a new `DrillItem.Kind` is a mode with
/// no change here) or `all`.
struct QuizMode: ExpressibleByArgument {
    var kinds: Set<DrillItem.Kind>
    var name: String

    static let all = QuizMode(kinds: DrillItem.Kind.scheduled, name: "all")

    init(kinds: Set<DrillItem.Kind>, name: String) {
        self.kinds = kinds
        self.name = name
    }

    init?(argument: String) {
        if argument == "all" { self = .all; return }
        guard let kind = DrillItem.Kind(rawValue: argument) else { return nil }
        self.init(kinds: [kind], name: argument)
    }

    static var allValueStrings: [String] { DrillItem.Kind.allCases.map(\.rawValue) + ["all"] }
    var defaultValueDescription: String { name }
}

/// `--db`: where progress is kept.
struct ProgressStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The progress database (default: $XDG_DATA_HOME/debate/progress.sqlite, else ~/.local/share/debate/progress.sqlite).",
        valueName: "path"))
    var db: String?

    var path: String { db ?? ProgressStore.defaultPath() }

    /// Opens the store; exits 74 when it cannot.
    func open(_ console: Console, readingOnly: Bool = false) throws -> ProgressStore {
        do {
            return readingOnly ? try ProgressStore(readingOnly: path) : try ProgressStore(path: path)
        } catch {
            console.err(error.description)
            throw Exit.ioError
        }
    }
}

/// Interval fuzz drawn as Python's `random.seed(seed)` would, or unseeded.
func fuzzSource(seed: Int?) -> any FuzzRandomSource { QuizRun.fuzzSource(seed: seed) }

/// `--now`, parsed.
func parseNow(_ text: String?) throws -> Date? {
    guard let text else { return nil }
    guard let date = RFC3339.date(from: text) else {
        throw ValidationError("--now `\(text)` is not an RFC 3339 time such as 2025-06-01T09:00:00Z")
    }
    return date
}

struct QuizRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Quiz yourself on a deck: due items first, then new ones, until done or q.",
        discussion: """
        Line protocol (standard input not a terminal, or --plain): each item is printed as plain text \
        ending with an `answer:` line, then one line is read:
          1-4 or again/hard/good/easy   grades a block recall; your answer may follow
          a-d                           picks a choice (kind, cite, module drills)
          words                         the missing words of a cloze (empty: pass)
          q                             quits; the answers given so far are kept
          two lines (--mode speed)      a reading's start and finish: empty (now), an RFC 3339 time, or
                                        the finish as seconds (41.5s)
        Each answer gets a `result:` line and the session ends with `summary:` lines. An unreadable \
        line stops the quiz with `<stdin>:LINE: error: …` and exit 65. Ctrl-C exits 130 after the summary.
        """)

    @Argument(help: ArgumentHelp("The deck configuration file.", valueName: "deck.yaml"))
    var deck: String

    @Option(help: "Which kind of items to ask (`all` is every kind but `speed`).")
    var mode: QuizMode = .all

    @Option(help: ArgumentHelp("Ask at most this many items.", valueName: "n"))
    var limit: Int?

    @Option(name: .customLong("new"), help: ArgumentHelp("Introduce at most this many new items.", valueName: "n"))
    var newLimit = 20

    @Option(help: ArgumentHelp("Seed the order, the distractors and the interval fuzz, so a session repeats.", valueName: "n"))
    var seed: Int?

    @Option(help: ArgumentHelp("The probability of recall to schedule reviews for (0 < r < 1).", valueName: "r"))
    var desiredRetention = 0.9

    @Option(help: ArgumentHelp("Act as if it were this time (RFC 3339), to rehearse a schedule.", valueName: "time"))
    var now: String?

    @Flag(help: "Use the plain line protocol even on a terminal.")
    var plain = false

    @OptionGroup var store: ProgressStoreOptions
    @OptionGroup var modules: ModulePathOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if newLimit < 0 { throw ValidationError("--new must be 0 or more") }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            throw ValidationError("--desired-retention must be between 0 and 1, like 0.9")
        }
        _ = try parseNow(now)
    }

    func run() throws {
        let console = Console()
        // The quiz memo (QuizMemo): a deck unchanged since its last quiz is not loaded; its items come
        // from the memo, drawn exactly as from the deck.
        let memo = QuizMemo(deck: deck, modules: modules, console: console)
        var recipes = memo?.recipes()
        var built: (recipes: DrillRecipes, sets: [ArgumentSet])?
        /// Warnings belong to `debate build` and `lint`; the quiz reports only what stops it.
        func fromDeck() throws -> DrillRecipes {
            let build = try DeckLoader(modules: modules, console: console).build(deck)
            guard let deck = build.deck, let graph = build.graph else { throw Exit.software }
            let generator = DrillItemGenerator(deck: deck, graph: graph, modules: build.modules.map { ($0.module, $0.context) })
            KeptUntilExit.keep((build, generator))
            built = (generator.recipes(), build.sets)
            return built!.recipes
        }
        if recipes == nil { recipes = try fromDeck() }
        var options = QuizRun.Options()
        options.kinds = mode.kinds
        options.limit = limit
        options.newLimit = newLimit
        options.seed = seed
        options.desiredRetention = desiredRetention
        options.now = try parseNow(now)
        options.plain = plain
        let progressStore = try store.open(console)
        let summary: SessionSummary
        do {
            do {
                summary = try QuizRun(recipes: recipes!, options: options).run(store: progressStore) { console.err("note: \(deck) \($0)") }
            } catch is QuizRun.Unreadable {
                // A damaged memo entry, found before anything was asked: the deck after all.
                summary = try QuizRun(recipes: try fromDeck(), options: options).run(store: progressStore) { console.err("note: \(deck) \($0)") }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            console.err("\(error)")
            throw Exit.ioError
        }
        // Kept for the next quiz of the same inputs, once this one is over.
        if let memo, let built { memo.store(built.recipes, sets: built.sets) }
        switch summary.end {
        case .badInput(let line, let message):
            console.err("<stdin>:\(line): error: \(message)")
            throw Exit.dataError
        case .interrupted:
            throw ExitCode(130)
        default:
            break
        }
    }
}
