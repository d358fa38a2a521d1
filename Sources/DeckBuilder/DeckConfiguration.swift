import DebateCore
import DeckModel
import YAMLCoding

/// A deck file in `decks/`: what to build, from which modules, in which order, into which files.
public struct DeckConfiguration: Decodable, Sendable {
    public var id: String?
    public var title: String
    public var resolution: String
    public var side: Side
    /// The event (`policy-hs`, `policy-college`, `ld`, `pf`): standard speech times by name.
    public var format: DebateFormat?
    public var modules: [ModuleUse]
    public var budget: Budget
    public var sections: [PocketSpec]
    public var outputs: [OutputSpec]
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, resolution, side, format, modules, budget, sections, outputs
    }

    /// The words its outputs and messages use for the sides: its format's, aff/neg without one.
    public var sideWords: SideWords { format?.sideWords ?? .affNeg }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        resolution = try c.decode(String.self, forKey: .resolution)
        side = try c.decode(Side.self, forKey: .side)
        format = try c.decodeIfPresent(DebateFormat.self, forKey: .format)
        modules = try c.decode([ModuleUse].self, forKey: .modules)
        budget = try c.decodeIfPresent(Budget.self, forKey: .budget) ?? Budget()
        sections = try c.decode([PocketSpec].self, forKey: .sections)
        outputs = try c.decodeIfPresent([OutputSpec].self, forKey: .outputs) ?? []
        location = decoder.sourceLocation
        if modules.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.modules],
                                                    debugDescription: "a deck needs at least one module"))
        }
    }
}

/// A module the deck uses: `- values` or `- { id: values, options: {...}, from: ./path }`.
/// `from` pins which module of that id to use when several are found (a module folder or
/// executable, relative to the deck file, or `built-in`); a pinned module need not be on any search path.
public struct ModuleUse: Decodable, Sendable {
    public var id: String
    public var options: YAMLValue
    public var from: String?
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable { case id, options, from }

    public init(from decoder: any Decoder) throws {
        location = decoder.sourceLocation
        if let id = try? decoder.singleValueContainer().decode(String.self) {
            self.id = id
            options = .mapping([])
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        options = try c.decodeIfPresent(YAMLValue.self, forKey: .options) ?? .mapping([])
        from = try c.decodeIfPresent(String.self, forKey: .from)
    }
}

extension DeckConfiguration {
    /// The deck's choices among modules that share an id.
    public var pins: [ModulePin] {
        modules.compactMap { use in use.from.map { ModulePin(id: use.id, from: $0, location: use.location) } }
    }
}

/// Reading speed and time budgets.
public struct Budget: Decodable, Sendable {
    public var wpm: Int = 250
    /// Budget for the whole deck's reading time, in seconds.
    public var speech: Double?
    /// Budget for each block, in seconds.
    public var block: Double?
    public var location: SourceLocation?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable { case wpm, speech, block }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wpm = try c.decodeIfPresent(Int.self, forKey: .wpm) ?? 250
        speech = try c.decodeIfPresent(DurationValue.self, forKey: .speech)?.seconds
        block = try c.decodeIfPresent(DurationValue.self, forKey: .block)?.seconds
        location = decoder.sourceLocation
        guard (50...1000).contains(wpm) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.wpm],
                                                    debugDescription: "wpm \(wpm) is not a reading speed; use 50 to 1000 (250 is usual)"))
        }
    }
}

/// A duration written as `90s`, `8m`, `1m30s` or `1.5m`.
public struct DurationValue: Decodable, Sendable {
    public var seconds: Double

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let seconds = Self.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "`\(text)` is not a duration; write it like 90s, 8m or 1m30s"))
        }
        self.seconds = seconds
    }

    public static func parse(_ text: String) -> Double? {
        var total = 0.0
        var number = ""
        var sawUnit = false
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if ch.isNumber || ch == "." {
                number.append(ch)
            } else if ch == "m" || ch == "s" || ch == "h" {
                guard let value = Double(number) else { return nil }
                total += value * (ch == "h" ? 3600 : ch == "m" ? 60 : 1)
                number = ""
                sawUnit = true
            } else {
                return nil
            }
        }
        return number.isEmpty && sawUnit && total > 0 ? total : nil
    }
}

