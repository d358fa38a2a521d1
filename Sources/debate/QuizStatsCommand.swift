import ArgumentParser
import Drill
import Foundation

struct QuizStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show reviews, true retention, what is due and the weakest items.",
        discussion: """
        With a deck file, reports that deck's items (and how many were never seen); with a deck id, that \
        deck's progress as stored; with neither, every deck in the store. True retention is the share of \
        reviews of graduated items (the review state) not rated Again.

        Examples:
          debate quiz stats decks/belarus-engagement.yaml
          debate quiz stats --json
        """)

    @Argument(help: ArgumentHelp("A deck file, or the id of a deck in the store; all decks when left out.", valueName: "deck"))
    var deck: String?

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    @Option(help: ArgumentHelp("How many weakest items to list.", valueName: "n"))
    var top = 10

    @Option(help: ArgumentHelp("Act as if it were this time (RFC 3339).", valueName: "time"))
    var now: String?

    @OptionGroup var store: ProgressStoreOptions
    @OptionGroup var modules: ModulePathOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        _ = try parseNow(now)
    }

    func run() throws {
        let console = Console()
        let at = try parseNow(now) ?? Date()
        var deckID: String?
        var itemIDs: Set<String>?
        var questions: [String: String] = [:]
        var targetWPM: Int?
        if let deck, FileManager.default.fileExists(atPath: deck) {
            var random = PythonRandom(seed: 0)
            let build = try DeckLoader(modules: modules, console: console).build(deck)
            guard let built = build.deck, let graph = build.graph else { throw Exit.software }
            let generator = DrillItemGenerator(deck: built, graph: graph, modules: build.modules.map { ($0.module, $0.context) })
            deckID = built.id
            let outline = generator.outline(using: &random)
            // Speed readings are timed, not scheduled: never counted as unseen.
            itemIDs = Set(outline.filter(\.kind.isScheduled).map(\.id))
            targetWPM = built.wpm
            questions = Dictionary(outline.map { ($0.id, generator.item(for: $0).summaryLine) }, uniquingKeysWith: { a, _ in a })
        } else {
            deckID = deck
        }
        // Asking for statistics never creates a store: no file means nothing answered yet.
        // …and never writes one: it may be read-only, or another user's.
        let progressStore = FileManager.default.fileExists(atPath: store.path) ? try store.open(console, readingOnly: true) : nil
        let stats: ProgressStats
        do {
            let items = try progressStore?.items(deck: deckID) ?? []
            if let deck, itemIDs == nil, items.isEmpty, try progressStore?.speedReads(deck: deck).isEmpty ?? true {
                console.err("error: no deck file at \(deck), and no deck `\(deck)` in \(store.path)")
                throw Exit.noInput
            }
            stats = ProgressStats(deck: deckID, items: items, reviews: try progressStore?.reviews(deck: deckID) ?? [], now: at,
                                  deckItemIDs: itemIDs, questions: questions, top: top, scheduler: try FSRSScheduler(),
                                  speedReads: try progressStore?.speedReads(deck: deckID) ?? [], targetWPM: targetWPM)
        } catch let error as ProgressStoreError {
            console.err(error.description)
            throw Exit.ioError
        }
        if json {
            try console.json(stats)
        } else {
            console.out(Self.text(stats, path: store.path))
        }
    }

    /// The speed history: a summary line, then the latest readings in 80 columns, newest first.
    static func speedLines(_ speed: ProgressStats.Speed) -> [String] {
        guard let average = speed.averageWPM else { return [] }
        func whole(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))" } ?? "-" }
        let target = speed.targetWPM.map { " against a target of \($0) wpm" } ?? ""
        var lines = ["", "speed reading: \(speed.readings) reading\(speed.readings == 1 ? "" : "s")\(target)",
                     "\(whole(average)) wpm on average, fastest \(whole(speed.fastestWPM)), latest \(whole(speed.latestWPM))"]
        let rows = speed.recent.map { read -> [String] in
            let when = String(read.at.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")
            return [when, whole(read.wpm), "\(read.targetWPM)", "\(read.words)", String(format: "%.1f", read.seconds)]
        }
        let fixed = [["WHEN (UTC)", "WPM", "TARGET", "WORDS", "SECONDS"]] + rows
        let widths = (0..<5).map { column in fixed.map { $0[column].count }.max() ?? 0 }
        let room = max(20, 80 - widths.reduce(0, +) - 2 * 5)
        let cards = ["CARD"] + speed.recent.map { read in
            let text = (read.question.map { String($0.dropFirst("Read: ".count)) } ?? read.item)
            return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
        }
        lines.append(table(zip(fixed, cards).map { $0 + [$1] }))
        return lines
    }

    static func text(_ stats: ProgressStats, path: String) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        let unseen = stats.unseen.map { ", \($0) never seen" } ?? ""
        let retention = stats.trueRetention.map { "\(percent($0)) of \(stats.retentionReviews) reviews in the review state" }
            ?? "none yet (no reviews in the review state)"
        var lines = [
            stats.deck.map { "deck \($0)" } ?? "all decks",
            table([
                ["reviews", "\(stats.reviews) (\(stats.reviewsToday) today)"],
                ["true retention", retention],
                ["items", "\(stats.items) answered\(unseen)"],
                ["due", "\(stats.due.now) now, \(stats.due.today) by the end of today, \(stats.due.next7Days) within 7 days"],
            ]),
        ]
        if !stats.weakest.isEmpty {
            lines += ["", "weakest items (lowest predicted recall now, then most lapses):"]
            func whole(_ value: Double) -> String { "\(Int((value * 100).rounded(.down)))%" }
            // RECALL NOW, AT DUE, LAPSES, DUE (MM-DD HH:MM) and the question, in 80 columns.
            let rows = stats.weakest.map { item -> [String] in
                let due = String(item.due.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")
                return [whole(item.recallNow), whole(item.recallAtDue), "\(item.lapses)", due]
            }
            let fixed = [["NOW", "AT DUE", "LAPSES", "DUE (UTC)"]] + rows
            let widths = (0..<4).map { column in fixed.map { $0[column].count }.max() ?? 0 }
            let room = max(20, 80 - widths.reduce(0, +) - 2 * 4)
            let questions = ["QUESTION"] + stats.weakest.map { item in
                let text = "\(item.kind): " + (item.question ?? item.id)
                return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
            }
            lines.append(table(zip(fixed, questions).map { $0 + [$1] }))
        }
        lines += speedLines(stats.speed)
        lines += ["", "progress store: \(path)"]
        return lines.joined(separator: "\n")
    }
}
