import YAMLCoding

/// Which side of the resolution a claim helps.
///
/// Written `pro`/`con` in files; `aff`, `affirmative`, `neg` and `negative` are read too, since
/// policy and LD debaters say aff and neg.
public enum Side: String, Codable, CaseIterable, Sendable, Hashable {
    /// Affirms the resolution.
    case pro
    /// Negates the resolution.
    case con

    public var opponent: Side { self == .pro ? .con : .pro }

    /// The debate word for the side, for headings and reports, where no format says otherwise
    /// (`SideWords.affNeg`): "Affirmative", "Negative".
    public var title: String { SideWords.affNeg.title(self) }

    /// The short word debaters say in policy and LD: "aff", "neg".
    public var shortWord: String { SideWords.affNeg.word(self) }

    /// Every spelling a file may use, with the side it means.
    public static let spellings: [(word: String, side: Side)] = [
        ("aff", .pro), ("neg", .con), ("pro", .pro), ("con", .con), ("affirmative", .pro), ("negative", .con),
    ]

    /// The side a word names (any of `spellings`, case-insensitively), or nil.
    public init?(word: String) {
        let lowered = word.lowercased()
        guard let match = Side.spellings.first(where: { $0.word == lowered }) else { return nil }
        self = match.side
    }

    public init(from decoder: any Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        guard let side = Side(word: word) else {
            // The YAML decoder words this itself from `yamlValues`; the description serves JSON decoders.
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "unknown side `\(word)`; expected one of: \(Side.spellings.map(\.word).joined(separator: ", "))"))
        }
        self = side
    }
}

/// The words a format's debaters use for the two sides. Policy and LD say affirmative and negative
/// (aff, neg); public forum says Pro and Con. Files may spell a side any way (`Side.spellings`) and
/// JSON keeps `pro`/`con`; what a person reads speaks the deck's format (`DebateFormat.sideWords`),
/// and aff/neg where there is no deck or no format.
public enum SideWords: String, Sendable, Hashable, CaseIterable {
    case affNeg
    case proCon

    /// For headings and labels: "Affirmative", "Negative"; "Pro", "Con".
    public func title(_ side: Side) -> String {
        switch self {
        case .affNeg: side == .pro ? "Affirmative" : "Negative"
        case .proCon: side == .pro ? "Pro" : "Con"
        }
    }

    /// In running text: "aff", "neg"; "pro", "con".
    public func word(_ side: Side) -> String {
        switch self {
        case .affNeg: side == .pro ? "aff" : "neg"
        case .proCon: side == .pro ? "pro" : "con"
        }
    }
}

extension Side: YAMLDescribed {
    public static var yamlNoun: String { "side" }
    public static var yamlValues: [String]? { spellings.map(\.word) }
}
