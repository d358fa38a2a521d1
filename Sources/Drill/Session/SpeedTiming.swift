import DebateCore
import Foundation

/// How a speed reading is timed. On a terminal: from the Enter that shows the card to the Enter
/// pressed at its last word, by a monotonic clock. Over the line protocol: two lines, the start and
/// the finish. Each is empty, and the moment the line arrives counts (a script that waits while
/// someone reads); or an RFC 3339 time, the moment it stands for (a recording, a test); the finish
/// may instead be the seconds it took (`41.5s`), from a coach's stopwatch.
public enum SpeedTiming {
    public enum Mark: Sendable, Hashable {
        case arrival(ContinuousClock.Instant)
        case time(Date)
        case duration(Double)
    }

    /// A reading under a second is two Enters in a row, not a reading; over an hour, a forgotten one.
    public static let shortest = 1.0
    public static let longest = 3600.0

    /// One line of the line protocol, arrived at `arrival`.
    public static func mark(_ line: String, arrival: ContinuousClock.Instant, finish: Bool) -> Result<Mark, LineError> {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .success(.arrival(arrival)) }
        if let date = RFC3339.date(from: text) { return .success(.time(date)) }
        if finish, let seconds = duration(text) { return .success(.duration(seconds)) }
        let what = finish ? "an empty line, an RFC 3339 time or the seconds it took (41.5s)" : "an empty line or an RFC 3339 time"
        return .failure(LineError("expected \(what) for the \(finish ? "finish" : "start") of the reading, or q; got `\(TerminalText.excerpt(text))`"))
    }

    /// `41.5s`, `41.5`, `1:05` (minutes and seconds).
    static func duration(_ text: String) -> Double? {
        var text = text.lowercased()
        if text.hasSuffix("s") { text.removeLast() }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let minutes = Int(parts[0]), let seconds = Double(parts[1]), minutes >= 0, (0..<60).contains(seconds) {
            return Double(minutes) * 60 + seconds
        }
        return parts.count == 1 ? Double(text).flatMap { $0.isFinite ? $0 : nil } : nil
    }

    /// The reading's seconds, or why the two marks do not make one.
    public static func seconds(start: Mark, finish: Mark) -> Result<Double, LineError> {
        let seconds: Double
        switch (start, finish) {
        case (_, .duration(let value)):
            seconds = value
        case (.arrival(let a), .arrival(let b)):
            let elapsed = b - a
            seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        case (.time(let a), .time(let b)):
            seconds = b.timeIntervalSince(a)
        default:
            return .failure(LineError("give the start and the finish of a reading the same way: both empty lines, or both RFC 3339 times"))
        }
        if seconds < shortest {
            return .failure(LineError(String(format: "a reading of %.2f s is too short to time: send the finish line when the reading ends, or give the times", max(0, seconds))))
        }
        if seconds > longest { return .failure(LineError("a reading of over an hour is not timed; give the seconds it took")) }
        return .success(seconds)
    }
}

/// How one timed reading went, for the interfaces.
public struct SpeedResult: Sendable {
    public var entry: QuizPlan.Entry
    public var speed: Speed
    public var read: SpeedRead
    /// The best words per minute on this card before this reading, if it was read before.
    public var previousBest: Double?
}

extension ItemText {
    /// "182 wpm (54 words in 17.8 s); the deck's target is 250 wpm: 68 wpm short (73 %)".
    static func speedVerdict(_ result: SpeedResult) -> String {
        let wpm = Int(result.read.wordsPerMinute.rounded())
        let target = result.read.targetWPM
        let gap = wpm - target
        let against = gap == 0 ? "on target" : gap > 0 ? "\(gap) wpm over" : "\(-gap) wpm short"
        let share = Int((Double(wpm) / Double(target) * 100).rounded())
        var line = "\(wpm) wpm (\(result.read.words) words in \(String(format: "%.1f", result.read.seconds)) s); "
            + "the deck's target is \(target) wpm: \(against) (\(share)%)"
        if let best = result.previousBest {
            line += "; your best on this card before: \(Int(best.rounded())) wpm"
        }
        return line
    }
}
