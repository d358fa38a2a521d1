#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A module's process: its own session and process group, and a `DEBATE_MODULE_RUN` token in its
/// environment, so that a hung module and everything it started can be found and killed together
/// (ProcessTree); pipes on its standard streams; reads bounded by a deadline and a size cap.
/// Standard error is drained on its own thread, so a chatty module never waits on us: the first
/// `errorRelayLimit` bytes are relayed line by line, the rest only counted.
/// Foundation's `Process` can do neither sessions nor bounded reads, hence POSIX here.
final class ChildProcess {
    struct SpawnError: Error { var message: String }

    enum LineResult {
        case line([UInt8])
        /// Standard output closed before a full line.
        case endOfOutput
        case timedOut
        /// The line grew past the cap before its newline.
        case tooLong
    }

    let pid: pid_t
    /// In the environment of the module and everything it starts, to find them all at the end.
    let token: String
    private var input: Int32
    private var output: Int32
    private var pendingInput: [UInt8] = []
    private var outputBuffer: [UInt8] = []
    private let errors: ErrorRelay
    private var status: Int32?

    /// Bytes of a module's standard error relayed per run; the rest is counted, not shown.
    static let errorRelayLimit = 64 * 1024

    /// The last lines the process wrote to standard error, for error messages.
    var recentErrors: [String] { errors.recentLines }

