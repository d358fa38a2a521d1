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
        claimFiles = Self.yamlFiles(under: directory).filter { ($0 as NSString).lastPathComponent != Self.manifestName }
    }

    /// Every `.yaml`/`.yml` file below `directory`, sorted.
    public static func yamlFiles(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append((directory as NSString).appendingPathComponent(relative))
            }
        }
        return files.sorted()
    }

    /// Decodes every claim file; collects one error per broken file rather than stopping at the first.
    public func entries() throws(DiagnosticsError) -> [ClaimEntry] {
        try contents().entries
    }

    /// Decodes every claim file: its positions and its claims.
    public func contents() throws(DiagnosticsError) -> (positions: [Position], entries: [ClaimEntry]) {
        var entries: [ClaimEntry] = []
        var positions: [Position] = []
        var problems: [Diagnostic] = []
        let decoder = YAMLDecoder()
        for file in claimFiles {
            do {
                let contents = try decoder.decode(ClaimFile.self, fromFile: file)
                entries += contents.claims
                positions += contents.positions.map { position in
                    var position = position
                    position.module = descriptor.id
                    return position
                }
            } catch {
                problems.append(Diagnostic(error))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return (positions, entries)
    }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        let (positions, entries) = try contents()
        return try arguments(for: context, positions: positions, from: entries)
    }

    /// The arguments for `context` from entries already decoded.
    public func arguments(for context: ModuleContext, positions: [Position], from entries: [ClaimEntry]) throws -> ArgumentSet {
        let options = try PackOptions(context.options, module: descriptor.id)
        let kept = entries.filter { options.keeps($0) }
        return ArgumentSet(module: descriptor.id, positions: positions, claims: kept.map { $0.claim(module: descriptor.id) },
                           diagnostics: kept.compactMap(\.deprecationDiagnostic), directory: directory)
    }

    /// The pack with its claim files decoded once, for callers that ask for arguments many times
    /// (lint runs every example).
    public func loaded() throws(DiagnosticsError) -> LoadedPack {
        let (positions, entries) = try contents()
        return LoadedPack(pack: self, positions: positions, entries: entries)
    }
}

/// A pack whose claim files are already decoded.
public struct LoadedPack: ArgumentModule {
    public let pack: PackModule
    public let positions: [Position]
    public let entries: [ClaimEntry]

    public var descriptor: ModuleDescriptor { pack.descriptor }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        try pack.arguments(for: context, positions: positions, from: entries)
    }

    /// Every position and claim, whatever the options: what lint checks.
    public var everything: ArgumentSet {
        ArgumentSet(module: descriptor.id, positions: positions, claims: entries.map { $0.claim(module: descriptor.id) },
                    diagnostics: entries.compactMap(\.deprecationDiagnostic), directory: pack.directory)
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

    func keeps(_ entry: ClaimEntry) -> Bool {
        if exclude.contains(entry.id) { return false }
        if let onlyTags, onlyTags.isDisjoint(with: entry.tags ?? []) { return false }
        return true
    }
}
