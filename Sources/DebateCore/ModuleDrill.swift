/// A multiple-choice question a module contributes to `debate quiz` (hedging: which country set this
/// precedent?). The quiz offers the answer among up to three distractors, drops any distractor that
/// reads the same as the answer, and keeps the item's history under `deck:claimID:module.name`.
public struct ModuleDrill: Sendable, Hashable {
    /// Names the kind of drill within its module (`precedent`); with the module id it is the item's kind.
    public var name: String
    /// The claim the question is about: the item's history follows this id.
    public var claimID: String
    public var prompt: String
    public var answer: String
    /// Wrong answers, drawn from the same deck; more than three lets the quiz vary them.
    public var distractors: [String]
    /// Shown after the user answers: why the answer is right.
    public var explanation: String?

    public init(name: String, claimID: String, prompt: String, answer: String, distractors: [String],
                explanation: String? = nil) {
        self.name = name
        self.claimID = claimID
        self.prompt = prompt
        self.answer = answer
        self.distractors = distractors
        self.explanation = explanation
    }
}

/// A module's own drills, kept apart from where its claims come from: a built-in pack pairs its YAML
/// with one of these.
public protocol ModuleDrillSource: Sendable {
    /// The drills for `module`'s claims among `claims` (the deck's whole graph, where wrong answers come from).
    func drills(for module: ModuleDescriptor, context: ModuleContext, claims: [any Claim]) -> [ModuleDrill]
}

extension ArgumentModule {
    /// Modules without drills of their own (packs, process modules) contribute none.
    public func drills(for context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] { [] }
}

extension Claim {
    /// Whether the tag, warrant or evidence names `name` as a whole word (case-sensitive, as names are).
    /// Modules use it to find which of the names they know a deck mentions.
    public func mentions(_ name: String) -> Bool {
        [tag, warrant ?? "", evidence?.plainText ?? ""].contains { containsWord(name, in: $0) }
    }
}

extension ModuleDrill {
    /// `candidates` in order without `answer` and without repeats, compared ignoring case and spacing:
    /// what a module passes as distractors.
    public static func distractors(_ candidates: [String], excluding answer: String) -> [String] {
        var seen: Set<String> = [Self.comparable(answer)]
        return candidates.filter { seen.insert(Self.comparable($0)).inserted }
    }

    /// How two choices are compared for sameness: case, spacing and surrounding punctuation ignored.
    public static func comparable(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.last?.isPunctuation == true { words.removeLast() }
        guard let start = words.firstIndex(where: { !$0.isPunctuation }) else { return "" }
        return String(words[start...])
    }
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
func containsWord(_ word: String, in text: String) -> Bool {
    // Most texts do not contain the word at all: let the fast substring search say so first.
    guard text.contains(word) else { return false }
    let needle = Array(word), haystack = Array(text)
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    func isWordCharacter(_ index: Int) -> Bool {
        haystack.indices.contains(index) && (haystack[index].isLetter || haystack[index].isNumber)
    }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
        if !isWordCharacter(start - 1) && !isWordCharacter(start + needle.count) { return true }
    }
    return false
}
