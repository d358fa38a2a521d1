import DebateCore
import Foundation
import YAMLCoding

/// A module made only of YAML: a folder with `module.yaml` and claim files.
public struct PackModule: ArgumentModule {
    public var descriptor: ModuleDescriptor
    /// The pack's folder.
    public let directory: String
    /// Where `module.yaml` put the id, for messages about the module itself.
    public let location: SourceLocation
    /// Claim files, sorted so every build reads them in one order.
    public let claimFiles: [String]

    public static let manifestName = "module.yaml"

    /// Reads `module.yaml` and lists the claim files; claim files are decoded when arguments are asked for.
    public init(directory: String) throws(DiagnosticsError) {
        let manifest = try ModuleManifest.load(folder: directory)
        guard manifest.kind == .pack else {
            throw DiagnosticsError(.error(.notAPack, "module `\(manifest.id)` is a `kind: \(manifest.kind.rawValue)` module, not a pack",
                                          at: manifest.location))
        }
        try self.init(directory: directory, manifest: manifest)
    }

    public init(directory: String, manifest: ModuleManifest) throws(DiagnosticsError) {
        self.directory = directory
        descriptor = manifest.descriptor
        location = manifest.location ?? SourceLocation(path: (directory as NSString).appendingPathComponent(Self.manifestName), line: 1, column: 1)
        // Every path yamlFiles gives is a folder, "/", a name: the manifest is the one named module.yaml.
        claimFiles = Self.yamlFiles(under: directory).filter { !$0.hasSuffix("/" + Self.manifestName) }
    }

    /// Every `.yaml`/`.yml` file below `directory`, sorted. Walks the folders with readdir: a pack
    /// of thousands of files is listed on every run, and Foundation's enumerator costs more than
    /// the rest of a search.
    public static func yamlFiles(under directory: String) -> [String] {
        var files: [String] = []
        var folders = [directory]
        while let folder = folders.popLast() {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    folders.append(path)
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }

    /// Where packs' decoded claim files are kept between runs (the library index); nil decodes every
    /// file every time. Set once by the program before it loads modules.
    nonisolated(unsafe) public static var claimCache: (any PackClaimCache)?

    /// Decodes every claim file; collects one error per broken file rather than stopping at the first.
    /// Files the claim cache holds unchanged come from it instead (with the same positions).
    public func entries() throws(DiagnosticsError) -> [ClaimEntry] {
        try contents().entries
    }

    /// Decodes every claim file: its positions and its claims.
    public func contents() throws(DiagnosticsError) -> (positions: [Position], entries: [ClaimEntry]) {
        let contents = try contentsAndWarnings()
        return (contents.positions, contents.entries)
    }

    /// The contents and the decoder's warnings (a ` #` that YAML read as a comment inside a tag).
    public func contentsAndWarnings() throws(DiagnosticsError)
        -> (positions: [Position], entries: [ClaimEntry], warnings: [Diagnostic])
    {
        var entries: [ClaimEntry] = []
        var positions: [Position] = []
        var problems: [Diagnostic] = []
        var warnings: [YAMLWarning] = []
        let cache = Self.claimCache
        let cached = cache?.files(of: self) ?? [:]
        let read = Self.decode(claimFiles.filter { cached[$0] == nil })
        var decoded: [DecodedClaimFile] = []
        for path in claimFiles {
            let file: DecodedClaimFile
            if let known = cached[path] {
                file = known
            } else {
                switch read[path] {
                case .success(let fresh): file = fresh
                case .failure(let error):
                    problems.append(Diagnostic(error))
                    continue
                case nil: continue
                }
                if cache != nil { decoded.append(file) }
            }
            entries += file.claims
            warnings += file.warnings
            positions += file.positions.map { position in
                var position = position
                position.module = descriptor.id
                return position
            }
        }
        if let cache, !decoded.isEmpty { cache.store(decoded, of: self) }
        if !problems.isEmpty { throw DiagnosticsError(problems + warnings.map(Diagnostic.init)) }
        return (positions, entries, warnings.map(Diagnostic.init))
    }

    /// Decodes `paths`, several at once on a machine with more than one core (each file on its own;
    /// the caller merges them in the pack's order, so nothing depends on which was decoded first).
    static func decode(_ paths: [String]) -> [String: Result<DecodedClaimFile, YAMLError>] {
        let results = paths.concurrentMap(chunk: 1) { path in
            Result { () throws(YAMLError) in try DecodedClaimFile.read(path) }
        }
        return Dictionary(zip(paths, results), uniquingKeysWith: { first, _ in first })
    }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        let (positions, entries, warnings) = try contentsAndWarnings()
        return try arguments(for: context, positions: positions, from: entries, warnings: warnings)
    }

