import DebateCore
import Foundation
import YAMLCoding

/// The process-module protocol: newline-delimited JSON, one request and one reply per line.
/// PROTOCOL.md beside this file describes it; `schema/` holds the JSON Schemas.
public enum ModuleProtocol {
    /// The version the host speaks. A module replies with the version it speaks; they must match.
    public static let version = 1
    /// The most bytes one reply line may have (without its newline).
    public static let defaultMaxReplyBytes = 16 << 20
    /// Seconds a module may take for one run (describe + arguments) unless told otherwise.
    public static let defaultTimeout: Double = 10
    /// A module found on PATH is an executable named `debate-module-ID`.
    public static let executablePrefix = "debate-module-"
}

/// One line the host writes to a module's standard input.
public struct ModuleRequest: Codable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case describe, arguments }

    public var `protocol`: Int
    public var request: Kind
    /// Only for `arguments`.
    public var context: Context?

    public struct Context: Codable, Sendable, Hashable {
        public var resolution: String
        public var side: Side
        /// The module's options from the deck: always a JSON object.
        public var options: YAMLValue

        public init(_ context: ModuleContext) {
            resolution = context.resolution
            side = context.side
            options = context.options.isNull ? .mapping([]) : context.options
        }

        public var moduleContext: ModuleContext { ModuleContext(resolution: resolution, side: side, options: options) }
    }

    public init(_ request: Kind, context: ModuleContext? = nil) {
        self.protocol = ModuleProtocol.version
        self.request = request
        self.context = context.map(Context.init)
    }

    /// The request as one line of JSON, without the newline.
    public func line() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// One line a module writes to its standard output: exactly one of `descriptor` (for `describe`),
/// `claims` (for `arguments`) or `error`.
public struct ModuleReply: Codable, Sendable {
    public var `protocol`: Int
    public var descriptor: ModuleDescriptor?
    public var claims: [ClaimEntry]?
    /// Beside `claims`: the positions the claims name.
    public var positions: [Position]?
    public var error: ReplyError?

    public struct ReplyError: Codable, Sendable, Hashable, Error {
        public var message: String
        /// A short machine-readable word, e.g. `bad-option`, `no-data`, `internal`.
        public var code: String?
        public enum CodingKeys: String, CodingKey, CaseIterable { case message, code }
        public init(message: String, code: String? = nil) {
            self.message = message
            self.code = code
        }
    }

    public enum CodingKeys: String, CodingKey, CaseIterable { case `protocol`, descriptor, claims, positions, error }

    public init(descriptor: ModuleDescriptor) {
        self.protocol = ModuleProtocol.version
        self.descriptor = descriptor
    }

    public init(claims: [ClaimEntry], positions: [Position]? = nil) {
        self.protocol = ModuleProtocol.version
        self.claims = claims
        self.positions = positions.flatMap { $0.isEmpty ? nil : $0 }
    }

    public init(error: ReplyError) {
        self.protocol = ModuleProtocol.version
        self.error = error
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.protocol = try c.decode(Int.self, forKey: .protocol)
        descriptor = try c.decodeIfPresent(ModuleDescriptor.self, forKey: .descriptor)
        claims = try c.decodeIfPresent([ClaimEntry].self, forKey: .claims)
        positions = try c.decodeIfPresent([Position].self, forKey: .positions)
        error = try c.decodeIfPresent(ReplyError.self, forKey: .error)
        if positions != nil, claims == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.positions],
                debugDescription: "`positions` come only beside `claims`"))
        }
        let present = [descriptor != nil, claims != nil, error != nil].filter { $0 }.count
        guard present == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a reply holds exactly one of `descriptor`, `claims` or `error` (found \(present))"))
        }
    }

    /// The reply as one line of JSON, without the newline.
    public func line() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Parses and checks one reply line. JSON is YAML, so our YAML decoder checks every field
    /// (unknown keys, types, enumerations, evidence markup) with its usual messages; a strict JSON
    /// parse first keeps non-JSON text (which YAML would often accept) out.
    public static func parse(_ line: [UInt8]) throws(ReplyProblem) -> ModuleReply {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) as? [String: Any] else {
            throw ReplyProblem(message: "not a JSON object: \(ReplyProblem.excerpt(line))")
        }
        // YAML would read `7` as the string "7" where a string is wanted; JSON says what it is.
        if let problem = StrictStrings.check(object) { throw ReplyProblem(message: problem) }
        do {
            return try YAMLDecoder().decode(ModuleReply.self, from: line, path: "reply")
        } catch {
            let path = ReplyProblem.fieldPath(error.codingPath)
            throw ReplyProblem(message: (path.isEmpty ? "" : "\(path): ") + error.message, hint: error.hint, code: error.code)
        }
    }
}

/// Why a reply line was refused.
public struct ReplyProblem: Error, Sendable {
    public var message: String
    public var hint: String?
    /// The decoder's code for the field's problem (`invalid-claim-id`, `unknown-key`, …), when it has one.
    public var code: String?

    public init(message: String, hint: String? = nil, code: String? = nil) {
        self.message = message
        self.hint = hint
        self.code = code
    }

    /// `claims[2].cite.author` from a decoder's coding path.
    static func fieldPath(_ path: [String]) -> String {
        path.reduce(into: "") { text, key in
            if Int(key) != nil { text += "[\(key)]" } else { text += text.isEmpty ? key : ".\(key)" }
        }
    }

    /// The start of a line, printable, for messages.
    static func excerpt(_ line: [UInt8], limit: Int = 80) -> String {
        let text = String(decoding: line.prefix(limit), as: UTF8.self)
            .map { $0.isASCII && ($0.asciiValue! < 32 || $0.asciiValue! == 127) ? "?" : String($0) }.joined()
        return "“\(text)\(line.count > limit ? "…" : "")”"
    }
}

/// Fields the protocol says are strings must be JSON strings, not numbers or booleans.
enum StrictStrings {
    static let claimStrings = ["id", "side", "tag", "warrant", "evidence", "answers", "response", "position", "role", "extends"]
    static let descriptorStrings = ["id", "title", "summary", "version", "kind"]

    static func check(_ reply: [String: Any]) -> String? {
        if let descriptor = reply["descriptor"] as? [String: Any] {
            if let problem = strings(descriptorStrings, in: descriptor, at: "descriptor") { return problem }
        }
        for (index, item) in ((reply["claims"] as? [Any]) ?? []).enumerated() {
            guard let claim = item as? [String: Any] else { continue }
            let path = "claims[\(index)]"
            if let problem = strings(claimStrings, in: claim, at: path) { return problem }
            if let tags = claim["tags"] as? [Any], let bad = tags.firstIndex(where: { !($0 is String) }) {
                return "\(path).tags[\(bad)]: expected a string"
            }
            if let cite = claim["cite"] as? [String: Any] {
                for (key, value) in cite.sorted(by: { $0.key < $1.key }) where !(value is String || value is NSNull) {
                    return "\(path).cite.\(key): expected a string or null"
                }
            }
        }
        return nil
    }

    private static func strings(_ keys: [String], in object: [String: Any], at path: String) -> String? {
        for key in keys { if let value = object[key], !(value is String) { return "\(path).\(key): expected a string" } }
        return nil
    }
}
