import DebateCore
import DeckModel
import Foundation
import YAMLCoding

/// The state one deck build passes from step to step.
public struct BuildContext: Sendable {
    public var configPath: String
    /// Finds the modules the deck names, given its configuration (its pins). The `discover` step calls
    /// it once the deck file is read, so the file is decoded once.
    public var discover: @Sendable (DeckConfiguration) throws(DiagnosticsError) -> any ModuleResolver
    public var configuration: DeckConfiguration?
    public var resolver: (any ModuleResolver)?
    /// The deck's modules in its order, each with the context the deck gave it.
    public var modules: [UsedModule] = []
    public var sets: [ArgumentSet] = []
    public var graph: ArgumentGraph?
    var selection: [[[SelectedBlock]]] = []
    public var deck: Deck?
    /// What the `render` step writes, and what it wrote, in the same order.
    public var renders: [RenderRequest] = []
    public var rendered: [Data] = []
    /// Warnings and notes gathered on the way; errors stop the build instead.
    public var diagnostics: [Diagnostic] = []
    /// `--keep-going`: a module that fails is left out with a warning instead of failing the build.
    public var keepGoing = false
    /// The modules left out under `keepGoing`.
    public var skippedModules: [String] = []

    public init(configPath: String, keepGoing: Bool = false,
                discover: @escaping @Sendable (DeckConfiguration) throws(DiagnosticsError) -> any ModuleResolver) {
        self.configPath = configPath
        self.keepGoing = keepGoing
        self.discover = discover
    }

    /// A build over a fixed set of modules (no discovery).
    public init(configPath: String, modules: any ModuleResolver, keepGoing: Bool = false) {
        self.init(configPath: configPath, keepGoing: keepGoing, discover: { _ in modules })
    }

    func require<T>(_ value: T?, _ what: String) throws(DiagnosticsError) -> T {
        guard let value else { throw DiagnosticsError(.error(.internalError, "internal: \(what) missing")) }
        return value
    }
}

/// A module the deck uses, with the context the deck gave it (resolution, side, options).
public struct UsedModule: Sendable {
    public var module: any ArgumentModule
    public var context: ModuleContext
}

/// One output the render step produces.
public struct RenderRequest: Sendable {
    public var format: OutputFormat
    public var options: RenderOptions
    public init(_ format: OutputFormat, options: RenderOptions = RenderOptions()) {
        self.format = format
        self.options = options
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

/// The deck build: read → discover → load → graph → validate → select → order → render.
public enum DeckBuild {
    public static let steps: [BuildStep] = [
        BuildStep("read", BuildSteps.read),
        BuildStep("discover", BuildSteps.discover),
        BuildStep("load", BuildSteps.load),
        BuildStep("graph", BuildSteps.graph),
        BuildStep("validate", BuildSteps.validate),
        BuildStep("select", BuildSteps.select),
        BuildStep("order", BuildSteps.order),
        BuildStep("render", BuildSteps.render),
    ]

    /// Runs `steps` over `context`; returns it with the deck, the rendered outputs and the warnings and notes found.
    public static func run(_ context: BuildContext, steps: [BuildStep] = DeckBuild.steps) throws(BuildFailure) -> BuildContext {
        var context = context
        for step in steps {
            do {
                try step.run(&context)
            } catch {
                throw BuildFailure(step: step.name, diagnostics: context.diagnostics + error.diagnostics)
            }
        }
        return context
    }

    /// One deck, one format, the bytes of the file: the render step for a deck already built.
    public static func render(_ deck: Deck, as format: OutputFormat,
                              options: RenderOptions = RenderOptions()) throws(BuildFailure) -> Data {
        do {
            return try BuildSteps.render(deck, RenderRequest(format, options: options))
        } catch {
            throw BuildFailure(step: "render", diagnostics: error.diagnostics)
        }
    }

    /// The same, written to `output` as it is made (`output.finish()` is the caller's).
    public static func render(_ deck: Deck, as format: OutputFormat, options: RenderOptions = RenderOptions(),
                              to output: RenderOutput) throws(BuildFailure) {
        do {
            try BuildSteps.render(deck, RenderRequest(format, options: options), to: output)
        } catch {
            throw BuildFailure(step: "render", diagnostics: error.diagnostics)
        }
    }
}
