import DebateCore
import Foundation
import YAMLCoding

/// The modules a run of `debate` can use: built-ins first, then packs found on the module path.
public struct ModuleRegistry: Sendable {
    public struct Entry: Sendable {
        public var module: any ArgumentModule
        /// `built-in`, or the folder a pack was loaded from.
        public var source: String
    }

    public private(set) var entries: [Entry] = []

    public init(builtIns: [any ArgumentModule] = []) {
        entries = builtIns.map { Entry(module: $0, source: "built-in") }
    }

    public var modules: [any ArgumentModule] { entries.map(\.module) }
    public var ids: [String] { entries.map(\.module.descriptor.id) }

    public func entry(_ id: String) -> Entry? { entries.first { $0.module.descriptor.id == id } }
    public func module(_ id: String) -> (any ArgumentModule)? { entry(id)?.module }

    /// Adds a module; a second module with the same id is an error naming both places.
    public mutating func add(_ module: any ArgumentModule, source: String) throws(DiagnosticsError) {
        let id = module.descriptor.id
        if let existing = entry(id) {
            throw DiagnosticsError(.error("two modules have the id `\(id)`: \(existing.source) and \(source)",
                                          hint: "rename one of them or leave one off the module path"))
        }
        entries.append(Entry(module: module, source: source))
    }

    /// Loads packs from each path: a folder holding `module.yaml` is one pack; otherwise each of its
    /// sub-folders holding `module.yaml` is. Collects every problem before throwing.
    public mutating func addPacks(from paths: [String]) throws(DiagnosticsError) {
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                problems.append(.error("module path \(path) is not a folder"))
                continue
            }
            for folder in Self.packFolders(in: path) {
                do {
                    try add(try PackModule(directory: folder), source: folder)
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }

    /// The pack folders a module-path entry stands for.
    public static func packFolders(in path: String) -> [String] {
        let manifest = (path as NSString).appendingPathComponent(PackModule.manifestName)
        if FileManager.default.fileExists(atPath: manifest) { return [path] }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return children.sorted().map { (path as NSString).appendingPathComponent($0) }.filter {
            FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(PackModule.manifestName))
        }
    }
}
