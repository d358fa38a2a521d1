import YAMLCoding

/// What kind of argument a position is (DEBATE.md §2–3): the aff's plan and advantages, the neg's
/// off-case positions, on-case arguments, and LD/PF's value, criterion and contentions.
public enum PositionKind: String, Codable, CaseIterable, Sendable, Hashable {
    case plan, advantage, inherency, solvency, disadvantage, counterplan, kritik, topicality, theory, `case`
    case value, criterion, contention

    /// The debate word: "Disadvantage", "Counterplan".
    public var title: String {
        switch self {
        case .plan: "Plan"
        case .advantage: "Advantage"
        case .inherency: "Inherency"
        case .solvency: "Solvency"
        case .disadvantage: "Disadvantage"
        case .counterplan: "Counterplan"
        case .kritik: "Kritik"
        case .topicality: "Topicality"
        case .theory: "Theory"
        case .case: "On-case"
        case .value: "Value"
        case .criterion: "Criterion"
        case .contention: "Contention"
        }
    }

    /// "Midterms DA — Link", "States CP — Counterplan text": how a part of a position of this kind
    /// titled `title` is headed.
    public func heading(title: String, role: ClaimRole?) -> String {
        guard let role else { return title }
        guard role == .text else { return "\(title) — \(role.title)" }
        switch self {
        case .plan: return "\(title) — Plan text"
        case .counterplan: return "\(title) — Counterplan text"
        case .kritik: return "\(title) — Alternative text"
        default: return "\(title) — Text"
        }
    }

    /// The parts such a position is made of; nil when any part fits (on-case arguments).
    public var roles: Set<ClaimRole>? {
        switch self {
        case .plan: [.text, .solvency, .inherency, .harms]
        case .advantage, .contention: [.uniqueness, .link, .internalLink, .impact, .harms, .solvency, .inherency]
        case .inherency: [.inherency, .harms]
        case .solvency: [.solvency]
        case .disadvantage: [.uniqueness, .link, .internalLink, .impact]
        case .counterplan: [.text, .solvency, .netBenefit]
        case .kritik: [.link, .impact, .alternative, .framework]
        case .topicality, .theory: [.interpretation, .violation, .standard, .voter]
        case .value, .criterion: [.framework, .standard, .impact]
        case .case: nil
        }
    }
}

/// A claim's part in its position.
public enum ClaimRole: String, Codable, CaseIterable, Sendable, Hashable {
    /// Plan, counterplan or alternative text: an analytic the other positions key on.
    case text, uniqueness, link
    case internalLink = "internal-link"
    case impact, solvency, inherency
    case netBenefit = "net-benefit"
    case alternative, framework, interpretation, violation, standard, voter, harms

    /// The heading word: "Link", "Internal link", "Plan text" is made by the renderer from the kind.
    public var title: String {
        switch self {
        case .text: "Text"
        case .uniqueness: "Uniqueness"
        case .link: "Link"
        case .internalLink: "Internal link"
        case .impact: "Impact"
        case .solvency: "Solvency"
        case .inherency: "Inherency"
        case .netBenefit: "Net benefit"
        case .alternative: "Alternative"
        case .framework: "Framework"
        case .interpretation: "Interpretation"
        case .violation: "Violation"
        case .standard: "Standard"
        case .voter: "Voter"
        case .harms: "Harms"
        }
    }
}

/// A named argument made of parts: "Midterms DA" (uniqueness, link, impact), "States CP" (text,
/// net benefit). Declared under `positions:` in a claim file; claims join it with `position:`.
public struct Position: Codable, Sendable, Hashable {
    public var id: String
    public var kind: PositionKind
    public var title: String
    public var side: Side
    /// The module that declared it (filled by the loader).
    public var module: String
    /// Not written by users: filled from the decoder's position.
    public var location: SourceLocation?

    public init(id: String, kind: PositionKind, title: String, side: Side, module: String = "", location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.side = side
        self.module = module
        self.location = location
    }

    public enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, title, side }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(PositionKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        side = try c.decode(Side.self, forKey: .side)
        module = ""
        location = decoder.sourceLocation
        if id.isEmpty { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.id], debugDescription: "a position id cannot be empty")) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(side, forKey: .side)
    }

    /// "Midterms DA — Link": how a part of this position is headed.
    public func heading(_ role: ClaimRole?) -> String { kind.heading(title: title, role: role) }
}