    /// The arguments for `context` from entries already decoded; `warnings` are the decoder's.
    public func arguments(for context: ModuleContext, positions: [Position], from entries: [ClaimEntry],
                          warnings: [Diagnostic] = []) throws -> ArgumentSet {
        let options = try PackOptions(context.options, module: descriptor.id)
        // Without options every entry is kept: no filtered copy of a 10,000-entry list.
        let kept = options.keepsEverything ? entries : entries.filter { options.keeps($0) }
        return ArgumentSet(module: descriptor.id, positions: positions, claims: kept.map { $0.claim(module: descriptor.id) },
                           diagnostics: warnings + kept.compactMap(\.deprecationDiagnostic), directory: directory)
    }

    /// The pack with its claim files decoded once, for callers that ask for arguments many times
    /// (lint runs every example).
    public func loaded() throws(DiagnosticsError) -> LoadedPack {
        let (positions, entries, warnings) = try contentsAndWarnings()
        return LoadedPack(pack: self, positions: positions, entries: entries, warnings: warnings)
    }
}

/// Decoded claim files kept between runs, asked before a pack decodes its files.
public protocol PackClaimCache: Sendable {
    /// The files of `pack` that the cache holds as they are now (same bytes), keyed by the pack's
    /// own path for each. Files left out are decoded by the pack, which reports their errors.
    func files(of pack: PackModule) -> [String: DecodedClaimFile]
    /// Keeps files the pack has just decoded (without errors) for the next run.
    func store(_ files: [DecodedClaimFile], of pack: PackModule)
}

/// A module whose claims are a pack's files (packs, and the built-in modules): the library index
/// reads their claim files itself.
public protocol PackBacked: ArgumentModule {
    var pack: PackModule { get }
}

extension PackModule: PackBacked {
    public var pack: PackModule { self }
}

extension LoadedPack: PackBacked {}

extension BuiltInPack: PackBacked {}

/// A pack whose claim files are already decoded.
public struct LoadedPack: ArgumentModule {
    public let pack: PackModule
    public let positions: [Position]
    public let entries: [ClaimEntry]
    /// The decoder's warnings about the claim files.
    public let warnings: [Diagnostic]

    public var descriptor: ModuleDescriptor { pack.descriptor }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        try pack.arguments(for: context, positions: positions, from: entries, warnings: warnings)
    }

    /// Every position and claim, whatever the options: what lint checks.
    public var everything: ArgumentSet {
        ArgumentSet(module: descriptor.id, positions: positions, claims: entries.map { $0.claim(module: descriptor.id) },
                    diagnostics: warnings + entries.compactMap(\.deprecationDiagnostic), directory: pack.directory)
    }
}

/// The options every pack understands.
struct PackOptions {
    var onlyTags: Set<String>?
    var exclude: Set<String> = []

    init(_ value: YAMLValue, module: String) throws(DiagnosticsError) {
        guard case .mapping(let entries) = value else {
            if case .null = value { return }
            throw DiagnosticsError(.error(.badModuleOption, "options of module `\(module)` must be a mapping"))
        }
        for entry in entries {
            switch entry.key {
            case "only-tags": onlyTags = Set(try Self.strings(entry.value, option: entry.key, module: module))
            case "exclude": exclude = Set(try Self.strings(entry.value, option: entry.key, module: module))
            default:
                let hint = closestMatch(to: entry.key, in: ["only-tags", "exclude"]).map { "did you mean `\($0)`?" }
                throw DiagnosticsError(.error(.badModuleOption, "module `\(module)` has no option `\(entry.key)` (a pack takes `only-tags` and `exclude`)", hint: hint))
            }
        }
    }

    static func strings(_ value: YAMLValue, option: String, module: String) throws(DiagnosticsError) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .sequence(let items):
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw DiagnosticsError(.error(.badModuleOption, "option `\(option)` of module `\(module)` takes a list of strings"))
                }
                result.append(s)
            }
            return result
        default:
            throw DiagnosticsError(.error(.badModuleOption, "option `\(option)` of module `\(module)` takes a list of strings"))
        }
    }

    var keepsEverything: Bool { onlyTags == nil && exclude.isEmpty }

    func keeps(_ entry: ClaimEntry) -> Bool {
        if exclude.contains(entry.id) { return false }
        if let onlyTags, onlyTags.isDisjoint(with: entry.tags ?? []) { return false }
        return true
    }
}
