/// The typed ways a counterclaim can answer a claim. YAML and JSON spell them in kebab-case.
public enum ResponseKind: String, Codable, CaseIterable, Sendable, Hashable {
    /// The claim's link to its impact does not hold.
    case noLink = "no-link"
    /// The link runs the other way: the claim's cause produces our benefit.
    case linkTurn = "link-turn"
    /// The claimed harm is in fact good.
    case impactTurn = "impact-turn"
    /// The harm happens anyway (the status quo already has it).
    case nonUnique = "non-unique"
    /// The impact is small or limited.
    case mitigation
    /// Both can be done: the alternative does not exclude our plan.
    case permutation
    /// A case that disproves the claim's generalisation.
    case counterexample
    /// The standard is applied to this case and not to comparable ones.
    case doubleStandard = "double-standard"
    /// "Even if" the claim is true, we still win.
    case concession

    /// How the kind is read in a heading: "Link turn", "Double standard".
    public var title: String {
        switch self {
        case .noLink: "No link"
        case .linkTurn: "Link turn"
        case .impactTurn: "Impact turn"
        case .nonUnique: "Non-unique"
        case .mitigation: "Mitigation"
        case .permutation: "Permutation"
        case .counterexample: "Counterexample"
        case .doubleStandard: "Double standard"
        case .concession: "Even if"
        }
    }

    /// A link turn and an impact turn on one claim contradict each other (a "double turn").
    public var isTurn: Bool { self == .linkTurn || self == .impactTurn }
}
