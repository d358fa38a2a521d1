/// The one grammar every claim id follows, wherever the claim comes from (a pack's claim file, a
/// process module's reply, an in-process module, a Kialo import):
///
///     claim-id = [a-z0-9] [a-z0-9._-]*      at most 200 characters
///
/// lowercase ASCII letters, digits, dots, underscores and dashes, starting with a letter or digit:
/// `values.double-standard`, `mid.link`, `kialo-transit.1-2`. Module ids (`[a-z][a-z0-9-]*`) are
/// claim ids too, so the convention of prefixing a claim with its module's id always fits. No
/// space, quote, markup or control character can reach a map, a deck file or a terminal this way.
public enum ClaimID {
    public static let maxLength = 200

    public static func isValid(_ id: String) -> Bool { problem(id) == nil }

    /// Why `id` is not a claim id, in words for the person who wrote it; nil when it is one.
    public static func problem(_ id: String) -> String? {
        let scalars = id.unicodeScalars
        guard let first = scalars.first else { return "a claim id cannot be empty" }
        if scalars.count > maxLength { return "a claim id is at most \(maxLength) characters; this one has \(scalars.count)" }
        if !isLetterOrDigit(first) {
            return "claim id `\(shown(id))` must start with a lowercase letter or a digit"
        }
        if let bad = scalars.first(where: { !isLetterOrDigit($0) && $0 != "." && $0 != "_" && $0 != "-" }) {
            let what = bad.properties.isUppercase ? "an uppercase letter" : bad == " " ? "a space" : "`\(describe(bad))`"
            return "claim id `\(shown(id))` contains \(what); use lowercase letters, digits, dots, underscores and dashes"
        }
        return nil
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }

    /// The character as a reader can see it: control characters as `U+001B`.
    static func describe(_ s: Unicode.Scalar) -> String {
        guard TerminalText.isUnsafe(s, keepNewlines: false) || s.properties.generalCategory == .format else { return String(s) }
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The id with control characters escaped and cut to a readable length.
    static func shown(_ id: String) -> String {
        let safe = TerminalText.sanitize(id, keepNewlines: false)
        return safe.count > 60 ? String(safe.prefix(60)) + "…" : safe
    }
}
