import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// Where modules are looked for, in order: `--module-path` folders, `DEBATE_MODULE_PATH`, the deck's
/// own `modules/` folder, the project's `modules/` folder, `$XDG_DATA_HOME/debate/modules` (or
/// `~/.local/share/debate/modules`), then executables named `debate-module-NAME` on PATH.
///
/// The project is the nearest folder at or above the deck's folder (or, without a deck, the current
/// folder) that holds a `decks/` folder: what `debate init` makes. So `decks/x.yaml` finds the
/// `modules/` that `debate modules new` writes beside `decks/`.
public struct ModuleSearch: Sendable {
    /// Where a module was found; shown by `debate modules list`.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        case builtIn = "built-in"
        case modulePath = "--module-path"
        case environment = "DEBATE_MODULE_PATH"
        case deck
        case project
        case user = "user"
        case path = "PATH"
        case pinned
    }

    public var modulePaths: [String]
    /// Read for DEBATE_MODULE_PATH, XDG_DATA_HOME, HOME and PATH.
    public var environment: [String: String]
    /// A deck file: its folder's `modules/` is searched, and its pins are honoured.
    public var deckFile: String?
    public var pins: [ModulePin]
    public var settings: ProcessModule.Settings
    /// False leaves PATH out (tests, and callers who want only folders).
    public var searchesPATH: Bool
    /// Where a search without a deck starts looking for the project (default: the current folder).
    public var workingDirectory: String?

    public static let executablePrefix = ModuleProtocol.executablePrefix

    public init(modulePaths: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
                deckFile: String? = nil, pins: [ModulePin] = [], settings: ProcessModule.Settings = .init(),
                searchesPATH: Bool = true) {
        self.modulePaths = modulePaths
        self.environment = environment
        self.deckFile = deckFile
        self.pins = pins
        self.settings = settings
        self.searchesPATH = searchesPATH
    }

    /// The folders searched for module folders, in order, with their origins.
    public var folders: [(path: String, origin: Origin)] {
        var result = modulePaths.map { ($0, Origin.modulePath) }
        for entry in (environment["DEBATE_MODULE_PATH"] ?? "").split(separator: ":") where !entry.isEmpty {
            result.append((String(entry), .environment))
        }
        var deckModules: String?
        if let deckFile {
            let folder = (deckFile as NSString).deletingLastPathComponent
            deckModules = folder.isEmpty ? "modules" : folder + "/modules"
            result.append((deckModules!, .deck))
        }
        let start = deckFile.map { ($0 as NSString).deletingLastPathComponent } ?? workingDirectory ?? "."
        if let root = Self.projectRoot(from: start.isEmpty ? "." : start) {
            let modules = root == "." ? "modules" : (root as NSString).appendingPathComponent("modules")
            if deckModules.map({ Self.canonical($0) != Self.canonical(modules) }) ?? true {
                result.append((modules, .project))
            }
        }
        result.append((userModulesFolder, .user))
        return result
    }

    /// The nearest folder at or above `folder` that holds a `decks/` folder, as a path usable from
    /// the current folder (relative paths stay relative: `decks/..` is shown as `.`).
    public static func projectRoot(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        var relative = folder.isEmpty ? "." : folder
        for _ in 0..<64 {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("decks").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return relative
            }
            if url.path == "/" { return nil }
            url.deleteLastPathComponent()
            relative = relative.hasPrefix("/") ? url.path : up(relative)
        }
        return nil
    }

    /// The folder above a relative path, kept short: `decks` → `.`, `.` → `..`, `a/..` → `a/../..`.
    private static func up(_ relative: String) -> String {
        let parts = relative.split(separator: "/").filter { $0 != "." }
        if parts.isEmpty { return ".." }
        if parts.last == ".." { return parts.joined(separator: "/") + "/.." }
        let rest = parts.dropLast().joined(separator: "/")
        return rest.isEmpty ? "." : rest
    }

    /// The places searched, in order, as a user would name them: shown when a module is not found.
    public var searchedPlaces: [String] { searchedPlaces(folders) }

    /// `searchedPlaces` of `folders` (this search's `folders`, when the caller has them already: each
    /// reading walks up the folders looking for the project).
    func searchedPlaces(_ folders: [(path: String, origin: Origin)]) -> [String] {
        var places = ["the built-in modules"]
        for (path, origin) in folders {
            let shown = path
            switch origin {
            case .modulePath: places.append("\(shown) (--module-path)")
            case .environment: places.append("\(shown) (DEBATE_MODULE_PATH)")
            case .deck: places.append("\(shown) (beside the deck)")
            case .project: places.append("\(shown) (the project's modules)")
            case .user: places.append("\(shown) (your modules)")
            default: places.append(shown)
            }
        }
        if searchesPATH { places.append("`\(Self.executablePrefix)NAME` programs on PATH") }
        return places
    }

    /// `$XDG_DATA_HOME/debate/modules`, falling back to `~/.local/share/debate/modules`.
    public var userModulesFolder: String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/debate/modules" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/debate/modules"
    }

    /// One module found, not yet loaded.
    public struct Candidate: Sendable {
        public var id: String
        /// The module's folder, or its executable.
        public var location: String
        public var origin: Origin
        /// nil for an executable found on PATH.
        public var manifest: ModuleManifest?
    }

    /// Every module folder and PATH executable, in search order. Missing optional folders are
    /// skipped; a missing `--module-path` folder and a broken module.yaml are errors.
    public func candidates() -> (candidates: [Candidate], problems: [Diagnostic]) { candidates(folders) }

    /// `candidates` from `folders` (this search's `folders`).
    func candidates(_ folders: [(path: String, origin: Origin)]) -> (candidates: [Candidate], problems: [Diagnostic]) {
        var found: [Candidate] = []
        var problems: [Diagnostic] = []
        var seen: Set<String> = []
        for (path, origin) in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                if origin == .modulePath { problems.append(ModuleProblem.modulePathNotAFolder(path).diagnostic) }
                continue
            }
            for folder in ModuleRegistry.moduleFolders(in: path) where seen.insert(Self.canonical(folder)).inserted {
                do {
                    let manifest = try ModuleManifest.load(folder: folder)
                    found.append(Candidate(id: manifest.id, location: folder, origin: origin, manifest: manifest))
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if searchesPATH {
            for (id, executable) in Self.executablesOnPATH(environment["PATH"] ?? "")
            where seen.insert(Self.canonical(executable)).inserted {
                found.append(Candidate(id: id, location: executable, origin: .path, manifest: nil))
            }
        }
        return (found, problems)
    }

    /// `debate-module-NAME` executables on a PATH string, first occurrence of each file first.
    static func executablesOnPATH(_ path: String) -> [(id: String, executable: String)] {
        var result: [(String, String)] = []
        var listed: Set<String> = []
        for folder in path.split(separator: ":").map(String.init) where !folder.isEmpty {
            // A folder listed before under another name (/bin and /usr/bin) holds the same files, which
            // the caller would drop as seen: no need to read it again.
            if let real = realpath(folder, nil) {
                defer { free(real) }
                guard listed.insert(String(cString: real)).inserted else { continue }
            }
            for name in namesWithPrefix(executablePrefix, in: folder).sorted() {
                let id = String(name.dropFirst(executablePrefix.count))
                let file = (folder as NSString).appendingPathComponent(name)
                guard ModuleDescriptor.isValidID(id), FileManager.default.isExecutableFile(atPath: file) else { continue }
                result.append((id, file))
            }
        }
        return result
    }

    /// The names in `folder` that begin with `prefix`, read with readdir: a PATH folder holds
    /// thousands of programs and only a few are modules, so only those become strings.
    static func namesWithPrefix(_ prefix: String, in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let wanted = Array(prefix.utf8)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard bytes.count > wanted.count, bytes.starts(with: wanted) else { return nil }
                return String(cString: bytes.baseAddress!)
            }
            if let name { names.append(name) }
        }
        return names
    }

    /// The module a candidate stands for.
    public func load(_ candidate: Candidate) throws(DiagnosticsError) -> any ArgumentModule {
        guard let manifest = candidate.manifest else {
            return ProcessModule(executable: candidate.location, id: candidate.id, settings: settings)
        }
        return try Self.load(manifest, folder: candidate.location, settings: settings)
    }

    /// The module a folder's manifest describes: a pack or a process module. The one place that
    /// turns a manifest's kind into a module.
    public static func load(_ manifest: ModuleManifest, folder: String,
                            settings: ProcessModule.Settings = .init()) throws(DiagnosticsError) -> any ArgumentModule {
        switch manifest.kind {
        case .pack, .builtin: return try PackModule(directory: folder, manifest: manifest)
        case .process: return ProcessModule(manifest: manifest, folder: folder, settings: settings)
        }
    }

    /// Loads the module a folder holds, as its manifest says.
    public static func load(folder: String, settings: ProcessModule.Settings = .init()) throws(DiagnosticsError) -> any ArgumentModule {
        try load(try ModuleManifest.load(folder: folder), folder: folder, settings: settings)
    }

    /// A path with symlinks and `..` resolved, so one folder reached two ways counts once.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
