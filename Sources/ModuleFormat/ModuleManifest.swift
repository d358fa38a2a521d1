import DebateCore
import Foundation
import YAMLCoding

/// A module folder's `module.yaml`: a pack (`kind: pack`, claim files beside it) or a process
/// module (`kind: process`, `command: [...]`, whose descriptor comes from its `describe` reply).
public struct ModuleManifest: Decodable, Sendable {
    public var id: String
    public var kind: ModuleKind
    /// Required for a pack; for a process module they stand in until it has described itself.
    public var title: String?
    public var summary: String?
    public var version: String?
    public var examples: [ModuleExample]
    /// A process module's executable and arguments. Relative paths are resolved against the folder.
    public var command: [String]
    /// Seconds a process module may take per run (describe + arguments); nil: the host's default.
    public var timeout: Double?
    /// Where the manifest is, for messages.
    public var location: SourceLocation?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, summary, version, kind, examples, command, timeout
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        location = decoder.sourceLocation
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decodeIfPresent(ModuleKind.self, forKey: .kind) ?? .pack
        title = try c.decodeIfPresent(String.self, forKey: .title)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        examples = try c.decodeIfPresent([ModuleExample].self, forKey: .examples) ?? []
        command = try c.decodeIfPresent([String].self, forKey: .command) ?? []
        timeout = try c.decodeIfPresent(Double.self, forKey: .timeout)
        guard ModuleDescriptor.isValidID(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.id],
                debugDescription: "module id `\(id)` must be lowercase letters, digits and dashes, starting with a letter"))
        }
        switch kind {
        case .builtin:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.kind],
                debugDescription: "`kind: builtin` is for the modules compiled into debate; write `kind: pack` or `kind: process`"))
        case .pack:
            for key in [CodingKeys.title, .summary, .version] where !c.contains(key) {
                throw DecodingError.keyNotFound(key, .init(codingPath: decoder.codingPath, debugDescription: ""))
            }
            for key in [CodingKeys.command, .timeout] where c.contains(key) {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [key],
                    debugDescription: "`\(key.stringValue):` is for `kind: process` modules; a pack's claims are its YAML files"))
            }
        case .process:
            if command.isEmpty || command[0].isEmpty {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.command],
                    debugDescription: "a process module needs `command: [executable, arguments...]`"))
            }
            if let timeout, !(timeout > 0 && timeout <= 3600) {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.timeout],
                    debugDescription: "timeout \(timeout) is not a number of seconds between 0 and 3600"))
            }
        }
    }

    /// Reads `module.yaml` in `folder`; every problem is a positioned diagnostic.
    public static func load(folder: String) throws(DiagnosticsError) -> ModuleManifest {
        let path = (folder as NSString).appendingPathComponent(PackModule.manifestName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticsError(.error(.missingManifest, "no \(PackModule.manifestName) in module folder \(folder)"))
        }
        do {
            var manifest = try YAMLDecoder().decode(ModuleManifest.self, fromFile: path)
            manifest.location = SourceLocation(path: path, line: 1, column: 1)
            return manifest
        } catch {
            throw DiagnosticsError(Diagnostic(error))
        }
    }

    /// The descriptor a pack's manifest declares.
    public var descriptor: ModuleDescriptor {
        ModuleDescriptor(id: id, title: title ?? id, summary: summary ?? "", version: version ?? "?",
                         kind: kind, examples: examples)
    }
}

extension ModuleManifest: YAMLDescribed {
    public static var yamlNoun: String { "module" }
    public static var yamlTitleKey: String? { "id" }
    public static var yamlEmptyFileHint: String? {
        "module.yaml starts with `id:`, `title:`, `summary:`, `version:` and `kind: pack` (or `kind: process` and `command:`)"
    }
    public static var yamlProseKeys: Set<String> { ["title", "summary"] }
    public static func yamlNoun(atPath path: [String]) -> YAMLNoun? {
        path.count == 2 && path[0] == "examples" ? YAMLNoun("example") : nil
    }
}
