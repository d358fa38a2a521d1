import Foundation
import Testing

/// Issue 13, defect 1: a failed write to standard output or standard error used to kill `debate`
/// with SIGILL (exit 132, Foundation's FileHandle.write traps). Each must exit 74 instead.
@Suite struct OutputFailureTests {
    /// Runs the real binary under bash with `redirect` applied; the script's status is debate's.
    func shell(_ command: String, _ redirect: String) throws -> RunResult {
        try run(URL(fileURLWithPath: "/bin/bash"),
                ["-c", "\"$0\" \(command) \(redirect)", debateBinary.path],
                environment: ["SWIFT_BACKTRACE": "enable=no"])
    }

    @Test func aFullStandardOutputIsExit74WithAMessage() throws {
        let result = try shell("modules list", "> /dev/full")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr == "error: cannot write to standard output: No space left on device\n")
    }

    @Test func aDeckWrittenToAFullStandardOutputIsExit74() throws {
        for format in ["markdown", "docx"] {
            let result = try shell("build decks/belarus-engagement.yaml -o - --format \(format)", "> /dev/full")
            #expect(result.status == 74, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("cannot write to standard output"), "\(format): \(result.stderr)")
        }
    }

    @Test func aFullStandardErrorIsExit74() throws {
        // lint's summary goes to standard error.
        let result = try shell("lint decks/belarus-engagement.yaml", "2> /dev/full")
        #expect(result.status == 74)
        let missing = try shell("lint no-such-deck.yaml", "2> /dev/full")
        #expect(missing.status == 74)
    }

    @Test func aClosedStandardOutputIsExit74() throws {
        let result = try shell("modules list", ">&-")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: cannot write to standard output"), "\(result.stderr)")
    }

    /// A reader that went away (`| head -1` once it has its line) ends debate quietly with 74: no
    /// SIGPIPE death (141), no message about output nobody wants.
    @Test func aReaderThatLeftEndsItQuietly() throws {
        let result = try run(URL(fileURLWithPath: "/bin/bash"),
                             ["-c", "\"$0\" build decks/belarus-engagement.yaml -o - --format json | (exec <&-; sleep 2); exit ${PIPESTATUS[0]}",
                              debateBinary.path],
                             environment: ["SWIFT_BACKTRACE": "enable=no"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
