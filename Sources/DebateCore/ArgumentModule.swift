import YAMLCoding

/// A source of claims. Three ship built in; packs and process modules are loaded at run time.
public protocol ArgumentModule: Sendable {
    var descriptor: ModuleDescriptor { get }
    /// The claims and counterclaims this module contributes, for both sides: a deck needs the
    /// opponent's claims too, to answer them.
    func arguments(for context: ModuleContext) throws -> ArgumentSet
    /// Questions of the module's own making for `debate quiz`, about its claims among `claims` (the
    /// deck's whole graph, where wrong answers come from). The default contributes none.
    func drills(for context: ModuleContext, claims: [any Claim]) -> [ModuleDrill]
}

/// What a module says about itself: shown by `debate modules show`, checked by the test suite.
public struct ModuleDescriptor: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    public var version: String
    public var kind: ModuleKind
    public var examples: [ModuleExample]

    public init(id: String, title: String, summary: String, version: String, kind: ModuleKind = .pack,
                examples: [ModuleExample] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.version = version
        self.kind = kind
        self.examples = examples
    }

    public enum CodingKeys: String, CodingKey, CaseIterable { case id, title, summary, version, kind, examples }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        summary = try c.decode(String.self, forKey: .summary)
        version = try c.decode(String.self, forKey: .version)
        kind = try c.decodeIfPresent(ModuleKind.self, forKey: .kind) ?? .pack
        examples = try c.decodeIfPresent([ModuleExample].self, forKey: .examples) ?? []
        guard ModuleDescriptor.isValidID(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.id],
                debugDescription: "module id `\(id)` must be lowercase letters, digits and dashes, starting with a letter"))
        }
    }

    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// How a module is made: compiled in, a folder of YAML, or a program speaking the module protocol.
public enum ModuleKind: String, Codable, CaseIterable, Sendable, Hashable {
    case builtin, pack, process
}

/// A self-check a module carries: given this context, these ids must (not) be produced.
public struct ModuleExample: Codable, Sendable, Hashable {
    public var summary: String
    public var side: Side
    public var options: YAMLValue
    public var includes: [String]
    public var excludes: [String]
    /// Where the example is written, for messages about it.
    public var location: SourceLocation?

    public init(summary: String, side: Side, options: YAMLValue = .mapping([]), includes: [String] = [],
                excludes: [String] = [], location: SourceLocation? = nil) {
        self.location = location
        self.summary = summary
        self.side = side
        self.options = options
        self.includes = includes
        self.excludes = excludes
    }

    public enum CodingKeys: String, CodingKey, CaseIterable { case summary, side, options, includes, excludes }

    /// Two examples are the same when they say the same; where they are written does not count.
    public static func == (a: ModuleExample, b: ModuleExample) -> Bool {
        a.summary == b.summary && a.side == b.side && a.options == b.options && a.includes == b.includes && a.excludes == b.excludes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(summary)
        hasher.combine(side)
        hasher.combine(includes)
        hasher.combine(excludes)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        summary = try c.decode(String.self, forKey: .summary)
        side = try c.decode(Side.self, forKey: .side)
        options = try c.decodeIfPresent(YAMLValue.self, forKey: .options) ?? .mapping([])
        includes = try c.decodeIfPresent([String].self, forKey: .includes) ?? []
        excludes = try c.decodeIfPresent([String].self, forKey: .excludes) ?? []
        location = decoder.sourceLocation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary, forKey: .summary)
        try c.encode(side, forKey: .side)
        try c.encode(options, forKey: .options)
        try c.encode(includes, forKey: .includes)
        try c.encode(excludes, forKey: .excludes)
    }

    /// Runs the example against a module; returns what failed, empty when it holds. An id the example
    /// names must be one of the module's claims (asked without options), or the example could pass
    /// vacuously after a rename.
    public func check(_ module: any ArgumentModule, resolution: String = "Example resolution") -> [Diagnostic] {
        let set: ArgumentSet
        let all: ArgumentSet
        do {
            set = try module.arguments(for: ModuleContext(resolution: resolution, side: side, options: options))
            all = options == .mapping([]) ? set : try module.arguments(for: ModuleContext(resolution: resolution, side: side))
        } catch {
            return [.error(.exampleFails, "example “\(summary)” of module `\(module.descriptor.id)` failed: \(error)", at: location)]
        }
        let ids = Set(set.claims.map(\.id))
        let known = all.claims.map(\.id)
        var failures: [Diagnostic] = []
        for id in includes + excludes where !known.contains(id) {
            failures.append(.error(.exampleNamesUnknownClaim, "example “\(summary)” names `\(id)`, which is not a claim of module `\(module.descriptor.id)`",
                                   at: location, hint: closestMatch(to: id, in: known).map { "did you mean `\($0)`?" }))
        }
        for id in includes where known.contains(id) && !ids.contains(id) {
            failures.append(.error(.exampleFails, "example “\(summary)”: expected claim `\(id)` in the result", at: location))
        }
        for id in excludes where ids.contains(id) {
            failures.append(.error(.exampleFails, "example “\(summary)”: claim `\(id)` should not be in the result", at: location))
        }
        return failures
    }
}

/// What a deck asks of a module.
public struct ModuleContext: Sendable, Hashable {
    public var resolution: String
    public var side: Side
    /// A mapping of option names to values, as written in the deck.
    public var options: YAMLValue

    public init(resolution: String, side: Side, options: YAMLValue = .mapping([])) {
        self.resolution = resolution
        self.side = side
        self.options = options
    }
}

/// What a module returns: positions, claims and counterclaims, in the module's order.
public struct ArgumentSet: Sendable {
    public var module: String
    /// The positions the module declares (`positions:` in its claim files).
    public var positions: [Position]
    public var claims: [any Claim]
    /// Warnings found while loading (deprecated spellings, a ` #` read as a comment inside a tag); the
    /// graph reports them with its own.
    public var diagnostics: [Diagnostic]
    /// The pack's folder, when the module is a pack: a cite's `source:` is relative to it.
    public var directory: String?

    public init(module: String, positions: [Position] = [], claims: [any Claim], diagnostics: [Diagnostic] = [],
                directory: String? = nil) {
        self.module = module
        self.positions = positions
        self.claims = claims
        self.diagnostics = diagnostics
        self.directory = directory
    }

    public var counterclaims: [any Counterclaim] { claims.compactMap(\.asCounterclaim) }
}
