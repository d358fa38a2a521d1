import DebateCore
import Drill
import Foundation
import LibraryIndex
import ModuleFormat

/// `debate quiz`'s memo: the deck's drill items before their draws (`DrillRecipes`) under its input
/// key (`DeckKey`): what the draws need in one file beside the index (mapped, read whole) and each
/// item's question in a row of its own, so a session reads only the questions it asks. The same seed gives the same session from the memo as
/// from the deck: the draws are made by the same code from the same recipes.
struct QuizMemo {
    let index: LibraryIndex
    let key: DeckKey
    let digest: String
    let keyText: String

    /// nil with `DEBATE_INDEX=off`, without a usable index, or for a deck with no key.
    init?(deck: String, modules: ModulePathOptions, console: Console) {
        guard ProcessInfo.processInfo.environment["DEBATE_INDEX"] != "off",
              let key = DeckKey.of(deck: deck, modules: modules, console: console),
              let index = PackModule.claimCacheIndex else { return nil }
        self.index = index
        self.key = key
        keyText = "quiz\n" + key.text
        digest = DeckKey.digest(keyText)
    }

    /// The kept recipes, when the files the deck's build read besides the key's are unchanged too.
    func recipes() -> DrillRecipes? {
        guard let entry = index.memo(digest: digest, key: keyText), BuildMemo.depsUnchanged(entry.deps),
              let kept = entry.outputs[Self.headerName].flatMap(MappedOutput.init) else { return nil }
        let index = self.index, digest = self.digest
        guard let recipes = RecipeCodec.decode(header: kept.data, item: { index.memoItems(digest: digest, [$0])?[$0] }) else { return nil }
        KeptUntilExit.keep(kept)
        index.touchMemo(digest: digest)
        return recipes
    }

    func store(_ recipes: DrillRecipes, sets: [ArgumentSet]) {
        guard let deps = BuildMemo.deps(of: sets, key: key) else { return }
        let (header, items) = RecipeCodec.encode(recipes)
        index.storeMemo(digest: digest, key: keyText, facts: Data(), deps: deps)
        index.storeMemoItems(digest: digest, items)
        header.withUnsafeBytes { _ = index.storeMemoOutput(digest: digest, name: Self.headerName, bytes: $0, flags: 0) }
    }

    static let headerName = "recipes"
}
