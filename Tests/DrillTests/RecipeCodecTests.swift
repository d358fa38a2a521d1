import DebateCore
@testable import Drill
import Foundation
import Testing

/// The quiz memo keeps a deck's recipes (`RecipeCodec`): read back, they must draw the same items,
/// in the same order, with the same choices, as the deck itself, for any seed.
@Suite("Recipe codec")
struct RecipeCodecTests {
    @Test(arguments: [belarusDeck, belarusNegDeck, citesDeck])
    func keptRecipesDrawWhatTheDeckDraws(deck: String) throws {
        let generator = try #require(DrillItemGenerator(build: try build(deck, packs: deck == citesDeck ? [citesPack] : [])))
        let recipes = generator.recipes()
        let (header, items) = RecipeCodec.encode(recipes)
        let decoded = RecipeCodec.decode(header: header, item: { items.indices.contains($0) ? items[$0] : nil })
        let kept = try #require(decoded)
        for seed in [1, 2, 7, 123_456] {
            var live = PythonRandom(seed: seed), stored = PythonRandom(seed: seed)
            let expected = generator.items(using: &live)
            let outline = kept.outline(using: &stored)
            #expect(outline.map(\.id) == expected.map(\.id))
            #expect(outline.map { $0.build() } == expected)
            #expect(live.next() == stored.next(), "the draws must leave the stream where the deck's leave it")
        }
        #expect(!kept.unreadable.value)
    }

    @Test func damagedBytesAreNotRecipes() throws {
        let generator = try #require(DrillItemGenerator(build: try build(belarusDeck)))
        let (header, items) = RecipeCodec.encode(generator.recipes())
        #expect(RecipeCodec.decode(header: Data(header.prefix(header.count / 2)), item: { _ in nil }) == nil)
        #expect(RecipeCodec.decode(header: header + Data([1]), item: { _ in nil }) == nil)
        var wrongVersion = header
        wrongVersion[0] = 99
        #expect(RecipeCodec.decode(header: wrongVersion, item: { _ in nil }) == nil)
        // An item that cannot be read back: the session is told, and starts over from the deck.
        let damaged = RecipeCodec.decode(header: header, item: { items[$0].prefix(3) })
        let kept = try #require(damaged)
        var random = PythonRandom(seed: 1)
        _ = kept.outline(using: &random).first?.build()
        #expect(kept.unreadable.value)
    }
}
