import Foundation
import Testing

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `debate` executable `swift test` built: next to the test bundle, or DEBATE_BIN.
let debateBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["DEBATE_BIN"] { return URL(fileURLWithPath: path) }
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
    for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    for folder in candidates {
        let url = folder.appendingPathComponent("debate")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return packageRoot.appendingPathComponent(".build/debug/debate")
}()

/// The cache folder of the binaries this test process runs (shared by its tests, removed by the OS's temp cleanup).
let testCache: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-test-cache-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

/// This process's environment with `overrides`; unless they name a cache, the binary gets this test
/// run's own library index, never the user's ~/.cache (which another build of debate, with another
/// index version, may be rewriting meanwhile).
func testEnvironment(_ overrides: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    if overrides["XDG_CACHE_HOME"] == nil && overrides["DEBATE_INDEX"] == nil {
        env["XDG_CACHE_HOME"] = testCache.path
        env["DEBATE_INDEX"] = nil
    }
    for (key, value) in overrides { env[key] = value }
    return env
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary the way a user would, from the package root unless told otherwise.
@discardableResult
func debate(_ arguments: [String], stdin: String? = nil, in directory: URL = packageRoot,
            environment: [String: String] = [:]) throws -> RunResult {
    try run(debateBinary, arguments, stdin: stdin, in: directory, environment: environment)
}

/// Runs a program to completion and collects its exit status and output.
func run(_ executable: URL, _ arguments: [String], stdin: String? = nil, in directory: URL = packageRoot,
         environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = testEnvironment(environment)
    // Output goes to files, not pipes, so a large output can never block the child.
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let input = Pipe()
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed by the caller's `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("debate-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
