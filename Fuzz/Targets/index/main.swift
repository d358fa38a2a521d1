// The library index (`debate search`): claim files refreshed into SQLite, then searched with the
// user's text and filters. The input is a control byte, then NUL-separated parts: the search text,
// then up to three claim files (with no NUL, the one part is both the text and the only file). The
// files are rewritten in place for every input (often within the same clock tick, so the content
// hash must notice), and files an input does not have are deleted.
// Invariants: no call throws (a claim file that does not read is a problem of the refresh, and the
// user's text never reaches FTS5 as syntax); a file that does not decode is reported at that file
// and none of its claims is found; every claim of every file that decodes is found by its id with
// its tag; a hit is a claim of a file that exists and decodes, in the searched module, of the
// filter's side; a word of an ASCII tag finds its claim; what the claim cache gives back for a
// rewritten file is what the file decodes to now.
import DebateCore
import Foundation
import FuzzSupport
import LibraryIndex
import YAMLCoding

let base = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    + "/debate-fuzz-index-\(getpid())"
let pack = base + "/pack"
try! FileManager.default.createDirectory(atPath: pack, withIntermediateDirectories: true)
atexit { try? FileManager.default.removeItem(atPath: base) }
let index = try! LibraryIndex(path: base + "/index.sqlite")
let names = ["a.yaml", "b.yaml", "c.yaml"].map { pack + "/" + $0 }

func attempt<T>(_ what: String, _ body: () throws(IndexError) -> T) -> T {
    do throws(IndexError) {
        return try body()
    } catch {
        if error.message.isEmpty { violated("\(what) failed with no words") }
        violated("\(what) threw: \(error.message)")
    }
}

runFuzzer { bytes in
    guard let control = bytes.first else { return }
    let parts = bytes.dropFirst().split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { Array($0) }
    let text = String(decoding: parts[0], as: UTF8.self)
    let contents = parts.count > 1 ? Array(parts.dropFirst()) : [parts[0]]
    let files = Array(names.prefix(contents.count))
    for (path, content) in zip(files, contents) {
        FileManager.default.createFile(atPath: path, contents: Data(content))
    }
    for path in names.dropFirst(contents.count) { unlink(path) }

    // What the decoder makes of each file (absent: it does not decode): the index must say the same.
    var decoded: [String: [ClaimEntry]] = [:]
    for (path, content) in zip(files, contents) {
        var warnings: [YAMLWarning] = []
        decoded[path] = try? YAMLDecoder().decode(ClaimFile.self, from: content, path: path, warnings: &warnings).claims
    }

    let source = IndexSource(module: "fz", location: pack, content: .files(files))
    let report = attempt("refresh") { () throws(IndexError) in try index.refresh([source], force: control & 0x80 != 0) }
    for path in files where decoded[path] == nil {
        if !report.problems.contains(where: { $0.location?.path == path && !$0.message.isEmpty }) {
            violated("\(path) does not decode, and the refresh does not say so")
        }
    }
    for (path, claims) in decoded {
        for claim in claims {
            let found = attempt("claims(id:)") { () throws(IndexError) in try index.claims(id: claim.id, sources: report.sources) }
            if !found.contains(where: { $0.claim.location?.path == path && $0.claim.tag == claim.tag }) {
                violated("claim \(claim.id.debugDescription) of \(path) is not found by its id with its tag \(claim.tag.debugDescription)")
            }
        }
    }
    // The claim cache: what it gives back for the rewritten files must be what they decode to now
    // (never the previous input's claims); then store this input's, as a command does.
    let requests = files.map { LibraryIndex.CachedFileRequest(absolute: $0, path: $0) }
    let cached = attempt("cachedFiles") { () throws(IndexError) in try index.cachedFiles(pack: pack, files: requests) }
    for (path, file) in cached where file.claims != decoded[path] {
        violated("the claim cache gives back \(file.claims.count) claims of \(path) that differ from the \(decoded[path]?.count ?? 0) decoded")
    }
    let fresh = files.compactMap { path in (try? DecodedClaimFile.read(path)).map { (absolute: path, file: $0) } }
    attempt("storeCachedFiles") { () throws(IndexError) in try index.storeCachedFiles(pack: pack, fresh) }

    var filter = SearchFilter()
    switch control & 3 {
    case 1: filter.side = .pro
    case 2: filter.side = .con
    default: break
    }
    switch control >> 2 & 3 {
    case 1: filter.cards = true
    case 2: filter.cards = false
    case 3: filter.years = 1900 + Int(control & 0x7F)...2100
    default: break
    }
    let words = SearchQuery.words(text)
    if control & 0x10 != 0 {
        filter.role = words.first
        filter.response = words.dropFirst().first
    }
    if control & 0x20 != 0 { filter.modules = ["fz", text] }
    let query = SearchQuery(text)
    let hits = attempt("search") { () throws(IndexError) in
        try index.search(query, filter: filter, sources: report.sources, limit: 50, any: control & 0x40 != 0)
    }
    for hit in hits {
        guard let path = hit.claim.location?.path, files.contains(path), access(path, F_OK) == 0 else {
            violated("hit \(hit.claim.id.debugDescription) is in \(hit.claim.location?.path ?? "no file"), not a file of the pack")
        }
        guard let claims = decoded[path] else { violated("hit \(hit.claim.id.debugDescription) comes from \(path), which does not decode") }
        if !claims.contains(where: { $0.id == hit.claim.id }) { violated("hit \(hit.claim.id.debugDescription) is no claim of \(path)") }
        if hit.claim.module != "fz" { violated("hit of module \(hit.claim.module)") }
        if let side = filter.side, hit.claim.side != side { violated("hit of side \(hit.claim.side) for a \(side) search") }
    }
    _ = attempt("answers") { () throws(IndexError) in try index.answers(to: text, filter: filter, sources: report.sources) }

    // Recall: a word of an ASCII tag (ASCII so that FTS5's tokenizer and ours split alike) finds its claim.
    for (path, claims) in decoded {
        guard let claim = claims.first, claim.tag.utf8.allSatisfy({ $0 < 0x80 }), let word = SearchQuery.words(claim.tag).last else { continue }
        let found = attempt("search") { () throws(IndexError) in
            try index.search(SearchQuery(word), sources: report.sources, limit: 1000)
        }
        if !found.contains(where: { $0.claim.id == claim.id && $0.claim.location?.path == path }) {
            violated("searching \(word.debugDescription) does not find claim \(claim.id.debugDescription) of \(path), whose tag is \(claim.tag.debugDescription)")
        }
    }
}
