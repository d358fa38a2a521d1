import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CLITests/Fixtures/kialo/free-transit.txt")

@Test func kialoFixtureBecomesClaimsAndCounterclaims() throws {
    let text = try String(contentsOf: fixture, encoding: .utf8)
    let discussion = try KialoDiscussion.parse(text, path: "free-transit.txt")
    #expect(discussion.title == "Should cities make public transit fare-free?")
    #expect(discussion.thesis.text == "Cities should make public transit fare-free.")
    let claims = try KialoImport(id: "transit").claims(from: discussion)
    #expect(claims.count >= 50)
    func claim(_ number: String) throws -> ClaimEntry { try #require(claims.first { $0.id == "transit.\(number)" }) }

    // Pros and cons of the thesis: claims for each side.
    #expect(try claim("1-1").side == .pro && claim("1-1").answers == nil && claim("1-1").tags?.contains("contention") == true)
    #expect(try claim("1-6").side == .con && claim("1-6").answers == nil)
    // A pro supports its parent: same side, not a counterclaim.
    #expect(try claim("1-1-1").side == .pro && claim("1-1-1").answers == nil && claim("1-1-1").tags?.contains("support") == true)
    // A con opposes its parent: the other side, answering it with the default response.
    let objection = try claim("1-1-2")
    #expect(objection.side == .con && objection.answers == "transit.1-1" && objection.response == .noLink)
    // A con of a con comes back to the first side.
    #expect(try claim("1-1-2-1").side == .pro && claim("1-1-2-1").answers == "transit.1-1-2")
    // A con below a con-of-the-thesis claim is the affirmative answering it.
    #expect(try claim("1-6-1-1").side == .pro && claim("1-6-1-1").answers == "transit.1-6-1")
    // Wrapped lines join; escaped parentheses lose their backslashes.
    #expect(try claim("1-2-1-1-1").tag.hasSuffix("gets home faster; that is a benefit, not a loss."))
    #expect(try claim("1-1-2-1").tag.contains("(road upkeep, parking, emergency care after crashes)"))
    // A link copies the linked claim's text and keeps its own place in the tree.
    let link = try claim("1-6-2-2")
    #expect(link.tag == (try claim("1-1-2-1").tag) && link.tags?.contains("kialo-link") == true)
    #expect(link.side == .pro && link.answers == "transit.1-6-2")
    // Every counterclaim answers a claim of the other side, and ids are unique.
    let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
    for entry in claims { if let answers = entry.answers { #expect(byID[answers]?.side == entry.side.opponent, "\(entry.id)") } }
}

@Test func kialoResponseKindIsAChoice() throws {
    let discussion = try KialoDiscussion.parse("1. T\n1.1. Pro: A\n1.1.1. Con: B\n", path: "x")
    let claims = try KialoImport(id: "k", response: .noImpact).claims(from: discussion)
    #expect(claims.map(\.response) == [nil, .noImpact])
    #expect(discussion.title == nil)
}

@Test(arguments: [
    ("Discussion Title: T\n\nstray words\n1. Thesis\n", "x.txt:3:1: error: text before the thesis"),
    ("1. T\n1.1 Pro: missing dot\n", "x.txt:2:1: error: malformed claim number"),
    ("1. T\n1.1. Maybe: what\n", "x.txt:2:6: error: expected `Pro:` or `Con:` after 1.1., found `Maybe`"),
    ("1. T\n1.1. Pro:\n", "x.txt:2:10: error: claim 1.1. has no text"),
    ("1. T\n1.2.1. Con: orphan\n", "x.txt:2:1: error: claim 1.2.1. has no parent"),
    ("1. T\n1.1. Pro: a\n1.1. Con: b\n", "x.txt:3:1: error: claim 1.1. appears twice (first on line 2)"),
    ("1. T\n1.1. Pro: -> See 1.9.\n", "x.txt:2:1: error: claim 1.1. links to 1.9., which is not in the discussion"),
    ("1. T\n1.1. Pro: -> See nowhere\n", "x.txt:2:11: error: malformed link"),
    ("1. T\n2. Another thesis\n", "x.txt:2:1: error: a second thesis"),
    ("Discussion Title: T\n", "x.txt:1:1: error: no thesis"),
    ("  1. T\n  1.1.  Con: indented\n  1.2. Huh\n", "x.txt:3:8: error: expected `Pro:` or `Con:`"),
])
func malformedKialoLinesArePositionedErrors(_ text: String, _ expected: String) {
    let message = failureMessage { _ = try KialoDiscussion.parse(text, path: "x.txt") }
    #expect(message.contains(expected), "\(message)")
}

@Test func kialoImportIDsComeFromTheFolder() {
    #expect(KialoImport.id(fromFolder: "modules/Kialo Transit!") == "kialo-transit")
    #expect(KialoImport.id(fromFolder: "out/2025_topic") == "topic")
    #expect(KialoImport.id(fromFolder: "///") == nil)
}

/// Issue 13: imported claim ids follow the claim-id grammar, and CRLF files read like LF ones.
@Test func kialoImportedIDsFollowTheGrammarAndCRLFReadsTheSame() throws {
    let text = try String(contentsOf: fixture, encoding: .utf8)
    let lf = try KialoDiscussion.parse(bytes: Array(text.utf8), path: "free-transit.txt")
    let crlf = try KialoDiscussion.parse(bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), path: "free-transit.txt")
    let importer = try KialoImport(id: "kialo-transit")
    let claims = importer.claims(from: lf)
    #expect(claims.count == 58)
    #expect(claims.allSatisfy { ClaimID.isValid($0.id) && ($0.answers.map(ClaimID.isValid) ?? true) })
    #expect(importer.claims(from: crlf) == claims)
}
