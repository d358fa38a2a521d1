import ArgumentParser

/// sysexits(3) codes, as docs/ARCHITECTURE.md's CLI conventions name them.
enum Exit {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cantCreate = ExitCode(73)
    static let ioError = ExitCode(74)
}

/// What a command built, kept until the process exits: freeing a 10,000-card deck object by object
/// takes longer than the exit that returns all its memory at once.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []
    static func keep(_ value: Any) { values.append(value) }
}
