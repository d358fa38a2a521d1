import ArgumentParser
import DebateCore
import DeckBuilder
import DeckModel
import Foundation
import LibraryIndex
import ModuleFormat
import ModuleLoading

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find claims and cards in every module you can use, ranked.",
        discussion: """
        Searches the tags, cites (author, publication), warrants and evidence of every claim of the built-in \
        modules and every module on the search path (see `debate modules list`). A hit must hold every word; \
        "a phrase" in quotes must appear as written, and word* matches any word that begins so. Matches in \
        the tag count most. Each hit shows its tag, short cite, a snippet with the matched words marked, and \
        where it is written (file:line:col).

        The claims come from a library index kept at $XDG_CACHE_HOME/debate/library.sqlite (default \
        ~/.cache/debate/library.sqlite; DEBATE_INDEX names another file). Every search first re-reads the \
        files that changed since; the index is only a cache and may be deleted at any time.

        --answers ID (or --answers "their tag text") lists the claims that answer that claim in the argument \
        graph, then the other side's cards most likely to answer it, by their text.

        Examples:
          debate search balcony
          debate search '"hybrid attacks"' --side con --cards
          debate search sanction* --module security --year 2020-2025 --limit 5
          debate search --answers security.critic-balcony
          debate search balcony --format docx -o out/balcony.docx
        """)

    @Argument(help: ArgumentHelp("Words to look for; quote a phrase, end a word with * for a prefix.", valueName: "query"))
    var query: [String] = []

    @Option(help: ArgumentHelp("Claims that answer this claim (an id, or the text of its tag).", valueName: "id-or-tag"))
    var answers: String?

    @Option(help: ArgumentHelp("Only claims of this side: pro or con (also aff, neg).", valueName: "side"))
    var side: String?

    @Option(help: ArgumentHelp("Only claims of this module (repeatable).", valueName: "id"))
    var module: [String] = []

    @Option(help: ArgumentHelp("Only claims of a position of this kind: \(SearchVocabulary.positionKinds.joined(separator: ", ")).",
                               valueName: "kind"))
    var positionKind: String?

    @Option(help: ArgumentHelp("Only claims playing this role in their position: \(SearchVocabulary.roles.joined(separator: ", ")).",
                               valueName: "role"))
    var role: String?

    @Option(help: ArgumentHelp("Only counterclaims answering this way (e.g. no-link, link-turn, non-unique).", valueName: "kind"))
    var response: String?

    @Flag(help: "Only cards (claims with evidence and a cite).") var cards = false
    @Flag(help: "Only analytics (claims without evidence).") var analytics = false

    @Option(help: ArgumentHelp("Only cards cited in this year, or a range: 2024, 2020-2025.", valueName: "year"))
    var year: String?

    @Option(help: "How many hits to show (default 10).") var limit = 10

    @Flag(help: "Print the hits as JSON.") var json = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the hits as a speech document: markdown or docx (needs -o).", valueName: "format"))
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where --format writes the document.", valueName: "path"))
    var output: String?

    @Flag(help: "Re-read every file and ask every process module again, instead of trusting the index.")
    var refresh = false

    @Option(help: ArgumentHelp("Also search this deck's modules/ folder and honour its pins.", valueName: "deck.yaml"))
    var deck: String?

    @OptionGroup var modules: ModulePathOptions

    func validate() throws {
        if Self.onlySpaces(query.joined()) && answers == nil {
            throw ValidationError("give words to search for, or --answers ID")
        }
        if answers != nil && !query.isEmpty {
            throw ValidationError("--answers finds the answers to one claim; leave out the search words, or drop --answers")
        }
        if !query.isEmpty && SearchQuery(query.joined(separator: " ")).isEmpty {
            throw ValidationError("the query has no words to look for (only punctuation)")
        }
        if cards && analytics { throw ValidationError("--cards and --analytics exclude each other; choose one") }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit takes a number from 1 to 1000") }
        if let side, SearchVocabulary.side(side) == nil {
            throw ValidationError("--side takes pro or con (also aff, neg, affirmative, negative), not `\(side)`")
        }
        if let year, SearchVocabulary.years(year) == nil {
            throw ValidationError("--year takes a year or a range of years, like 2024 or 2020-2025, not `\(year)`")
        }
        try SearchVocabulary.check(positionKind, option: "--position-kind", in: SearchVocabulary.positionKinds)
        try SearchVocabulary.check(role, option: "--role", in: SearchVocabulary.roles)
        try SearchVocabulary.check(response, option: "--response", in: ResponseKind.allCases.map(\.rawValue))
        if let format {
            guard format == .markdown || format == .docx else {
                throw ValidationError("--format takes markdown or docx (a speech document of the hits)")
            }
            guard let output, !output.isEmpty else { throw ValidationError("--format \(format.rawValue) needs -o FILE") }
            if output == "-" && format == .docx && isatty(STDOUT_FILENO) == 1 {
                throw ValidationError("--format docx is binary and standard output is a terminal; pass -o FILE")
            }
            if output == "-" && json { throw ValidationError("--json and -o - both write to standard output; choose one") }
        } else if output != nil {
            throw ValidationError("-o needs --format markdown or --format docx")
        }
    }

    /// What `trimmingCharacters(in: .whitespaces).isEmpty` says (spaces and tabs only, or nothing), without
    /// Foundation's bridging, which a search pays at start-up.
    static func onlySpaces(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    func run() throws {
        let console = Console()
        if let deck, !FileManager.default.fileExists(atPath: deck) {
            console.err("error: no deck file at \(deck)")
            throw Exit.noInput
        }
        if ProcessInfo.processInfo.environment["DEBATE_INDEX"] == "off" {
            console.err("error: debate search needs the library index, and DEBATE_INDEX=off turns it off; unset it to search")
            throw Exit.usage
        }
        // One connection to the index: the claim cache the modules' loading installs is this one,
        // and its warnings (rebuilt) are printed where that cache would print them.
        let opened = Result { () throws(IndexError) in try LibraryIndex() }
        var reported = 0
        if case .success(let index) = opened, PackModule.claimCache == nil {
            console.report(index.diagnostics)
            reported = index.diagnostics.count
            PackModule.claimCache = LibraryCache(index: index)
        }
        let (registry, sideWords) = try modules.deckRegistry(console, deck: deck)
        let index: LibraryIndex
        switch opened {
        case .success(let opened): index = opened
        case .failure(let error):
            console.err("error: \(error.message)")
            throw Exit.cantCreate
        }
        let report: RefreshReport
        do {
            report = try index.refresh(LibrarySources.of(registry), force: refresh)
        } catch {
            console.report(Array(index.diagnostics.dropFirst(reported)))
            console.err("error: \(error.message)")
            throw Exit.ioError
        }
        let diagnostics = Array(index.diagnostics.dropFirst(reported)) + report.problems
        console.report(diagnostics)

        var filter = SearchFilter(side: side.flatMap(SearchVocabulary.side), modules: module, positionKind: positionKind,
                                  role: role, response: response, cards: cards ? true : analytics ? false : nil,
                                  years: year.flatMap(SearchVocabulary.years))
        for id in module where registry.module(id) == nil {
            let hint = closestMatch(to: id, in: registry.ids).map { "did you mean `\($0)`?" }
            console.report([.warning("no module `\(id)` is loaded, so --module \(id) matches nothing", hint: hint, code: .unknownModule)])
        }

        var groups: [SearchGroup] = []
        do {
            if let answers {
                groups = try answerGroups(answers, index: index, filter: &filter, sources: report.sources, console: console)
            } else {
                let text = query.joined(separator: " ")
                let hits = try index.search(SearchQuery(text), filter: filter, sources: report.sources, limit: limit)
                groups = [SearchGroup(title: text, via: "text", target: nil, hits: hits)]
            }
        } catch {
            console.err("error: \(error.message)")
            throw Exit.ioError
        }
        let marker = SearchQuery(answers.map { _ in groups.last?.markWords ?? "" } ?? query.joined(separator: " "))
        let all = groups.flatMap(\.hits)

        if let format, let output {
            try writeDocument(groups, format: format, to: output, sideWords: sideWords, console: console)
        }
        if json {
            try console.json(SearchReport(query: answers == nil ? query.joined(separator: " ") : nil, answers: answers,
                                          target: groups.first?.target.map { SearchReport.Hit($0, rank: 0, via: "target", marker: marker) },
                                          hits: groups.flatMap { group in group.hits.map { (group.via, $0) } }.enumerated().map {
                                              SearchReport.Hit($0.element.1, rank: $0.offset + 1, via: $0.element.0, marker: marker)
                                          },
                                          diagnostics: diagnostics))
            return
        }
        if format != nil && output == "-" { return }
        let style = HitStyle(terminal: isatty(STDOUT_FILENO) == 1 && Console.colorAllowed)
        var text = ""
        var rank = 0
        if let target = groups.first?.target {
            let printer = HitPrinter(style: style, query: SearchQuery(""))
            text += printer.wrap(printer.tokens(target.claim.tag), first: "Answers to: ", rest: "    ").joined(separator: "\n") + "\n"
            text += "    " + style.dim(SearchVocabulary.position(of: target.claim)) + "\n\n"
        }
        for group in groups where answers != nil || !group.hits.isEmpty {
            if answers != nil { text += style.heading(group.heading) + "\n" }
            if group.hits.isEmpty { text += "    (none)\n" }
            for hit in group.hits {
                rank += 1
                text += HitPrinter(style: style, query: marker, sideWords: sideWords).render(hit, rank: rank) + "\n"
            }
        }
        if all.isEmpty && answers == nil {
            console.err("no claim matches \(query.joined(separator: " ")) in \(Console.plural(registry.entries.count, "module"))")
            return
        }
        console.out(String(text.dropLast()))
    }

    /// The claim `text` names (an id, or its tag), the claims that answer it in the graph, and the
    /// other side's cards that most likely do, by the words of its tag.
    func answerGroups(_ text: String, index: LibraryIndex, filter: inout SearchFilter, sources: [Int64],
                      console: Console) throws(IndexError) -> [SearchGroup] {
        var target = try index.claims(id: text, sources: sources).first
        if target == nil {
            let words = SearchQuery(text)
            if let best = try index.search(words, sources: sources, limit: 1).first {
                let wanted = Set(SearchQuery.words(text)), found = Set(SearchQuery.words(best.claim.tag))
                if !wanted.isEmpty && Double(wanted.intersection(found).count) / Double(wanted.count) >= 0.7 { target = best }
            }
        }
        let side = filter.side ?? target?.claim.side.opponent
        filter.side = side
        var graph: [SearchHit] = []
        if let target {
            graph = try index.answers(to: target.claim.id, filter: filter, sources: sources)
            filter.excluding = Set(graph.map(\.claim.id) + [target.claim.id])
        }
        let tagWords = SearchQuery.words(target?.claim.tag ?? text).filter { !SearchVocabulary.stopWords.contains($0) && $0.count > 1 }
        let likely = tagWords.isEmpty ? [] : try index.search(SearchQuery(terms: tagWords.map { .word($0) }), filter: filter,
                                                              sources: sources, limit: limit, any: true)
        return [SearchGroup(title: "answers", via: "graph", target: target, hits: graph),
                SearchGroup(title: "likely", via: "text", target: target, hits: likely, markWords: tagWords.joined(separator: " "))]
    }

    func writeDocument(_ groups: [SearchGroup], format: OutputFormat, to path: String, sideWords: SideWords, console: Console) throws {
        let title = answers.map { "Answers to \(groups.first?.target?.claim.tag ?? $0)" } ?? "Search: \(query.joined(separator: " "))"
        let blocks: [(title: String, answers: (any Claim)?, claims: [any Claim])] = groups.filter { !$0.hits.isEmpty }.map { group in
            (answers == nil ? title : group.heading, group.target?.claim, group.hits.map(\.claim))
        }
        let side = side.flatMap(SearchVocabulary.side) ?? groups.first?.target?.claim.side.opponent ?? .pro
        var deck = Deck.claimList(id: "search", title: title, side: side, blocks: blocks)
        deck.sideWords = sideWords
        let bytes: Data
        do {
            bytes = try DeckBuild.render(deck, as: format)
        } catch {
            console.report(error.diagnostics)
            throw Exit.software
        }
        if path == "-" {
            FileHandle.standardOutput.write(bytes)
            return
        }
        do {
            try writeAtomically(bytes, to: path)
        } catch {
            console.err("error: cannot write \(path): \(error.localizedDescription)")
            throw Exit.ioError
        }
        if !json { console.err("wrote \(path) (\(format.rawValue), \(Console.plural(deck.cards.count, "claim")))") }
    }
}

/// One list of hits: the search's, or for --answers, those from the graph and those by text.
struct SearchGroup {
    var title: String
    var via: String
    var target: SearchHit?
    var hits: [SearchHit]
    /// The words marked in the hits (for likely answers: the target tag's words).
    var markWords: String?

    var heading: String { via == "graph" ? "From the argument graph:" : "Likely answers, by their text:" }
}
