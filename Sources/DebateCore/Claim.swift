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
    /// The id of the position this claim is a part of ("mid.da"), if any.
    var position: String? { get }
    /// Its part in that position (uniqueness, link, impact, text, …).
    var role: ClaimRole? { get }
    /// The id of a claim of the same side this one is extension evidence for.
    var extends: String? { get }
    /// For a counterclaim: the answer is framed "even if" (their claim may be true; we win anyway).
    var evenIf: Bool { get }
    /// An analytic the author marks as needing a card before it is read in a round.
    var needsEvidence: Bool { get }
    /// The claim as a counterclaim, when it answers another (no cast needed).
    var asCounterclaim: (any Counterclaim)? { get }
}

/// A claim that answers another claim in a known way.
public protocol Counterclaim: Claim {
    /// The id of the claim this one answers.
    var answers: String { get }
    var response: ResponseKind { get }
}

extension Claim {
    public var position: String? { nil }
    public var role: ClaimRole? { nil }
    public var extends: String? { nil }
    public var evenIf: Bool { false }
    public var needsEvidence: Bool { false }
    public var asCounterclaim: (any Counterclaim)? { nil }
    /// A card is a claim with evidence and a cite; a claim without evidence is an analytic.
    public var isCard: Bool { evidence != nil && cite != nil }
    /// A claim with no evidence: read as the debater's own argument (Verbatim: a tag with no card).
    public var isAnalytic: Bool { evidence == nil }
    /// The claim it answers, and how, when it is a counterclaim.
    public var answersID: String? { asCounterclaim?.answers }
    public var responseKind: ResponseKind? { asCounterclaim?.response }
}

extension Counterclaim {
    public var asCounterclaim: (any Counterclaim)? { self }
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
    public var position: String?
    public var role: ClaimRole?
    public var extends: String?
    public var evenIf: Bool
    public var needsEvidence: Bool

    public init(id: String, tag: String, side: Side, warrant: String? = nil, cite: Citation? = nil,
                evidence: Evidence? = nil, tags: [String] = [], module: String, location: SourceLocation? = nil,
                position: String? = nil, role: ClaimRole? = nil, extends: String? = nil, evenIf: Bool = false,
                needsEvidence: Bool = false) {
        self.id = id
        self.tag = tag
        self.side = side
        self.warrant = warrant
        self.cite = cite
        self.evidence = evidence
        self.tags = tags
        self.module = module
        self.location = location
        self.position = position
        self.role = role
        self.extends = extends
        self.evenIf = evenIf
        self.needsEvidence = needsEvidence
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
    public var position: String? { claim.position }
    public var role: ClaimRole? { claim.role }
    public var extends: String? { claim.extends }
    public var evenIf: Bool { claim.evenIf }
    public var needsEvidence: Bool { claim.needsEvidence }
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
    public var position: String?
    public var role: ClaimRole?
    public var extends: String?
    public var evenIf: Bool?
    public var needsEvidence: Bool?
    /// Not written by users: the old spelling of `response:` this entry was read from ("concession").
    public var deprecatedResponse: String?
    /// Not written by users: filled from the decoder's position.
    public var location: SourceLocation?
    /// Not written by users: where `response:` was written, for the deprecation warning.
    public var responseLocation: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, side, tag, tags, warrant, cite, evidence, answers, response, position, role, extends
        case evenIf = "even-if"
        case needsEvidence = "needs-evidence"
    }

