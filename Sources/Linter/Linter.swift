import DebateCore
import DeckBuilder
import Foundation
import ModuleFormat
import ModuleLoading
import YAMLCoding

/// `debate lint`: checks module folders and deck files and returns their diagnostics. What is checked
/// is a list of values (`ModuleCheck`s), the way a linter's rules are; add one to `checks`.
public struct Linter {
    /// The modules every linted folder is checked against (built-ins and the search path).
    public var registry: ModuleRegistry
    public var settings: ProcessModule.Settings
    public var checks: [any ModuleCheck]
    /// Each registered module's claims, read once per run however many folders are linted.
    private var otherSets: [String: ArgumentSet] = [:]

    public static let defaultChecks: [any ModuleCheck] = [ExamplesHold(), AnswersResolve(), EthicsHold()]

    public init(registry: ModuleRegistry, settings: ProcessModule.Settings = .init(),
                checks: [any ModuleCheck] = Linter.defaultChecks) {
        self.registry = registry
        self.settings = settings
        self.checks = checks
    }

    /// Pack folders and deck files below `folder`. A folder with module.yaml is a module and is not searched further.
    public static func collect(_ folder: String) -> (modules: [String], decks: [String]) {
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(PackModule.manifestName)) {
            return ([folder], [])
        }
        var modules: [String] = []
        var decks: [String] = []
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for child in children where !child.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(child)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                let inner = collect(path)
                modules += inner.modules
                decks += inner.decks
            } else if child.hasSuffix(".yaml") || child.hasSuffix(".yml") {
                decks.append(path)
            }
        }
        return (modules, decks)
    }

    /// A deck is checked by building it up to rendering.
    /// The build checks only `not-verbatim`; lint adds the heuristic evidence-ethics checks over every
    /// card the deck's modules supply.
    public func lintDeck(_ build: BuildContext) -> [Diagnostic] {
        let steps = DeckBuild.steps.filter { $0.name != "render" }
        do {
            let built = try DeckBuild.run(build, steps: steps)
            let heuristics = EvidenceEthics.checks.filter { $0.code != EvidenceCheck.notVerbatim.code }
            return built.diagnostics + EvidenceEthics.check(built.sets, checks: heuristics)
        } catch {
            return error.diagnostics
        }
    }

    /// Loads the module in `folder` (a pack's claim files decoded once; a process module run) and runs every check.
    public mutating func lintModule(_ folder: String) -> [Diagnostic] {
        let subject: ModuleSubject
        do {
            subject = try load(folder)
        } catch {
            return error.diagnostics
        }
        var others: [ArgumentSet] = []
        for module in registry.modules where module.descriptor.id != subject.module.descriptor.id {
            if otherSets[module.descriptor.id] == nil {
                otherSets[module.descriptor.id] = try? module.arguments(for: ModuleContext(resolution: "", side: .pro))
            }
            if let other = otherSets[module.descriptor.id] { others.append(other) }
        }
        return checks.flatMap { $0.check(subject, others: others) }
    }

    private func load(_ folder: String) throws(DiagnosticsError) -> ModuleSubject {
        let manifest = try ModuleManifest.load(folder: folder)
        var module = try ModuleSearch.load(manifest, folder: folder, settings: settings)
        let claims: ArgumentSet
        do {
            if let pack = module as? PackModule {
                let loaded = try pack.loaded()
                module = loaded
                claims = loaded.everything
            } else {
                let process = try (module as? ProcessModule)?.described() ?? module
                module = process
                claims = try process.arguments(for: ModuleContext(resolution: "", side: .pro))
            }
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError(.error(.moduleFailed, "module `\(manifest.id)` (\(folder)) failed: \(error)", at: manifest.location))
        }
        return ModuleSubject(folder: folder, module: module, claims: claims, manifestLocation: manifest.location)
    }
}

/// A module being linted: where it is, the module, and all its claims.
public struct ModuleSubject: Sendable {
    public var folder: String
    public var module: any ArgumentModule
    public var claims: ArgumentSet
    public var manifestLocation: SourceLocation?

    /// Whether a diagnostic is about this module: it points into its folder, or, for a process module
    /// (whose claims carry no position), it has no position.
    public func owns(_ diagnostic: Diagnostic) -> Bool {
        let prefix = URL(fileURLWithPath: folder).standardizedFileURL.path + "/"
        guard let location = diagnostic.location else { return module is ProcessModule }
        return URL(fileURLWithPath: location.path).standardizedFileURL.path.hasPrefix(prefix)
    }
}

/// One thing `debate lint` checks about a module.
public protocol ModuleCheck: Sendable {
    /// `others`: every other loaded module's claims, for checks across modules.
    func check(_ subject: ModuleSubject, others: [ArgumentSet]) -> [Diagnostic]
}