    /// Starts `arguments[0]` (looked up on PATH when it has no slash) with `environment`.
    init(arguments: [String], environment: [String: String], log: @escaping @Sendable (String) -> Void) throws(SpawnError) {
        token = UUID().uuidString
        var environment = environment
        environment["DEBATE_MODULE_RUN"] = token
        // A module that exits early must not kill us with SIGPIPE when we write its request.
        signal(SIGPIPE, SIG_IGN)
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard Self.makePipe(&inPipe) else { throw SpawnError(message: "cannot make a pipe: \(Self.errorText(errno))") }
        guard Self.makePipe(&outPipe) else {
            Self.close(inPipe)
            throw SpawnError(message: "cannot make a pipe: \(Self.errorText(errno))")
        }
        guard Self.makePipe(&errPipe) else {
            Self.close(inPipe + outPipe)
            throw SpawnError(message: "cannot make a pipe: \(Self.errorText(errno))")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (and so a new process group, both numbered like the module's pid).
        posix_spawnattr_setflags(&attributes, Int16(Self.setSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        var result: Int32 = 0
        // ETXTBSY: another thread's child may briefly hold the executable open for writing (a
        // just-written script, inherited across its fork): a known race, so retry a little.
        for attempt in 0..<50 {
            if attempt > 0 { usleep(20_000) }
            result = arguments[0].contains("/")
                ? posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
                : posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
            if result != ETXTBSY { break }
        }
        Self.close([inPipe[0], outPipe[1], errPipe[1]])
        guard result == 0 else {
            Self.close([inPipe[1], outPipe[0], errPipe[0]])
            throw SpawnError(message: "cannot start `\(arguments[0])`: \(Self.errorText(result))")
        }
        pid = child
        input = inPipe[1]
        output = outPipe[0]
        for fd in [input, output] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        errors = ErrorRelay(fd: errPipe[0], limit: Self.errorRelayLimit, log: log)
    }

    /// POSIX_SPAWN_SETSID (glibc 2.26, macOS 10.15): the child calls setsid() before exec.
    #if canImport(Darwin)
    static let setSession = Int32(POSIX_SPAWN_SETSID)
    #else
    static let setSession: Int32 = 0x80
    #endif

    deinit {
        terminate()
    }

    /// Queues bytes for standard input; they are written while we wait for replies.
    func send(_ bytes: [UInt8]) {
        pendingInput += bytes
    }

    /// Waits for one line on standard output (standard error is relayed meanwhile by its thread).
    func readLine(until deadline: ContinuousClock.Instant, cap: Int) -> LineResult {
        while true {
            if let newline = outputBuffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(outputBuffer[..<newline])
                outputBuffer.removeSubrange(...newline)
                return .line(line)
            }
            if outputBuffer.count > cap { return .tooLong }
            if output < 0 { return .endOfOutput }
            let remaining = deadline - .now
            if remaining <= .zero { return .timedOut }
            pump(timeout: remaining)
        }
    }

    /// One round of poll(2): writes what it can, reads what there is.
    private func pump(timeout: Duration) {
        var fds: [pollfd] = []
        if output >= 0 { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
        if input >= 0 && !pendingInput.isEmpty { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
        guard !fds.isEmpty else { return }
        let milliseconds = Int32(clamping: max(1, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return }
        for entry in fds where entry.revents != 0 {
            if entry.fd == input {
                writePending()
            } else if entry.fd == output {
                _ = drain(&output, into: &outputBuffer)
            }
        }
    }

    private func writePending() {
        let written = pendingInput.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        if written > 0 {
            pendingInput.removeFirst(written)
        } else if written < 0 && errno != EAGAIN && errno != EINTR {
            // The module closed its standard input (or died): nothing more can be sent.
            pendingInput = []
            Self.close([input])
            input = -1
        }
    }

    /// Reads what is available; closes and marks the descriptor at end of file. False when nothing was read.
    private func drain(_ fd: inout Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var any = false
        while fd >= 0 {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got > 0 {
                buffer += chunk[0..<got]
                any = true
                if got < chunk.count { break }
            } else if got == 0 || (errno != EAGAIN && errno != EINTR) {
                Self.close([fd])
                fd = -1
            } else {
                break
            }
        }
        return any
    }

    /// Closes standard input and gives the process until `deadline` to exit; then kills its group.
    /// Returns the wait status, or nil when it had to be killed.
    @discardableResult
    func finish(until deadline: ContinuousClock.Instant) -> Int32? {
        if input >= 0 {
            Self.close([input])
            input = -1
        }
        while status == nil {
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                status = raw
                break
            }
            if result < 0 && errno != EINTR {
                status = 0  // already reaped elsewhere: nothing to wait for
                break
            }
            if deadline - .now <= .zero { break }
            usleep(10_000)
        }
        let exited = status
        terminate()
        return exited
    }

    /// Kills the module and everything it started, reaps it, and relays the end of its standard
    /// error. Safe to call more than once.
    func terminate() {
        guard !terminated else { return }
        terminated = true
        // Its processes may outlive it (a shell's `sleep`, a daemon that called setsid): find them
        // while the module still holds its tree together, then kill it and look once more.
        kill(-pid, SIGKILL)
        ProcessTree.killMembers(leader: pid, token: token)
        kill(pid, SIGKILL)
        if status == nil {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = raw
        }
        // The pid is free for reuse now: look for stragglers by the run's token only.
        ProcessTree.killMembers(leader: pid, token: token, tokenOnly: true)
        // Every writer of standard error is gone now; the relay reads to its end.
        errors.finish(waitingUpTo: .seconds(2))
        Self.close([input, output].filter { $0 >= 0 })
        input = -1
        output = -1
    }

    private var terminated = false

    /// "exited with status 3", "was killed by signal 11 (SIGSEGV)".
    static func describe(status raw: Int32) -> String {
        let signal = raw & 0x7f
        if signal == 0 { return "exited with status \((raw >> 8) & 0xff)" }
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
                                      SIGBUS: "SIGBUS", SIGILL: "SIGILL", SIGFPE: "SIGFPE", SIGTRAP: "SIGTRAP"]
        return "was killed by signal \(signal)\(names[signal].map { " (\($0))" } ?? "")"
    }

    /// True when the wait status says the process exited with status 0.
    static func succeeded(_ raw: Int32) -> Bool { raw & 0x7f == 0 && (raw >> 8) & 0xff == 0 }

    /// A pipe whose ends are not inherited by other children (pipe2 is not in Swift's Glibc module).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func close(_ fds: [Int32]) {
        for fd in fds where fd >= 0 {
            #if canImport(Glibc)
            _ = Glibc.close(fd)
            #elseif canImport(Musl)
            _ = Musl.close(fd)
            #else
            _ = Darwin.close(fd)
            #endif
        }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}


/// Reads a module's standard error on its own thread until every writer has closed it: lines are
/// passed to `log` until `limit` bytes were relayed, then only counted; the end of a run says how
/// many bytes were not shown. The last lines are kept for error messages either way.
final class ErrorRelay: @unchecked Sendable {
    private let lock = NSLock()
    private let fd: Int32
    private let limit: Int
    private let log: @Sendable (String) -> Void
    private var pending: [UInt8] = []
    private var relayed = 0
    private var dropped = 0
    private var recent: [String] = []
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    private var stop = false

    var recentLines: [String] { lock.withLock { recent } }

    init(fd: Int32, limit: Int, log: @escaping @Sendable (String) -> Void) {
        self.fd = fd
        self.limit = limit
        self.log = log
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.name = "debate module stderr"
        self.thread = thread
        thread.start()
    }

    private func run() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !lock.withLock({ stop }) {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // Wake up now and then to see whether we were told to stop.
            if poll(&entry, 1, 200) <= 0 { continue }
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got > 0 {
                take(chunk[0..<got])
            } else if got == 0 || (errno != EINTR && errno != EAGAIN) {
                break
            }
        }
        take([], final: true)
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    private func take(_ bytes: ArraySlice<UInt8>, final: Bool = false) {
        var lines: [String] = []
        lock.withLock {
            pending += bytes
            // Lines, and a long line without a newline in pieces, so memory stays bounded.
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) ?? (pending.count > 4096 || (final && !pending.isEmpty) ? pending.count : nil) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(..<min(newline + 1, pending.count))
                let text = String(decoding: line, as: UTF8.self)
                recent.append(text)
                if recent.count > 10 { recent.removeFirst() }
                if relayed + line.count <= limit {
                    relayed += line.count + 1
                    lines.append(text)
                } else {
                    relayed = limit + 1
                    dropped += line.count + 1
                }
            }
            if final && dropped > 0 {
                lines.append("… \(dropped) more bytes of standard error not shown")
                dropped = 0
            }
        }
        for line in lines { log(line) }
    }

    /// Waits for the thread to read to the end of the stream; past `timeout` (a writer we could not
    /// kill still holds it open) tells it to stop.
    func finish(waitingUpTo timeout: Duration) {
        guard let thread else { return }
        self.thread = nil
        _ = thread
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if done.wait(timeout: .now() + seconds) == .timedOut {
            lock.withLock { stop = true }
            done.wait()
        }
    }
}