    public init(id: String, side: Side, tag: String, tags: [String]? = nil, warrant: String? = nil,
                cite: Citation? = nil, evidence: Evidence? = nil, answers: String? = nil,
                response: ResponseKind? = nil, position: String? = nil, role: ClaimRole? = nil,
                extends: String? = nil, evenIf: Bool? = nil, needsEvidence: Bool? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.side = side
        self.tag = tag
        self.tags = tags
        self.warrant = warrant
        self.cite = cite
        self.evidence = evidence
        self.answers = answers
        self.response = response
        self.position = position
        self.role = role
        self.extends = extends
        self.evenIf = evenIf
        self.needsEvidence = needsEvidence
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
        position = try c.decodeIfPresent(String.self, forKey: .position)
        role = try c.decodeIfPresent(ClaimRole.self, forKey: .role)
        extends = try c.decodeIfPresent(String.self, forKey: .extends)
        evenIf = try c.decodeIfPresent(Bool.self, forKey: .evenIf)
        needsEvidence = try c.decodeIfPresent(Bool.self, forKey: .needsEvidence)
        location = decoder.sourceLocation
        if response != nil, let spelling = try c.decodeIfPresent(String.self, forKey: .response),
           let old = ResponseKind.deprecatedSpellings[spelling] {
            deprecatedResponse = spelling
            responseLocation = (try? c.superDecoder(forKey: .response))?.sourceLocation
            if old.evenIf, evenIf == nil { evenIf = true }
        }
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
        if answers == nil, evenIf != nil {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [CodingKeys.evenIf],
                debugDescription: "`even-if:` frames an answer; it needs `answers:` and `response:`"))
        }
        // One id grammar for every source (ClaimID); `answers:` names a claim, so it follows it too.
        for (key, value) in [(CodingKeys.id, id), (.answers, answers), (.extends, extends)] {
            guard let value, let problem = ClaimID.problem(value) else { continue }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [key], debugDescription: problem,
                                                    underlyingError: YAMLErrorCode(DiagnosticCode.invalidClaimID.rawValue)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(side, forKey: .side)
        try c.encodeIfPresent(position, forKey: .position)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encode(tag, forKey: .tag)
        try c.encodeIfPresent(tags, forKey: .tags)
        try c.encodeIfPresent(warrant, forKey: .warrant)
        try c.encodeIfPresent(cite, forKey: .cite)
        try c.encodeIfPresent(evidence, forKey: .evidence)
        try c.encodeIfPresent(answers, forKey: .answers)
        try c.encodeIfPresent(response, forKey: .response)
        try c.encodeIfPresent(evenIf, forKey: .evenIf)
        try c.encodeIfPresent(extends, forKey: .extends)
        try c.encodeIfPresent(needsEvidence, forKey: .needsEvidence)
    }

    /// The entry as a claim of `module`: a counterclaim when it answers another.
    public func claim(module: String) -> any Claim {
        let base = StandardClaim(id: id, tag: tag, side: side, warrant: warrant, cite: cite, evidence: evidence,
                                 tags: tags ?? [], module: module, location: location, position: position, role: role,
                                 extends: extends, evenIf: evenIf ?? false, needsEvidence: needsEvidence ?? false)
        if let answers, let response {
            return StandardCounterclaim(base, answers: answers, response: response)
        }
        return base
    }

    /// The warning an entry written with an old response spelling gets.
    public var deprecationDiagnostic: Diagnostic? {
        guard let deprecatedResponse, let replacement = ResponseKind.replacement(forDeprecated: deprecatedResponse) else { return nil }
        return Diagnostic(.warning, "`response: \(deprecatedResponse)` is deprecated; write \(replacement)",
                          at: responseLocation ?? location,
                          hint: "it still loads as \(replacement)", code: "deprecated-response")
    }
}

/// A claim file: `positions:` (optional) and `claims:`.
public struct ClaimFile: Codable, Sendable {
    public var positions: [Position]
    public var claims: [ClaimEntry]
    public enum CodingKeys: String, CodingKey, CaseIterable { case positions, claims }
    public init(positions: [Position] = [], claims: [ClaimEntry]) {
        self.positions = positions
        self.claims = claims
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        positions = try c.decodeIfPresent([Position].self, forKey: .positions) ?? []
        claims = try c.decodeIfPresent([ClaimEntry].self, forKey: .claims) ?? []
        if positions.isEmpty && claims.isEmpty && !c.contains(.claims) {
            throw DecodingError.keyNotFound(CodingKeys.claims, .init(codingPath: decoder.codingPath, debugDescription: "a claim file needs `claims:`"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !positions.isEmpty { try c.encode(positions, forKey: .positions) }
        try c.encode(claims, forKey: .claims)
    }
}
