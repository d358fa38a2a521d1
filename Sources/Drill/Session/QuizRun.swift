import DebateCore
import DeckModel
import Foundation

/// One `debate quiz` session from a built deck to its summary: the deck's items outlined, the plan
/// (due first, then new), the scheduler, and the interface (screens on a terminal, the line
/// protocol otherwise). The CLI only parses flags and builds the deck.
public struct QuizRun {
    public struct Options: Sendable {
        public var kinds: Set<DrillItem.Kind> = DrillItem.Kind.scheduled
        public var limit: Int?
        public var newLimit = 20
        /// Seeds the order, the distractors and the interval fuzz, so a session repeats.
        public var seed: Int?
        public var desiredRetention = 0.9
        /// Act as if it were this time.
        public var now: Date?
        /// The line protocol even on a terminal.
        public var plain = false

        public init() {}
    }

    /// The deck's items before their draws: from a built deck (`DrillItemGenerator.recipes()`) or kept
    /// by the quiz memo.
    public var recipes: DrillRecipes
    public var options: Options

    public init(generator: DrillItemGenerator, options: Options) {
        self.init(recipes: generator.recipes(), options: options)
    }

    public init(recipes: DrillRecipes, options: Options) {
        self.recipes = recipes
        self.options = options
    }

    /// A kept item could not be read back while the session was planned; nothing was asked.
    public struct Unreadable: Error {}

    /// Runs the session against `store`. `note` receives what to tell the user before it starts ("has no items to drill").
    public func run(store: ProgressStore, note: (String) -> Void) throws -> SessionSummary {
        var random = PythonRandom(seed: options.seed ?? Int.random(in: 0...Int.max))
        let outline = recipes.outline(using: &random)
        let deckID = recipes.deckID
        let fixedNow = options.now
        let clock: @Sendable () -> Date = { fixedNow ?? Date() }
        let progress = Dictionary(try store.items(deck: deckID).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = QuizPlan(outline: outline, progress: progress, now: clock(), kinds: options.kinds,
                            limit: options.limit, newLimit: options.newLimit, build: { $0.build() }, using: &random)
        if recipes.unreadable.value { throw Unreadable() }
        if plan.itemCount == 0 {
            let only = options.kinds.count == 1 ? "\(options.kinds.first!.rawValue) " : ""
            let why = options.kinds == [.cite] ? " (a cite question needs cards citing at least two different sources)" : ""
            note("has no \(only)items to drill\(why)")
        }
        let scheduler = try FSRSScheduler(parameters: FSRSParameters(desiredRetention: options.desiredRetention),
                                          randomSource: Self.fuzzSource(seed: options.seed))
        var session = QuizSession(deckID: deckID, deckTitle: recipes.deckTitle, plan: plan,
                                  deckItemIDs: Set(outline.filter(\.kind.isScheduled).map(\.id)), store: store,
                                  scheduler: scheduler, clock: clock)
        Interruption.install()
        if !options.plain && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            var screen = ScreenInterface(style: .forTerminal())
            return try session.run(&screen)
        }
        var lines = LineInterface()
        return try session.run(&lines)
    }

    /// Interval fuzz drawn as Python's `random.seed(seed)` would, or unseeded.
    public static func fuzzSource(seed: Int?) -> any FuzzRandomSource {
        seed.map { PythonRandom(seed: $0) } ?? SystemFuzzRandom()
    }
}
