import YAMLCoding

/// All claims of a deck's modules, indexed by id and by what answers what.
public struct ArgumentGraph: Sendable {
    /// Claims in module order, then file order. The first of duplicate ids wins the index.
    public private(set) var claims: [any Claim] = []
    public private(set) var byID: [String: any Claim] = [:]
    /// Claim id → the counterclaims that answer it, in order.
    public private(set) var answersTo: [String: [any Counterclaim]] = [:]
    /// Problems found while indexing: duplicate ids.
    public private(set) var indexDiagnostics: [Diagnostic] = []

    public init(_ sets: [ArgumentSet]) {
        for set in sets {
            for claim in set.claims { add(claim) }
        }
    }

    private mutating func add(_ claim: any Claim) {
        if let existing = byID[claim.id] {
            let previous = existing.location.map { " (first defined at \($0))" } ?? " (first defined in module `\(existing.module)`)"
            indexDiagnostics.append(.error("duplicate claim id `\(claim.id)`\(previous)", at: claim.location))
            return
        }
        claims.append(claim)
        byID[claim.id] = claim
        if let counter = claim as? any Counterclaim {
            answersTo[counter.answers, default: []].append(counter)
        }
    }

    public func claim(_ id: String) -> (any Claim)? { byID[id] }

    public func answers(to id: String, from side: Side? = nil) -> [any Counterclaim] {
        let all = answersTo[id] ?? []
        guard let side else { return all }
        return all.filter { $0.side == side }
    }

    /// Errors (duplicate ids, dangling `answers:`) and warnings (double turns, answering one's own side).
    /// A build that left modules out on purpose passes `danglingAnswers: .warning` and a hint saying so:
    /// answers to the missing module's claims are then expected.
    /// Claims whose ids break the claim-id grammar: files and replies are checked as they are
    /// read, so this catches modules written in Swift.
    var idDiagnostics: [Diagnostic] {
        claims.compactMap { claim in ClaimID.problem(claim.id).map { Diagnostic.error("\($0) (from module `\(claim.module)`)", at: claim.location) } }
    }

    public func validate(danglingAnswers: Diagnostic.Severity = .error, danglingHint: String? = nil) -> [Diagnostic] {
        var diagnostics = indexDiagnostics + idDiagnostics
        let ids = claims.map(\.id)
        for claim in claims {
            guard let counter = claim as? any Counterclaim else { continue }
            guard let target = byID[counter.answers] else {
                let hint = danglingHint ?? closestMatch(to: counter.answers, in: ids).map { "did you mean `\($0)`?" }
                diagnostics.append(Diagnostic(danglingAnswers, "claim `\(counter.id)` answers `\(counter.answers)`, which no loaded module defines",
                                              at: counter.location, hint: hint))
                continue
            }
            if target.side == counter.side {
                diagnostics.append(.warning("claim `\(counter.id)` answers `\(target.id)`, a claim of its own side (\(target.side.rawValue))",
                                            at: counter.location))
            }
        }
        for claim in claims {
            let answers = answersTo[claim.id] ?? []
            for side in Side.allCases {
                let mine = answers.filter { $0.side == side }
                if let link = mine.first(where: { $0.response == .linkTurn }),
                   let impact = mine.first(where: { $0.response == .impactTurn }) {
                    diagnostics.append(.warning(
                        "double turn on `\(claim.id)`: `\(link.id)` turns its link and `\(impact.id)` turns its impact; read together they concede the harm",
                        at: impact.location, hint: "drop one of the two turns from the deck"))
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
