import DebateCore

/// The module's own cards pass the evidence-ethics checks (`DebateCore/Ethics`): no highlight that
/// drops a negation, no card opening mid-thought, no tag claiming more than its card, and evidence
/// that is an exact excerpt of its `source:`.
public struct EthicsHold: ModuleCheck {
    public init() {}

    public func check(_ subject: ModuleSubject, others: [ArgumentSet]) -> [Diagnostic] {
        EvidenceEthics.check([subject.claims])
    }
}
