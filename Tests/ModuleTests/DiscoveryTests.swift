import BuiltInModules
import DebateCore
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing
import YAMLCoding

/// Folders for every discovery source, each holding one module, plus a deck file.
private struct Layout {
    let root: URL
    var flag: URL { root.appendingPathComponent("flag") }
    var env: URL { root.appendingPathComponent("env") }
    var deckFolder: URL { root.appendingPathComponent("decks") }
    var deck: URL { deckFolder.appendingPathComponent("deck.yaml") }
    var xdg: URL { root.appendingPathComponent("xdg") }
    var bin: URL { root.appendingPathComponent("bin") }

    init() throws {
        root = try makeTemporaryFolder()
        try makePack("from-flag", in: flag)
        try makePack("from-env", in: env)
        try makePack("from-deck", in: deckFolder.appendingPathComponent("modules"))
        try makePack("from-user", in: xdg.appendingPathComponent("debate/modules"))
        try write("#!/bin/sh\nexit 1\n", to: bin.appendingPathComponent("debate-module-from-path"), executable: true)
        try write("#!/bin/sh\n", to: bin.appendingPathComponent("debate-module-Not_An_Id"), executable: true)
        try write("not executable", to: bin.appendingPathComponent("debate-module-plain"))
        try write("title: T\n", to: deck)
    }

    func search(pins: [ModulePin] = [], flags: [URL]? = nil) -> ModuleSearch {
        ModuleSearch(modulePaths: (flags ?? [flag]).map(\.path),
                     environment: ["DEBATE_MODULE_PATH": env.path + "::" + root.appendingPathComponent("missing").path,
                                   "XDG_DATA_HOME": xdg.path, "HOME": "/nonexistent", "PATH": bin.path],
                     deckFile: deck.path, pins: pins)
    }
}

@Test func discoveryFollowsTheDocumentedOrder() throws {
    let layout = try Layout()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let registry = try ModuleRegistry.discover(builtIns: try loadBuiltInModules(), search: layout.search())
    #expect(registry.ids == ["values", "security", "hedging", "from-flag", "from-env", "from-deck", "from-user", "from-path"])
    #expect(registry.entries.map(\.origin) == [.builtIn, .builtIn, .builtIn, .modulePath, .environment, .deck, .user, .path])
    #expect(registry.entry("from-deck")?.source.hasSuffix("decks/modules/from-deck") == true)
    #expect(registry.entry("from-path")?.source == layout.bin.appendingPathComponent("debate-module-from-path").path)
    #expect(registry.entry("from-flag")?.module.descriptor.version == "2.0.0")
    #expect(registry.conflicts.isEmpty)
}

@Test func userFolderFallsBackToHome() {
    let search = ModuleSearch(environment: ["HOME": "/home/debater"])
    #expect(search.userModulesFolder == "/home/debater/.local/share/debate/modules")
    #expect(ModuleSearch(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).userModulesFolder == "/x/debate/modules")
}

@Test func aMissingModulePathFolderIsAnError() throws {
    let layout = try Layout()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let message = failureMessage {
        _ = try ModuleRegistry.discover(builtIns: [], search: layout.search(flags: [layout.root.appendingPathComponent("nope")]))
    }
    #expect(message.contains("module path") && message.contains("nope is not a folder"))
}

@Test func twoModulesWithOneIdConflictUnlessPinned() throws {
    let layout = try Layout()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let twin = try makePack("from-env", in: layout.xdg.appendingPathComponent("debate/modules"))
    let registry = try ModuleRegistry.discover(builtIns: [], search: layout.search())
    let conflict = try #require(registry.conflict("from-env"))
    #expect(conflict.severity == .error)
    #expect(conflict.message.contains(layout.env.appendingPathComponent("from-env").path))
    #expect(conflict.message.contains(twin.path))
    #expect(conflict.hint?.contains("from:") == true)
    #expect(registry.conflict("from-flag") == nil)

    // The deck pins the second one (relative to the deck file): no conflict, and that one is used.
    let pinned = try ModuleRegistry.discover(builtIns: [], search: layout.search(pins: [
        ModulePin(id: "from-env", from: "../xdg/debate/modules/from-env")]))
    #expect(pinned.conflicts.isEmpty)
    #expect(pinned.entry("from-env")?.source.hasSuffix("xdg/debate/modules/from-env") == true)
}

