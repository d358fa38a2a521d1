import Foundation

/// What a streaming XML reader reports. Names and text are views into the tokenizer's buffer,
/// valid only during the call.
public protocol XMLTokenHandler {
    /// A start tag; `selfClosing` tags get no separate `end` call.
    mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) throws(XMLReadError)
    mutating func end(_ name: XMLBytes) throws(XMLReadError)
    /// Character data, raw (entity references still in it unless `isCDATA`); may come in several pieces.
    mutating func text(_ raw: XMLBytes, isCDATA: Bool) throws(XMLReadError)
}

public typealias XMLBytes = UnsafeBufferPointer<UInt8>

/// A problem in the XML, with the byte offset where it was found.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public init(_ message: String, offset: Int = 0) {
        self.message = message
        self.offset = offset
    }
    public var description: String { "\(message) (at byte \(offset))" }
}

/// A small byte-level XML tokenizer for WordprocessingML parts, fed in chunks so memory stays
/// bounded whatever the size of the part.
///
/// It never reads a DTD: a `<!DOCTYPE` is an error, and the only entity references understood are
/// XML's five predefined ones and numeric character references (XML 1.0 §4.1, §4.6).
///
/// Its tokens do not depend on how the input is split into chunks (the inflater's chunk boundaries
/// fall anywhere): every call of the handler, and every error with its offset, is the same for any
/// chunking of the same bytes. So a tag, comment or processing instruction is held across chunks
/// until it is whole (up to `maxTokenBytes`: a longer one is an error wherever the chunks end), and a
/// run of text is held until the markup after it, or, when it is longer than `maxTextPiece`, handed
/// over in pieces whose ends depend only on the text itself: never inside a UTF-8 sequence or an
/// entity reference, so a handler may decode each piece on its own.
public struct XMLTokenizer<Handler: XMLTokenHandler> {
    public var handler: Handler
    public var maxTokenBytes: Int
    public var maxTextPiece: Int
    public var maxDepth: Int
    private var pending: [UInt8] = []
    private var consumedBefore = 0
    private var depth = 0
    private var sawRoot = false
    private var checkedStart = false

    public init(handler: Handler, maxTokenBytes: Int = 1 << 20, maxTextPiece: Int = 1 << 16, maxDepth: Int = 512) {
        self.handler = handler
        // A CDATA opening (9 bytes) and a reference (14) must fit.
        self.maxTokenBytes = max(16, maxTokenBytes)
        self.maxTextPiece = max(16, maxTextPiece)
        self.maxDepth = maxDepth
    }

    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(XMLReadError) {
        guard chunk.count > 0 else { return }
        if pending.isEmpty {
            let used = try process(chunk.bindMemory(to: UInt8.self), final: false)
            if used < chunk.count { pending.append(contentsOf: chunk[used...]) }
            consumedBefore += used
        } else {
            pending.append(contentsOf: chunk)
            try processPending(final: false)
        }
    }

    public mutating func feed(_ data: Data) throws(XMLReadError) {
        var failure: XMLReadError?
        data.withUnsafeBytes { raw in
            do { try feed(raw) } catch let error as XMLReadError { failure = error } catch { failure = XMLReadError("\(error)") }
        }
        if let failure { throw failure }
    }

