import DebateCore
import Foundation
import YAMLCoding

/// The bytes a cached claim file is kept as: a version byte, then its positions, entries and
/// warnings, every field (and every source position, as line and column: the path is the file's).
enum ClaimCacheCodec {
    /// 3: an evidence body's runs are not kept when they are what its markup parses to.
    /// 4: integers are `ByteWriter`'s (zigzag LEB128), the one byte codec the memo also uses.
    static let version: UInt8 = 4

    /// Encodes into `w.bytes` (emptied first, its buffer kept: one buffer serves a whole pack's
    /// files); false when the file cannot be kept exactly (a position that names another file).
    static func encode(_ file: DecodedClaimFile, into w: inout Writer) -> Bool {
        w.reset(path: file.path)
        w.bytes.reserveCapacity(file.claims.count * 1_600 + 64)
        w.byte(version)
        w.int(file.positions.count)
        for position in file.positions {
            w.string(position.id)
            w.string(position.kind.rawValue)
            w.string(position.title)
            w.string(position.side.rawValue)
            w.string(position.module)
            w.location(position.location)
        }
        w.int(file.claims.count)
        for entry in file.claims {
            w.string(entry.id)
            w.string(entry.side.rawValue)
            w.string(entry.tag)
            w.optional(entry.tags) { w, tags in
                w.int(tags.count)
                for tag in tags { w.string(tag) }
            }
            w.string(entry.warrant)
            w.optional(entry.cite) { w, cite in
                for part in [cite.author, cite.qualifications, cite.date, cite.title, cite.publication, cite.url,
                             cite.source, cite.text, cite.short] {
                    w.string(part)
                }
            }
            w.optional(entry.evidence) { w, evidence in
                w.string(evidence.markup)
                // Runs read from the markup are parsed from it again (exactly those runs); runs given
                // otherwise are written out.
                w.byte(evidence.runsComeFromMarkup ? 1 : 0)
                if !evidence.runsComeFromMarkup {
                    let runs = evidence.runs
                    w.int(runs.count)
                    for run in runs {
                        w.string(run.text)
                        w.byte(run.style.rawValue)
                    }
                }
                w.optional(evidence.scalar) { w, scalar in
                    w.location(scalar.location)
                    w.byte(ClaimCacheCodec.code(scalar.style))
                    // The value is the markup and the white space trimmed after it, nearly always.
                    if scalar.value.hasPrefix(evidence.markup) {
                        w.byte(1)
                        w.string(String(decoding: scalar.value.utf8.dropFirst(evidence.markup.utf8.count), as: UTF8.self))
                    } else {
                        w.byte(0)
                        w.string(scalar.value)
                    }
                    w.int(scalar.startLine)
                    w.int(scalar.startColumn)
                }
            }
            w.string(entry.answers)
            w.string(entry.response?.rawValue)
            w.string(entry.position)
            w.string(entry.role?.rawValue)
            w.string(entry.extends)
            w.flag(entry.evenIf)
            w.flag(entry.needsEvidence)
            w.string(entry.deprecatedResponse)
            w.location(entry.location)
            w.location(entry.responseLocation)
        }
        w.int(file.warnings.count)
        for warning in file.warnings {
            w.location(warning.location)
            w.string(warning.message)
            w.string(warning.hint)
            w.string(warning.code)
        }
        return !w.failed
    }

    static func decode(_ data: Data, path: String, sourcePath: String, fingerprint: FileFingerprint) -> DecodedClaimFile? {
        data.withUnsafeBytes { buffer in
            var r = Reader(buffer: buffer, path: path)
            return decode(&r, path: path, sourceFile: SourceFile(path: sourcePath), fingerprint: fingerprint)
        }
    }

