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
    /// `builtin`, `pack` or `process`.
    public var kind: String
    public var examples: [ModuleExample]

    public init(id: String, title: String, summary: String, version: String, kind: String = "pack",
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
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? "pack"
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

/// A self-check a module carries: given this context, these ids must (not) be produced.
public struct ModuleExample: Codable, Sendable, Hashable {
    public var summary: String
    public var side: Side
    public var options: YAMLValue
    public var includes: [String]
    public var excludes: [String]
    /// Where the example is written (a manifest), for lint's messages; not part of its identity.
    public var location: SourceLocation?

    public static func == (a: ModuleExample, b: ModuleExample) -> Bool {
        (a.summary, a.side, a.options, a.includes, a.excludes) == (b.summary, b.side, b.options, b.includes, b.excludes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(summary)
        hasher.combine(side)
        hasher.combine(options)
        hasher.combine(includes)
        hasher.combine(excludes)
    }

    public init(summary: String, side: Side, options: YAMLValue = .mapping([]), includes: [String] = [],
                excludes: [String] = []) {
        self.summary = summary
        self.side = side
        self.options = options
        self.includes = includes
        self.excludes = excludes
    }

    public enum CodingKeys: String, CodingKey, CaseIterable { case summary, side, options, includes, excludes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        summary = try c.decode(String.self, forKey: .summary)
        side = try c.decode(Side.self, forKey: .side)
        options = try c.decodeIfPresent(YAMLValue.self, forKey: .options) ?? .mapping([])
        includes = try c.decodeIfPresent([String].self, forKey: .includes) ?? []
        excludes = try c.decodeIfPresent([String].self, forKey: .excludes) ?? []
        location = decoder.sourceLocation
    }

    /// Runs the example against a module; returns what failed, empty when it holds.
    public func check(_ module: any ArgumentModule, resolution: String = "Example resolution") -> [String] {
        let set: ArgumentSet
        do {
            set = try module.arguments(for: ModuleContext(resolution: resolution, side: side, options: options))
        } catch {
            return ["example “\(summary)” threw: \(error)"]
        }
        let ids = Set(set.claims.map(\.id))
        var failures: [String] = []
        for id in includes where !ids.contains(id) {
            failures.append("example “\(summary)”: expected claim `\(id)` in the result")
        }
        for id in excludes where ids.contains(id) {
            failures.append("example “\(summary)”: claim `\(id)` should not be in the result")
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

/// What a module returns: claims and counterclaims, in the module's order.
public struct ArgumentSet: Sendable {
    public var module: String
    public var claims: [any Claim]

    public init(module: String, claims: [any Claim]) {
        self.module = module
        self.claims = claims
    }

    public var counterclaims: [any Counterclaim] { claims.compactMap { $0 as? any Counterclaim } }
}
