import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// The files `debate modules new` writes: a module that lists, lints clean and contributes its
/// example claims to a build as soon as it exists (a Swift module after `swift build`).
public struct ModuleScaffold: Sendable {
    public enum Kind: String, CaseIterable, Sendable { case pack, python, swift }

    public struct File: Sendable, Equatable {
        /// Relative to the module folder.
        public var path: String
        public var contents: String
        public var executable = false
    }

    public var id: String
    public var kind: Kind
    /// For `swift`: the path of the debate package (holding DebateModuleKit), as Package.swift will name it.
    public var kitPath: String?

    public init(id: String, kind: Kind, kitPath: String? = nil) throws(DiagnosticsError) {
        guard ModuleDescriptor.isValidID(id) else {
            throw DiagnosticsError(.error(.badModuleID, "`\(id)` is not a module id: use lowercase letters, digits and dashes, starting with a letter"))
        }
        if kind == .swift && kitPath == nil {
            throw DiagnosticsError(.error(.internalError, "a Swift module needs the path of the debate package for DebateModuleKit"))
        }
        self.id = id
        self.kind = kind
        self.kitPath = kitPath
    }

    /// Words of the id with capitals: `trade-data` → `TradeData`.
    var typeName: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    var title: String { id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") }

    /// The example claims every kind starts with: one claim and one counterclaim answering it.
    var exampleClaims: [ClaimEntry] {
        [
            ClaimEntry(id: "\(id).example", side: .pro, tag: "Replace this with your first argument's one-line tag",
                       tags: ["example"],
                       warrant: "Why the tag is true, in your own words. Add a cite and evidence to make it a card."),
            ClaimEntry(id: "\(id).example-answer", side: .con, tag: "Replace this with the other side's best answer",
                       tags: ["example"], answers: "\(id).example", response: .noImpact),
        ]
    }

    /// A pack's example claim is a whole card, to show the cite and the evidence markup: a real
    /// sentence, quoted verbatim from an op-ed (see `SampleCard`), to be replaced by your own.
    var packExampleClaims: [ClaimEntry] {
        var claims = exampleClaims
        claims[0].tag = "Replace this with your tag — e.g. “Engagement with Minsk is working: keep it up”"
        claims[0].warrant = "Why the tag is true, in your own words. This example card quotes an op-ed; replace it with your own."
        claims[0].cite = SampleCard.cite
        claims[0].evidence = SampleCard.strategyEvidence
        return claims
    }

    var exampleDescriptor: ModuleDescriptor {
        ModuleDescriptor(id: id, title: title, summary: "What \(title) argues. Write one or two sentences.", version: "0.1.0",
                         kind: kind == .pack ? .pack : .process,
                         examples: [ModuleExample(summary: "The affirmative gets the example claim.", side: .pro,
                                                  includes: ["\(id).example"])])
    }

    public func files() throws -> [File] {
        switch kind {
        case .pack:
            return [File(path: "module.yaml", contents: try packManifest()),
                    File(path: "claims.yaml", contents: try claimsFile())]
        case .python:
            return [File(path: "module.yaml", contents: try processManifest(command: ["python3", "module.py"])),
                    File(path: "module.py", contents: pythonModule(), executable: true)]
        case .swift:
            let product = ModuleProtocol.executablePrefix + id
            return [File(path: "module.yaml", contents: try processManifest(command: [".build/debug/\(product)"])),
                    File(path: "Package.swift", contents: swiftPackage(product: product)),
                    File(path: "Sources/\(typeName)Module/\(typeName)Module.swift", contents: swiftModule()),
                    File(path: ".gitignore", contents: ".build/\n")]
        }
    }

    /// Writes the files into `folder`, which must not exist or be empty.
    public func write(to folder: String) throws {
        try Self.write(try files(), to: folder)
    }

    /// Writes `files` below `folder`, making sub-folders as needed (each file atomically). On a
    /// failure the files already written are removed again, so no half-made module or project stays.
    static func write(_ files: [File], to folder: String) throws {
        var written: [String] = []
        do {
            for file in files {
                let path = (folder as NSString).appendingPathComponent(file.path)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                written.append(path)
                if file.executable {
                    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
                }
            }
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    private func packManifest() throws -> String {
        let d = exampleDescriptor
        return "# A pack: this file describes it; every other *.yaml file here holds claims.\n" + (try emitYAML([
            "id": .string(d.id), "title": .string(d.title), "summary": .string(d.summary), "version": .string(d.version),
            "kind": "pack",
            "examples": .sequence(d.examples.map(Self.yaml)),
        ]))
    }

    private func processManifest(command: [String]) throws -> String {
        "# A process module: debate runs `command` (relative paths are taken from this folder) and speaks\n"
            + "# the module protocol with it. Its title, version and examples come from its describe reply.\n"
            + (try emitYAML(["id": .string(id), "kind": "process", "command": .sequence(command.map { .string($0) }),
                             "timeout": 10]))
    }

    private func claimsFile() throws -> String {
        "# Claims of the pack. A card has a `cite:` and `evidence:`; in the evidence, __underline__ what may be\n"
            + "# read, ==highlight== what is read aloud, **emphasise** key words. Quote a text that holds `: ` or ` #`.\n"
            + (try emitYAML(["claims": .sequence(packExampleClaims.map(Self.yaml))]))
    }

    static func yaml(_ example: ModuleExample) -> YAMLValue {
        .mapping([.init(key: "summary", value: .string(example.summary)), .init(key: "side", value: .string(example.side.rawValue)),
                  .init(key: "includes", value: .sequence(example.includes.map { .string($0) }))])
    }

    /// A claim entry as YAML, in the claim format's field order; absent fields are left out.
    public static func yaml(_ entry: ClaimEntry) -> YAMLValue {
        var fields: [YAMLValue.Entry] = [.init(key: "id", value: .string(entry.id)), .init(key: "side", value: .string(entry.side.rawValue))]
        if let position = entry.position { fields.append(.init(key: "position", value: .string(position))) }
        if let role = entry.role { fields.append(.init(key: "role", value: .string(role.rawValue))) }
        if let extends = entry.extends { fields.append(.init(key: "extends", value: .string(extends))) }
        if let answers = entry.answers, let response = entry.response {
            fields += [.init(key: "answers", value: .string(answers)), .init(key: "response", value: .string(response.rawValue))]
        }
        if let evenIf = entry.evenIf { fields.append(.init(key: "even-if", value: .bool(evenIf))) }
        if let needsEvidence = entry.needsEvidence { fields.append(.init(key: "needs-evidence", value: .bool(needsEvidence))) }
        fields.append(.init(key: "tag", value: .string(entry.tag)))
        if let tags = entry.tags, !tags.isEmpty { fields.append(.init(key: "tags", value: .sequence(tags.map { .string($0) }))) }
        if let warrant = entry.warrant { fields.append(.init(key: "warrant", value: .string(warrant))) }
        if let cite = entry.cite {
            let parts: [(String, String?)] = [("author", cite.author), ("qualifications", cite.qualifications), ("date", cite.date),
                                              ("title", cite.title), ("publication", cite.publication), ("url", cite.url),
                                              ("source", cite.source), ("short", cite.short), ("text", cite.text)]
            fields.append(.init(key: "cite", value: .mapping(parts.compactMap { key, value in value.map { .init(key: key, value: .string($0)) } })))
        }
        if let evidence = entry.evidence { fields.append(.init(key: "evidence", value: .string(evidence.markup))) }
        return .mapping(fields)
    }
}
