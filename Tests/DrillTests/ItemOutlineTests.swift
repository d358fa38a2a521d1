import DebateCore
import DeckBuilder
import DeckModel
@testable import Drill
import Foundation
import Testing

/// `debate quiz` plans from an outline and builds only the items it asks: the session must be the one
/// that building every item first would give.
@Suite("Item outline")
struct ItemOutlineTests {
    let now = RFC3339.date(from: "2025-06-01T09:00:00Z")!

    @Test(arguments: [belarusDeck, belarusNegDeck, citesDeck])
    func anOutlinePlansTheSameSessionAsTheItems(deck: String) throws {
        let generator = try #require(DrillItemGenerator(build: try build(deck, packs: deck == citesDeck ? [citesPack] : [])))
        for seed in [1, 2, 7] {
            var full = PythonRandom(seed: seed), outlined = PythonRandom(seed: seed)
            let items = generator.items(using: &full)
            let outline = generator.outline(using: &outlined)
            #expect(outline.map(\.id) == items.map(\.id))
            #expect(outline.map(\.kind) == items.map(\.kind))
            #expect(outline.map(generator.item(for:)) == items)
            // Some items answered, a few of them due, so the plan has due and new entries.
            let progress = Dictionary(uniqueKeysWithValues: items.enumerated().filter { $0.offset % 3 == 0 }.map { index, item in
                (item.id, ItemProgress(id: item.id, deck: item.deck, kind: item.kind.rawValue,
                                       card: SchedulingCard(state: .review, step: nil, stability: 3, difficulty: 5,
                                                            due: now.addingTimeInterval(Double(index % 5 - 2) * 3600),
                                                            lastReview: now.addingTimeInterval(-86_400)),
                                       reps: 1, lapses: 0))
            })
            for (kinds, limit, newLimit) in [(Set(DrillItem.Kind.allCases), nil, 20), ([.cloze, .recall], 5, 3), ([.module], nil, nil)]
                as [(Set<DrillItem.Kind>, Int?, Int?)] {
                var a = full, b = outlined
                let fromItems = QuizPlan(items: items, progress: progress, now: now, kinds: kinds, limit: limit,
                                         newLimit: newLimit, using: &a)
                let fromOutline = QuizPlan(outline: outline, progress: progress, now: now, kinds: kinds, limit: limit,
                                           newLimit: newLimit, build: generator.item(for:), using: &b)
                #expect(fromOutline.entries == fromItems.entries)
                #expect(fromOutline.availableDue == fromItems.availableDue && fromOutline.availableNew == fromItems.availableNew)
                #expect(fromOutline.itemCount == fromItems.itemCount)
                #expect(a.next() == b.next(), "the plan must leave the stream where it was")
            }
        }
    }

    func evidence(_ runs: [(String, Evidence.Style)]) -> EvidenceBody {
        EvidenceBody(Evidence(runs: runs.map { Evidence.Run($0.0, $0.1) }, markup: ""))
    }

    @Test func canBlankAgreesWithBlank() {
        let bodies: [[(String, Evidence.Style)]] = [
            [("Isolation has been an ", []), ("abject failure", .highlight), (" for years.", [])],
            [("Nothing ", []), ("is", .highlight), (" highlighted", [])],
            [("A ", []), ("long highlight of far more than six words in all", .highlight), (" here", [])],
            [("A ", []), ("long highlight of far more than ", .highlight), ("six", [.highlight, .emphasis]),
             (" words in all", .highlight)],
            [("“Quoted ", .highlight), ("policy”", .highlight), (" after", [])],
            // Run boundaries inside one character: a combining accent, CR LF, a flag's two halves.
            [("Cafe", .highlight), ("\u{301} society matters", [])],
            [("caf", []), ("e\u{301} society", .highlight)],
            [("line\r", .highlight), ("\r\nbreak", [])],
            [("line\r", .highlight), ("\nbreak", [])],
            [("\u{1F1E7}", []), ("\u{1F1FE}\u{1F1FE} flags here", .highlight)],
            [("the", .highlight), (" and ", []), ("of", .highlight)],
            [("", .highlight), ("", []), ("Minsk", [.highlight, .emphasis])],
            [("Tail ", []), ("ends highlighted", .highlight)],
        ]
        for runs in bodies {
            let body = evidence(runs)
            // The fast test may let through a card `blank` then finds nothing in (a capital that is
            // no name), never the other way round.
            if ClozeDrills.blank(body) != nil { #expect(ClozeDrills.canBlank(body), "\(runs.map(\.0))") }
        }
        #expect(ClozeDrills.canBlank(evidence(bodies[0])))
        #expect(!ClozeDrills.canBlank(evidence(bodies[1])))
        #expect(!ClozeDrills.runsKeepCharacterBoundaries(evidence(bodies[5]).runs))
        #expect(!ClozeDrills.runsKeepCharacterBoundaries(evidence(bodies[9]).runs))
    }

    @Test func plainComparableAgreesWithModuleDrills() {
        var texts = ["Smith 25, “Talking works”, Example Review", "  Hello,   WORLD!! ", "...", "", " ", "“”", "(a) b.",
                     "Line\r\nbreak\tand\u{0B}tab ", "“Quoted.”", "-- dashes --", "A$B+C<D>", "caf\u{E9}", "Cafe\u{301}",
                     "İstanbul", "Trade and restraint”,", "\u{1C}x\u{1F}"]
        // Random text over ASCII and curly quotes, seeded so a failure repeats.
        var random = PythonRandom(seed: 11)
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["“", "”", " ", " ", "a", "B", ".", ","]
        for _ in 0..<2000 {
            texts.append(String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for text in texts {
            #expect(DistractorPool.comparable(text) == ModuleDrill.comparable(text), "\(text.debugDescription)")
        }
        #expect(DistractorPool.plainComparable("caf\u{E9}") == nil)
    }

    @Test func asciiWordsAgreeWithFoldedWords() {
        var texts = ["Hedging between Russia and the West", "  NATO MEMBERS themselves. ", "it's a double-standard",
                     "-lead 'quote' trail- 'x", "A1 b2-C3 ''", "", "\t\r\n", "Don't--stop", "x'-y"]
        var random = PythonRandom(seed: 12)
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + Array("  aZ'-'-09")
        for _ in 0..<2000 {
            texts.append(String((0..<Int.random(in: 0...16, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
        }
        for text in texts {
            #expect(TextMatching.asciiWords(text) == TextMatching.foldedWords(text), "\(text.debugDescription)")
        }
        #expect(TextMatching.words("Erdoğan’s") == TextMatching.foldedWords("Erdoğan’s"))
    }
}
