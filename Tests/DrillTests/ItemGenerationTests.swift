import BuiltInModules
import DebateCore
import DeckBuilder
@testable import Drill
import Foundation
import ModuleLoading
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Builds a deck as `debate quiz` does.
func build(_ deckPath: String, packs: [String] = []) throws -> BuildContext {
    var registry = ModuleRegistry(builtIns: try BuiltInModules.load())
    try registry.addPacks(from: packs)
    return try DeckBuild.run(BuildContext(configPath: deckPath, modules: registry))
}

extension DrillItemGenerator {
    /// The generator for a finished build, as `debate quiz` makes it.
    init?(build: BuildContext) {
        guard let deck = build.deck, let graph = build.graph else { return nil }
        self.init(deck: deck, graph: graph, modules: build.modules.map { ($0.module, $0.context) })
    }
}

/// Builds a deck as `debate quiz` does and returns its items.
func drillItems(_ deckPath: String, seed: Int = 1, packs: [String] = []) throws -> [DrillItem] {
    let generator = try #require(DrillItemGenerator(build: try build(deckPath, packs: packs)))
    var random = PythonRandom(seed: seed)
    return generator.items(using: &random)
}

let belarusDeck = packageRoot.appendingPathComponent("decks/belarus-engagement.yaml").path
let belarusNegDeck = packageRoot.appendingPathComponent("decks/belarus-engagement-neg.yaml").path
let citesDeck = fixtures.appendingPathComponent("cites-deck.yaml").path
let citesPack = fixtures.appendingPathComponent("cites-pack").path

@Suite("Drill items")
struct ItemGenerationTests {
    @Test(arguments: [belarusDeck, belarusNegDeck])
    func idsAreStableAcrossRebuildsAndSeeds(deck: String) throws {
        let first = try drillItems(deck, seed: 1).map(\.id)
        let second = try drillItems(deck, seed: 99).map(\.id)
        #expect(first == second)
        #expect(Set(first).count == first.count, "item ids must be unique")
        for id in first {
            let parts = id.split(separator: ":")
            #expect(parts.count == 3, "\(id) is not deck:claim:kind")
        }
    }

    @Test func editingTheDeckKeepsItemIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A new title and a budget change do not touch a claim, so every item keeps its id (and history).
        let edited = try String(contentsOfFile: belarusDeck, encoding: .utf8)
            .replacingOccurrences(of: "title: Engage Belarus — Affirmative", with: "title: Belarus, revised")
            .replacingOccurrences(of: "speech: 8m", with: "speech: 9m")
        let path = folder.appendingPathComponent("renamed-file.yaml").path
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try drillItems(path).map(\.id) == drillItems(belarusDeck).map(\.id))
    }

    @Test func belarusDeckHasEveryKindButCite() throws {
        let items = try drillItems(belarusDeck)
        let kinds = Dictionary(grouping: items, by: \.kind).mapValues(\.count)
        #expect(kinds[.recall, default: 0] > 0)
        #expect(kinds[.response, default: 0] > 0)
        #expect(kinds[.cloze, default: 0] > 0)
        #expect(kinds[.module, default: 0] > 0)
        // Every Belarus card cites the same op-ed: a cite question would have no wrong answer to offer.
        #expect(kinds[.cite] == nil)
        let moduleKinds = Set(items.filter { $0.kind == .module }.map { $0.id.split(separator: ":").last.map(String.init) ?? "" })
        #expect(moduleKinds.isSuperset(of: ["hedging.precedent-exchange", "values.double-standard-charge", "security.threat-answer"]))
    }

    @Test(arguments: [belarusDeck, belarusNegDeck, citesDeck])
    func choicesNeverDuplicateTheAnswer(deck: String) throws {
        for seed in [1, 2, 3] {
            for item in try drillItems(deck, seed: seed, packs: deck == citesDeck ? [citesPack] : []) {
                guard case .choice(let choice) = item.question else { continue }
                let comparable = choice.choices.map(ModuleDrill.comparable)
                #expect(Set(comparable).count == comparable.count, "\(item.id) offers a choice twice: \(choice.choices)")
                #expect(choice.choices.count >= 2 && choice.choices.count <= 4, "\(item.id): \(choice.choices)")
                #expect(comparable.filter { $0 == ModuleDrill.comparable(choice.answer) }.count == 1)
                #expect(!item.context.contains { $0.contains(choice.answer) }, "\(item.id): the context gives the answer away")
                // A response item shows our tag, which may say its kind ("Even if …"): that is the card, not a leak.
                if item.kind != .response {
                    #expect(!choice.prompt.contains(choice.answer), "\(item.id): the prompt gives the answer away")
                }
            }
        }
    }

    @Test func aSeedRepeatsDistractorsAndTheirOrder() throws {
        let once = try drillItems(belarusDeck, seed: 42)
        let again = try drillItems(belarusDeck, seed: 42)
        let other = try drillItems(belarusDeck, seed: 43)
        #expect(once == again)
        #expect(once != other, "a different seed should shuffle some choices differently")
        #expect(once.map(\.id) == other.map(\.id))
    }

    @Test func responseItemsAskForTheCounterclaimsKind() throws {
        let graph = try #require(try build(belarusDeck).graph)
        let items = try drillItems(belarusDeck).filter { $0.kind == .response }
        #expect(!items.isEmpty)
        for item in items {
            let counter = try #require(graph.claim(item.claimID) as? any Counterclaim)
            guard case .choice(let choice) = item.question else { Issue.record("\(item.id) is not a choice"); continue }
            #expect(choice.answer == counter.response.title)
            #expect(choice.choices.allSatisfy { title in ResponseKind.allCases.contains { $0.title == title } })
        }
    }

    @Test func recallShowsOurCounterclaimsWithTheirKeyTerms() throws {
        let item = try #require(try drillItems(belarusDeck).first { $0.id == "belarus-engagement:values.legit-link:recall" })
        guard case .recall(let recall) = item.question else { Issue.record("not a recall"); return }
        #expect(recall.claim == "Formal normalization confers legitimacy on Lukashenko and tells him repression carries no lasting cost")
        #expect(recall.answers.map(\.response) == [.noLink, .linkTurn])
        for answer in recall.answers { #expect(!answer.keyTerms.isEmpty) }
        #expect(item.context == ["2AC — Answers", "A2 Legitimacy DA"])
    }

    @Test func clozeBlanksAHighlightedPhraseOfTheEvidence() throws {
        let deck = try #require(try build(belarusDeck).deck)
        let items = try drillItems(belarusDeck).filter { $0.kind == .cloze }
        #expect(!items.isEmpty)
        for item in items {
            guard case .cloze(let cloze) = item.question else { continue }
            let card = try #require(deck.cards.first { $0.id == item.claimID })
            let evidence = try #require(card.evidence)
            #expect(cloze.before + cloze.answer + cloze.after == evidence.text)
            let highlighted = evidence.runs.filter(\.highlight).map(\.text).joined()
            #expect(TextMatching.words(highlighted).joined(separator: " ").contains(TextMatching.words(cloze.answer).joined(separator: " ")),
                    "\(item.id): “\(cloze.answer)” is not highlighted")
            #expect((1...6).contains(cloze.answerWordCount))
        }
    }

    @Test func citeItemsOfferDistinctSources() throws {
        let items = try drillItems(citesDeck, packs: [citesPack]).filter { $0.kind == .cite }
        // Every card with a cite gets one; the analytic answer has none.
        #expect(items.map(\.claimID) == ["cites.talks", "cites.talks-again", "cites.trade", "cites.same-source"])
        let sameSource = try #require(items.first { $0.claimID == "cites.same-source" })
        guard case .choice(let choice) = sameSource.question else { Issue.record("not a choice"); return }
        #expect(choice.answer == "Petrov 24, “Trade and restraint”, Eastern Quarterly")
        // One author's two articles differ by date, so both may be offered, but the trade card's own
        // source appears once although two cards cite it.
        #expect(Set(choice.choices) == ["Petrov 24, “Trade and restraint”, Eastern Quarterly",
                                        "Smith 25, 2025-08-15, “Talking works”, Example Review",
                                        "Smith 25, 2025-03-01, “Talking works”, Example Review"])
    }
}

