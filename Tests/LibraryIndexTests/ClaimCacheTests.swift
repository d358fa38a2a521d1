import DebateCore
import Foundation
@testable import LibraryIndex
import Testing
import YAMLCoding

/// The claim cache gives back exactly what decoding the YAML gives: every position, entry, warning
/// and source position, for the built-in modules, a generated library and a file of odd cases.
@Suite struct ClaimCacheTests {
    let folder: URL
    let index: LibraryIndex

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("debate-claim-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = try LibraryIndex(path: folder.appendingPathComponent("index.sqlite").path)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Stores each file as decoded, reads it back from the cache, and compares the two field by field.
    func roundTrip(pack: String, files: [String]) throws {
        let decoded = try files.map { try DecodedClaimFile.read($0) }
        try index.storeCachedFiles(pack: pack, decoded.map { ($0.path, $0) })
        let cached = try index.cachedFiles(pack: pack, files: files.map { LibraryIndex.CachedFileRequest(absolute: $0, path: $0) })
        #expect(cached.count == files.count, "every unchanged file comes from the cache")
        for yaml in decoded {
            let cache = try #require(cached[yaml.path])
            Self.expectIdentical(yaml, cache)
        }
    }

    static func expectIdentical(_ yaml: DecodedClaimFile, _ cache: DecodedClaimFile) {
        #expect(cache.positions == yaml.positions)
        #expect(cache.warnings == yaml.warnings)
        #expect(cache.fingerprint == yaml.fingerprint)
        #expect(cache.claims.count == yaml.claims.count)
        for (a, b) in zip(yaml.claims, cache.claims) {
            // Every stored field (the synthesized ==), then what == leaves out: the evidence's runs
            // and its place in the file, which lint and not-verbatim point into.
            #expect(a == b, "entry \(a.id)")
            #expect(a.evidence?.runs == b.evidence?.runs)
            if let x = a.evidence?.scalar {
                guard let y = b.evidence?.scalar else {
                    Issue.record("entry \(a.id): the evidence's position is lost")
                    continue
                }
                #expect(x.location == y.location && x.style == y.style && x.value == y.value)
                #expect(x.startLine == y.startLine && x.startColumn == y.startColumn)
                for offset in [0, 1, x.value.count / 2, x.value.count - 1, x.value.count] {
                    #expect(x.location(ofValueOffset: offset) == y.location(ofValueOffset: offset), "entry \(a.id) offset \(offset)")
                }
            } else {
                #expect(b.evidence?.scalar == nil)
            }
            // And as the claims a module hands to the graph.
            let (ca, cb) = (a.claim(module: "m"), b.claim(module: "m"))
            #expect(ca.id == cb.id && ca.position == cb.position && ca.role == cb.role && ca.extends == cb.extends
                && ca.evenIf == cb.evenIf && ca.needsEvidence == cb.needsEvidence && ca.cite == cb.cite
                && ca.answersID == cb.answersID && ca.responseKind == cb.responseKind && ca.location == cb.location)
            #expect(a.deprecationDiagnostic == b.deprecationDiagnostic)
        }
    }

    @Test func builtInModulesComeBackExactly() throws {
        let resources = Self.repository.appendingPathComponent("Sources/BuiltInModules/Resources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: resources.path).sorted()
        #expect(!modules.isEmpty)
        for module in modules {
            let pack = resources.appendingPathComponent(module).path
            let files = try FileManager.default.contentsOfDirectory(atPath: pack)
                .filter { $0.hasSuffix(".yaml") && $0 != "module.yaml" }.sorted().map { pack + "/" + $0 }
            try roundTrip(pack: pack, files: files)
            // Positions and their roles are what the old index could not serve: these modules have them.
            let decoded = try files.map { try DecodedClaimFile.read($0) }
            #expect(decoded.contains { !$0.positions.isEmpty } && decoded.contains { $0.claims.contains { $0.role != nil } })
        }
    }

    @Test func generatedLibraryComesBackExactly() throws {
        let generator = Self.repository.appendingPathComponent("Benchmarks/generate.py").path
        let out = folder.appendingPathComponent("lib")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator, "--cards", "400", "--files", "4", "--seed", "3", "--out", out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return }  // no python3: nothing to generate
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let pack = out.appendingPathComponent("pack").path
        let files = try FileManager.default.contentsOfDirectory(atPath: pack)
            .filter { $0.hasSuffix(".yaml") && $0 != "module.yaml" }.sorted().map { pack + "/" + $0 }
        #expect(files.count == 4)
        try roundTrip(pack: pack, files: files)
    }

