// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "debate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debate", targets: ["debate"]),
        .library(name: "DebateCore", targets: ["DebateCore"]),
        .library(name: "YAMLCoding", targets: ["YAMLCoding"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libyaml from the system (apt: libyaml-dev); see DESIGN.md for why not Yams.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAMLCoding", dependencies: ["CYAML"]),
        .target(name: "DebateCore", dependencies: ["YAMLCoding"]),
        .target(name: "ValuesArguments", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "SecurityArguments", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "HedgingPrecedents", dependencies: ["DebateCore", "ModuleLoading"], resources: [.copy("Resources")]),
        .target(name: "ModuleLoading", dependencies: ["DebateCore", "YAMLCoding"]),
        .target(name: "BuiltInModules", dependencies: ["ValuesArguments", "SecurityArguments", "HedgingPrecedents", "ModuleLoading"]),
        .target(name: "DeckBuilder", dependencies: ["DebateCore", "ModuleLoading", "YAMLCoding"], exclude: ["Schema"]),
        .target(name: "Drill", dependencies: ["DebateCore", "DeckBuilder", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "debate", dependencies: [
            "DeckBuilder", "BuiltInModules", "ModuleLoading", "Drill",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "YAMLCodingTests", dependencies: ["YAMLCoding"]),
        .testTarget(name: "DebateCoreTests", dependencies: ["DebateCore"]),
        .testTarget(name: "ModuleTests", dependencies: ["BuiltInModules", "ModuleLoading"]),
        .testTarget(name: "DeckBuilderTests", dependencies: ["DeckBuilder", "BuiltInModules"], exclude: ["Fixtures"]),
        .testTarget(name: "DrillTests", dependencies: ["Drill", "BuiltInModules", .product(name: "GRDB", package: "GRDB.swift")], exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
