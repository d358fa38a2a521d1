import Foundation
import Testing

/// A key moved two spaces left in a pack `modules new` wrote (`- id:` at column 1, keys at column 3):
/// YAML reads it as a key of the whole file, which ends the claims, and stops a line or more later.
/// The error is at the moved key, with the column it belongs at, whichever key it is (found by
/// re-checking the table with the real binary after `init` and `modules new`).
@Test func aKeyMovedOutOfAScaffoldedClaimIsReportedWhereItIs() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try debate(["init", "."], in: folder).status == 0)
    #expect(try debate(["modules", "new", "potash"], in: folder).status == 0)
    let claimsPath = folder.appendingPathComponent("modules/potash/claims.yaml")
    let original = try String(contentsOf: claimsPath, encoding: .utf8)
    let lines = original.components(separatedBy: "\n")
    let itemLine = try #require(lines.firstIndex { $0.hasPrefix("- id: potash.example") })
    let deckPath = folder.appendingPathComponent("decks/belarus-engagement.yaml")
    let deck = try String(contentsOf: deckPath, encoding: .utf8)
    try deck.replacingOccurrences(of: "modules:\n  - belarus\n", with: "modules:\n  - belarus\n  - potash\n")
        .write(to: deckPath, atomically: true, encoding: .utf8)
    #expect(try debate(["build", "decks/belarus-engagement.yaml"], in: folder).status == 0)
    var checked: [String] = []
    // Every key of the first claim but its id, including the last one before the next `- id:` and
    // keys whose value is a list or a mapping.
    for (number, text) in lines.enumerated() where number > itemLine && text.hasPrefix("  ") && !text.hasPrefix("   ") && !text.hasPrefix("  - ") {
        guard !text.hasPrefix("  - id:"), let colon = text.firstIndex(of: ":") else { continue }
        if lines[itemLine + 1..<number].contains(where: { $0.hasPrefix("- ") }) { break }  // the next claim
        let key = String(text[text.index(text.startIndex, offsetBy: 2)..<colon])
        var moved = lines
        moved[number] = String(text.dropFirst(2))
        try moved.joined(separator: "\n").write(to: claimsPath, atomically: true, encoding: .utf8)
        let result = try debate(["build", "decks/belarus-engagement.yaml"], in: folder)
        #expect(result.status == 65, "\(key): \(result.stderr)")
        #expect(errorLines(result.stderr) == ["modules/potash/claims.yaml:\(number + 1):1: error: `\(key):` is indented less than the other keys "
            + "of the item on line \(itemLine + 1) (`potash.example`), so YAML reads it as the end of that item; "
            + "line `\(key):` up with `id:` (column 3) [yaml-indentation]"], "\(key): \(result.stderr)")
        checked.append(key)
    }
    #expect(checked.count >= 6, "\(checked)")
    #expect(checked.contains("tag") && checked.contains("side") && checked.contains("evidence") && checked.contains("cite"), "\(checked)")
}