@Suite("Lenient matching")
struct TextMatchingTests {
    @Test(arguments: [
        ("multi-vector foreign policy", "“multi-vector” foreign policy", TextMatching.Verdict.correct),
        ("Erdogan", "Erdoğan", .correct),
        ("  NATO MEMBERS themselves. ", "NATO members themselves", .correct),
        ("only possible counterweight", "the only possible counterweight", .correct),
        ("the only posible counterweight", "the only possible counterweight", .close),
        ("well placed to provide a backchannel", "well positioned to provide a backchannel", .close),
        ("sanctions", "the only possible counterweight", .wrong),
        // The README's rule: one word off is Hard (swapped, missing or added), two words off is Again.
        ("The administration's Minsk strategy", "The administration’s Belarus strategy", .close),
        ("abject", "abject failure", .close),
        ("an abject policy failure", "abject failure", .close),
        ("Minsk's tactic", "The administration’s Belarus strategy", .wrong),
        ("staging area", "staging ground", .close),
        ("loading dock", "staging ground", .wrong),
        ("", "abject failure", .wrong),
    ])
    func clozeAnswers(typed: String, expected: String, verdict: TextMatching.Verdict) {
        #expect(TextMatching.compare(typed: typed, expected: expected) == verdict)
    }

    @Test func debateWordsNameTheResponse() {
        #expect(DebateWords.names(.permutation, in: "perm: do both"))
        #expect(DebateWords.names(.noLink, in: "they don't link — engagement is not endorsement"))
        #expect(DebateWords.names(.nonUnique, in: "it's non-unique, we already deal with autocrats"))
        #expect(DebateWords.names(.weMeet, in: "We meet: the plan is an agreement"))
        #expect(!DebateWords.names(.permutation, in: "the plan is a good idea"))
        #expect(!DebateWords.names(.noLink, in: "link turn"))
    }

    @Test func aLongKeyTermIsHitByThreeOfItsWords() {
        let term = "the only way to advance a substantive dialogue on civil society with Belarus is through engagement, whereas punishment and isolation drives Belarus away"
        #expect(TextMatching.hits(term, in: "isolation backfires: engagement is how civil society gets a dialogue"))
        #expect(!TextMatching.hits(term, in: "engagement is good"))
    }

    @Test func keyTermsMatchOnStems() {
        #expect(TextMatching.hits("hedging between Russia and the West", in: "they hedge between the west and moscow"))
        #expect(TextMatching.hits("Double standard", in: "it's a double standard"))
        #expect(!TextMatching.hits("abject failure of isolation", in: "talks work"))
    }
}

@Suite("Line protocol")
struct LineProtocolTests {
    let choice = Question.choice(Choice(prompt: "?", choices: ["x", "y", "z"], answerIndex: 1, explanation: nil))
    let recall = Question.recall(Recall(claim: "c", answers: []))
    let cloze = Question.cloze(Cloze(tag: "t", before: "", answer: "abject failure", after: ""))

    @Test func parsesEachKindOfLine() throws {
        #expect(try choice.parseLine("b").get() == .choice(1))
        #expect(try choice.parseLine(" C ").get() == .choice(2))
        #expect(throws: LineError.self) { try choice.parseLine("d").get() }
        #expect(throws: LineError.self) { try choice.parseLine("2").get() }
        #expect(try recall.parseLine("3").get() == .graded(.good, answer: ""))
        #expect(try recall.parseLine("again  it is non-unique").get() == .graded(.again, answer: "it is non-unique"))
        #expect(throws: LineError.self) { try recall.parseLine("b").get() }
        #expect(try cloze.parseLine("Abject failure").get() == .text("Abject failure"))
        for question in [choice, recall, cloze] { #expect(try question.parseLine("q").get() == .quit) }
    }

    @Test func gradesAnswers() {
        #expect(choice.grade(.choice(1))?.rating == .good)
        #expect(choice.grade(.choice(0))?.rating == .again)
        #expect(cloze.grade(.text("abject failure"))?.rating == .good)
        #expect(cloze.grade(.text("abjct failure"))?.rating == .hard)
        #expect(cloze.grade(.text(""))?.rating == .again)
        #expect(recall.grade(.graded(.easy, answer: ""))?.rating == .easy)
        #expect(recall.grade(.choice(0)) == nil)
    }
}

@Suite("Items from the debate model")
struct DebateModelItemTests {
    func choice(_ items: [DrillItem], _ id: String) throws -> Choice {
        let item = try #require(items.first { $0.id == id }, "no item \(id)")
        guard case .choice(let choice) = item.question else { throw ItemError.notAChoice(id) }
        return choice
    }

