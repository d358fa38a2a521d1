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
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty && answers == nil {
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
        let registry = try modules.registry(console, deck: deck)
        let index: LibraryIndex
        do {
            index = try LibraryIndex()
        } catch {
            console.err("error: \(error.message)")
            throw Exit.cantCreate
        }
        let report: RefreshReport
        do {
            report = try index.refresh(LibrarySources.of(registry), force: refresh)
        } catch {
            console.report(index.diagnostics)
            console.err("error: \(error.message)")
            throw Exit.ioError
        }
        console.report(index.diagnostics + report.problems)

        var filter = SearchFilter(side: side.flatMap(SearchVocabulary.side), modules: module, positionKind: positionKind,
                                  role: role, response: response, cards: cards ? true : analytics ? false : nil,
                                  years: year.flatMap(SearchVocabulary.years))
        for id in module where registry.module(id) == nil {
            let hint = closestMatch(to: id, in: registry.ids).map { "did you mean `\($0)`?" }
            console.report([.warning("no module `\(id)` is loaded, so --module \(id) matches nothing", hint: hint, code: "unknown-module")])
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
            try writeDocument(groups, format: format, to: output, console: console)
        }
        if json {
            try console.json(SearchReport(query: answers == nil ? query.joined(separator: " ") : nil, answers: answers,
                                          target: groups.first?.target.map { SearchReport.Hit($0, rank: 0, via: "target", marker: marker) },
                                          hits: groups.flatMap { group in group.hits.map { (group.via, $0) } }.enumerated().map {
                                              SearchReport.Hit($0.element.1, rank: $0.offset + 1, via: $0.element.0, marker: marker)
                                          },
                                          diagnostics: index.diagnostics + report.problems))
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
                text += HitPrinter(style: style, query: marker).render(hit, rank: rank) + "\n"
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

    func writeDocument(_ groups: [SearchGroup], format: OutputFormat, to path: String, console: Console) throws {
        let title = answers.map { "Answers to \(groups.first?.target?.claim.tag ?? $0)" } ?? "Search: \(query.joined(separator: " "))"
        let blocks: [(title: String, answers: (any Claim)?, claims: [any Claim])] = groups.filter { !$0.hits.isEmpty }.map { group in
            (answers == nil ? title : group.heading, group.target?.claim, group.hits.map(\.claim))
        }
        let side = side.flatMap(SearchVocabulary.side) ?? groups.first?.target?.claim.side.opponent ?? .pro
        let deck = Deck.claimList(id: "search", title: title, side: side, blocks: blocks)
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

/// The modules of a registry as the index's sources: packs by their files, process modules by their reply.
enum LibrarySources {
    static func of(_ registry: ModuleRegistry) -> [IndexSource] {
        registry.entries.map { entry in
            if let backed = entry.module as? any PackBacked {
                let pack = backed.pack
                // The claim files are the folder's path plus their own; only the folder needs resolving.
                let folder = absolute(pack.directory)
                let files = pack.claimFiles.map { absolute($0, in: pack, folder: folder) }
                return IndexSource(module: pack.descriptor.id, location: folder, content: .files(files))
            }
            let module = entry.module
            let descriptor = module.descriptor
            // Claims for both sides come back whatever side is asked; the options are the defaults.
            let key = "version \(descriptor.version); options {}"
            let fingerprint = (entry.source as NSString).appendingPathComponent("module.yaml")
            let path = FileManager.default.fileExists(atPath: fingerprint) ? fingerprint : entry.source
            return IndexSource(module: descriptor.id, location: absolute(entry.source), content: .computed(
                key: key, fingerprintPath: path,
                claims: { try module.arguments(for: ModuleContext(resolution: "", side: .pro)).claims }))
        }
    }

    /// A claim file's absolute path: its pack's resolved `folder` plus the file's own part.
    static func absolute(_ file: String, in pack: PackModule, folder: String) -> String {
        guard file.hasPrefix(pack.directory) else { return absolute(file) }
        let relative = file.dropFirst(pack.directory.count).drop { $0 == "/" }
        return relative.contains("..") || relative.hasPrefix(".") ? absolute(file) : folder + "/" + relative
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}

/// Words the search options take, with the spellings the debate model uses.
enum SearchVocabulary {
    static let positionKinds = ["plan", "advantage", "inherency", "solvency", "disadvantage", "counterplan", "kritik",
                                "topicality", "theory", "case", "value", "criterion", "contention"]
    static let roles = ["text", "uniqueness", "link", "internal-link", "impact", "solvency", "inherency", "net-benefit",
                        "alternative", "framework", "interpretation", "violation", "standard", "voter", "harms"]
    static let stopWords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have",
                                         "in", "is", "it", "its", "not", "of", "on", "or", "that", "the", "their", "there",
                                         "this", "to", "was", "were", "will", "with", "would", "can", "no", "any", "all"]

    static func side(_ text: String) -> Side? {
        switch text.lowercased() {
        case "pro", "aff", "affirmative": .pro
        case "con", "neg", "negative": .con
        default: nil
        }
    }

    static func years(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }.filter { (1000...9999).contains($0) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 1: return numbers[0]...numbers[0]
        case 2 where numbers[0] <= numbers[1]: return numbers[0]...numbers[1]
        default: return nil
        }
    }

    static func check(_ value: String?, option: String, in allowed: [String]) throws {
        guard let value, !allowed.contains(value) else { return }
        let hint = closestMatch(to: value, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
        throw ValidationError("\(option) takes one of \(allowed.joined(separator: ", ")); `\(value)` is not one\(hint)")
    }

    /// `path:line:col` of a claim, relative to the current folder when below it.
    static func position(of claim: any Claim) -> String {
        guard let location = claim.location else { return "(module \(claim.module))" }
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = location.path.hasPrefix(cwd) ? String(location.path.dropFirst(cwd.count)) : location.path
        return "\(path):\(location.line):\(location.column)"
    }
}

/// How marked words, headings and locations look: bold and dim on a terminal; «guillemets» and
/// plain text elsewhere, so a pipe or a file never receives control characters.
struct HitStyle {
    var terminal: Bool

    func mark(_ word: String) -> String { terminal ? "\u{1B}[1m\(word)\u{1B}[22m" : "«\(word)»" }
    var markWidth: Int { terminal ? 0 : 2 }
    func heading(_ text: String) -> String { terminal ? "\u{1B}[1;4m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { terminal ? "\u{1B}[2m\(text)\u{1B}[22m" : text }
}

extension Console {
    static var colorAllowed: Bool {
        let env = ProcessInfo.processInfo.environment
        return (env["NO_COLOR"].map(\.isEmpty) ?? true) && env["TERM"] != "dumb"
    }
}

/// One hit as lines of at most 80 columns: the tag, what it is, a snippet, where it is written.
struct HitPrinter {
    static let width = 80
    var style: HitStyle
    var query: SearchQuery

    func render(_ hit: SearchHit, rank: Int) -> String {
        let claim = hit.claim
        let number = "\(rank). "
        let indent = String(repeating: " ", count: max(4, number.count))
        var lines = wrap(tokens(claim.tag), first: number.padding(toLength: indent.count, withPad: " ", startingAt: 0), rest: indent)

        var about: [String] = [claim.cite?.shortCite ?? "analytic", claim.module, claim.side == .pro ? "aff" : "neg"]
        if let kind = hit.positionKind { about.append(hit.role.map { "\(kind) \($0)" } ?? kind) }
        if let position = hit.position { about.append(position) }
        if let counter = claim as? any Counterclaim { about.append("\(counter.response.rawValue) → \(counter.answers)") }
        lines += wrap(about.joined(separator: " · ").split(separator: " ").map { (String($0), $0.count) }, first: indent, rest: indent)
            .map { style.dim($0) }

        if let snippet = snippet(claim) {
            lines += wrap(snippet, first: indent, rest: indent)
        }
        lines.append(indent + style.dim(SearchVocabulary.position(of: claim) + "  " + claim.id))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Space-separated pieces of `text`, each with its matched words marked, and its width on screen.
    func tokens(_ text: String) -> [(text: String, width: Int)] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { piece in
            var out = "", word = "", width = 0
            func flush() {
                guard !word.isEmpty else { return }
                if let folded = SearchQuery.words(word).first, query.marks(folded) {
                    out += style.mark(word)
                    width += style.markWidth
                } else {
                    out += word
                }
                word = ""
            }
            for character in piece {
                width += 1
                if character.isLetter || character.isNumber {
                    word.append(character)
                } else {
                    flush()
                    // Never pass a control character through to the output.
                    out.append(character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? " " : character)
                }
            }
            flush()
            return (out, width)
        }
    }

    func wrap(_ tokens: [(text: String, width: Int)], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first, width = first.count, empty = true
        for token in tokens {
            if !empty && width + 1 + token.width > Self.width {
                lines.append(line)
                line = rest
                width = rest.count
                empty = true
            }
            line += (empty ? "" : " ") + token.text
            width += (empty ? 0 : 1) + token.width
            empty = false
        }
        if !empty { lines.append(line) }
        return lines
    }

    /// Two lines of the evidence (or the warrant, when only it matches) around the first matched word.
    func snippet(_ claim: any Claim) -> [(text: String, width: Int)]? {
        let texts = [claim.evidence?.plainText, claim.warrant].compactMap { $0 }.filter { !$0.isEmpty }
        func split(_ text: String) -> [Substring] { text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) }
        func firstMatch(_ text: String) -> Int? { split(text).firstIndex { SearchQuery.words($0).contains { query.marks($0) } } }
        guard let text = texts.first(where: { firstMatch($0) != nil }) ?? texts.first else { return nil }
        let all = tokens(text)
        guard !all.isEmpty else { return nil }
        let first = firstMatch(text) ?? 0
        let budget = 2 * (Self.width - 4) - 4
        var start = max(0, first - 6)
        var end = start, used = 0
        while end < all.count, used + all[end].width + 1 <= budget {
            used += all[end].width + 1
            end += 1
        }
        if end == start { end = min(all.count, start + 1) }
        if start > first { start = first }
        var picked = Array(all[start..<end])
        if start > 0 { picked.insert(("…", 1), at: 0) }
        if end < all.count { picked.append(("…", 1)) }
        return picked
    }
}

/// `--json`: the hits, each with where it is written.
struct SearchReport: Encodable {
    struct Location: Encodable {
        var path: String
        var line: Int
        var column: Int
    }

    struct Hit: Encodable {
        var rank: Int
        var via: String
        var id: String
        var module: String
        var side: String
        var tag: String
        var shortCite: String?
        var cite: Citation?
        var isCard: Bool
        var position: String?
        var positionKind: String?
        var role: String?
        var answers: String?
        var response: String?
        var snippet: String?
        var location: Location?
        var score: Double?

        init(_ hit: SearchHit, rank: Int, via: String, marker: SearchQuery) {
            let claim = hit.claim
            self.rank = rank
            self.via = via
            id = claim.id
            module = claim.module
            side = claim.side.rawValue
            tag = claim.tag
            shortCite = claim.cite?.shortCite
            cite = claim.cite
            isCard = claim.isCard
            position = hit.position
            positionKind = hit.positionKind
            role = hit.role
            answers = (claim as? any Counterclaim)?.answers
            response = (claim as? any Counterclaim)?.response.rawValue
            snippet = HitPrinter(style: HitStyle(terminal: false), query: marker).snippet(claim)?.map(\.text).joined(separator: " ")
            location = claim.location.map { Location(path: $0.path, line: $0.line, column: $0.column) }
            score = hit.score
        }
    }

    var query: String?
    var answers: String?
    var target: Hit?
    var hits: [Hit]
    var diagnostics: [Diagnostic]
}
