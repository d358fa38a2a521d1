import BuiltInModules
import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

/// All built-in modules' claims for one side, as a deck using all three would see them.
func allClaims(side: Side) throws -> [any Claim] {
    try registered.flatMap { try $0.arguments(for: ModuleContext(resolution: "r", side: side)).claims }
}

/// Every built-in module contributes drills about its own claims, and never offers the answer twice.
@Test(arguments: registered.map(\.descriptor.id), [Side.pro, .con])
func builtInModulesContributeDrills(_ id: String, side: Side) throws {
    let module = try #require(registered.first { $0.descriptor.id == id })
    let claims = try allClaims(side: side)
    let drills = module.drills(for: ModuleContext(resolution: "r", side: side), claims: claims)
    #expect(!drills.isEmpty, "\(id) contributes no drills for \(side)")
    let own = Set(claims.filter { $0.module == id }.map(\.id))
    var keys: Set<String> = []
    for drill in drills {
        #expect(own.contains(drill.claimID), "\(id) drills `\(drill.claimID)`, not one of its claims")
        #expect(keys.insert("\(drill.claimID):\(drill.name)").inserted, "two drills share \(drill.claimID):\(drill.name)")
        #expect(!drill.distractors.isEmpty)
        let comparable = drill.distractors.map(ModuleDrill.comparable)
        #expect(!comparable.contains(ModuleDrill.comparable(drill.answer)), "\(drill.name): the answer is among the distractors")
        #expect(Set(comparable).count == comparable.count)
    }
}

@Test(arguments: [Side.pro, Side.con])
func hedgingDrillsThePrecedentExchangeNotTrivia(side: Side) throws {
    let module = try #require(registered.first { $0.descriptor.id == "hedging" })
    let claims = try allClaims(side: side)
    let drills = module.drills(for: ModuleContext(resolution: "r", side: side), claims: claims)
    let tag = { (id: String) in claims.first { $0.id == id }?.tag }
    #expect(!drills.isEmpty)
    // The affirmative answers the press that the precedent does not transfer; the negative makes it.
    let expected = side == .pro ? ["hedging.a2-ally-no-need-to-sever", "hedging.a2-ally-already-hedges"] : ["hedging.neg-russian-ally"]
    #expect(Set(drills.map(\.claimID)) == Set(expected))
    for drill in drills {
        #expect(!drill.prompt.contains("Which country"), "trivia: \(drill.prompt)")
        #expect(drill.answer == tag(drill.claimID))
        // Never another answer to the same claim, nor an answer within the hedging exchange.
        let target = (claims.first { $0.id == drill.claimID } as? any Counterclaim)?.answers
        for wrong in drill.distractors {
            let other = claims.first { $0.tag == wrong } as? any Counterclaim
            #expect(other != nil && other?.answers != target, "\(drill.claimID) offers \(wrong)")
            #expect(!(other.map { $0.module == "hedging" } ?? false), "\(drill.claimID) offers a hedging answer: \(wrong)")
        }
        #expect(drill.distractors.count >= 2)
        #expect((drill.explanation ?? "").count > 20)
    }
}

@Test(arguments: [Side.pro, Side.con])
func valuesMatchesEachDoubleStandardToTheChargeItAnswers(side: Side) throws {
    let module = try #require(registered.first { $0.descriptor.id == "values" })
    let claims = try allClaims(side: side)
    let drills = module.drills(for: ModuleContext(resolution: "r", side: side), claims: claims)
    let tag = { (id: String) in claims.first { $0.id == id }?.tag }
    // Baku is a non-unique against the DA's uniqueness; "another standard" is a no-link against its link.
    let azerbaijan = try #require(drills.first { $0.claimID == "values.double-standard-azerbaijan" })
    #expect(azerbaijan.answer == tag("values.legit-uniqueness"))
    #expect(azerbaijan.prompt.contains("Baku"), "the double standard is the question: \(azerbaijan.prompt)")
    #expect(azerbaijan.prompt.hasPrefix(side == .pro ? "Our double standard" : "Their double standard"))
    #expect(azerbaijan.explanation?.hasPrefix("Non-unique against the uniqueness:") == true, "\(azerbaijan.explanation ?? "")")
    let standard = try #require(drills.first { $0.claimID == "values.held-to-another-standard" })
    #expect(standard.answer == tag("values.legit-link"))
    // Never a part the response could also answer: a no-link is offered no other link, a non-unique no other uniqueness.
    for drill in drills {
        let response = try #require((claims.first { $0.id == drill.claimID } as? any Counterclaim)?.response)
        for wrong in drill.distractors {
            let role = claims.first { $0.tag == wrong }?.role
            #expect(role.map { !(response.answerableRoles?.contains($0) ?? false) } ?? true, "\(drill.claimID) offers \(wrong)")
        }
        #expect(!drill.prompt.contains(drill.answer))
        #expect(drill.distractors.count >= 2)
    }
}

@Test func securityAnswersThreatsNeverWithAnotherRightAnswer() throws {
    let module = try #require(registered.first { $0.descriptor.id == "security" })
    let claims = try allClaims(side: .pro)
    let drills = module.drills(for: ModuleContext(resolution: "r", side: .pro), claims: claims)
    // The negative's 2022 circumvention has two affirmative answers: neither is offered as wrong for the other.
    let passage = drills.filter { drill in
        (claims.first { $0.id == drill.claimID } as? any Counterclaim)?.answers == "security.neg-2022-passage"
    }
    #expect(passage.count == 2)
    let answersToPassage = Set(passage.map(\.answer))
    for drill in passage {
        #expect(answersToPassage.isDisjoint(with: drill.distractors), "another answer to the same threat is offered as wrong")
    }
}

@Test func packsContributeNoDrillsByDefault() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DeckBuilderTests/Fixtures/sample-pack")
    let pack = try PackModule(directory: folder.path)
    let claims = try pack.arguments(for: ModuleContext(resolution: "r", side: .pro)).claims
    #expect(pack.drills(for: ModuleContext(resolution: "r", side: .pro), claims: claims).isEmpty)
}