    enum ItemError: Error { case notAChoice(String) }

    @Test func whichPartDoesThisAnswerAttack() throws {
        let items = try drillItems(belarusDeck)
        // A non-unique attacks the uniqueness; a no-impact the impact; a takeout the part its claim is.
        let azerbaijan = try choice(items, "belarus-engagement:values.double-standard-azerbaijan:part")
        #expect(azerbaijan.answer == "Uniqueness")
        #expect(Set(azerbaijan.choices) == ["Uniqueness", "Link", "Internal link", "Impact"])
        #expect(azerbaijan.explanation?.contains("answers only a uniqueness") == true, "\(azerbaijan.explanation ?? "")")
        #expect(try choice(items, "belarus-engagement:values.isolation-failed:part").answer == "Impact")
        // A takeout fits any part: not asked. A solvency deficit could answer the counterplan text too: never offered.
        #expect(!items.contains { $0.id == "belarus-engagement:security.a2-t-reasonability:part" })
        let deficit = try choice(items, "belarus-engagement:values.a2-conditions-punishment:part")
        #expect(deficit.answer == "Solvency" && !deficit.choices.contains("Counterplan text"), "\(deficit.choices)")
        // "Already happening" could be read against an inherency: never a distractor for a uniqueness.
        #expect(!azerbaijan.choices.contains("Inherency"))
        let perm = try choice(items, "belarus-engagement:values.a2-conditions-perm:part")
        #expect(perm.answer == "Counterplan text")
        #expect(Set(perm.choices).isSubset(of: ["Counterplan text", "Solvency", "Net benefit"]))
        for item in items where item.kind == .part {
            guard case .choice(let choice) = item.question else { continue }
            #expect(!choice.prompt.contains(choice.answer), "\(item.id) names its answer")
            #expect((choice.explanation ?? "").hasPrefix("Their \(choice.answer.lowercased())"), "\(item.id): \(choice.explanation ?? "")")
        }
    }

    @Test func extendTheLinkTurnOffersTheDefenseBesideIt() throws {
        let items = try drillItems(belarusDeck)
        let extend = items.filter { $0.kind == .extend }
        #expect(extend.count >= 1)
        let turn = try choice(items, "belarus-engagement:values.a2-authoritarianism-isolation-backfires:extend")
        #expect(turn.answer.hasPrefix("Engagement is the only way"))
        #expect(turn.prompt.contains("Extend the link turn: which card?"))
        #expect(turn.prompt.contains("Legitimacy DA — Link"))
        // The no-link on the same link is the real trap: defense, not offense.
        #expect(turn.choices.contains { $0.hasPrefix("Every government on both sides of the Atlantic") }, "\(turn.choices)")
        // The others answer the same position (the Legitimacy DA), whichever the seed.
        for seed in [2, 3, 4] {
            let again = try choice(try drillItems(belarusDeck, seed: seed), "belarus-engagement:values.a2-authoritarianism-isolation-backfires:extend")
            #expect(again.choices.contains { $0.hasPrefix("Every government on both sides of the Atlantic") }, "seed \(seed): \(again.choices)")
            #expect(again.explanation?.contains("answers to the same position") == true)
        }
        #expect(turn.choices.count == 4)
        #expect(turn.explanation?.contains("link turn") == true)
    }

    @Test func speedItemsReadTheHighlightingAgainstTheDecksTarget() throws {
        let items = try drillItems(belarusDeck)
        let speed = items.filter { $0.kind == .speed }
        #expect(speed.count >= 10)
        for item in speed {
            guard case .speed(let read) = item.question else { Issue.record("\(item.id) is no speed item"); continue }
            #expect(read.targetWPM == 250)
            #expect(read.words == wordCount(read.tag) + wordCount(read.text))
            #expect(!read.text.isEmpty)
        }
        #expect(!DrillItem.Kind.scheduled.contains(.speed))
    }

