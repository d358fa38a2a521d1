import DebateCore

/// A deck's `format:`: the event, which fixes each speech's standard time.
///
/// Sources: policy — NSDA High School Unified Manual (constructives 8 min, rebuttals 5) and the
/// NDT/CEDA college format (constructives 9, rebuttals 6), as DEBATE.md §1 tabulates them; LD — NSDA
/// Lincoln–Douglas format (AC 6, NC 7, 1AR 4, NR 6, 2AR 3); PF — NSDA Public Forum format
/// (constructive 4, rebuttal 4, summary 3, final focus 2; crossfires are not speeches a doc is read in).
public enum DebateFormat: String, Decodable, CaseIterable, Sendable {
    case policyHS = "policy-hs"
    case policyCollege = "policy-college"
    case ld
    case pf

    /// Speech names and their minutes, in speaking order.
    public var speeches: [(name: String, minutes: Double)] {
        switch self {
        case .policyHS:
            [("1AC", 8), ("1NC", 8), ("2AC", 8), ("2NC", 8), ("1NR", 5), ("1AR", 5), ("2NR", 5), ("2AR", 5)]
        case .policyCollege:
            [("1AC", 9), ("1NC", 9), ("2AC", 9), ("2NC", 9), ("1NR", 6), ("1AR", 6), ("2NR", 6), ("2AR", 6)]
        case .ld:
            [("AC", 6), ("NC", 7), ("1AR", 4), ("NR", 6), ("2AR", 3)]
        case .pf:
            [("Constructive", 4), ("Rebuttal", 4), ("Summary", 3), ("Final Focus", 2)]
        }
    }

    /// What its debaters call the sides: public forum's teams are Pro and Con; policy and LD say
    /// affirmative and negative.
    public var sideWords: SideWords { self == .pf ? .proCon : .affNeg }

    /// Other names debaters write for a speech: LD's "1AC" is its AC.
    static let aliases: [DebateFormat: [String: String]] = [
        .ld: ["1AC": "AC", "1NC": "NC", "2NR": "NR"],
    ]

    /// The standard time of `speech` in seconds, or nil when this format has no such speech. PF names
    /// may carry a team or order ("Pro Constructive", "1st Summary", "First Final Focus").
    public func standardSeconds(for speech: String) -> Double? {
        let key = Self.key(speech, format: self)
        return speeches.first { Self.key($0.name, format: self) == key }.map { $0.minutes * 60 }
    }

    static func key(_ name: String, format: DebateFormat) -> String {
        var words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if format == .pf {
            let teams: Set<String> = ["pro", "con", "aff", "neg", "first", "second", "1st", "2nd", "a", "b", "team"]
            while let first = words.first, teams.contains(first), words.count > 1 { words.removeFirst() }
        }
        let joined = words.joined().uppercased()
        return aliases[format]?[joined] ?? joined
    }
}