@Test func aPackMayShadowABuiltInOnlyWhenPinned() throws {
    let layout = try Layout()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let shadow = try makePack("values", in: layout.flag)
    let builtIns = try loadBuiltInModules()
    let clash = try ModuleRegistry.discover(builtIns: builtIns, search: layout.search())
    #expect(clash.conflict("values")?.message.contains("built-in and \(shadow.path)") == true)

    let keepBuiltIn = try ModuleRegistry.discover(builtIns: builtIns, search: layout.search(pins: [ModulePin(id: "values", from: "built-in")]))
    #expect(keepBuiltIn.conflicts.isEmpty && keepBuiltIn.entry("values")?.origin == .builtIn)

    let takePack = try ModuleRegistry.discover(builtIns: builtIns, search: layout.search(pins: [ModulePin(id: "values", from: shadow.path)]))
    #expect(takePack.conflicts.isEmpty && takePack.entry("values")?.source == shadow.path)
    #expect(takePack.ids.filter { $0 == "values" }.count == 1)
}

@Test func pinsOutsideTheSearchPathLoadAndBadPinsAreErrors() throws {
    let layout = try Layout()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let elsewhere = try makePack("far-away", in: layout.root.appendingPathComponent("elsewhere"))
    let registry = try ModuleRegistry.discover(builtIns: [], search: layout.search(pins: [ModulePin(id: "far-away", from: elsewhere.path)]))
    #expect(registry.entry("far-away")?.origin == .pinned)

    let location = YAMLCoding.SourceLocation(path: "deck.yaml", line: 4, column: 5)
    let wrongID = failureMessage {
        _ = try ModuleRegistry.discover(builtIns: [], search: layout.search(pins: [ModulePin(id: "other", from: elsewhere.path, location: location)]))
    }
    #expect(wrongID.contains("deck.yaml:4:5: error: the deck pins `other` to \(elsewhere.path), which holds module `far-away`"), "\(wrongID)")
    let missing = failureMessage {
        _ = try ModuleRegistry.discover(builtIns: [], search: layout.search(pins: [ModulePin(id: "x", from: "gone", location: location)]))
    }
    #expect(missing.contains("does not exist"), "\(missing)")
    let noBuiltIn = failureMessage {
        _ = try ModuleRegistry.discover(builtIns: [], search: layout.search(pins: [ModulePin(id: "x", from: "built-in")]))
    }
    #expect(noBuiltIn.contains("no such module"))
}

@Test func packsAnswerBuiltInClaimsByID() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let builtIns = try loadBuiltInModules()
    let values = try #require(builtIns.first { $0.descriptor.id == "values" })
    let target = try #require(try values.arguments(for: ModuleContext(resolution: "r", side: .pro)).claims.first { $0.side == .pro })
    let pack = try makePack("replies", in: folder, claims: """
        claims:
          - id: replies.a2
            side: \(target.side.opponent.rawValue)
            answers: \(target.id)
            response: non-unique
            tag: The built-in claim's harm happens anyway
        """)
    var registry = ModuleRegistry(builtIns: builtIns)
    try registry.addPacks(from: [pack.path])
    let sets = try registry.modules.map { try $0.arguments(for: ModuleContext(resolution: "r", side: .pro)) }
    let graph = ArgumentGraph(sets)
    #expect(graph.validate().filter { $0.severity == .error }.isEmpty)
    #expect(graph.answers(to: target.id).map(\.id).contains("replies.a2"))
}
