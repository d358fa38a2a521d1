import DebateCore

/// A module's examples (module.yaml's `examples:`) hold: each names claims the module has, includes
/// what it says and excludes what it says.
public struct ExamplesHold: ModuleCheck {
    public init() {}

    public func check(_ subject: ModuleSubject, others: [ArgumentSet]) -> [Diagnostic] {
        subject.module.descriptor.examples.flatMap { example in
            example.check(subject.module).map { diagnostic in
                var d = diagnostic
                if d.location == nil { d.location = subject.manifestLocation }
                return d
            }
        }
    }
}
