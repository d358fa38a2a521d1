@testable import DebateCore
import Foundation
import Testing
import YAMLCoding

/// A claim file's entries read straight from the YAML tree (`ClaimEntry.decodeYAML`) are exactly
/// what `init(from:)` reads, field by field with every position and warning, and a file either
/// form refuses is refused with the same error: the fast form gives up, and `init(from:)` speaks.
@Suite struct ClaimEntryFastYAMLTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Decodes `text` both ways and expects the same result or the same error.
    static func expectSame(_ text: String, path: String = "claims.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func decode(fast: Bool) -> (file: ClaimFile?, warnings: [YAMLWarning], error: String?) {
            var decoder = YAMLDecoder()
            decoder.fastPaths = fast
            var warnings: [YAMLWarning] = []
            do {
                let file = try decoder.decode(ClaimFile.self, from: Array(text.utf8), path: path, warnings: &warnings)
                return (file, warnings, nil)
            } catch {
                return (nil, warnings, "\(error.location): \(error.message) | \(error.hint ?? "") | \(error.codingPath) | \(error.code)")
            }
        }
        let fast = decode(fast: true), slow = decode(fast: false)
        #expect(fast.error == slow.error, sourceLocation: sourceLocation)
        #expect(fast.warnings == slow.warnings, sourceLocation: sourceLocation)
        guard let a = fast.file, let b = slow.file else {
            #expect((fast.file == nil) == (slow.file == nil), sourceLocation: sourceLocation)
            return
        }
        #expect(a.positions == b.positions, sourceLocation: sourceLocation)
        #expect(a.claims.count == b.claims.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.claims, b.claims) {
            // The synthesized == covers every stored field (locations and the deprecated spelling
            // included); then what Evidence's == leaves out: its runs and its place in the file.
            #expect(x == y, "entry \(x.id)", sourceLocation: sourceLocation)
            #expect(x.evidence?.runs == y.evidence?.runs, sourceLocation: sourceLocation)
            let (p, q) = (x.evidence?.scalar, y.evidence?.scalar)
            #expect(p?.location == q?.location && p?.style == q?.style && p?.value == q?.value, sourceLocation: sourceLocation)
            #expect(p?.startLine == q?.startLine && p?.startColumn == q?.startColumn, sourceLocation: sourceLocation)
            if let p, let q {
                for offset in [0, 1, p.value.count / 2, p.value.count] {
                    #expect(p.location(ofValueOffset: offset) == q.location(ofValueOffset: offset), sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func theRepositorysClaimFilesReadAlike() throws {
        let folders = ["Sources/BuiltInModules/Resources", "Tests", "Examples"].map { Self.repository.appendingPathComponent($0).path }
        var checked = 0
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".yaml") && !relative.contains(".build/") {
                let path = folder + "/" + relative
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                      text.contains("claims:") else { continue }
                Self.expectSame(text, path: path)
                checked += 1
            }
        }
        #expect(checked >= 9)
    }

    @Test(arguments: [
        // Nulls: an optional written null is absent; a required one is an error.
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    warrant: ~\n    cite:\n      author: null\n      date:\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: ~\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    evidence: null\n    tags: ~\n    role: ~\n",
        // `#` in prose: a warning after a value, an error where it leaves the value empty.
        "# header\nclaims:\n  - id: a.b\n    side: pro\n    tag: Turn #2 is the link\n    warrant: w #3\n    cite: { author: A #b, title: T }\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: #1 answer\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    warrant: #1\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    cite:\n      author: #1\n",
        // Unknown keys, wrong shapes, unknown values.
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    colour: red\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    cite: { auther: X }\n",
        "claims:\n  - id: a.b\n    side: maybe\n    tag: T\n",
        "claims:\n  - id: a.b\n    side: AFF\n    tag: T\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: [T]\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    tags: [x, ~]\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    tags: x\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    role: linky\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: 42\n    warrant: true\n",
        "claims:\n  - id: A.b\n    side: pro\n    tag: T\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    extends: 'bad id'\n",
        "claims:\n  - { side: pro, tag: T }\n",
        // Answers, responses (old spellings too), even-if, booleans.
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    answers: x.y\n    response: concession\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    answers: x.y\n    response: concession\n    even-if: false\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    answers: x.y\n    response: no-link\n    even-if: true\n    needs-evidence: true\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    answers: x.y\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    response: no-link\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    even-if: true\n",
        "claims:\n  - id: a.b\n    side: con\n    tag: T\n    answers: x.y\n    response: nolink\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    needs-evidence: yes\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    needs-evidence: 'true'\n",
        // Evidence: styles, markup errors, trailing space, every scalar style.
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    cite: { author: A }\n    evidence: |\n      one __two ==three== four__\n      five \\_six\n\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    evidence: >\n      one __two\n      three==\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    evidence: 'it''s **key**  '\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    evidence: \"a\\tb ==c==\"\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: T\n    evidence: plain ==words\n",
        // Positions beside claims, anchors and aliases, flow style.
        "positions:\n  - { id: p.da, kind: disadvantage, title: P, side: con }\nclaims:\n  - &c { id: a.b, side: con, tag: T, position: p.da, role: link }\n",
        "claims:\n  - id: a.b\n    side: pro\n    tag: &t T\n    warrant: *t\n    cite: &cite { author: A, url: 'https://x', source: s.txt, text: 'A, T', short: A }\n  - id: a.c\n    side: pro\n    tag: U\n    cite: *cite\n",
    ])
    func oddEntriesReadAlike(_ text: String) {
        Self.expectSame(text)
    }
}
