// swift-tools-version:6.0
// libFuzzer targets for every reader of untrusted text. Its own root package so that the main
// package stays free of fuzzing; build and run with Fuzz/run.sh (README: "Fuzzing").
import PackageDescription

let package = Package(
    name: "DebateFuzz",
    dependencies: [.package(name: "debate", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver (libclang_rt.fuzzer, linked by -sanitize=fuzzer).
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "DebateReaders", package: "debate")]),
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzSupport"], path: "Targets/yaml"),
        .executableTarget(name: "fuzz-markup", dependencies: ["FuzzSupport"], path: "Targets/markup"),
        .executableTarget(name: "fuzz-kialo", dependencies: ["FuzzSupport"], path: "Targets/kialo"),
        .executableTarget(name: "fuzz-reply", dependencies: ["FuzzSupport"], path: "Targets/reply"),
        .executableTarget(name: "fuzz-docx", dependencies: ["FuzzSupport"], path: "Targets/docx"),
        .executableTarget(name: "fuzz-index", dependencies: ["FuzzSupport"], path: "Targets/index"),
    ],
    swiftLanguageModes: [.v6]
)
