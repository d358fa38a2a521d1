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
        // The readers Fuzz/ (its own root package, for the sanitizer flags) drives; not an API.
        .library(name: "DebateReaders", targets: ["YAMLCoding", "DebateCore", "ModuleLoading", "DeckBuilder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libyaml from the system (apt: libyaml-dev); see DESIGN.md for why not Yams.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAMLCoding", dependencies: ["CYAML"]),
        .target(name: "DebateCore", dependencies: ["YAMLCoding"]),
        .target(name: "ValuesArguments", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "SecurityArguments", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "HedgingPrecedents", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "ModuleLoading", dependencies: ["DebateCore", "YAMLCoding"], exclude: ["Protocol/PROTOCOL.md", "Protocol/schema"]),
        .target(name: "DebateModuleKit", dependencies: ["DebateCore", "ModuleLoading", "YAMLCoding"]),
        .target(name: "BuiltInModules", dependencies: ["ValuesArguments", "SecurityArguments", "HedgingPrecedents", "ModuleLoading"]),
        .target(name: "DeckBuilder", dependencies: [
            "DebateCore", "ModuleLoading", "YAMLCoding",
            // .docx and .apkg are zip files; an .apkg holds an SQLite collection.
            .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Schema"]),
        .target(name: "Drill", dependencies: ["DebateCore", "DeckBuilder", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "debate", dependencies: [
            "DeckBuilder", "BuiltInModules", "ModuleLoading", "Drill",
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
        .testTarget(name: "ModuleTests", dependencies: ["BuiltInModules", "ModuleLoading", "DebateModuleKit", "YAMLCoding"]),
        .testTarget(name: "DeckBuilderTests", dependencies: ["DeckBuilder", "BuiltInModules", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        // The py-fsrs reference vectors' model, shared by the scheduler's and the CLI's tests.
        .target(name: "FSRSReferenceVectors", path: "Tests/FSRSReferenceVectors"),
        .testTarget(name: "DrillTests", dependencies: ["Drill", "BuiltInModules", "FSRSReferenceVectors",
                                                       .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["FSRSReferenceVectors"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
