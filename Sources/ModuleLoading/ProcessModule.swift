import DebateCore
import Foundation
import ModuleFormat
import YAMLCoding

/// A module that is a program: declared by a `module.yaml` with `kind: process`, or an executable
/// `debate-module-NAME` on PATH. Each use runs it once: `describe`, then `arguments`, then its
/// standard input is closed. See Protocol/PROTOCOL.md.
public struct ProcessModule: ArgumentModule {
    /// What the host allows and where module logs go; the same for every process module of a run.
    public struct Settings: Sendable {
        /// Seconds per run for modules whose manifest does not say.
        public var defaultTimeout: Double = ModuleProtocol.defaultTimeout
        /// `--module-timeout`: wins over every manifest.
        public var timeoutOverride: Double?
        public var maxReplyBytes: Int = ModuleProtocol.defaultMaxReplyBytes
        /// Receives each line a module writes to standard error, with the module's id.
        public var log: @Sendable (_ module: String, _ line: String) -> Void = Settings.forwardToStandardError

        public init(defaultTimeout: Double = ModuleProtocol.defaultTimeout, timeoutOverride: Double? = nil,
                    maxReplyBytes: Int = ModuleProtocol.defaultMaxReplyBytes,
                    log: @escaping @Sendable (_ module: String, _ line: String) -> Void = Settings.forwardToStandardError) {
            self.defaultTimeout = defaultTimeout
            self.timeoutOverride = timeoutOverride
            self.maxReplyBytes = maxReplyBytes
            self.log = log
        }

        /// `[module trade-data] the line` on our standard error.
        public static let forwardToStandardError: @Sendable (String, String) -> Void = { module, line in
            StandardStream.error.write("[module \(module)] \(TerminalText.sanitize(line, keepNewlines: false))\n")
        }
    }

    /// The module's descriptor: from its manifest until a run has asked the module itself.
    public var descriptor: ModuleDescriptor { reply.value ?? declared }
    public var isDescribed: Bool { reply.value != nil }
    /// What the manifest (or the executable's name) says, before the module is asked.
    let declared: ModuleDescriptor
    /// The descriptor from the last `describe` reply, shared by copies of this module.
    private let reply = DescriptorBox()
    public let command: [String]
    /// The module's folder, or the executable found on PATH.
    public let source: String
    /// Seconds one run may take.
    public let timeout: Double
    let settings: Settings

    public var id: String { declared.id }

    /// A module declared by a `kind: process` manifest in `folder`.
    public init(manifest: ModuleManifest, folder: String, settings: Settings = .init()) {
        declared = ModuleDescriptor(id: manifest.id, title: manifest.title ?? manifest.id, summary: manifest.summary ?? "",
                                    version: manifest.version ?? "?", kind: .process, examples: manifest.examples)
        command = Self.resolve(manifest.command, in: folder)
        source = folder
        timeout = settings.timeoutOverride ?? manifest.timeout ?? settings.defaultTimeout
        self.settings = settings
    }

    /// A module found as an executable, e.g. `debate-module-trade-data` on PATH (id `trade-data`).
    public init(executable: String, id: String, settings: Settings = .init()) {
        declared = ModuleDescriptor(id: id, title: id, summary: "", version: "?", kind: .process)
        command = [executable]
        source = executable
        timeout = settings.timeoutOverride ?? settings.defaultTimeout
        self.settings = settings
    }

    /// The command with relative paths taken against the module folder: the executable when it has
    /// a slash (`./run`, `.build/debug/x`), and arguments naming a file there (`module.py`).
    static func resolve(_ command: [String], in folder: String) -> [String] {
        command.enumerated().map { index, part in
            guard !part.hasPrefix("/"), !part.isEmpty else { return part }
            let candidate = (folder as NSString).appendingPathComponent(part)
            let absolute = URL(fileURLWithPath: candidate).standardizedFileURL.path
            if index == 0 { return part.contains("/") ? absolute : part }
            return FileManager.default.fileExists(atPath: candidate) ? absolute : part
        }
    }

