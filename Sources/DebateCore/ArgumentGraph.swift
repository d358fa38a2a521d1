import YAMLCoding

/// All positions and claims of a deck's modules, indexed by id and by what answers what.
public struct ArgumentGraph: Sendable {
    /// Claims in module order, then file order. The first of duplicate ids wins the index.
    public private(set) var claims: [any Claim] = []
    public private(set) var byID: [String: any Claim] = [:]
    /// Positions in module order, then file order.
    public private(set) var positions: [Position] = []
    public private(set) var positionByID: [String: Position] = [:]
    /// Claim id → the counterclaims that answer it, in order.
    public private(set) var answersTo: [String: [any Counterclaim]] = [:]
    /// Claim id → the claims that extend it, in order.
    public private(set) var extensionsOf: [String: [any Claim]] = [:]
    /// Position id → its claims, in order.
    public private(set) var claimsIn: [String: [any Claim]] = [:]
    /// Problems found while loading and indexing: deprecated spellings, duplicate ids.
    public private(set) var indexDiagnostics: [Diagnostic] = []

    public init(_ sets: [ArgumentSet]) {
        for set in sets {
            indexDiagnostics += set.diagnostics
            for position in set.positions { add(position) }
        }
        for set in sets {
            for claim in set.claims { add(claim) }
        }
    }

    private mutating func add(_ position: Position) {
        if let existing = positionByID[position.id] {
            let previous = existing.location.map { " (first defined at \($0))" } ?? " (first defined in module `\(existing.module)`)"
            indexDiagnostics.append(.error("duplicate position id `\(position.id)`\(previous)", at: position.location,
                                           code: "duplicate-position"))
            return
        }
        positions.append(position)
        positionByID[position.id] = position
    }

    private mutating func add(_ claim: any Claim) {
        if let existing = byID[claim.id] {
            let previous = existing.location.map { " (first defined at \($0))" } ?? " (first defined in module `\(existing.module)`)"
            indexDiagnostics.append(.error("duplicate claim id `\(claim.id)`\(previous)", at: claim.location, code: "duplicate-id"))
            return
        }
        claims.append(claim)
        byID[claim.id] = claim
        if let counter = claim.asCounterclaim {
            answersTo[counter.answers, default: []].append(counter)
        }
        if let extended = claim.extends { extensionsOf[extended, default: []].append(claim) }
        if let position = claim.position { claimsIn[position, default: []].append(claim) }
    }

    public func claim(_ id: String) -> (any Claim)? { byID[id] }
    public func position(_ id: String) -> Position? { positionByID[id] }
    /// The position a claim is part of, when it names a known one.
    public func position(of claim: any Claim) -> Position? { claim.position.flatMap { positionByID[$0] } }

    public func answers(to id: String, from side: Side? = nil) -> [any Counterclaim] {
        let all = answersTo[id] ?? []
        guard let side else { return all }
        return all.filter { $0.side == side }
    }

    /// Claims whose ids break the claim-id grammar: files and replies are checked as they are
    /// read, so this catches modules written in Swift.
    var idDiagnostics: [Diagnostic] {
        claims.compactMap { claim in
            ClaimID.problem(claim.id).map { Diagnostic.error(.invalidClaimID, "\($0) (from module `\(claim.module)`)", at: claim.location) }
        }
    }

    /// Errors (duplicate ids, dangling `answers:`, unknown positions, a permutation of something that
    /// is no counterplan text or alternative) and warnings (double turns, answers that do not fit the
    /// part they answer, answering one's own side). A build that left modules out on purpose passes
    /// `danglingAnswers: .warning` and a hint saying so: answers to the missing module's claims are then expected.
    /// `absentModules` are modules that exist but the deck does not load: an answer to one of their
    /// claims (by the `module.` prefix of the id) has nothing to answer in this deck, and is no error.
    /// Sides are named in `sideWords` (the deck format's).
    public func validate(danglingAnswers: Diagnostic.Severity = .error, danglingHint: String? = nil,
                         absentModules: Set<String> = [], sideWords: SideWords = .affNeg) -> [Diagnostic] {
        var diagnostics = indexDiagnostics + idDiagnostics
        let ids = claims.map(\.id)
        let positionIDs = positions.map(\.id)
        for claim in claims {
            diagnostics += validatePart(claim, positionIDs: positionIDs, sideWords: sideWords)
            if let extended = claim.extends {
                if let target = byID[extended] {
                    if target.side != claim.side {
                        diagnostics.append(.error("claim `\(claim.id)` extends `\(extended)`, a claim of the other side (\(sideWords.word(target.side)))",
                                                  at: claim.location, hint: "extension evidence backs a claim of its own side; to answer it, use `answers:`",
                                                  code: "extends-other-side"))
                    }
                } else {
                    diagnostics.append(.error("claim `\(claim.id)` extends `\(extended)`, which no loaded module defines", at: claim.location,
                                              hint: closestMatch(to: extended, in: ids).map { "did you mean `\($0)`?" }, code: "unknown-extends"))
                }
            }
            guard let counter = claim.asCounterclaim else { continue }
            guard let target = byID[counter.answers] else {
                if let prefix = counter.answers.split(separator: ".").first, absentModules.contains(String(prefix)) { continue }
                let hint = danglingHint ?? closestMatch(to: counter.answers, in: ids).map { "did you mean `\($0)`?" }
                diagnostics.append(Diagnostic(danglingAnswers, "claim `\(counter.id)` answers `\(counter.answers)`, which no loaded module defines",
                                              at: counter.location, hint: hint, code: "dangling-answer"))
                continue
            }
            if target.side == counter.side {
                diagnostics.append(.warning("claim `\(counter.id)` answers `\(target.id)`, a claim of its own side (\(sideWords.word(target.side)))",
                                            at: counter.location, code: "answers-own-side"))
            }
            if let misuse = responseMisuse(counter, target: target) { diagnostics.append(misuse) }
        }
        diagnostics += doubleTurns()
        return diagnostics
    }

