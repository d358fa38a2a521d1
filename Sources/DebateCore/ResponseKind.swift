/// The typed ways a counterclaim can answer a claim, as debaters name them (DEBATE.md §4).
/// YAML and JSON spell them in kebab-case. `even-if: true` on the counterclaim frames any of them.
public enum ResponseKind: String, CaseIterable, Sendable, Hashable {
    /// It is happening already, so the plan changes nothing (answers uniqueness).
    case nonUnique = "non-unique"
    /// The plan does not cause it (answers a link).
    case noLink = "no-link"
    /// The plan causes the opposite: offense (answers a link).
    case linkTurn = "link-turn"
    /// The step from link to impact fails (answers an internal link).
    case noInternalLink = "no-internal-link"
    /// The impact won't happen or is small: impact defense (answers an impact).
    case noImpact = "no-impact"
    /// The impact is actually good: offense (answers an impact).
    case impactTurn = "impact-turn"
    /// "Perm: do both" — a test of competition; only a counterplan text or a kritik alternative can be permuted.
    case permutation
    /// It won't solve, all or in part (answers CP or plan solvency).
    case solvencyDeficit = "solvency-deficit"
    /// Actors will get around the plan (answers plan solvency).
    case circumvention
    /// The status quo already does the plan (answers inherency).
    case nonInherent = "non-inherent"
    /// We meet their definition (answers a T interpretation or violation).
    case weMeet = "we-meet"
    /// A better definition (answers a T interpretation or violation).
    case counterInterpretation = "counter-interpretation"
    /// The claim is false, its author unqualified, or its logic fails (answers any claim).
    case takeout

    /// How the kind is read in a heading: "Link turn", "Perm".
    public var title: String {
        switch self {
        case .nonUnique: "Non-unique"
        case .noLink: "No link"
        case .linkTurn: "Link turn"
        case .noInternalLink: "No internal link"
        case .noImpact: "No impact"
        case .impactTurn: "Impact turn"
        case .permutation: "Permutation"
        case .solvencyDeficit: "Solvency deficit"
        case .circumvention: "Circumvention"
        case .nonInherent: "Non-inherent"
        case .weMeet: "We meet"
        case .counterInterpretation: "Counter-interpretation"
        case .takeout: "Takeout"
        }
    }

    /// The heading with its framing: "Even if — no impact".
    public func title(evenIf: Bool) -> String {
        evenIf ? "Even if — \(title.prefix(1).lowercased() + title.dropFirst())" : title
    }

    /// A link turn and an impact turn on one position contradict each other (a "double turn").
    public var isTurn: Bool { self == .linkTurn || self == .impactTurn }

    /// The roles of the claims this kind may answer; nil means any claim (a takeout).
    public var answerableRoles: Set<ClaimRole>? {
        switch self {
        case .nonUnique: [.uniqueness]
        case .noLink, .linkTurn: [.link]
        case .noInternalLink: [.internalLink]
        case .noImpact, .impactTurn: [.impact, .harms]
        case .permutation: [.text, .alternative]
        case .solvencyDeficit: [.solvency, .text]
        case .circumvention: [.solvency, .text]
        case .nonInherent: [.inherency]
        case .weMeet, .counterInterpretation: [.interpretation, .violation]
        case .takeout: nil
        }
    }

    /// Spellings of earlier versions, still read (with a deprecation warning): the kind each stands
    /// for now, and whether it meant an "even if" framing.
    public static let deprecatedSpellings: [String: (kind: ResponseKind, evenIf: Bool)] = [
        "mitigation": (.noImpact, false),
        "counterexample": (.takeout, false),
        "double-standard": (.nonUnique, false),
        "concession": (.takeout, true),
    ]

    /// The replacement to write for a deprecated spelling: "no-impact", "takeout with `even-if: true`".
    public static func replacement(forDeprecated spelling: String) -> String? {
        guard let new = deprecatedSpellings[spelling] else { return nil }
        return new.evenIf ? "`response: \(new.kind.rawValue)` with `even-if: true`" : "`response: \(new.kind.rawValue)`"
    }
}

extension ResponseKind: Codable {
    /// Reads the current spellings and, silently, the deprecated ones (claim files warn about those
    /// themselves, where the position of the claim is known).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let kind = ResponseKind(rawValue: text) {
            self = kind
        } else if let old = Self.deprecatedSpellings[text] {
            self = old.kind
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "unknown response `\(text)`; expected one of: \(Self.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