    @Test(arguments: [belarusDeck, belarusNegDeck])
    func everyClozeBlanksKeyWordsOnly(deck: String) throws {
        let clozes = try drillItems(deck).compactMap { item -> (DrillItem, Cloze)? in
            guard case .cloze(let cloze) = item.question else { return nil }
            return (item, cloze)
        }
        #expect(clozes.count >= (deck == belarusDeck ? 10 : 4), "\(clozes.map(\.1.answer))")
        // Filler by an independent list: function words, adverbs, intensifiers.
        let filler: Set<String> = ["the", "a", "an", "of", "in", "to", "and", "or", "their", "its", "with", "for", "by", "on",
                                   "seldom", "curiously", "remarkably", "rightly", "consistently", "hardly", "only", "even",
                                   "much", "very", "so", "far", "still", "already", "crucial", "muchneeded", "long", "major"]
        for (item, cloze) in clozes {
            let words = TextMatching.words(cloze.answer)
            #expect(!words.isEmpty)
            #expect(!filler.contains(words.first ?? "") && !filler.contains(words.last ?? ""), "\(item.id) blanks filler: “\(cloze.answer)”")
            #expect(!words.allSatisfy { filler.contains($0) || $0.count < 3 }, "\(item.id): “\(cloze.answer)”")
            if cloze.showsTag {
                #expect(!cloze.tag.lowercased().contains(cloze.answer.lowercased()), "\(item.id): the tag says “\(cloze.answer)”")
            }
            let shown = (cloze.showsTag ? [cloze.tag] : []) + item.context + [cloze.before, cloze.after]
            let shownStems = Set(shown.flatMap(TextMatching.contentWords).map(TextMatching.stem))
            let stems = TextMatching.contentWords(cloze.answer).filter { !ClozeWords.isFiller($0) }.map(TextMatching.stem)
            #expect(!Set(stems).isSubset(of: shownStems), "\(item.id): every key word of “\(cloze.answer)” is on the screen")
        }
    }
}

@Suite("Coach fixes")
struct CoachFixTests {
    @Test func aTakeoutIsExplainedByItsWarrantAndNeedNotBeNamed() throws {
        let items = try drillItems(belarusDeck)
        let response = try #require(items.first { $0.id == "belarus-engagement:security.a2-window-not-a-deal:response" }
                                    ?? items.first { item in
                                        guard item.kind == .response, case .choice(let c) = item.question else { return false }
                                        return c.answer == "Takeout"
                                    })
        guard case .choice(let choice) = response.question else { Issue.record("not a choice"); return }
        #expect(choice.explanation?.hasPrefix("Takeout: it denies their claim itself") == true, "\(choice.explanation ?? "")")
        #expect(!(choice.explanation ?? "").contains("it answers any claim"))
        // In recall, naming "takeout" is not a key term; the answer and its warrant are credited.
        let answer = Recall.Answer(tag: "Using the window is not concluding a deal", response: .takeout,
                                   keyTerms: ["Using the window is not concluding a deal"],
                                   warrant: "A window is an opportunity, not an outcome")
        let lines = ItemText.reveal(Recall(claim: "c", answers: [answer]), answer: "using the window is no deal: an opportunity is not an outcome",
                                    style: TextStyle(color: false), width: 200)
        #expect(!lines.contains { $0.contains("missed: Takeout") }, "\(lines)")
        #expect(lines.contains { $0.contains("credited: you made the answer and gave its warrant") }, "\(lines)")
        #expect(lines.contains("You hit 1 of 1 key terms."), "\(lines)")
    }

    @Test func aGapSaysWhereTheClaimLandsAndWhy() throws {
        let items = try drillItems(belarusNegDeck)
        let gap = try #require(items.first { $0.id == "belarus-engagement-neg:values.a2-conditions-releases-engagement:recall" })
        guard case .recall(let recall) = gap.question else { Issue.record("not a recall"); return }
        let text = try #require(recall.gap)
        #expect(text.hasPrefix("It answers our “Minsk has freed political prisoners"), "\(text)")
        #expect(text.contains("Their warrant: A release traded for a U.S. step"))
        #expect(text.contains("\nCoverage gap: "))
    }
}