    /// Reads all of `bytes`, fed in pieces that end at `cuts` (ascending offsets), then finishes: the
    /// calls and any error must not depend on `cuts` (the chunking tests and the `docx` fuzz target).
    public mutating func read(_ bytes: [UInt8], cuttingAt cuts: [Int]) throws(XMLReadError) {
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            try feed(Data(bytes[start..<cut]))
            start = cut
        }
        try finish()
    }

    /// Call after the last chunk: the document must be complete.
    public mutating func finish() throws(XMLReadError) {
        try processPending(final: true)
        if !sawRoot { throw XMLReadError("the XML has no root element", offset: consumedBefore) }
        if depth != 0 { throw XMLReadError("the XML ends before \(depth) element(s) are closed (the file is cut short)", offset: consumedBefore) }
    }

    private mutating func processPending(final: Bool) throws(XMLReadError) {
        var buffer = pending
        pending = []
        let used = try buffer.withUnsafeBufferPointer { (p) throws(XMLReadError) -> Int in try process(p, final: final) }
        consumedBefore += used
        if used < buffer.count {
            buffer.removeFirst(used)
            pending = buffer
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Tokenizes as much of `p` as forms whole tokens; returns the bytes used. What it leaves
    /// waits for the next chunk; with `final` (no chunk follows) nothing waits.
    private mutating func process(_ p: XMLBytes, final: Bool) throws(XMLReadError) -> Int {
        let n = p.count
        guard let base = p.baseAddress else { return 0 }
        var i = 0
        if !checkedStart {
            // A byte-order mark: UTF-16 is refused, UTF-8's is skipped (XML 1.0 §4.3.3).
            for mark: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF]] {
                let seen = min(n, mark.count)
                guard memcmp(base, mark, seen) == 0 else { continue }
                if seen < mark.count {
                    if final { continue }
                    return 0
                }
                if mark.count == 2 { throw XMLReadError("the XML is in UTF-16; only UTF-8 is read", offset: 0) }
                i = mark.count
            }
            checkedStart = true
        }
        while i < n {
            if base[i] != 0x3C {  // text up to the next `<`
                let found = memchr(base + i, 0x3C, n - i)
                let j = found.map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                if depth == 0 {
                    // Outside the root only white space; nothing is handed over, so nothing waits.
                    for k in i..<j where !Self.isSpace(base[k]) {
                        throw XMLReadError("text outside the root element", offset: consumedBefore + k)
                    }
                    i = j
                    continue
                }
                while j - i > maxTextPiece {
                    let piece = textPiece(base + i)
                    try handler.text(XMLBytes(start: base + i, count: piece), isCDATA: false)
                    i += piece
                }
                if found == nil && !final { return i }  // the run may go on in the next chunk
                if j > i { try handler.text(XMLBytes(start: base + i, count: j - i), isCDATA: false) }
                i = j
                continue
            }
            // Markup: it must be whole within `maxTokenBytes` from its `<`.
            let limit = min(n, i + maxTokenBytes)
            /// Nothing closes the markup in what is here: wait for more, unless it cannot come.
            func unfinished() throws(XMLReadError) -> Int {
                if n - i >= maxTokenBytes {
                    let size = maxTokenBytes >= 1024 ? "\(maxTokenBytes / 1024) KB" : "\(maxTokenBytes) bytes"
                    throw XMLReadError("an XML tag or comment longer than \(size)", offset: consumedBefore + i)
                }
                if final { throw XMLReadError("the XML ends inside a tag", offset: consumedBefore + i) }
                return i
            }
            guard i + 1 < limit else { return try unfinished() }
            let next = base[i + 1]
            if next == 0x2F {  // </name>
                guard let close = find(0x3E, in: base, from: i + 2, to: limit) else { return try unfinished() }
                var e = close
                while e > i + 2 && Self.isSpace(base[e - 1]) { e -= 1 }
                guard depth > 0 else { throw XMLReadError("a closing tag with no element open", offset: consumedBefore + i) }
                try handler.end(XMLBytes(start: base + i + 2, count: e - (i + 2)))
                depth -= 1
                i = close + 1
            } else if next == 0x3F {  // <? … ?>
                guard let close = findPair(0x3F, 0x3E, in: base, from: i + 2, to: limit) else { return try unfinished() }
                i = close + 2
            } else if next == 0x21 {  // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE
                guard i + 3 < limit else { return try unfinished() }
                if base[i + 2] == 0x2D && base[i + 3] == 0x2D {
                    guard let close = findClose(doubled: 0x2D, in: base, from: i + 4, to: limit) else { return try unfinished() }
                    i = close + 3
                } else if base[i + 2] == 0x5B {
                    guard i + 9 <= limit else { return try unfinished() }
                    guard memcmp(base + i, "<![CDATA[", 9) == 0 else {
                        throw XMLReadError("malformed markup `<![`", offset: consumedBefore + i)
                    }
                    guard let close = findClose(doubled: 0x5D, in: base, from: i + 9, to: limit) else { return try unfinished() }
                    if close > i + 9 { try handler.text(XMLBytes(start: base + i + 9, count: close - (i + 9)), isCDATA: true) }
                    i = close + 3
                } else {
                    throw XMLReadError("the XML declares a DOCTYPE or other DTD markup, which a Word file never has; it is not read",
                                       offset: consumedBefore + i)
                }
            } else {  // <name attributes… > or />
                var k = i + 1
                var quote: UInt8 = 0
                var close = -1
                while k < limit {
                    let b = base[k]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == 0x22 || b == 0x27 {
                        quote = b
                    } else if b == 0x3E {
                        close = k
                        break
                    } else if b == 0x3C {
                        throw XMLReadError("`<` inside a tag", offset: consumedBefore + k)
                    }
                    k += 1
                }
                guard close >= 0 else { return try unfinished() }
                let selfClosing = base[close - 1] == 0x2F
                let tagEnd = selfClosing ? close - 1 : close
                var nameEnd = i + 1
                while nameEnd < tagEnd && !Self.isSpace(base[nameEnd]) { nameEnd += 1 }
                guard nameEnd > i + 1 else { throw XMLReadError("a tag with no name", offset: consumedBefore + i) }
                if depth == 0 {
                    if sawRoot { throw XMLReadError("a second root element", offset: consumedBefore + i) }
                    sawRoot = true
                }
                let name = XMLBytes(start: base + i + 1, count: nameEnd - (i + 1))
                let attributes = XMLAttributes(bytes: XMLBytes(start: base + nameEnd, count: tagEnd - nameEnd))
                if !selfClosing {
                    depth += 1
                    if depth > maxDepth { throw XMLReadError("elements nested more than \(maxDepth) deep", offset: consumedBefore + i) }
                }
                try handler.start(name, attributes: attributes, selfClosing: selfClosing)
                i = close + 1
            }
        }
        return i
    }

    /// The length of the next piece of a text run longer than `maxTextPiece` that starts at `run`:
    /// at most `maxTextPiece` bytes, chosen from `run[0...maxTextPiece]` alone (so the same for every
    /// chunking), ending neither inside a UTF-8 sequence nor inside an entity reference.
    private func textPiece(_ run: UnsafePointer<UInt8>) -> Int {
        var end = maxTextPiece
        while end > 0 && run[end] & 0xC0 == 0x80 { end -= 1 }  // `run[end]` continues a sequence
        // A reference is `&`, at most 12 bytes, `;` (XMLText.decode): keep an open one whole.
        var k = end - 1
        while k >= 0 && end - k <= 13 {
            if run[k] == 0x3B { break }
            if run[k] == 0x26 {
                end = k
                break
            }
            k -= 1
        }
        return end > 0 ? end : maxTextPiece
    }

    private func find(_ byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int? {
        guard from < n, let found = memchr(base + from, Int32(byte), n - from) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    private func findPair(_ a: UInt8, _ b: UInt8, in base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int? {
        var k = from
        while let at = find(a, in: base, from: k, to: n) {
            if at + 1 >= n { return nil }
            if base[at + 1] == b { return at }
            k = at + 1
        }
        return nil
    }

    /// `-->` or `]]>`: the doubled byte, then `>`.
    private func findClose(doubled byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to n: Int) -> Int? {
        var k = from
        while let at = findPair(byte, byte, in: base, from: k, to: n) {
            if at + 2 >= n { return nil }
            if base[at + 2] == 0x3E { return at }
            k = at + 1
        }
        return nil
    }
}

/// The attributes of one start tag, read on demand.
public struct XMLAttributes {
    public let bytes: XMLBytes

    /// The raw value of the attribute named exactly `name` (qualified, e.g. `w:val`).
    public func value(_ name: StaticString) -> XMLBytes? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        let want = name.utf8Start, wantCount = name.utf8CodeUnitCount
        var i = 0
        while i < n {
            while i < n && XMLTokenizer<NoHandler>.isSpace(base[i]) { i += 1 }
            let nameStart = i
            while i < n && base[i] != 0x3D && !XMLTokenizer<NoHandler>.isSpace(base[i]) { i += 1 }
            let nameEnd = i
            while i < n && base[i] != 0x3D { i += 1 }
            i += 1
            while i < n && base[i] != 0x22 && base[i] != 0x27 { i += 1 }
            guard i < n else { return nil }
            let quote = base[i]
            i += 1
            let valueStart = i
            while i < n && base[i] != quote { i += 1 }
            let valueEnd = min(i, n)
            i += 1
            if nameEnd - nameStart == wantCount && memcmp(base + nameStart, want, wantCount) == 0 {
                return XMLBytes(start: base + valueStart, count: valueEnd - valueStart)
            }
        }
        return nil
    }

    /// The value as text, with references decoded.
    public func string(_ name: StaticString) throws(XMLReadError) -> String? {
        guard let raw = value(name) else { return nil }
        var out: [UInt8] = []
        try XMLText.decode(raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A handler that ignores everything (used to reach static helpers).
public struct NoHandler: XMLTokenHandler {
    public init() {}
    public mutating func start(_ name: XMLBytes, attributes: XMLAttributes, selfClosing: Bool) {}
    public mutating func end(_ name: XMLBytes) {}
    public mutating func text(_ raw: XMLBytes, isCDATA: Bool) {}
}

public enum XMLText {
    /// Appends `raw` to `out` with the predefined entity references and numeric character
    /// references decoded; any other reference is an error (a DTD's entities are never read).
    public static func decode(_ raw: XMLBytes, into out: inout [UInt8]) throws(XMLReadError) {
        guard let base = raw.baseAddress else { return }
        let n = raw.count
        var i = 0
        while i < n {
            guard let found = memchr(base + i, 0x26, n - i) else {
                out.append(contentsOf: XMLBytes(start: base + i, count: n - i))
                return
            }
            let amp = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if amp > i { out.append(contentsOf: XMLBytes(start: base + i, count: amp - i)) }
            var semi = amp + 1
            while semi < n && semi - amp <= 12 && base[semi] != 0x3B { semi += 1 }
            guard semi < n, base[semi] == 0x3B else { throw XMLReadError("a `&` that starts no reference", offset: amp) }
            let ref = XMLBytes(start: base + amp + 1, count: semi - amp - 1)
            if let scalar = character(ref) {
                var utf8 = [UInt8]()
                utf8.append(contentsOf: String(Character(scalar)).utf8)
                out.append(contentsOf: utf8)
            } else {
                let name = String(decoding: ref, as: UTF8.self)
                throw XMLReadError("the entity reference `&\(name);` is not one of XML's own; entities are never resolved", offset: amp)
            }
            i = semi + 1
        }
    }

    static func character(_ ref: XMLBytes) -> Unicode.Scalar? {
        switch String(decoding: ref, as: UTF8.self) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case let s where s.hasPrefix("#x") || s.hasPrefix("#X"):
            guard let v = UInt32(s.dropFirst(2), radix: 16), v != 0 else { return nil }
            return Unicode.Scalar(v)
        case let s where s.hasPrefix("#"):
            guard let v = UInt32(s.dropFirst()), v != 0 else { return nil }
            return Unicode.Scalar(v)
        default: return nil
        }
    }
}
