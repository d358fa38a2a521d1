@_exported import DebateCore
import Foundation
import ModuleFormat
@_exported import YAMLCoding

/// Write a debate module in Swift: one type with a descriptor and `arguments(for:)`, marked `@main`.
/// The kit's `main` speaks the process-module protocol on standard input and output, the way
/// SwiftCompilerPlugin serves macros:
///
/// ```swift
/// import DebateModuleKit
///
/// @main
/// struct Precedents: DebateModule {
///     static let descriptor = ModuleDescriptor(id: "precedents", title: "Precedents", summary: "…", version: "1.0.0")
///     func arguments(for context: ModuleContext) throws -> [ClaimEntry] { … }
/// }
/// ```
public protocol DebateModule {
    /// The module's id, title, summary, version and examples, sent in reply to `describe`.
    static var descriptor: ModuleDescriptor { get }
    init()
    /// The claims and counterclaims for a deck, for both sides. Throw `ModuleError` to send a
    /// structured error; any other error is sent with the code `internal`.
    func arguments(for context: ModuleContext) throws -> [ClaimEntry]
    /// The positions (Midterms DA, States CP, …) the claims name with `position:`; none by default.
    func positions(for context: ModuleContext) throws -> [Position]
}

extension DebateModule {
    public func positions(for context: ModuleContext) throws -> [Position] { [] }
}

/// An error a module reports to debate; `code` is a short word such as `bad-option` or `no-data`.
public struct ModuleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var code: String
    public init(_ message: String, code: String = "module-error") {
        self.message = message
        self.code = code
    }
    public var description: String { message }
}

extension DebateModule {
    /// Serves requests from standard input until it closes. Logs go to standard error.
    public static func main() {
        StandardStream.ignoreBrokenPipes()
        let server = ModuleServer(Self())
        while let line = Swift.readLine(strippingNewline: true) {
            guard let reply = server.reply(to: line) else { continue }
            // A host that went away (EPIPE) or a full output ends the module with status 74, not a trap.
            (reply + Data("\n".utf8)).withUnsafeBytes { StandardStream.output.write($0) }
        }
    }

    /// Writes a line to standard error, which debate shows prefixed with the module id.
    public static func log(_ message: String) {
        StandardStream.error.write(message + "\n")
    }
}

/// Turns request lines into reply lines for one module; `main` feeds it standard input.
public struct ModuleServer<Module: DebateModule> {
    let module: Module

    public init(_ module: Module) { self.module = module }

    /// The reply line (without newline) for one request line; nil for a blank line.
    public func reply(to line: String) -> Data? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        let reply: ModuleReply
        do {
            let request = try JSONDecoder().decode(ModuleRequest.self, from: Data(line.utf8))
            reply = try answer(request)
        } catch let error as ModuleError {
            reply = ModuleReply(error: .init(message: error.message, code: error.code))
        } catch let error as DecodingError {
            reply = ModuleReply(error: .init(message: "cannot read the request: \(Self.describe(error))", code: "bad-request"))
        } catch {
            reply = ModuleReply(error: .init(message: String(describing: error), code: "internal"))
        }
        return (try? reply.line())
            ?? Data(#"{"protocol":1,"error":{"message":"cannot encode the reply","code":"internal"}}"#.utf8)
    }

    private func answer(_ request: ModuleRequest) throws -> ModuleReply {
        switch request.request {
        case .describe:
            return ModuleReply(descriptor: Module.descriptor)
        case .arguments:
            guard let context = request.context else {
                throw ModuleError("an `arguments` request needs a `context`", code: "bad-request")
            }
            let moduleContext = context.moduleContext
            return ModuleReply(claims: try module.arguments(for: moduleContext), positions: try module.positions(for: moduleContext))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + c.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
