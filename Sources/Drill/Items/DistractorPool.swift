import DebateCore
import DeckModel

/// Candidate distractors with their `ModuleDrill.comparable` forms: worked out once when the pool serves
/// many items (a deck's cites, the response kinds), else on demand for the few candidates drawn.
struct DistractorPool: Sendable {
    /// A comparable form: equal forms are equal `ModuleDrill.comparable` texts. A precomputed pool
    /// numbers its forms, so telling them apart costs no string hashing.
    enum Form: Hashable, Sendable {
        case known(Int)
        /// A form the pool has not numbered (the pool is not precomputed, or the text is not in it).
        case text(String)
    }

    var choices: [String]
    /// Each choice's numbered form, when precomputed.
    private var forms: [Int]?
    private var numbers: [String: Int] = [:]
    /// A pool read back from the memo: its comparable texts by number, instead of `numbers` (which
    /// would cost more to rebuild than the draws that never need it).
    private var comparables: [String]?

    init(_ choices: [String], precomputed: Bool = false) {
        self.choices = choices
        guard precomputed else { return }
        var numbers: [String: Int] = [:]
        forms = choices.map { choice in
            let comparable = Self.comparable(choice)
            if let number = numbers[comparable] { return number }
            numbers[comparable] = numbers.count
            return numbers.count - 1
        }
        self.numbers = numbers
    }

    /// A precomputed pool as the quiz memo keeps it (`numbered`), its forms not worked out again.
    init(choices: [String], forms: [Int], comparables: [String]) {
        self.choices = choices
        self.forms = forms
        self.comparables = comparables
    }

    /// A precomputed pool's forms and its comparable texts by number; nil for a pool that is not.
    var numbered: (forms: [Int], comparables: [String])? {
        guard let forms else { return nil }
        if let comparables { return (forms, comparables) }
        var comparables = [String](repeating: "", count: numbers.count)
        for (text, number) in numbers { comparables[number] = text }
        return (forms, comparables)
    }

    /// The choices at `indices` of a precomputed pool, numbered as in it.
    func subset(_ indices: [Int]) -> DistractorPool {
        var pool = DistractorPool(indices.map { choices[$0] })
        pool.forms = forms.map { forms in indices.map { forms[$0] } }
        pool.numbers = numbers
        pool.comparables = comparables
        return pool
    }

    var isNumbered: Bool { forms != nil }

    /// Each choice's form number, when precomputed.
    var formNumbers: [Int]? { forms }

    /// The number of the form of the choice at `index` in a precomputed pool.
    func number(_ index: Int) -> Int { forms![index] }

    /// The form of the choice at `index`.
    func form(_ index: Int) -> Form {
        forms.map { .known($0[index]) } ?? .text(Self.comparable(choices[index]))
    }

    /// The form of any text, numbered when the pool has it.
    func form(of text: String) -> Form {
        let comparable = Self.comparable(text)
        if let comparables { return comparables.firstIndex(of: comparable).map(Form.known) ?? .text(comparable) }
        return numbers[comparable].map(Form.known) ?? .text(comparable)
    }
}

extension DistractorPool {
    /// `ModuleDrill.comparable(text)`, worked out scalar by scalar when the text is ASCII but for curly
    /// double quotes (a cite label's title), where each scalar is a character of its own and lowercasing,
    /// spacing and punctuation need no Unicode tables; any other text goes to `ModuleDrill.comparable`.
    static func comparable(_ text: String) -> String {
        knownComparables[text] ?? plainComparable(text) ?? ModuleDrill.comparable(text)
    }

    /// The texts most answers are (response kinds, parts of an argument), worked out once.
    private static let knownComparables: [String: String] = Dictionary(
        (ResponseKind.allCases.map(\.title) + ClaimRole.allCases.map(\.title)).map { ($0, plainComparable($0) ?? ModuleDrill.comparable($0)) },
        uniquingKeysWith: { a, _ in a })

    static func plainComparable(_ text: String) -> String? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || (0x09...0x0D).contains(value) {
                // Whitespace (CR LF too) splits words; the words are joined by one space.
                space = !scalars.isEmpty
                continue
            }
            guard value < 0x80 || value == 0x201C || value == 0x201D else { return nil }
            if space {
                scalars.append(" ")
                space = false
            }
            scalars.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        }
        while let last = scalars.last, isPunctuation(last) { scalars.removeLast() }
        guard let start = scalars.firstIndex(where: { !isPunctuation($0) }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...])
        return String(result)
    }

    /// `Character.isPunctuation` for the scalars `plainComparable` handles, looked up once.
    private static let asciiPunctuation: [Bool] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isPunctuation }
    private static let quotesArePunctuation = (Character("\u{201C}").isPunctuation, Character("\u{201D}").isPunctuation)

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<128: asciiPunctuation[Int(scalar.value)]
        case 0x201C: quotesArePunctuation.0
        case 0x201D: quotesArePunctuation.1
        default: Character(scalar).isPunctuation
        }
    }
}
