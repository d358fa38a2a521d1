// The Kialo plain-text export parser and the import built on it.
// Invariants: every error is positioned inside the input; an accepted discussion imports into
// claims that answer claims of the same import, and the claim file we write reads back the same.
import DebateCore
import FuzzSupport
import ModuleAuthoring
import ModuleFormat
import YAMLCoding

enum Input { static let path = "fuzz.txt" }


runFuzzer { bytes in
    let bounds = InputBounds(bytes)
    let discussion: KialoDiscussion
    do throws(DiagnosticsError) {
        discussion = try KialoDiscussion.parse(bytes: bytes, path: Input.path)
    } catch {
        bounds.check(error.diagnostics, path: Input.path, "parsing")
        return
    }
    let claims = try! KialoImport(id: "fuzz").claims(from: discussion)
    let ids = Set(claims.map(\.id))
    if ids.count != claims.count { violated("two claims with one id") }
    for claim in claims {
        if !ClaimID.isValid(claim.id) { violated("imported claim id \(claim.id.debugDescription) breaks the claim-id grammar") }
        if let answers = claim.answers, !ids.contains(answers) { violated("\(claim.id) answers \(answers), which is not imported") }
    }
    do {
        let written = try emitYAML(["claims": .sequence(claims.map(ModuleScaffold.yaml))])
        let again = try YAMLDecoder().decode(ClaimFile.self, from: written, path: "claims.yaml")
        if again.claims.map({ var e = $0; e.location = nil; return e }) != claims { violated("imported claims read back differently") }
    } catch {
        violated("imported claims do not read back: \(error)")
    }
}
