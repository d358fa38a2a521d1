import DebateCore
import DeckBuilder
import DeckModel
import Foundation
import LibraryIndex
import ModuleFormat
import YAMLCoding

/// What `debate build` prints and reports of a built deck besides its outputs: its `--json` report
/// before any output is written, all a memo hit needs to replay the run (the diagnostics, the
/// "wrote" lines, the report, the exit status).
typealias BuildFacts = BuildReport

extension BuildReport {
    init(_ deck: Deck, diagnostics: [Diagnostic]) {
        self.init(deck: deck.id, title: deck.title, cards: deck.cardCount, blocks: deck.blocks.count,
                  readingSeconds: deck.readingSeconds, overBudget: deck.overBudget, outputs: [],
                  unanswered: deck.coverage.unanswered.map(\.id), diagnostics: diagnostics)
    }

    static let factsVersion: UInt8 = 1

    /// The facts as the memo keeps them (the outputs are kept apart, one file each).
    var encoded: Data {
        var w = ByteWriter()
        w.byte(Self.factsVersion)
        w.string(deck)
        w.string(title)
        w.int(cards)
        w.int(blocks)
        w.double(readingSeconds)
        w.bool(overBudget)
        w.strings(unanswered)
        w.int(diagnostics.count)
        for d in diagnostics {
            w.string(d.severity.rawValue)
            w.string(d.code.rawValue)
            w.string(d.message)
            w.optional(d.location) { w, location in
                w.string(location.path)
                w.int(location.line)
                w.int(location.column)
            }
            w.optional(d.hint) { $0.string($1) }
        }
        return Data(w.bytes)
    }

    /// Facts read back from `encoded`; nil when the bytes are not such facts.
    init?(_ data: Data) {
        guard let facts = data.withUnsafeBytes({ bytes -> BuildFacts? in
            var r = ByteReader(bytes)
            guard r.byte() == Self.factsVersion else { return nil }
            var facts = BuildFacts(deck: r.string(), title: r.string(), cards: r.int(), blocks: r.int(), readingSeconds: r.double(),
                                   overBudget: r.bool(), outputs: [], unanswered: r.strings(), diagnostics: [])
            for _ in 0..<r.count() where !r.failed {
                guard let severity = Diagnostic.Severity(rawValue: r.string()) else { return nil }
                let code = DiagnosticCode(rawValue: r.string())
                let message = r.string()
                let location = r.optional { r in SourceLocation(path: r.string(), line: r.int(), column: r.int()) }
                let hint = r.optional { $0.string() }
                facts.diagnostics.append(Diagnostic(severity, code, message, at: location, hint: hint))
            }
            return r.failed || !r.isAtEnd ? nil : facts
        }) else { return nil }
        self = facts
    }
}

/// `debate build`'s memo: a build's facts under the deck's input key (`DeckKey`, plus `--keep-going`),
/// and each output under the key and what changes its bytes (format, highlight color, and for Word
/// and Anki packages the date written into them, which only `SOURCE_DATE_EPOCH` fixes: without it
/// they are not kept). A hit replays the build: same messages, same outputs, same exit status.
struct BuildMemo {
    let index: LibraryIndex
    let key: DeckKey
    let digest: String
    let keyText: String

    /// nil with `DEBATE_INDEX=off`, without a usable index, or for a deck with no key.
    init?(deck: String, modules: ModulePathOptions, keepGoing: Bool, console: Console) {
        guard ProcessInfo.processInfo.environment["DEBATE_INDEX"] != "off",
              let key = DeckKey.of(deck: deck, modules: modules, console: console),
              let index = (PackModule.claimCacheIndex) else { return nil }
        self.index = index
        self.key = key
        keyText = "build\nkeep-going \(keepGoing)\n" + key.text
        digest = DeckKey.digest(keyText)
    }

    /// The stored facts, when every file the build read besides the key's (the cites' `source:`
    /// copies) is as it was.
    func facts() -> (facts: BuildFacts, outputs: [String: LibraryIndex.MemoOutput])? {
        guard let entry = index.memo(digest: digest, key: keyText), let facts = BuildFacts(entry.facts),
              Self.depsUnchanged(entry.deps) else { return nil }
        return (facts, entry.outputs)
    }

    /// The name an output is kept under, or nil when its bytes change from run to run.
    static func outputName(_ request: RenderRequest) -> String? {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
        if request.format == .docx || request.format == .apkg, epoch == nil { return nil }
        return "\(request.format.rawValue) highlight \(request.options.highlight.rawValue) date \(epoch ?? "-")"
    }

    /// Keeps a finished build's facts, with the `source:` files its cards cite (unless one changed
    /// while the build ran: then nothing is kept).
    func store(_ facts: BuildFacts, sets: [ArgumentSet]) {
        guard let deps = Self.deps(of: sets, key: key) else { return }
        index.storeMemo(digest: digest, key: keyText, facts: facts.encoded, deps: deps)
    }

