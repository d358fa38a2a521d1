import Foundation
import YAMLCoding

/// What a deck build needs of module discovery: the module a deck names, or why there is none.
/// `ModuleLoading`'s registry is one; a test or an embedding program can supply another.
public protocol ModuleResolver: Sendable {
    /// The module with `id`, or the diagnostic (unknown id, two modules with the id) placed at `location`.
    func resolve(_ id: String, at location: SourceLocation?) throws(DiagnosticsError) -> any ArgumentModule
    /// Every module id it can resolve (a deck's answers to a module it does not load are no error).
    var ids: [String] { get }
}

/// A fixed list of modules, resolved by id: for tests and programs that bring their own modules.
public struct ModuleList: ModuleResolver {
    public var modules: [any ArgumentModule]

    public init(_ modules: [any ArgumentModule]) { self.modules = modules }

    public var ids: [String] { modules.map(\.descriptor.id) }

    public func resolve(_ id: String, at location: SourceLocation?) throws(DiagnosticsError) -> any ArgumentModule {
        if let module = modules.first(where: { $0.descriptor.id == id }) { return module }
        throw DiagnosticsError(ModuleProblem.unknownModule(id, known: modules.map(\.descriptor.id), searched: [], at: location).diagnostic)
    }
}

/// A deck's choice of one module among several with its id: `- { id: x, from: ./path }`.
/// `from` is a module folder or executable, relative to the deck file, or `built-in`.
public struct ModulePin: Sendable, Hashable {
    public var id: String
    public var from: String
    public var location: SourceLocation?

    public init(id: String, from: String, location: SourceLocation? = nil) {
        self.id = id
        self.from = from
        self.location = location
    }

    public var isBuiltIn: Bool { from == "built-in" }

    /// `from` as a path: relative ones are taken against the deck file's folder.
    public func path(relativeTo deckFile: String?) -> String {
        guard !from.hasPrefix("/"), let deckFile else { return from }
        let folder = (deckFile as NSString).deletingLastPathComponent
        return (((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(from) as NSString).standardizingPath
    }
}