public struct PocketSpec: Decodable, Sendable {
    public var pocket: String
    public var hats: [HatSpec]
    /// The speech the pocket is read in (`1AC`), for its standard time and the speech-doc heading.
    public var speech: String?
    /// The speech's time, overriding the format's (`8m`).
    public var time: Double?
    public var location: SourceLocation?
    /// Where `speech:` was written, for a speech the format does not know.
    public var speechLocation: SourceLocation?
    public enum CodingKeys: String, CodingKey, CaseIterable { case pocket, speech, time, hats }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pocket = try c.decode(String.self, forKey: .pocket)
        speech = try c.decodeIfPresent(String.self, forKey: .speech)
        time = try c.decodeIfPresent(DurationValue.self, forKey: .time)?.seconds
        hats = try c.decode([HatSpec].self, forKey: .hats)
        location = decoder.sourceLocation
        if speech != nil { speechLocation = (try? c.superDecoder(forKey: .speech))?.sourceLocation }
    }
}

public struct HatSpec: Decodable, Sendable {
    public var hat: String
    public var blocks: [BlockSpec]
    /// When present: one A2 block per opponent claim matching this filter.
    public var answers: ClaimFilter?
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable { case hat, blocks, answers }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        hat = try c.decode(String.self, forKey: .hat)
        blocks = try c.decodeIfPresent([BlockSpec].self, forKey: .blocks) ?? []
        answers = try c.decodeIfPresent(ClaimFilter.self, forKey: .answers)
        location = decoder.sourceLocation
        if blocks.isEmpty && answers == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "hat “\(hat)” needs `blocks:` (our claims) or `answers:` (A2 blocks), or both"))
        }
    }
}

public struct BlockSpec: Decodable, Sendable {
    public var block: String
    public var select: ClaimFilter
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable { case block, select }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        block = try c.decode(String.self, forKey: .block)
        select = try c.decodeIfPresent(ClaimFilter.self, forKey: .select) ?? ClaimFilter()
        location = decoder.sourceLocation
    }
}

/// Which claims a block takes. Fields AND together; the values of one list OR together.
public struct ClaimFilter: Decodable, Sendable {
    public enum Kind: String, Decodable, CaseIterable, Sendable { case claim, counterclaim }

    public var ids: [String]?
    public var modules: [String]?
    public var tags: [String]?
    public var responses: [ResponseKind]?
    public var kind: Kind?
    public var side: Side?
    public var location: SourceLocation?

    public init() {}

    public enum CodingKeys: String, CodingKey, CaseIterable { case ids, modules, tags, responses, kind, side }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ids = try c.decodeIfPresent([String].self, forKey: .ids)
        modules = try c.decodeIfPresent([String].self, forKey: .modules)
        tags = try c.decodeIfPresent([String].self, forKey: .tags)
        responses = try c.decodeIfPresent([ResponseKind].self, forKey: .responses)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind)
        side = try c.decodeIfPresent(Side.self, forKey: .side)
        location = decoder.sourceLocation
    }

    public func matches(_ claim: any Claim, side defaultSide: Side) -> Bool {
        if claim.side != (side ?? defaultSide) { return false }
        if let ids, !ids.contains(claim.id) { return false }
        if let modules, !modules.contains(claim.module) { return false }
        if let tags, !tags.contains(where: claim.tags.contains) { return false }
        guard kind != nil || responses != nil else { return true }
        let counter = claim.asCounterclaim
        if let kind, (kind == .counterclaim) != (counter != nil) { return false }
        if let responses {
            guard let counter, responses.contains(counter.response) else { return false }
        }
        return true
    }
}

public struct OutputSpec: Decodable, Sendable {
    public var format: OutputFormat
    public var path: String
    /// For `docx`: the color of highlighted evidence (yellow when absent).
    public var highlight: HighlightColor?
    public enum CodingKeys: String, CodingKey, CaseIterable { case format, path, highlight }
}
