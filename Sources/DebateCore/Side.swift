/// Which side of the resolution a claim helps.
public enum Side: String, Codable, CaseIterable, Sendable, Hashable {
    /// Affirms the resolution.
    case pro
    /// Negates the resolution.
    case con

    public var opponent: Side { self == .pro ? .con : .pro }

    /// The debate word for the side, for headings and reports.
    public var title: String { self == .pro ? "Affirmative" : "Negative" }
}
