@testable import DebateCore
import Testing
import YAMLCoding

/// One card decoded from YAML, so findings carry positions in the file.
private func findings(_ evidence: String, tag: String = "Tag", source: String? = nil,
                      checks: [EvidenceCheck] = EvidenceEthics.checks) throws -> [Diagnostic] {
    let cite = source == nil ? "" : "\n    cite: { author: A B, source: src.txt }"
    let yaml = "claims:\n  - id: c.card\n    side: con\n    tag: \(tag)\(cite)\n    evidence: |\n      \(evidence)\n"
    let file = try YAMLDecoder().decode(ClaimFile.self, from: Array(yaml.utf8), path: "c.yaml")
    let set = ArgumentSet(module: "c", claims: file.claims.map { $0.claim(module: "c") }, directory: "/pack")
    return EvidenceEthics.check([set], checks: checks) { path in
        guard path == "/pack/src.txt", let source else { throw SourceFileError(message: "no such file") }
        return source
    }
}

@Test func skippingNotBetweenReadWordsIsFlaggedWhereItStands() throws {
    // The built-in card the coach review caught: "is not trying to" skipped.
    let d = try findings("==The White House== is not trying to ==conjure a diplomatic opening==.", checks: [.highlightDropsNegation])
    #expect(d.count == 1)
    #expect(d.first?.code == "highlight-drops-negation")
    #expect(d.first?.message.contains("skips the negation “not”") == true)
    #expect(d.first?.location?.line == 6)
    #expect(d.first?.location?.column == 30)  // six spaces of indent, then “==The White House== is ”
}

@Test func notOnlyButAndUnreadAsidesAreNotFlagged() throws {
    #expect(try findings("==Minsk hedges== not only to gain terms but ==to stabilize the region==.", checks: [.highlightDropsNegation]).isEmpty)
    #expect(try findings("==Washington engages states== — itself far from a monolith — ==of every kind==.", checks: [.highlightDropsNegation]).isEmpty)
    #expect(try findings("==The plan passes== and no one objects.", checks: [.highlightDropsNegation]).isEmpty)
}

@Test func droppedQualifiersAreOneWarningPerCard() throws {
    let d = try findings("==War== could ==break out== and may ==spread== if ==talks fail==.", checks: [.highlightDropsNegation])
    #expect(d.count == 1)
    #expect(d.first?.message.contains("skips the qualifier “could” and 2 more") == true)
}

@Test func aCardThatOpensMidThoughtIsFlagged() throws {
    let latter = try findings("The latter strategies were ==tried== and ==failed==.", checks: [.cardStartsMidThought])
    #expect(latter.first?.code == "card-starts-mid-thought")
    #expect(latter.first?.location?.line == 6)
    #expect(try findings("and so ==it failed==.", checks: [.cardStartsMidThought]).count == 1)
    #expect(try findings("This article ==argues== it failed.", checks: [.cardStartsMidThought]).isEmpty)
    #expect(try findings("Sanctions ==failed==.", checks: [.cardStartsMidThought]).isEmpty)
}

@Test func aTagThatAssertsWhatTheCardOnlyAllowsIsFlagged() throws {
    let d = try findings("A pledge ==can eventually be formalized==.", tag: "The pledge will lock in peace", checks: [.tagOverclaims])
    #expect(d.first?.message == "card `c.card`: the tag says “will”, but the read text only says “can”")
    #expect(try findings("A pledge ==will be formalized==, as it can be.", tag: "The pledge will lock in peace", checks: [.tagOverclaims]).isEmpty)
}

@Test func evidenceMustBeAnExactExcerptOfItsSource() throws {
    let source = "Five years of isolation have been a “crystalline case study in abject failure” — nothing more.\n"
    #expect(try findings("isolation have been a \"crystalline ==case study== in abject failure\" - nothing",
                         source: source, checks: [.notVerbatim]).isEmpty)
    let d = try findings("isolation have been a \"crystalline case study in total failure\"", source: source, checks: [.notVerbatim])
    let error = try #require(d.first)
    #expect(error.severity == .error && error.code == "not-verbatim")
    #expect(error.message.contains("reads “total failure\"…” where the source has “abject failure"))
    #expect(error.location?.line == 7)
    #expect(error.location?.column == 56)  // the “t” of “total”
}

@Test func aMissingSourceIsAnError() throws {
    let d = try findings("text", source: nil, checks: [.notVerbatim])
    #expect(d.isEmpty)
    let yaml = "claims:\n  - { id: c.x, side: con, tag: T, cite: { source: gone.txt }, evidence: text }\n"
    let file = try YAMLDecoder().decode(ClaimFile.self, from: Array(yaml.utf8), path: "c.yaml")
    let set = ArgumentSet(module: "c", claims: file.claims.map { $0.claim(module: "c") }, directory: "/nowhere")
    let missing = EvidenceEthics.check([set], checks: [.notVerbatim])
    #expect(missing.first?.code == "source-not-found")
}
