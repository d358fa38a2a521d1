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
