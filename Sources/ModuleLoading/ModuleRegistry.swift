import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// The modules a run of `debate` can use: built-ins first, then the modules discovered on the
/// search path (see `ModuleSearch`).
public struct ModuleRegistry: ModuleResolver {
    public struct Entry: Sendable {
        public var module: any ArgumentModule
        /// `built-in`, the module's folder, or its executable.
        public var source: String
        public var origin: ModuleSearch.Origin

        public init(module: any ArgumentModule, source: String, origin: ModuleSearch.Origin) {
            self.module = module
            self.source = source
            self.origin = origin
        }
    }

    public private(set) var entries: [Entry] = []
    /// Ids found in more than one place with no pin choosing one: id → every place, in search order.
    public private(set) var conflicts: [String: [String]] = [:]
    /// Where discovery looked, for the unknown-module message.
    public private(set) var searched: [String] = []

    public init(builtIns: [any ArgumentModule] = []) {
        entries = builtIns.map { Entry(module: $0, source: "built-in", origin: .builtIn) }
    }

    public var modules: [any ArgumentModule] { entries.map(\.module) }
    public var ids: [String] { entries.map(\.module.descriptor.id) }

    public func entry(_ id: String) -> Entry? { entries.first { $0.module.descriptor.id == id } }
    public func module(_ id: String) -> (any ArgumentModule)? { entry(id)?.module }

    /// The error for using an id that two modules have, naming both places; nil when the id is unique.
    public func conflict(_ id: String, at location: SourceLocation? = nil) -> Diagnostic? {
        conflicts[id].map { ModuleProblem.conflict(id, places: $0, at: location).diagnostic }
    }

    public func resolve(_ id: String, at location: SourceLocation?) throws(DiagnosticsError) -> any ArgumentModule {
        if let conflict = conflict(id, at: location) { throw DiagnosticsError(conflict) }
        guard let module = module(id) else {
            throw DiagnosticsError(ModuleProblem.unknownModule(id, known: ids, searched: searched, at: location).diagnostic)
        }
        return module
    }

    /// Every conflict, for listings.
    public var conflictDiagnostics: [Diagnostic] { conflicts.keys.sorted().compactMap { conflict($0) } }

    /// Adds a module; a second module with the same id is an error naming both places.
    public mutating func add(_ module: any ArgumentModule, source: String,
                             origin: ModuleSearch.Origin = .modulePath) throws(DiagnosticsError) {
        let id = module.descriptor.id
        if let existing = entry(id) {
            throw DiagnosticsError(ModuleProblem.conflict(id, places: [existing.source, source], at: nil).diagnostic)
        }
        entries.append(Entry(module: module, source: source, origin: origin))
    }

    /// Replaces the module of an entry (e.g. with a process module that has described itself).
    public mutating func replace(_ id: String, with module: any ArgumentModule) {
        guard let index = entries.firstIndex(where: { $0.module.descriptor.id == id }) else { return }
        entries[index].module = module
    }

    /// Loads modules from each path: a folder holding `module.yaml` is one module; otherwise each of
    /// its sub-folders holding `module.yaml` is. Collects every problem before throwing.
    public mutating func addPacks(from paths: [String], settings: ProcessModule.Settings = .init()) throws(DiagnosticsError) {
        let search = ModuleSearch(modulePaths: paths, environment: [:], settings: settings, searchesPATH: false)
        let (candidates, problems) = search.candidates()
        var all = problems
        for candidate in candidates where candidate.origin == .modulePath {
            do {
                try add(try search.load(candidate), source: candidate.location)
            } catch {
                all += error.diagnostics
            }
        }
        if !all.isEmpty { throw DiagnosticsError(all) }
    }

    /// Built-ins plus everything `search` finds. Two modules with one id are recorded as a conflict
    /// (an error when that id is used) unless one of `search.pins` chooses between them.
    public static func discover(builtIns: [any ArgumentModule], search: ModuleSearch) throws(DiagnosticsError) -> ModuleRegistry {
        var registry = ModuleRegistry(builtIns: builtIns)
        let folders = search.folders
        registry.searched = search.searchedPlaces(folders)
        var (candidates, problems) = search.candidates(folders)
        var chosen: [String: String] = [:]  // id → canonical location, or "built-in"
        for pin in search.pins {
            if pin.isBuiltIn {
                if registry.entry(pin.id) == nil {
                    problems.append(ModuleProblem.pinNotBuiltIn(pin.id, at: pin.location).diagnostic)
                }
                chosen[pin.id] = "built-in"
                continue
            }
            let path = pin.path(relativeTo: search.deckFile)
            let canonical = ModuleSearch.canonical(path)
            if let found = candidates.first(where: { ModuleSearch.canonical($0.location) == canonical }) {
                if found.id != pin.id {
                    problems.append(ModuleProblem.pinHoldsOther(pin.id, path: path, found: found.id, at: pin.location).diagnostic)
                }
            } else {
                switch pinnedCandidate(pin, path: path) {
                case .success(let candidate): candidates.append(candidate)
                case .failure(let problem): problems += problem.diagnostics
                }
            }
            chosen[pin.id] = canonical
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }

        for candidate in candidates {
            let id = candidate.id
            if let pinned = chosen[id] {
                if pinned != ModuleSearch.canonical(candidate.location) { continue }
                if let index = registry.entries.firstIndex(where: { $0.module.descriptor.id == id && $0.origin == .builtIn }) {
                    registry.entries.remove(at: index)  // the deck chose this one over the built-in
                }
            } else if let existing = registry.entry(id) {
                registry.conflicts[id, default: [existing.source]].append(candidate.location)
                continue
            }
            do {
                registry.entries.append(Entry(module: try search.load(candidate), source: candidate.location, origin: candidate.origin))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return registry
    }

    /// A module a pin names outside every searched folder: a module folder or an executable.
    private static func pinnedCandidate(_ pin: ModulePin, path: String) -> Result<ModuleSearch.Candidate, DiagnosticsError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(DiagnosticsError(ModuleProblem.pinMissing(pin.id, path: path, at: pin.location).diagnostic))
        }
        if !isDirectory.boolValue {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                return .failure(DiagnosticsError(ModuleProblem.pinNotAModule(pin.id, path: path, at: pin.location).diagnostic))
            }
            return .success(.init(id: pin.id, location: path, origin: .pinned, manifest: nil))
        }
        do {
            let manifest = try ModuleManifest.load(folder: path)
            guard manifest.id == pin.id else {
                return .failure(DiagnosticsError(ModuleProblem.pinHoldsOther(pin.id, path: path, found: manifest.id, at: pin.location).diagnostic))
            }
            return .success(.init(id: pin.id, location: path, origin: .pinned, manifest: manifest))
        } catch {
            return .failure(error)
        }
    }

    /// The module folders a search-path entry stands for: itself when it holds `module.yaml`,
    /// else each sub-folder that does.
    public static func moduleFolders(in path: String) -> [String] {
        let manifest = (path as NSString).appendingPathComponent(PackModule.manifestName)
        if FileManager.default.fileExists(atPath: manifest) { return [path] }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return children.sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(PackModule.manifestName))
        }
    }
}
