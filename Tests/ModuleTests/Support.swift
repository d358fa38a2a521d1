import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

/// A fresh temporary folder; remove it with `defer`.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("debate-modules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@discardableResult
func write(_ text: String, to url: URL, executable: Bool = false) throws -> URL {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
    return url
}

/// A pack folder `folder/id` with one claim (or the entries given as YAML).
@discardableResult
func makePack(_ id: String, in folder: URL, claims: String? = nil) throws -> URL {
    let pack = folder.appendingPathComponent(id)
    try write("id: \(id)\ntitle: \(id) title\nsummary: A test pack.\nversion: 2.0.0\nkind: pack\n",
              to: pack.appendingPathComponent("module.yaml"))
    try write(claims ?? "claims:\n  - id: \(id).one\n    side: pro\n    tag: One claim of \(id)\n",
              to: pack.appendingPathComponent("claims.yaml"))
    return pack
}

/// A process module folder `folder/id` running `script` (a shell script) with the given timeout.
@discardableResult
func makeProcessModule(_ id: String, in folder: URL, script: String, timeout: Double? = nil) throws -> URL {
    let module = folder.appendingPathComponent(id)
    try write("id: \(id)\nkind: process\ncommand: [./run]\n" + (timeout.map { "timeout: \($0)\n" } ?? ""),
              to: module.appendingPathComponent("module.yaml"))
    try write("#!/bin/sh\n" + script, to: module.appendingPathComponent("run"), executable: true)
    return module
}

/// A shell module that answers describe and arguments with fixed lines.
func replyingScript(descriptor: String, claims: String) -> String {
    """
    read request
    echo '{"protocol":1,"descriptor":\(descriptor)}'
    read request || exit 0
    echo '{"protocol":1,"claims":\(claims)}'

    """
}

func descriptorJSON(_ id: String) -> String {
    #"{"id":"\#(id)","title":"T","summary":"S","version":"1.0.0"}"#
}

/// Collects module log lines.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    var settings: ProcessModule.Settings { settings(timeout: 10) }
    func settings(timeout: Double, maxReplyBytes: Int = ModuleProtocol.defaultMaxReplyBytes) -> ProcessModule.Settings {
        ProcessModule.Settings(defaultTimeout: timeout, maxReplyBytes: maxReplyBytes, log: { [self] id, line in
            lock.withLock { stored.append("[\(id)] \(line)") }
        })
    }
}

/// The message of the DiagnosticsError `body` throws (fails the test when it does not throw one).
func failureMessage(_ body: () throws -> Void) -> String {
    do {
        try body()
        Issue.record("expected an error")
        return ""
    } catch let error as DiagnosticsError {
        return error.description
    } catch {
        Issue.record("expected a DiagnosticsError, got \(error)")
        return "\(error)"
    }
}
