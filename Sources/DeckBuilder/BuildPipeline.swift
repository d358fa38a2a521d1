import DebateCore
import Foundation
import ModuleLoading
import YAMLCoding

/// The state one deck build passes from step to step.
public struct BuildContext: Sendable {
    public var configPath: String
    public var registry: ModuleRegistry
    public var configuration: DeckConfiguration?
    public var sets: [ArgumentSet] = []
    public var graph: ArgumentGraph?
    var selection: [[[SelectedBlock]]] = []
    public var deck: Deck?
    /// Warnings and notes gathered on the way; errors stop the build instead.
    public var diagnostics: [Diagnostic] = []
    /// `--keep-going`: a module that fails is left out with a warning instead of failing the build.
    public var keepGoing = false
    /// The modules left out under `keepGoing`.
    public var skippedModules: [String] = []

    public init(configPath: String, registry: ModuleRegistry, keepGoing: Bool = false) {
        self.configPath = configPath
        self.registry = registry
        self.keepGoing = keepGoing
    }

    func require<T>(_ value: T?, _ what: String) throws(DiagnosticsError) -> T {
        guard let value else { throw DiagnosticsError(.error("internal: \(what) missing")) }
        return value
    }
}

/// One named step of the build. A step's errors are re-thrown tagged with its name.
public struct BuildStep: Sendable {
    public var name: String
    public var run: @Sendable (inout BuildContext) throws(DiagnosticsError) -> Void

    public init(_ name: String, _ run: @escaping @Sendable (inout BuildContext) throws(DiagnosticsError) -> Void) {
        self.name = name
        self.run = run
    }
}

/// A build that stopped: the step it stopped in and why.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var step: String
    public var diagnostics: [Diagnostic]
    public var description: String {
        (diagnostics.map(\.description) + ["build failed in step `\(step)`"]).joined(separator: "\n")
    }
}

/// The deck build: load → graph → validate → select → order. Rendering is `render(_:as:)`.
public enum DeckBuild {
    public static let steps: [BuildStep] = [
        BuildStep("load", BuildSteps.load),
        BuildStep("graph", BuildSteps.graph),
        BuildStep("validate", BuildSteps.validate),
        BuildStep("select", BuildSteps.select),
        BuildStep("order", BuildSteps.order),
    ]

    /// Runs every step; returns the deck and the warnings and notes found.
    public static func run(configPath: String, registry: ModuleRegistry, keepGoing: Bool = false,
                           steps: [BuildStep] = DeckBuild.steps) throws(BuildFailure) -> BuildContext {
        var context = BuildContext(configPath: configPath, registry: registry, keepGoing: keepGoing)
        for step in steps {
            do {
                try step.run(&context)
            } catch {
                throw BuildFailure(step: step.name, diagnostics: context.diagnostics + error.diagnostics)
            }
        }
        return context
    }

    /// The render step: one deck, one format, the bytes of the file.
    public static func render(_ deck: Deck, as format: OutputFormat,
                              options: RenderOptions = RenderOptions()) throws(BuildFailure) -> Data {
        do {
            return try format.renderer(options).render(deck)
        } catch {
            throw BuildFailure(step: "render", diagnostics: [.error("rendering \(format.rawValue) failed: \(error)")])
        }
    }
}
