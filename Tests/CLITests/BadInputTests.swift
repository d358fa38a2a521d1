import Foundation
import Testing

/// A deck that uses one pack; each test breaks one thing and expects one positioned error.
let workingDeck = """
title: Broken on purpose
resolution: Resolved that tests fail loudly.
side: pro
modules: [probe]
sections:
  - pocket: P
    hats:
      - hat: H
        blocks:
          - block: B
            select: { modules: [probe] }
outputs:
  - { format: markdown, path: out/probe.md }

"""

let workingManifest = """
id: probe
title: Probe
summary: A pack for error tests.
version: 1.0.0
kind: pack

"""

let workingClaims = """
claims:
  - id: probe.one
    side: pro
    tag: A claim
    evidence: |
      Some ==highlighted== words.

"""

/// Writes deck + pack into a fresh folder, runs `debate build`, returns the result and the folder.
func buildProbe(deck: String = workingDeck, claims: String = workingClaims) throws -> (RunResult, URL) {
    let folder = try temporaryFolder()
    let pack = folder.appendingPathComponent("modules/probe")
    try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
    try workingManifest.write(to: pack.appendingPathComponent("module.yaml"), atomically: true, encoding: .utf8)
    try claims.write(to: pack.appendingPathComponent("claims.yaml"), atomically: true, encoding: .utf8)
    try deck.write(to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
    let result = try debate(["build", "deck.yaml", "--module-path", "modules"], in: folder)
    return (result, folder)
}

func errorLines(_ stderr: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
}

@Test func theProbeBuilds() throws {
    let (result, folder) = try buildProbe()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/probe.md").path))
}

@Test func typoedKeyGetsOnePositionedErrorWithAHint() throws {
    let (result, folder) = try buildProbe(claims: workingClaims.replacingOccurrences(of: "    tag: A claim", with: "    tga: A claim"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(errors.first?.hasSuffix("modules/probe/claims.yaml:4:5: error: unknown key `tga` in claim `probe.one`; did you mean `tag`? [unknown-key]") == true,
            "\(errors)")
    #expect(errors.first?.contains("did you mean `tag`?") == true)
}

@Test func wrongTypeGetsOnePositionedError() throws {
    let (result, folder) = try buildProbe(deck: workingDeck.replacingOccurrences(of: "side: pro", with: "side: [pro]"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(errors.first?.hasPrefix("deck.yaml:3:7: error: ") == true, "\(errors)")
}

@Test func unclosedHighlightPointsAtItsMarker() throws {
    let (result, folder) = try buildProbe(claims: workingClaims.replacingOccurrences(of: "Some ==highlighted== words.", with: "Some ==highlighted words."))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(errors.first?.contains("claims.yaml:6:12: error: this highlight `==` is never closed") == true, "\(errors)")
}

@Test func brokenYAMLGetsOnePositionedError() throws {
    let (result, folder) = try buildProbe(deck: workingDeck.replacingOccurrences(of: "modules: [probe]", with: "modules: [probe"))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(errors.first?.hasPrefix("deck.yaml:") == true, "\(errors)")
}

@Test func unknownEnumValueListsTheChoices() throws {
    let claims = workingClaims + """
      - id: probe.two
        side: pro
        answers: probe.one
        response: linkturn
        tag: Answer

    """
    let (result, folder) = try buildProbe(claims: claims)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    let errors = errorLines(result.stderr)
    #expect(errors.count == 1, "\(result.stderr)")
    #expect(errors.first?.contains("claims.yaml:10:15: error: unknown value `linkturn`") == true, "\(errors)")
    #expect(errors.first?.contains("did you mean `link-turn`?") == true)
}

@Test func billionLaughsFailsFast() throws {
    var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        previous = name
    }
    let start = Date()
    let (result, folder) = try buildProbe(deck: yaml)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(result.status == 65)
    #expect(result.stderr.contains("deck.yaml:"), "\(result.stderr)")
    // Not a timing assertion on performance: a hang would show here as minutes, not seconds.
    #expect(Date().timeIntervalSince(start) < 60)
}

@Test func aFailedBuildLeavesTheOldOutputAlone() throws {
    let (first, folder) = try buildProbe()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(first.status == 0)
    let output = folder.appendingPathComponent("out/probe.md")
    let before = try String(contentsOf: output, encoding: .utf8)
    try workingClaims.replacingOccurrences(of: "==highlighted==", with: "==highlighted")
        .write(to: folder.appendingPathComponent("modules/probe/claims.yaml"), atomically: true, encoding: .utf8)
    let second = try debate(["build", "deck.yaml", "--module-path", "modules"], in: folder)
    #expect(second.status == 65)
    #expect(try String(contentsOf: output, encoding: .utf8) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
    #expect(leftovers == ["probe.md"], "temporary files left behind: \(leftovers)")
}

@Test func duplicateModuleIdsNameBothPlaces() throws {
    let (first, folder) = try buildProbe()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(first.status == 0)
    let copy = folder.appendingPathComponent("more/probe")
    try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: folder.appendingPathComponent("modules/probe"), to: copy)
    let result = try debate(["build", "deck.yaml", "--module-path", "modules", "--module-path", "more"], in: folder)
    #expect(result.status == 65)
    #expect(result.stderr.contains("two modules have the id `probe`: modules/probe and more/probe"), "\(result.stderr)")
}
