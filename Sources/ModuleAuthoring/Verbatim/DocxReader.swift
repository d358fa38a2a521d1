import Foundation
import ZIPFoundation

/// Why a `.docx` cannot be read, in the user's words. `code` is stable.
public struct DocxReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { message }
}

/// Limits for untrusted files. Word documents of real teams stay far below them.
public struct DocxLimits: Sendable {
    /// The most bytes all the parts read may inflate to.
    public var maxTotalUncompressed: Int = 256 << 20
    /// The most bytes one part may inflate to: 64 MB, eight times the largest real Verbatim
    /// document.xml measured (8 MB, a 3.4 MB backfile); a bigger one is refused, not read into memory.
    public var maxPartUncompressed: Int = 64 << 20
    /// Inflated ÷ compressed size above which a part is taken for a zip bomb (text XML compresses ~10–30×).
    public var maxRatio: Int = 200
    /// The size of the file itself.
    public var maxFileSize: Int = 512 << 20
    public var maxEntries: Int = 10_000
    public init() {}
}

/// Reads a Word file (bytes or a path) into a `WordDocument`: the zip with caps, then
/// `word/styles.xml` and `word/document.xml` streamed through `XMLTokenizer` in inflated chunks.
public enum DocxReader {
    public static func read(path: String, limits: DocxLimits = DocxLimits()) throws(DocxReadError) -> WordDocument {
        let url = URL(fileURLWithPath: path)
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw DocxReadError("cannot-read", "cannot read the file")
        }
        guard size <= limits.maxFileSize else {
            throw DocxReadError("too-large", "the file is \(size >> 20) MB, more than the \(limits.maxFileSize >> 20) MB a Word file may have here")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DocxReadError("cannot-read", "cannot read the file") }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        try checkSignature(head, wholeFile: { (try? Data(contentsOf: url)) ?? Data() })
        return try read(try open { try Archive(url: url, accessMode: .read) }, limits: limits)
    }

    public static func read(data: Data, limits: DocxLimits = DocxLimits()) throws(DocxReadError) -> WordDocument {
        guard data.count <= limits.maxFileSize else {
            throw DocxReadError("too-large", "the file is \(data.count >> 20) MB, more than the \(limits.maxFileSize >> 20) MB a Word file may have here")
        }
        try checkSignature(data.prefix(8), wholeFile: { data })
        return try read(try open { try Archive(data: data, accessMode: .read) }, limits: limits)
    }

    static func open(_ make: () throws -> Archive) throws(DocxReadError) -> Archive {
        do {
            return try make()
        } catch {
            throw DocxReadError("bad-zip", "it is not a readable .docx: the zip archive is damaged or cut short")
        }
    }

    /// An old binary `.doc` and an encrypted `.docx` are both OLE compound files (D0 CF 11 E0 A1 B1 1A E1);
    /// an encrypted one holds an `EncryptedPackage` stream (MS-OFFCRYPTO §2.3.4.4).
    static func checkSignature(_ head: Data, wholeFile: () -> Data) throws(DocxReadError) {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if Array(head.prefix(8)) == ole {
            let name = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if wholeFile().range(of: name) != nil {
                throw DocxReadError("encrypted", "it is an encrypted (password-protected) Word file; save a copy without a password and import that")
            }
            throw DocxReadError("old-doc", "it is an old binary Word document (.doc), not a .docx; open it in Word and save it as .docx")
        }
        guard head.count >= 4, Array(head.prefix(4)) == [0x50, 0x4B, 0x03, 0x04] else {
            throw DocxReadError("not-docx", "it is not a Word .docx file (no zip signature)")
        }
    }

    static func read(_ archive: Archive, limits: DocxLimits) throws(DocxReadError) -> WordDocument {
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else {
                throw DocxReadError("too-many-parts", "the archive has more than \(limits.maxEntries) parts")
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\\") || parts.contains("..") || path.contains("\0")
                || (path.count > 1 && path.dropFirst().hasPrefix(":")) {
                throw DocxReadError("unsafe-path", "the archive holds a part whose path leaves the archive (`\(path)`); it is not read")
            }
            entries[path] = entry
        }
        guard let documentEntry = entries["word/document.xml"] else {
            throw DocxReadError("no-document", "it has no word/document.xml, so it is not a Word document (or its parts are encrypted)")
        }
        var budget = limits.maxTotalUncompressed
        var styles = WordStyles()
        if let stylesEntry = entries["word/styles.xml"] {
            var tokenizer = XMLTokenizer(handler: StylesHandler())
            try inflate(stylesEntry, named: "word/styles.xml", from: archive, limits: limits, budget: &budget) { (chunk) throws(XMLReadError) in
                try tokenizer.feed(chunk)
            } finish: { () throws(XMLReadError) in try tokenizer.finish() }
            styles = tokenizer.handler.styles
        }
        var tokenizer = XMLTokenizer(handler: DocumentHandler())
        try inflate(documentEntry, named: "word/document.xml", from: archive, limits: limits, budget: &budget) { (chunk) throws(XMLReadError) in
            try tokenizer.feed(chunk)
        } finish: { () throws(XMLReadError) in try tokenizer.finish() }
        var document = tokenizer.handler.document
        document.styles = styles
        return document
    }

    private struct Stop: Error { var error: DocxReadError }

    static func inflate(_ entry: Entry, named name: String, from archive: Archive, limits: DocxLimits, budget: inout Int,
                        feed: (Data) throws(XMLReadError) -> Void, finish: () throws(XMLReadError) -> Void) throws(DocxReadError) {
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let partLimit = min(limits.maxPartUncompressed, compressed.multipliedReportingOverflow(by: limits.maxRatio).overflow
            ? Int.max : max(compressed * limits.maxRatio, 1 << 20))
        if Int(clamping: entry.uncompressedSize) > partLimit || Int(clamping: entry.uncompressedSize) > budget {
            throw bomb(name, entry, limits)
        }
        var seen = 0
        var remaining = budget
        do {
            // No CRC-32 pass (it cost as much as the inflating): zlib checks the deflate stream
            // itself, and the strict XML tokenizer rejects what a damaged part would turn into.
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true, progress: nil) { data in
                seen += data.count
                remaining -= data.count
                if seen > partLimit || remaining < 0 { throw Stop(error: bomb(name, entry, limits)) }
                do {
                    try feed(data)
                } catch let error as XMLReadError {
                    throw Stop(error: DocxReadError("bad-xml", "\(name) is not well-formed: \(error.message) (byte \(error.offset))"))
                }
            }
            try finish()
        } catch let stop as Stop {
            throw stop.error
        } catch let error as XMLReadError {
            throw DocxReadError("bad-xml", "\(name) is not well-formed: \(error.message) (byte \(error.offset))")
        } catch {
            throw DocxReadError("bad-zip", "its part \(name) cannot be inflated: the archive is damaged or cut short")
        }
        budget = remaining
    }

    static func bomb(_ name: String, _ entry: Entry, _ limits: DocxLimits) -> DocxReadError {
        let compressed = max(Int(clamping: entry.compressedSize), 1), size = Int(clamping: entry.uncompressedSize)
        // A part that says it is big but compresses like text is a document too large to read, not a bomb.
        if size > limits.maxPartUncompressed, size / compressed <= limits.maxRatio {
            return DocxReadError("too-large", "its part \(name) is \(size >> 20) MB of XML, more than the \(limits.maxPartUncompressed >> 20) MB a document may have here (the largest real Verbatim file measured has 8 MB); split the document in Word")
        }
        return DocxReadError("zip-bomb", "its part \(name) inflates beyond the limits (\(limits.maxPartUncompressed >> 20) MB, \(limits.maxRatio)× its compressed size); it looks like a zip bomb and is not read")
    }
}
