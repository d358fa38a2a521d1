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

    // The mistakes YAMLCoding explains in plain words (`YAMLError.code`, `YAMLWarning.code`).
    public static let yamlColonInText: Self = "yaml-colon-in-text"
    public static let yamlCommentInText: Self = "yaml-comment-in-text"
    public static let yamlIndentation: Self = "yaml-indentation"
    public static let yamlTab: Self = "yaml-tab"
    public static let yamlUnclosedQuote: Self = "yaml-unclosed-quote"
    public static let yamlUnclosedBracket: Self = "yaml-unclosed-bracket"
    public static let yamlMissingSpace: Self = "yaml-missing-space"
    public static let yamlMissingColon: Self = "yaml-missing-colon"
    public static let yamlListAfterKey: Self = "yaml-list-after-key"
    public static let yamlReservedCharacter: Self = "yaml-reserved-character"
    public static let emptyFile: Self = "empty-file"
    public static let notUTF8: Self = "not-utf8"
    /// An evidence span that is not closed, or spans that cross (DebateCore's markup).
    public static let evidenceMarkup: Self = "evidence-markup"

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

    // The library index (LibraryIndex, `debate search`).
    public static let indexRebuilt: Self = "index-rebuilt"
    public static let unindexedFile: Self = "unindexed-file"

    // Authoring (ModuleAuthoring).
    public static let badModuleID: Self = "bad-module-id"
    public static let kialoSyntax: Self = "kialo-syntax"

    // `debate import verbatim` (ModuleAuthoring/Verbatim): a Word file that cannot be read (errors) …
    public static let docxCannotRead: Self = "cannot-read"
    public static let docxTooLarge: Self = "too-large"
    public static let docxNotDocx: Self = "not-docx"
    public static let docxOldDoc: Self = "old-doc"
    public static let docxEncrypted: Self = "encrypted"
    public static let docxBadZip: Self = "bad-zip"
    public static let docxTooManyParts: Self = "too-many-parts"
    public static let docxUnsafePath: Self = "unsafe-path"
    public static let docxNoDocument: Self = "no-document"
    public static let docxZipBomb: Self = "zip-bomb"
    public static let docxBadXML: Self = "bad-xml"
    // … and what the import reports about a document it read (warnings).
    public static let verbatimFakeTag: Self = "fake-tag"
    public static let verbatimUnstyledCite: Self = "unstyled-cite"
    public static let verbatimUntaggedCard: Self = "untagged-card"
    public static let verbatimCiteWithoutCard: Self = "cite-without-card"
    public static let verbatimCardWithoutCite: Self = "card-without-cite"
    public static let verbatimTextOutsideCard: Self = "text-outside-card"
    public static let verbatimObjectNotKept: Self = "object-not-kept"
    /// A Kialo export over `KialoDiscussion.maxBytes`.
    public static let kialoTooBig: Self = "kialo-too-big"
    /// An import that is not UTF-8 text (a binary file, Latin-1).
    public static let notUTF8Text: Self = "not-utf8-text"

    // Claims from any source.
    /// A claim id (or the id an `answers:`/`extends:` names) outside the claim-id grammar.
    public static let invalidClaimID: Self = "invalid-claim-id"
}
