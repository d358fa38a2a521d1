// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "debate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debate", targets: ["debate"]),
        .library(name: "DebateCore", targets: ["DebateCore"]),
        .library(name: "YAMLCoding", targets: ["YAMLCoding"]),
        // Write a process module in Swift: see Examples/swift-module.
        .library(name: "DebateModuleKit", targets: ["DebateModuleKit"]),
        // Build decks from your own program: read packs, assemble a deck, render it.
        .library(name: "ModuleFormat", targets: ["ModuleFormat"]),
        .library(name: "DeckModel", targets: ["DeckModel"]),
        .library(name: "DeckBuilder", targets: ["DeckBuilder"]),
        // Authoring tools; its Verbatim .docx reader (DocxReader) takes bytes or a path on its own (fuzzable).
        .library(name: "ModuleAuthoring", targets: ["ModuleAuthoring"]),
        // The readers Fuzz/ (its own root package, for the sanitizer flags) drives; not an API.
        .library(name: "DebateReaders", targets: ["YAMLCoding", "DebateCore", "ModuleFormat", "ModuleAuthoring", "DeckBuilder", "LibraryIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libyaml from the system (apt: libyaml-dev); docs/ARCHITECTURE.md says why not Yams.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAMLCoding", dependencies: ["CYAML"]),
        // The vocabulary: claims, responses, evidence, the graph, diagnostics, the module and resolver protocols.
        .target(name: "DebateCore", dependencies: ["YAMLCoding"]),
        // The module formats: packs (module.yaml + claim files), built-in packs, the process protocol's messages.
        .target(name: "ModuleFormat", dependencies: ["DebateCore", "YAMLCoding"],
                exclude: ["Protocol/PROTOCOL.md", "Protocol/schema"]),
        // The built-in modules: a pack folder each in Resources/, and their drills.
        .target(name: "BuiltInModules", dependencies: ["DebateCore", "ModuleFormat"], resources: [.copy("Resources")]),
        // Finding and running modules: the search path, the registry, process modules.
        .target(name: "ModuleLoading", dependencies: ["DebateCore", "ModuleFormat", "YAMLCoding"]),
        // Writing modules: scaffolds and imports.
        .target(name: "ModuleAuthoring", dependencies: ["DebateCore", "ModuleFormat", "YAMLCoding",
                                                        .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "DebateModuleKit", dependencies: ["DebateCore", "ModuleFormat", "YAMLCoding"]),
        // The assembled deck that renderers and the quiz read.
        .target(name: "DeckModel", dependencies: ["DebateCore"]),
        .target(name: "DeckBuilder", dependencies: [
            "DebateCore", "DeckModel", "YAMLCoding",
            // .docx and .apkg are zip files; an .apkg holds an SQLite collection.
            .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Schema"]),
        // The library index: every claim a command can see, in SQLite with FTS5 (`debate search`).
        .target(name: "LibraryIndex", dependencies: ["DebateCore", "YAMLCoding", .product(name: "GRDB", package: "GRDB.swift")]),
        // `debate lint`: checks of modules and decks, as values.
        .target(name: "Linter", dependencies: ["DebateCore", "ModuleFormat", "ModuleLoading", "DeckBuilder", "YAMLCoding"]),
        .target(name: "Drill", dependencies: ["DebateCore", "DeckModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "debate", dependencies: [
            "DebateCore", "YAMLCoding", "DeckModel", "DeckBuilder", "BuiltInModules", "ModuleFormat", "ModuleLoading",
            "ModuleAuthoring", "Drill", "Linter", "LibraryIndex",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Command plugins (never prebuild): `swift package build-decks` / `lint-decks` run the debate tool built from source.
        .plugin(name: "BuildDecks",
                capability: .command(intent: .custom(verb: "build-decks", description: "Build every deck in decks/ into a folder (default out/)."),
                                     permissions: [.writeToPackageDirectory(reason: "build-decks writes the decks' outputs (default: out/).")]),
                dependencies: ["debate"]),
        .plugin(name: "LintDecks",
                capability: .command(intent: .custom(verb: "lint-decks", description: "Check the decks in decks/ (and the modules they use) with debate lint.")),
                dependencies: ["debate"]),
        .testTarget(name: "YAMLCodingTests", dependencies: ["YAMLCoding"]),
        .testTarget(name: "DebateCoreTests", dependencies: ["DebateCore"]),
        // Self-made .docx fixtures for the Verbatim importer's tests (library and CLI).
        .target(name: "DocxFixtures", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/DocxFixtures"),
        .testTarget(name: "ModuleAuthoringTests", dependencies: ["ModuleAuthoring", "DocxFixtures"]),
        .testTarget(name: "ModuleTests", dependencies: ["BuiltInModules", "ModuleFormat", "ModuleLoading", "ModuleAuthoring",
                                                         "DebateModuleKit", "YAMLCoding"]),
        .testTarget(name: "DeckBuilderTests", dependencies: ["DeckBuilder", "DeckModel", "ModuleFormat", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        // The py-fsrs reference vectors' model, shared by the scheduler's and the CLI's tests.
        .target(name: "FSRSReferenceVectors", path: "Tests/FSRSReferenceVectors"),
        .testTarget(name: "DrillTests", dependencies: ["Drill", "DeckModel", "DeckBuilder", "BuiltInModules", "ModuleLoading", "FSRSReferenceVectors",
                                                       .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "LibraryIndexTests", dependencies: ["LibraryIndex", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CLITests", dependencies: ["FSRSReferenceVectors", "DocxFixtures"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