    /// `position:` names a declared position, of the claim's side, with a part that fits it.
    private func validatePart(_ claim: any Claim, positionIDs: [String], sideWords: SideWords) -> [Diagnostic] {
        guard let id = claim.position else { return [] }
        guard let position = positionByID[id] else {
            let hint = closestMatch(to: id, in: positionIDs).map { "did you mean `\($0)`?" }
                ?? (positionIDs.isEmpty ? "declare it under `positions:` in a claim file" : "known positions: \(positionIDs.joined(separator: ", "))")
            return [.error("claim `\(claim.id)` is part of position `\(id)`, which no loaded module declares", at: claim.location,
                           hint: hint, code: "unknown-position")]
        }
        var diagnostics: [Diagnostic] = []
        if position.side != claim.side {
            diagnostics.append(.warning("claim `\(claim.id)` (\(sideWords.word(claim.side))) is part of \(position.title), a \(sideWords.word(position.side)) position",
                                        at: claim.location, hint: "an answer to a position names it with `answers:`, not `position:`",
                                        code: "position-side-mismatch"))
        }
        if let role = claim.role, let roles = position.kind.roles, !roles.contains(role) {
            let allowed = ClaimRole.allCases.filter(roles.contains).map(\.rawValue).joined(separator: ", ")
            diagnostics.append(.warning("a \(position.kind.title.lowercased()) has no `\(role.rawValue)` part (claim `\(claim.id)` in \(position.title))",
                                        at: claim.location, hint: "its parts are: \(allowed)", code: "role-not-in-position"))
        }
        return diagnostics
    }

