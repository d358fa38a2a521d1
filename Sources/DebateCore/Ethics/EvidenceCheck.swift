import YAMLCoding

/// One evidence-ethics check (DEBATE.md §5): a stable code, what it looks for, and the check itself.
/// Checks are values so `debate lint` and the deck build run the same list, and a caller can pick
/// some (`EvidenceEthics.checks.filter { … }`).
public struct EvidenceCheck: Sendable {
    /// The diagnostic code every finding of this check carries: `highlight-drops-negation`.
    public let code: String
    /// One line for documentation and `--help`.
    public let summary: String
    public let run: @Sendable (EvidenceSubject) -> [Diagnostic]
    /// The check finds nothing in a card whose cite names no `source:` (so such cards are not looked at).
    public let needsSource: Bool

    public init(code: String, summary: String, needsSource: Bool = false, run: @escaping @Sendable (EvidenceSubject) -> [Diagnostic]) {
        self.code = code
        self.summary = summary
        self.needsSource = needsSource
        self.run = run
    }
}

/// What a check looks at: one card, its read text worked out once, and its source when the cite names one.
public struct EvidenceSubject: Sendable {
    public enum Source: Sendable {
        /// The cite names no local source.
        case none
        /// The cite's `source:` file, read (and normalized for comparison) once per build.
        case text(SourceDocument)
        /// The cite names a file that could not be read.
        case unreadable(path: String, reason: String)
    }

    public let claim: any Claim
    public let evidence: Evidence
    public let read: ReadText
    public let source: Source

    public init(claim: any Claim, evidence: Evidence, source: Source = .none) {
        self.claim = claim
        self.evidence = evidence
        self.read = ReadText(evidence)
        self.source = source
    }

    /// Where a finding about the character at `offset` of the card's text is reported: there, when
    /// the card came from YAML; else at the claim.
    public func location(at offset: Int) -> SourceLocation? {
        evidence.location(ofPlainOffset: offset) ?? claim.location
    }
}

/// The evidence-ethics lint: the checks, and a runner over modules' claims.
public enum EvidenceEthics {
    public static let checks: [EvidenceCheck] = [.highlightDropsNegation, .cardStartsMidThought, .tagOverclaims, .notVerbatim]

    /// Runs `checks` over every card of `sets`. A cite's `source:` is read relative to its set's
    /// `directory` (once per file); `readFile` is how (injected so tests need no files).
    public static func check(_ sets: [ArgumentSet], checks: [EvidenceCheck] = EvidenceEthics.checks,
                             readFile: (String) throws -> String = EvidenceEthics.readUTF8) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var sources: [String: EvidenceSubject.Source] = [:]
        // The build runs `not-verbatim` alone: working out each card's read text for it would cost
        // more than the rest of the build, for the few cards that cite a source.
        let onlySourced = checks.allSatisfy(\.needsSource)
        for set in sets {
            for claim in set.claims {
                guard let evidence = claim.evidence else { continue }
                if onlySourced && (claim.cite?.source ?? "").isEmpty { continue }
                var source = EvidenceSubject.Source.none
                if let path = claim.cite?.source, !path.isEmpty {
                    let full = path.hasPrefix("/") || set.directory == nil ? path : set.directory! + "/" + path
                    if let cached = sources[full] {
                        source = cached
                    } else {
                        do {
                            source = .text(SourceDocument(path: path, text: try readFile(full)))
                        } catch {
                            source = .unreadable(path: path, reason: "\(error)")
                        }
                        sources[full] = source
                    }
                }
                let subject = EvidenceSubject(claim: claim, evidence: evidence, source: source)
                for check in checks { diagnostics += check.run(subject) }
            }
        }
        return diagnostics
    }

    /// Reads a UTF-8 text file with the C library (DebateCore does not link Foundation).
    @Sendable public static func readUTF8(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else { throw SourceFileError(message: "no such file") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { break }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw SourceFileError(message: "not UTF-8 text") }
        return text
    }
}

/// A local copy of a source, as a cite's `source:` names it, with its normalized form for `not-verbatim`.
public struct SourceDocument: Sendable {
    /// The path as the cite writes it (relative to the pack).
    public let path: String
    public let text: String
    let normalized: NormalizedText

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        normalized = NormalizedText(text)
    }
}

struct SourceFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
