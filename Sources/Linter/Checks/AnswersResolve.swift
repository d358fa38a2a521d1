import DebateCore

/// The module's claims together with every other module's: `answers:` resolve, ids are unique, no
/// double turns. Only diagnostics about this module's own claims are reported.
public struct AnswersResolve: ModuleCheck {
    public init() {}

    public func check(_ subject: ModuleSubject, others: [ArgumentSet]) -> [Diagnostic] {
        // The module goes last, so a clash with another module's id is reported at its own claim.
        ArgumentGraph(others + [subject.claims]).validate().filter(subject.owns)
    }
}
