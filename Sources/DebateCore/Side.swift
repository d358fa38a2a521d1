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

    /// The debate word for the side, for headings and reports.
    public var title: String { self == .pro ? "Affirmative" : "Negative" }

    /// The short word debaters say in policy and LD: "aff", "neg".
    public var shortWord: String { self == .pro ? "aff" : "neg" }

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

extension Side: YAMLDescribed {
    public static var yamlNoun: String { "side" }
    public static var yamlValues: [String]? { spellings.map(\.word) }
}