    /// Everything a claim file can say, with a warning, a deprecated spelling and every scalar style.
    @Test func oddCasesComeBackExactly() throws {
        let path = folder.appendingPathComponent("odd.yaml").path
        try """
            positions:
              - { id: odd.da, kind: disadvantage, title: "Odd DA", side: con }
            claims:
              - id: odd.link
                side: con
                position: odd.da
                role: link
                tag: The plan links # this reads as a comment
                tags: [a, "b c"]
                warrant: >
                  Folded
                  warrant.
                cite: { author: "A. Writer", qualifications: Prof, date: "2021-05", title: T, publication: P, url: "https://x.example",
                        source: sources/none.txt, text: "Writer 21, Prof", short: "Writer 21" }
                evidence: |
                  First ==line== here,
                  __second **line**__   \u{20}

              - id: odd.answer
                side: pro
                answers: odd.link
                response: concession
                extends: odd.other
                needs-evidence: true
                tag: 'We concede it — quoted'
                evidence: "Double \\"quoted\\" ==évidence=="
              - id: odd.other
                side: pro
                tag: Another
                even-if: false
                answers: odd.link
                response: no-link
            """.write(toFile: path, atomically: false, encoding: .utf8)
        let yaml = try DecodedClaimFile.read(path)
        #expect(!yaml.warnings.isEmpty, "the ` #` in a tag gives a warning, which the cache keeps")
        #expect(yaml.claims.contains { $0.deprecatedResponse != nil })
        try roundTrip(pack: folder.path, files: [path])
    }

    /// Runs are kept as lengths into the markup's text when they are cut from it (evidence read from
    /// YAML always is); runs that are not (made by hand) are kept as they are.
    @Test func runsNotCutFromTheMarkupComeBackAsTheyWere() throws {
        let path = folder.appendingPathComponent("runs.yaml").path
        try "claims:\n  - id: r.a\n    side: pro\n    tag: T\n    evidence: 'a \\_b __c__ ==d=='\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        var file = try DecodedClaimFile.read(path)
        #expect(file.claims[0].evidence?.runs.map(\.text) == ["a _b ", "c", " ", "d"])
        try roundTrip(pack: folder.path, files: [path])
        file.claims[0].evidence = Evidence(runs: [Evidence.Run("not", .highlight), Evidence.Run(" the markup")], markup: "a __b__")
        try index.storeCachedFiles(pack: folder.path, [(path, file)])
        let cached = try index.cachedFiles(pack: folder.path, files: [LibraryIndex.CachedFileRequest(absolute: path, path: path)])
        #expect(cached[path]?.claims[0].evidence?.runs == file.claims[0].evidence?.runs)
        #expect(cached[path]?.claims[0].evidence?.markup == "a __b__")
    }

    /// An edited file is not served; a file dropped from the pack leaves the cache.
    @Test func changedFilesAreNotServed() throws {
        let pack = folder.appendingPathComponent("pack").path
        try FileManager.default.createDirectory(atPath: pack, withIntermediateDirectories: true)
        let a = pack + "/a.yaml", b = pack + "/b.yaml"
        try "claims:\n  - { id: t.a, side: pro, tag: First }\n".write(toFile: a, atomically: false, encoding: .utf8)
        try "claims:\n  - { id: t.b, side: pro, tag: Second }\n".write(toFile: b, atomically: false, encoding: .utf8)
        try index.storeCachedFiles(pack: pack, [a, b].map { ($0, try DecodedClaimFile.read($0)) })
        // Same size, written at once: only the bytes tell.
        try "claims:\n  - { id: t.a, side: pro, tag: Fir5t }\n".write(toFile: a, atomically: false, encoding: .utf8)
        let requests = [a, b].map { LibraryIndex.CachedFileRequest(absolute: $0, path: $0) }
        let cached = try index.cachedFiles(pack: pack, files: requests)
        #expect(cached[a] == nil)
        #expect(cached[b]?.claims.first?.tag == "Second")
        _ = try index.cachedFiles(pack: pack, files: [requests[0]])
        #expect(try index.cachedFiles(pack: pack, files: requests)[b] == nil, "b was dropped when the pack no longer listed it")
    }
}