    /// This module, having asked it for its descriptor.
    @discardableResult
    public func described() throws(DiagnosticsError) -> ProcessModule {
        _ = try run(nil)
        return self
    }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        let reply = try run(context)
        // A position inside a reply line helps nobody: diagnostics name the claim instead.
        let entries = reply.claims.map { entry in
            var entry = entry
            entry.location = nil
            entry.responseLocation = nil
            return entry
        }
        let positions = reply.positions.map { position in
            var position = position
            position.module = id
            position.location = nil
            return position
        }
        return ArgumentSet(module: id, positions: positions, claims: entries.map { $0.claim(module: id) },
                           diagnostics: entries.compactMap { entry in
                               entry.deprecationDiagnostic.map { d in
                                   var d = d
                                   d.message = "module `\(id)`, claim `\(entry.id)`: " + d.message
                                   return d
                               }
                           })
    }

    /// One run: `describe`, then (with a context) `arguments`, within `timeout` in all.
    func run(_ context: ModuleContext?) throws(DiagnosticsError) -> (descriptor: ModuleDescriptor, claims: [ClaimEntry], positions: [Position]) {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        let id = self.id, log = settings.log
        var environment = ProcessInfo.processInfo.environment
        environment["DEBATE_MODULE_PROTOCOL"] = String(ModuleProtocol.version)
        environment["DEBATE_MODULE_ID"] = id
        let child: ChildProcess
        do {
            child = try ChildProcess(arguments: command, environment: environment, log: { log(id, $0) })
        } catch {
            throw failure(error.message, hint: hintForMissingCommand())
        }
        defer { child.terminate() }

        let describeReply = try exchange(ModuleRequest(.describe), with: child, until: deadline)
        guard let descriptor = describeReply.descriptor else {
            throw failure("replied to `describe` without a `descriptor`")
        }
        guard descriptor.id == id else {
            throw failure("describes itself as `\(descriptor.id)`, but was found as `\(id)`",
                          hint: "make the id in its describe reply and its module.yaml (or executable name) agree")
        }
        var described = descriptor
        described.kind = .process
        // Positions inside a reply line help nobody: a failing example is reported at the manifest.
        described.examples = described.examples.map { var e = $0; e.location = nil; return e }
        reply.value = described
        guard let context else {
            child.finish(until: min(deadline, .now + .seconds(1)))
            return (described, [], [])
        }
        let argumentsReply = try exchange(ModuleRequest(.arguments, context: context), with: child, until: deadline)
        guard let claims = argumentsReply.claims else {
            throw failure("replied to `arguments` without `claims`")
        }
        // A module that replied but then will not exit is still cleaned up, and not an error.
        child.finish(until: min(deadline, .now + .seconds(1)))
        return (described, claims, argumentsReply.positions ?? [])
    }

    /// Sends one request and reads and checks its reply.
    private func exchange(_ request: ModuleRequest, with child: ChildProcess,
                          until deadline: ContinuousClock.Instant) throws(DiagnosticsError) -> ModuleReply {
        let name = request.request.rawValue
        guard let line = try? request.line() else { throw failure("cannot encode the `\(name)` request") }
        child.send(Array(line) + [UInt8(ascii: "\n")])
        switch child.readLine(until: deadline, cap: settings.maxReplyBytes) {
        case .line(let bytes):
            let reply: ModuleReply
            do {
                reply = try ModuleReply.parse(bytes)
            } catch {
                // A bad claim id is the same mistake wherever the claim comes from: the same code as a pack's.
                throw failure("wrote an invalid reply to `\(name)`: \(error.message)", hint: error.hint,
                              code: error.code == DiagnosticCode.invalidClaimID.rawValue ? .invalidClaimID : .moduleFailed)
            }
            guard reply.protocol == ModuleProtocol.version else {
                throw failure("speaks protocol version \(reply.protocol); this debate speaks version \(ModuleProtocol.version)")
            }
            if let error = reply.error {
                throw failure("reported an error for `\(name)`: \(error.message)\(error.code.map { " [\($0)]" } ?? "")")
            }
            return reply
        case .tooLong:
            throw failure("wrote a reply to `\(name)` longer than the limit of \(settings.maxReplyBytes) bytes; stopped it")
        case .timedOut:
            throw failure("did not reply to `\(name)` within \(Self.seconds(timeout)); killed it and its process group",
                          hint: "if it needs longer, raise `timeout:` in its module.yaml or pass --module-timeout")
        case .endOfOutput:
            let status = child.finish(until: min(deadline, .now + .seconds(1)))
            let how = status.map(ChildProcess.describe(status:)) ?? "closed its output"
            let last = child.recentErrors.suffix(3).joined(separator: " | ")
            throw failure("\(how) before replying to `\(name)`" + (last.isEmpty ? "" : "; its last words: \(last)"))
        }
    }

    private func failure(_ message: String, hint: String? = nil, code: DiagnosticCode = .moduleFailed) -> DiagnosticsError {
        DiagnosticsError(.error(code, "module `\(id)` (\(source)) \(message)", hint: hint))
    }

    private func hintForMissingCommand() -> String? {
        let executable = command[0]
        guard executable.contains("/"), !FileManager.default.isExecutableFile(atPath: executable) else {
            return executable.contains("/") ? nil : "is `\(executable)` installed and on PATH?"
        }
        if FileManager.default.fileExists(atPath: (source as NSString).appendingPathComponent("Package.swift")) {
            return "build it first: (cd \(source) && swift build)"
        }
        return "\(executable) is missing or not executable"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// A descriptor learnt at run time; a class so that every copy of a module sees it.
final class DescriptorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ModuleDescriptor?
    var value: ModuleDescriptor? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