    /// A response must fit the part it answers (DEBATE.md §4). A permutation of anything but a
    /// counterplan text or a kritik alternative is an error: nothing else competes. Other misfits are
    /// warnings, since debaters use the names more loosely ("no link" to an internal link).
    func responseMisuse(_ counter: any Counterclaim, target: any Claim) -> Diagnostic? {
        let kind = counter.response
        let position = self.position(of: target)
        if kind == .permutation {
            let competes: Bool
            switch (target.role, position?.kind) {
            case (.alternative?, _): competes = true
            case (.text?, .counterplan?), (.text?, .kritik?): competes = true
            case (.text?, nil): competes = true  // a text with no declared position: trust the part
            case (nil, nil):
                // An older pack, with no parts: it cannot be checked, only flagged.
                return .warning("claim `\(counter.id)` permutes `\(target.id)`, which is not marked as a counterplan text or kritik alternative",
                                at: counter.location,
                                hint: "give `\(target.id)` `position:` and `role: text`, or answer it with another response",
                                code: "permutation-target-unmarked")
            default: competes = false
            }
            guard !competes else { return nil }
            let what = describe(target, in: position)
            return .error("claim `\(counter.id)` is a permutation of `\(target.id)`, \(what); only a counterplan text or a kritik alternative can be permuted",
                          at: counter.location,
                          hint: suggestion(for: target.role).map { "to answer \(what), use \($0)" },
                          code: "permutation-not-competitive")
        }
        guard let roles = kind.answerableRoles, let role = target.role, !roles.contains(role) else { return nil }
        let what = describe(target, in: position)
        let fits = ClaimRole.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " or ")
        return .warning("claim `\(counter.id)` answers `\(target.id)`, \(what), with `\(kind.rawValue)`, which answers \(fits)",
                        at: counter.location, hint: suggestion(for: role).map { "to answer \(what), use \($0)" },
                        code: "response-mismatch")
    }

    /// "the link of Midterms DA", "an impact", "a claim".
    private func describe(_ claim: any Claim, in position: Position?) -> String {
        switch (claim.role, position) {
        case (let role?, let position?): "the \(role.title.lowercased()) of \(position.title)"
        case (let role?, nil): "a \(role.title.lowercased())"
        case (nil, let position?): "a claim of \(position.title)"
        case (nil, nil): "a claim"
        }
    }

    /// The responses that answer a part: "`no-link` or `link-turn`".
    private func suggestion(for role: ClaimRole?) -> String? {
        guard let role else { return nil }
        let kinds = ResponseKind.allCases.filter { $0.answerableRoles?.contains(role) == true }.map { "`\($0.rawValue)`" }
        return (kinds + ["`takeout`"]).joined(separator: ", ")
    }

    /// A link turn on a position's link and an impact turn on its impact, from one side: read together
    /// they say the plan prevents something good. Claims with no part are checked one by one, as before.
    func doubleTurns() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for position in positions {
            let parts = claimsIn[position.id] ?? []
            for side in Side.allCases {
                let linkTurn = parts.filter { $0.role == .link || $0.role == .internalLink }
                    .lazy.flatMap { self.answers(to: $0.id, from: side) }.first { $0.response == .linkTurn }
                let impactTurn = parts.filter { $0.role == .impact || $0.role == .harms }
                    .lazy.flatMap { self.answers(to: $0.id, from: side) }.first { $0.response == .impactTurn }
                if let link = linkTurn, let impact = impactTurn {
                    diagnostics.append(.warning(
                        "double turn on \(position.title): `\(link.id)` turns its link and `\(impact.id)` turns its impact; read together they say the plan prevents something good",
                        at: impact.location, hint: "drop one of the two turns, or make one defense (`no-link`, `no-impact`)",
                        code: "double-turn"))
                }
            }
        }
        for claim in claims where claim.position == nil || claim.role == nil {
            let answers = answersTo[claim.id] ?? []
            for side in Side.allCases {
                let mine = answers.filter { $0.side == side }
                if let link = mine.first(where: { $0.response == .linkTurn }),
                   let impact = mine.first(where: { $0.response == .impactTurn }) {
                    diagnostics.append(.warning(
                        "double turn on `\(claim.id)`: `\(link.id)` turns its link and `\(impact.id)` turns its impact; read together they concede the harm",
                        at: impact.location, hint: "drop one of the two turns from the deck", code: "double-turn"))
                }
            }
        }
        return diagnostics
    }

    /// Claims of `side`'s opponent that no counterclaim of `side` answers.
    public func unanswered(by side: Side, among candidates: [any Claim]? = nil) -> [any Claim] {
        (candidates ?? claims).filter { claim in
            claim.side == side.opponent && answers(to: claim.id, from: side).isEmpty
        }
    }

    /// How `side` answers each part of `position`: "Midterms DA: link answered by no-link, link-turn; impact unanswered".
    public func coverage(of position: Position, answeredBy side: Side) -> PositionCoverage {
        var parts: [PositionCoverage.Part] = []
        for claim in claimsIn[position.id] ?? [] {
            let answers = self.answers(to: claim.id, from: side)
            var responses: [String] = []
            for answer in answers {
                let name = answer.evenIf ? "even-if \(answer.response.rawValue)" : answer.response.rawValue
                if !responses.contains(name) { responses.append(name) }
            }
            if let index = parts.firstIndex(where: { $0.role == claim.role }) {
                parts[index].claims.append(claim.id)
                for r in responses where !parts[index].responses.contains(r) { parts[index].responses.append(r) }
            } else {
                parts.append(.init(role: claim.role, claims: [claim.id], responses: responses))
            }
        }
        return PositionCoverage(position: position.id, title: position.title, kind: position.kind, parts: parts)
    }
}

/// How one side answers the parts of a position.
public struct PositionCoverage: Codable, Sendable, Hashable {
    public struct Part: Codable, Sendable, Hashable {
        /// nil for claims in the position with no part named.
        public var role: ClaimRole?
        public var claims: [String]
        /// Response kinds used against the part, in order; empty when it is unanswered.
        public var responses: [String]
    }
    public var position: String
    public var title: String
    public var kind: PositionKind
    public var parts: [Part]

    /// "Midterms DA: link answered by no-link, link-turn; impact unanswered".
    public var summary: String {
        let text = parts.map { part in
            let name = part.role?.title.lowercased() ?? "other claims"
            return part.responses.isEmpty ? "\(name) unanswered" : "\(name) answered by \(part.responses.joined(separator: ", "))"
        }
        return "\(title): " + (text.isEmpty ? "no parts" : text.joined(separator: "; "))
    }
    public var isAnswered: Bool { parts.contains { !$0.responses.isEmpty } }
}

/// The candidate closest to `word`, when close enough to be a likely typo (the same rule the YAML
/// decoder uses for its "did you mean" hints).
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    YAMLSuggestions.closest(to: word, in: candidates)
}

/// Levenshtein distance between two strings, in Characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    YAMLSuggestions.editDistance(Array(a), Array(b))
}
