import Foundation

/// Scheduling arithmetic runs on whole microseconds, as Python's `datetime` does: a `Date` is a
/// `Double` and would drift from py-fsrs's due times after a few additions.
enum Microseconds {
    static let perSecond: Int64 = 1_000_000
    static let perDay: Int64 = 86_400 * perSecond
    /// 1970-01-01 to 2001-01-01, Foundation's reference date.
    static let referenceOffset: Int64 = 978_307_200 * perSecond

    /// Since the Unix epoch, rounded to the nearest microsecond. Whole seconds and the fraction are
    /// split first so the fraction keeps its precision for dates far in the future.
    static func since1970(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSinceReferenceDate
        let seconds = interval.rounded(.down)
        let fraction = Int64(((interval - seconds) * 1e6).rounded())
        return Int64(seconds) * perSecond + fraction + referenceOffset
    }

    static func date(since1970 micros: Int64) -> Date {
        let sinceReference = micros - referenceOffset
        let seconds = sinceReference.floorDivided(by: perSecond)
        let fraction = sinceReference - seconds * perSecond
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(fraction) / 1e6)
    }

    /// A step in seconds as Python's `timedelta(seconds:)` stores it.
    static func fromSeconds(_ seconds: TimeInterval) -> Int64 {
        Int64((seconds * 1e6).rounded(.toNearestOrEven))
    }

    /// `timedelta` division and float multiplication round the microseconds half to even.
    static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        let quotient = numerator.floorDivided(by: denominator)
        let twiceRemainder = 2 * (numerator - quotient * denominator)
        if twiceRemainder > denominator || (twiceRemainder == denominator && quotient % 2 != 0) {
            return quotient + 1
        }
        return quotient
    }
}

extension Int64 {
    /// Rounds toward negative infinity, like Python's `//`, so `timedelta.days` comes out right.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// RFC 3339 timestamps for review histories: parsing accepts any offset and up to nanoseconds
/// (kept to the microsecond, as Python does); formatting writes UTC, with microseconds only when present.
public enum RFC3339 {
    public static func date(from text: String) -> Date? {
        microseconds(from: text).map { Microseconds.date(since1970: $0) }
    }

    public static func string(from date: Date) -> String {
        string(fromMicroseconds: Microseconds.since1970(date))
    }

    static func string(fromMicroseconds micros: Int64) -> String {
        let days = micros.floorDivided(by: Microseconds.perDay)
        let inDay = micros - days * Microseconds.perDay
        let (year, month, day) = civil(fromDays: days)
        let seconds = inDay / Microseconds.perSecond
        let fraction = inDay % Microseconds.perSecond
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return text + "Z"
    }

    static func microseconds(from text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var position = 0
        func number(_ width: Int) -> Int64? {
            guard position + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[position..<position + width] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            position += width
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard position < bytes.count, allowed.utf8.contains(bytes[position]) else { return false }
            position += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction: Int64 = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            var digits = 0
            while position < bytes.count, (48...57).contains(bytes[position]) {
                if digits < 6 { fraction = fraction * 10 + Int64(bytes[position] - 48) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { fraction *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if !expect("Zz") {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            else { return nil }
            let sign: Int64 = bytes[position] == UInt8(ascii: "-") ? -1 : 1
            position += 1
            guard let offsetHours = number(2), expect(":"), let offsetMinutes = number(2),
                  offsetHours < 24, offsetMinutes < 60 else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard position == bytes.count else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * Microseconds.perSecond + fraction
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil and its inverse (proleptic Gregorian, day 0 = 1970-01-01).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