    private static func decode(_ r: inout Reader, path: String, sourceFile: SourceFile, fingerprint: FileFingerprint) -> DecodedClaimFile? {
        guard r.byte() == version else { return nil }
        var positions: [Position] = []
        let positionCount = r.int()
        guard positionCount >= 0, positionCount <= r.remaining else { return nil }
        positions.reserveCapacity(positionCount)
        for _ in 0..<positionCount {
            guard let id = r.string(), let kind = r.string().flatMap(PositionKind.init(rawValue:)), let title = r.string(),
                  let side = r.string().flatMap(Side.init(rawValue:)), let module = r.string() else { return nil }
            positions.append(Position(id: id, kind: kind, title: title, side: side, module: module, location: r.location()))
        }
        var claims: [ClaimEntry] = []
        let claimCount = r.int()
        guard claimCount >= 0, claimCount <= r.remaining else { return nil }
        claims.reserveCapacity(claimCount)
        for _ in 0..<claimCount {
            guard let id = r.string(), let side = r.string().flatMap(Side.init(rawValue:)), let tag = r.string() else { return nil }
            var tags: [String]?
            if r.present() {
                let count = r.int()
                guard count >= 0, count <= r.remaining else { return nil }
                var list: [String] = []
                list.reserveCapacity(count)
                for _ in 0..<count {
                    guard let tag = r.string() else { return nil }
                    list.append(tag)
                }
                tags = list
            }
            let warrant = r.string()
            var cite: Citation?
            if r.present() {
                cite = Citation(author: r.string(), qualifications: r.string(), date: r.string(), title: r.string(),
                                publication: r.string(), url: r.string(), source: r.string(), text: r.string(), short: r.string())
            }
            var evidence: Evidence?
            if r.present() {
                guard let markup = r.string() else { return nil }
                var body: Evidence
                if r.byte() == 1 {
                    // The markup parsed when it was written: its runs are what it parses to.
                    guard let parsed = try? Evidence(markup: markup) else { return nil }
                    body = parsed
                } else {
                    let count = r.int()
                    guard count >= 0, count <= r.remaining else { return nil }
                    var runs: [Evidence.Run] = []
                    runs.reserveCapacity(count)
                    for _ in 0..<count {
                        guard let text = r.string() else { return nil }
                        runs.append(Evidence.Run(text, Evidence.Style(rawValue: r.byte())))
                    }
                    body = Evidence(runs: runs, markup: markup)
                }
                if r.present() {
                    guard let location = r.location(), let style = style(r.byte()) else { return nil }
                    let isSuffix = r.byte() == 1
                    guard let rest = r.string() else { return nil }
                    body.scalar = YAMLScalarInfo(location: location, style: style, value: isSuffix ? (rest.isEmpty ? markup : markup + rest) : rest,
                                                 startLine: r.int(), startColumn: r.int(), sourceFile: sourceFile)
                }
                evidence = body
            }
            let answers = r.string()
            var response: ResponseKind?
            if let raw = r.string() {
                guard let kind = ResponseKind(rawValue: raw) else { return nil }
                response = kind
            }
            let position = r.string()
            var role: ClaimRole?
            if let raw = r.string() {
                guard let kind = ClaimRole(rawValue: raw) else { return nil }
                role = kind
            }
            var entry = ClaimEntry(id: id, side: side, tag: tag, tags: tags, warrant: warrant, cite: cite, evidence: evidence,
                                   answers: answers, response: response, position: position, role: role,
                                   extends: r.string(), evenIf: r.flag(), needsEvidence: r.flag())
            entry.deprecatedResponse = r.string()
            entry.location = r.location()
            entry.responseLocation = r.location()
            claims.append(entry)
        }
        var warnings: [YAMLWarning] = []
        let warningCount = r.int()
        guard warningCount >= 0, warningCount <= r.remaining else { return nil }
        for _ in 0..<warningCount {
            guard let location = r.location(), let message = r.string() else { return nil }
            let hint = r.string()
            guard let code = r.string() else { return nil }
            warnings.append(YAMLWarning(location: location, message: message, hint: hint, code: code))
        }
        guard !r.failed, r.remaining == 0 else { return nil }
        return DecodedClaimFile(path: path, positions: positions, claims: claims, warnings: warnings, fingerprint: fingerprint)
    }

    static func code(_ style: YAMLScalarStyle) -> UInt8 {
        switch style {
        case .plain: 0
        case .singleQuoted: 1
        case .doubleQuoted: 2
        case .literal: 3
        case .folded: 4
        }
    }

    static func style(_ code: UInt8) -> YAMLScalarStyle? {
        switch code {
        case 0: .plain
        case 1: .singleQuoted
        case 2: .doubleQuoted
        case 3: .literal
        case 4: .folded
        default: nil
        }
    }

    /// `ByteWriter`'s integers and UTF-8, with the cache's own markers: an optional string or
    /// location is 0 for nil, else 1 and the value; a location is line and column in `path`.
    struct Writer {
        var base = ByteWriter()
        /// The bytes written (one buffer serves a whole pack's files: see `reset`).
        var bytes: [UInt8] {
            get { base.bytes }
            _modify { yield &base.bytes }
        }
        private(set) var path: String
        /// A position in another file than `path`: cannot be kept as line and column only.
        var failed = false

        init(path: String) { self.path = path }

        mutating func reset(path: String) {
            base.bytes.removeAll(keepingCapacity: true)
            self.path = path
            failed = false
        }

        mutating func byte(_ value: UInt8) { base.byte(value) }

        mutating func int(_ value: Int) { base.int(value) }

        /// Every string has a marker byte before it: 0 nil, 1 present (then its length and bytes).
        mutating func string(_ value: String?) {
            guard let value else { return byte(0) }
            byte(1)
            base.string(value)
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { return byte(0) }
            byte(1)
            write(&self, value)
        }

        mutating func flag(_ value: Bool?) { byte(value.map { $0 ? 2 : 1 } ?? 0) }

        mutating func location(_ location: SourceLocation?) {
            guard let location else { return byte(0) }
            if location.path != path { failed = true }
            byte(1)
            int(location.line)
            int(location.column)
        }
    }

    /// Reads what `Writer` wrote, through a `ByteReader` (every length checked).
    struct Reader {
        var base: ByteReader
        let path: String

        init(buffer: UnsafeRawBufferPointer, path: String) {
            base = ByteReader(buffer)
            self.path = path
        }

        var failed: Bool { base.failed }
        var remaining: Int { base.remaining }

        mutating func byte() -> UInt8 { base.byte() }

        mutating func int() -> Int { base.int() }

        mutating func text() -> String? {
            let text = base.string()
            return base.failed ? nil : text
        }

        /// A string written by `Writer.string`.
        mutating func string() -> String? {
            byte() == 1 ? text() : nil
        }

        mutating func present() -> Bool { byte() == 1 }

        mutating func flag() -> Bool? {
            switch byte() {
            case 1: false
            case 2: true
            default: nil
            }
        }

        mutating func location() -> SourceLocation? {
            guard present() else { return nil }
            let line = int(), column = int()
            return SourceLocation(path: path, line: line, column: column)
        }
    }
}
