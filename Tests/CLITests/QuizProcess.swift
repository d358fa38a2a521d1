import Foundation
import Testing

/// A `debate` process still running, fed one line at a time: for killing or interrupting a quiz
/// mid-session, and for running two at once.
final class RunningDebate {
    let process = Process()
    private let input = Pipe()
    private let folder: URL
    private let outURL: URL
    private let errURL: URL

    init(_ arguments: [String], in directory: URL = packageRoot) throws {
        folder = try temporaryFolder()
        outURL = folder.appendingPathComponent("stdout")
        errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = debateBinary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = testEnvironment()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = input
        signal(SIGPIPE, SIG_IGN)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes to the process's standard input. A process that has already exited (a failure the test's
    /// expectations report) makes this a no-op, not a SIGPIPE or a trap that ends the whole test run.
    func send(_ text: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    func closeInput() throws { try input.fileHandleForWriting.close() }

    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Waits until standard output has `count` lines starting with `prefix` (or the process ended).
    /// A generous limit only keeps a broken build from hanging the suite; nothing here measures time.
    func waitForLines(_ prefix: String, count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if lines(prefix).count >= count { return true }
            if !process.isRunning { return lines(prefix).count >= count }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    func lines(_ prefix: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A progress database in a fresh temporary folder, removed with the folder when the value goes away.
final class ScratchDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("progress.sqlite").path }

    init() throws { folder = try temporaryFolder() }
    deinit { try? FileManager.default.removeItem(at: folder) }
}
