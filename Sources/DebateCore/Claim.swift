import YAMLCoding

/// An arguable statement. Modules supply claims; decks arrange them into cards.
public protocol Claim: Sendable {
    /// Stable and globally unique, by convention prefixed with the module id: `values.double-standard`.
    var id: String { get }
    /// The one-line statement a debater reads as the card's tag.
    var tag: String { get }
    var side: Side { get }
    /// Why the tag is true, in the author's own words.
    var warrant: String? { get }
    var cite: Citation? { get }
    var evidence: Evidence? { get }
    var tags: [String] { get }
    /// The id of the module that supplied the claim.
    var module: String { get }
    /// Where the claim was written, when it came from a file.
    var location: SourceLocation? { get }
}

/// A claim that answers another claim in a known way.
public protocol Counterclaim: Claim {
    /// The id of the claim this one answers.
    var answers: String { get }
    var response: ResponseKind { get }
}

extension Claim {
    /// A card is a claim with evidence and a cite; a claim without evidence is an analytic.
    public var isCard: Bool { evidence != nil && cite != nil }
    public var asCounterclaim: (any Counterclaim)? { self as? any Counterclaim }
}

/// The claim type modules written in YAML (packs and built-ins) produce.
public struct StandardClaim: Claim, Hashable {
    public var id: String
    public var tag: String
    public var side: Side
    public var warrant: String?
    public var cite: Citation?
    public var evidence: Evidence?
    public var tags: [String]
    public var module: String
    public var location: SourceLocation?

    public init(id: String, tag: String, side: Side, warrant: String? = nil, cite: Citation? = nil,
                evidence: Evidence? = nil, tags: [String] = [], module: String, location: SourceLocation? = nil) {
        self.id = id
        self.tag = tag
        self.side = side
        self.warrant = warrant
        self.cite = cite
        self.evidence = evidence
        self.tags = tags
        self.module = module
        self.location = location
    }
}

public struct StandardCounterclaim: Counterclaim, Hashable {
    public var claim: StandardClaim
    public var answers: String
    public var response: ResponseKind

    public init(_ claim: StandardClaim, answers: String, response: ResponseKind) {
        self.claim = claim
        self.answers = answers
        self.response = response
    }

    public var id: String { claim.id }
    public var tag: String { claim.tag }
    public var side: Side { claim.side }
    public var warrant: String? { claim.warrant }
    public var cite: Citation? { claim.cite }
    public var evidence: Evidence? { claim.evidence }
    public var tags: [String] { claim.tags }
    public var module: String { claim.module }
    public var location: SourceLocation? { claim.location }
}

/// One entry of a claim file, as written. An entry with `answers:` is a counterclaim.
public struct ClaimEntry: Codable, Sendable, Hashable {
    public var id: String
    public var side: Side
    public var tag: String
    public var tags: [String]?
    public var warrant: String?
    public var cite: Citation?
    public var evidence: Evidence?
    public var answers: String?
    public var response: ResponseKind?
    /// Not written by users: filled from the decoder's position.
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, side, tag, tags, warrant, cite, evidence, answers, response
    }

    public init(id: String, side: Side, tag: String, tags: [String]? = nil, warrant: String? = nil,
                cite: Citation? = nil, evidence: Evidence? = nil, answers: String? = nil,
                response: ResponseKind? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.side = side
        self.tag = tag
        self.tags = tags
        self.warrant = warrant
        self.cite = cite
        self.evidence = evidence
        self.answers = answers
        self.response = response
        self.location = location
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        side = try c.decode(Side.self, forKey: .side)
        tag = try c.decode(String.self, forKey: .tag)
        tags = try c.decodeIfPresent([String].self, forKey: .tags)
        warrant = try c.decodeIfPresent(String.self, forKey: .warrant)
        cite = try c.decodeIfPresent(Citation.self, forKey: .cite)
        evidence = try c.decodeIfPresent(Evidence.self, forKey: .evidence)
        answers = try c.decodeIfPresent(String.self, forKey: .answers)
        response = try c.decodeIfPresent(ResponseKind.self, forKey: .response)
        location = decoder.sourceLocation
        if answers != nil, response == nil {
            throw DecodingError.keyNotFound(CodingKeys.response, .init(
                codingPath: decoder.codingPath,
                debugDescription: "a claim that `answers:` another needs a `response:` (one of: \(ResponseKind.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
        if answers == nil, let response {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [CodingKeys.response],
                debugDescription: "`response: \(response.rawValue)` needs `answers:` naming the claim it answers"))
        }
        // One id grammar for every source (ClaimID); `answers:` names a claim, so it follows it too.
        if let problem = ClaimID.problem(id) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.id], debugDescription: problem))
        }
        if let answers, let problem = ClaimID.problem(answers) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.answers], debugDescription: problem))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(side, forKey: .side)
        try c.encode(tag, forKey: .tag)
        try c.encodeIfPresent(tags, forKey: .tags)
        try c.encodeIfPresent(warrant, forKey: .warrant)
        try c.encodeIfPresent(cite, forKey: .cite)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(answers, forKey: .answers)
        try c.encodeIfPresent(response, forKey: .response)
    }

    /// The entry as a claim of `module`: a counterclaim when it answers another.
    public func claim(module: String) -> any Claim {
        let base = StandardClaim(id: id, tag: tag, side: side, warrant: warrant, cite: cite, evidence: evidence,
                                 tags: tags ?? [], module: module, location: location)
        if let answers, let response {
            return StandardCounterclaim(base, answers: answers, response: response)
        }
        return base
    }
}

/// A claim file: `claims:` and a list of entries.
public struct ClaimFile: Codable, Sendable {
    public var claims: [ClaimEntry]
    public enum CodingKeys: String, CodingKey, CaseIterable { case claims }
    public init(claims: [ClaimEntry]) { self.claims = claims }
}