    /// A copy of the output `request` asks for, written to the memo as it is rendered; nil when such
    /// an output is not kept (its bytes change from run to run) or the memo folder cannot be written.
    func spool(for request: RenderRequest) -> MemoSpool? {
        guard let name = Self.outputName(request), let path = index.memoSpoolPath() else { return nil }
        return MemoSpool(path: path, binary: request.format.isBinary, limit: LibraryIndex.memoLimit() / 2) { path, safe in
            index.adoptMemoOutput(digest: digest, name: name, file: path, flags: safe ? 1 : 0)
        }
    }

    func used() { index.touchMemo(digest: digest) }

    /// What a hit checks besides the key: the key's racy files by their content hash, and the cites'
    /// `source:` files (as `EvidenceEthics.check` finds them) by `DeckKey.fileLine`; nil when one of
    /// those changed after the key was taken (its times cannot say what the build read).
    static func deps(of sets: [ArgumentSet], key: DeckKey) -> Data? {
        var paths: Set<String> = []
        for set in sets {
            for claim in set.claims where claim.evidence != nil {
                guard let path = claim.cite?.source, !path.isEmpty else { continue }
                paths.insert(path.hasPrefix("/") || set.directory == nil ? path : set.directory! + "/" + path)
            }
        }
        var w = ByteWriter()
        w.int(key.racy.count)
        for (path, hash) in key.racy {
            w.string(path)
            w.int(Int(hash))
        }
        w.int(paths.count)
        for path in paths.sorted() {
            guard let (line, changed) = DeckKey.fileLine(path), changed < key.takenAt - DeckKey.racyWindow else { return nil }
            w.string(path)
            w.string(line)
        }
        return Data(w.bytes)
    }

    static func depsUnchanged(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var r = ByteReader(bytes)
            for _ in 0..<r.count() {
                let path = r.string(), hash = r.int()
                if r.failed || DeckKey.contentHash(path).map(Int.init) != hash { return false }
            }
            for _ in 0..<r.count() {
                let path = r.string(), line = r.string()
                if r.failed || DeckKey.fileLine(path)?.line != line { return false }
            }
            return !r.failed && r.isAtEnd
        }
    }
}

extension PackModule {
    /// The library index the claim cache uses, when one is installed.
    static var claimCacheIndex: LibraryIndex? { (claimCache as? LibraryCache)?.index }
}

/// An output copied into the memo chunk by chunk while it is rendered, noting whether it holds a
/// control character (then a hit on a terminal decodes it as `console.out` would). `keep()` hands the
/// whole file to the memo; a spool never kept (the render failed, a write failed, it outgrew the
/// memo's bound) removes its file when it goes away.
final class MemoSpool {
    private var descriptor: Int32
    private let path: String
    private let binary: Bool
    private let limit: Int64
    private let adopt: (String, Bool) -> Void
    private var size: Int64 = 0
    private var safe = true

    init?(path: String, binary: Bool, limit: Int64, adopt: @escaping (String, Bool) -> Void) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.binary = binary
        self.limit = limit
        self.adopt = adopt
    }

    /// Copies a chunk (`safe`: whether the caller found it free of control characters, when it
    /// looked); a failed write (or one past the bound) only means this output is not kept.
    func write(_ chunk: UnsafeRawBufferPointer, safe chunkIsSafe: Bool? = nil) {
        guard descriptor >= 0 else { return }
        size += Int64(chunk.count)
        if !binary && safe && !(chunkIsSafe ?? !TerminalText.containsUnsafe(utf8: chunk)) { safe = false }
        guard size <= limit, StandardStream.writeAll(chunk, to: descriptor) == nil else { return abandon() }
    }

    /// Hands the whole copy to the memo.
    func keep() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        adopt(path, safe)
    }

    private func abandon() {
        close(descriptor)
        descriptor = -1
        unlink(path)
    }

    deinit { if descriptor >= 0 { abandon() } }
}

/// A memoized output, mapped into memory and checked against its size and hash: written out from
/// the page cache, never copied.
final class MappedOutput: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// No control characters: written to a terminal as it is.
    let safe: Bool

    init?(_ output: LibraryIndex.MemoOutput) {
        let descriptor = open(output.file, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int64(info.st_size) == output.size else { return nil }
        if output.size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            guard let address = mmap(nil, Int(output.size), PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
            bytes = UnsafeRawBufferPointer(start: address, count: Int(output.size))
        }
        safe = output.flags & 1 != 0
        guard FileFingerprint.contentHash(bytes) == output.hash else {
            if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
            return nil
        }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// The bytes as `Data`, without a copy (valid while this object lives).
    var data: Data {
        guard let base = bytes.baseAddress else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
    }
}
