#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import DebateCore

/// ANSI styling that turns itself off: no color when the output is not a terminal or NO_COLOR is set.
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    /// Color for a terminal on `descriptor`, unless NO_COLOR is set (to anything non-empty) or TERM is dumb.
    public static func forTerminal(_ descriptor: Int32 = STDOUT_FILENO,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        TextStyle(color: isatty(descriptor) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
    }

    func apply(_ code: String, _ text: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { apply("1", text) }
    public func dim(_ text: String) -> String { apply("2", text) }
    public func green(_ text: String) -> String { apply("32", text) }
    public func red(_ text: String) -> String { apply("31", text) }
    public func yellow(_ text: String) -> String { apply("33", text) }
    public func cyan(_ text: String) -> String { apply("36", text) }
    public func inverse(_ text: String) -> String { apply("7", text) }
}

/// Where the session writes: standard output, unbuffered so a prompt shows at once.
public struct Output: Sendable {
    public init() {}

    /// Writes `text` with control characters from decks shown escaped (`\x1B`): only `TextStyle`'s
    /// colors reach the terminal.
    public func write(_ text: String) {
        StandardStream.output.write(TerminalText.sanitize(text, allowing: Self.styles))
    }

    /// Clears the screen (the quiz's one sequence that is not a color).
    public func clearScreen() {
        StandardStream.output.write("\u{1B}[H\u{1B}[2J")
    }

    static let styles = ["0", "1", "2", "7", "31", "32", "33", "36"].map { "\u{1B}[\($0)m" }

    public func line(_ text: String = "") { write(text + "\n") }

    /// Columns of the terminal on standard output; 80 when it is not one.
    public var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

/// Standard input, line by line, counting lines for `<stdin>:LINE:` messages. It reads the file
/// descriptor itself rather than through stdio, so Ctrl-C (EINTR) ends a blocked read cleanly.
public struct LineInput {
    public private(set) var lineNumber = 0
    private var buffer: [UInt8] = []
    private var atEnd = false
    /// How much of `buffer` is known to hold no newline.
    private var scanned = 0

    public init() {}

    /// The next line without its line break, or nil at end of input or once Ctrl-C was pressed.
    public mutating func next() -> String? {
        while !Interruption.happened {
            // Look only at bytes not yet searched: a 10 MB line read 4 KB at a time stays linear.
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                scanned = 0
                return take(upTo: newline, dropping: 1)
            }
            scanned = buffer.count
            if atEnd {
                return buffer.isEmpty ? nil : take(upTo: buffer.count, dropping: 0)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                atEnd = true
            }
        }
        return nil
    }

    private mutating func take(upTo end: Int, dropping separator: Int) -> String {
        var line = Array(buffer[..<end])
        buffer.removeFirst(end + separator)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        lineNumber += 1
        return String(decoding: line, as: UTF8.self)
    }
}

/// Ctrl-C during a quiz: a flag instead of death, so the session ends between answers with a summary.
/// The handler is installed without SA_RESTART so a blocked read returns; a signal that lands on
/// another thread is passed on to the session's.
public enum Interruption {
    private static let flag = Atomic<Bool>(false)
    nonisolated(unsafe) private static var sessionThread = pthread_self()

    public static var happened: Bool { flag.load(ordering: .relaxed) }

    public static func install() {
        sessionThread = pthread_self()
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Interruption.handle() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interruption.handle() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A child inherits its parent's signal mask: started from a thread that blocks SIGINT (a test
        // runner's worker, a Dispatch queue), the quiz would never see Ctrl-C. Unblock it here.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    private static func handle() {
        let first = !flag.exchange(true, ordering: .relaxed)
        if first && pthread_equal(pthread_self(), sessionThread) == 0 { pthread_kill(sessionThread, SIGINT) }
    }
}

/// Words wrapped to `width` columns, each line starting with `indent` (continuation lines of a
/// paragraph with `hanging` when given); existing line breaks are kept.
public func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> String {
    let usable = max(20, width - max(indent.count, hanging?.count ?? 0))
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in paragraph.split(separator: " ") {
            let wordWidth = visibleWidth(word)
            if !current.isEmpty && currentWidth + 1 + wordWidth > usable {
                lines.append(current)
                current = String(word)
                currentWidth = wordWidth
            } else {
                current += current.isEmpty ? String(word) : " " + word
                currentWidth += (currentWidth == 0 ? 0 : 1) + wordWidth
            }
        }
        lines.append(current)
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging ?? indent) + $0.element }.joined(separator: "\n")
    }.joined(separator: "\n")
}

/// Columns `text` takes on a terminal: its characters, without ANSI color sequences.
func visibleWidth<S: StringProtocol>(_ text: S) -> Int {
    var width = 0
    var inEscape = false
    for character in text {
        if inEscape {
            if character.isLetter { inEscape = false }
        } else if character == "\u{1B}" {
            inEscape = true
        } else {
            width += 1
        }
    }
    return width
}

/// When `date` is, for a person at a terminal: the local time today, else the local day.
public func localTime(_ date: Date, from now: Date, calendar: Calendar = .current) -> String {
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.dateFormat = calendar.isDate(date, inSameDayAs: now) ? "HH:mm" : "EEE d MMM HH:mm"
    return formatter.string(from: date)
}

/// "in 10 minutes", "in 3 days", "now": how far `date` is from `now`, for people.
public func relativeTime(_ date: Date, from now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    if seconds <= 0 { return "now" }
    if seconds < 60 { return "in under a minute" }
    func plural(_ n: Int, _ unit: String) -> String { "in \(n) \(unit)\(n == 1 ? "" : "s")" }
    if seconds < 3600 { return plural(max(1, Int((seconds / 60).rounded())), "minute") }
    if seconds < 86_400 { return plural(Int((seconds / 3600).rounded()), "hour") }
    return plural(Int((seconds / 86_400).rounded()), "day")
}
