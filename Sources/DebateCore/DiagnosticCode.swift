import YAMLCoding

/// The stable name of a kind of problem, kebab-case: `double-turn`, `unknown-module`. Tools and
/// tests match on codes, never on message text; messages may be reworded, codes stay.
///
/// The catalogue below is every code `debate` reports, by layer. A new diagnostic adds its code here.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// Read back from JSON written before codes existed.
    public static let unspecified: Self = "unspecified"
    /// A fault of `debate` itself, not of the input.
    public static let internalError: Self = "internal"

    // YAML files (YAMLCoding): one code per kind of decoding error.
    public static let yamlIO: Self = "unreadable-file"
    public static let yamlSyntax: Self = "yaml-syntax"
    public static let missingKey: Self = "missing-key"
    public static let wrongType: Self = "wrong-type"
    public static let unknownKey: Self = "unknown-key"
    public static let unknownValue: Self = "unknown-value"
    public static let duplicateKey: Self = "duplicate-key"
    public static let limitExceeded: Self = "limit-exceeded"
    public static let invalidValue: Self = "invalid-value"

    public init(yaml kind: YAMLError.Kind) {
        switch kind {
        case .io: self = .yamlIO
        case .syntax: self = .yamlSyntax
        case .missingKey: self = .missingKey
        case .typeMismatch: self = .wrongType
        case .unknownKey: self = .unknownKey
        case .unknownValue: self = .unknownValue
        case .duplicateKey: self = .duplicateKey
        case .limitExceeded: self = .limitExceeded
        case .invalidValue: self = .invalidValue
        }
    }

    // The argument graph (DebateCore).
    public static let duplicateClaim: Self = "duplicate-claim"
    public static let danglingAnswer: Self = "dangling-answer"
    public static let answersOwnSide: Self = "answers-own-side"
    public static let doubleTurn: Self = "double-turn"

    // Modules: finding, loading, running them (ModuleFormat, ModuleLoading).
    public static let unknownModule: Self = "unknown-module"
    public static let moduleConflict: Self = "module-conflict"
    public static let badPin: Self = "bad-pin"
    public static let badModulePath: Self = "bad-module-path"
    public static let notAPack: Self = "not-a-pack"
    public static let missingManifest: Self = "missing-manifest"
    public static let badModuleOption: Self = "bad-module-option"
    public static let moduleFailed: Self = "module-failed"
    public static let builtInMissing: Self = "built-in-missing"
    public static let exampleFails: Self = "example-fails"
    public static let exampleNamesUnknownClaim: Self = "example-unknown-claim"

    // Decks (DeckBuilder).
    public static let moduleListedTwice: Self = "module-listed-twice"
    public static let moduleSkipped: Self = "module-skipped"
    public static let filterUnknownModule: Self = "filter-unknown-module"
    public static let filterUnknownClaim: Self = "filter-unknown-claim"
    public static let emptyBlock: Self = "empty-block"
    public static let emptyAnswerHat: Self = "empty-answer-hat"
    public static let overBudget: Self = "over-budget"
    public static let coverage: Self = "coverage"
    public static let renderFailed: Self = "render-failed"

    // Authoring (ModuleAuthoring).
    public static let badModuleID: Self = "bad-module-id"
    public static let kialoSyntax: Self = "kialo-syntax"
    /// A Kialo export over `KialoDiscussion.maxBytes`.
    public static let kialoTooBig: Self = "kialo-too-big"
    /// An import that is not UTF-8 text (a binary file, Latin-1).
    public static let notUTF8Text: Self = "not-utf8-text"

    // Claims from any source.
    /// A claim id (or the id an `answers:`/`extends:` names) outside the claim-id grammar.
    public static let invalidClaimID: Self = "invalid-claim-id"
}
