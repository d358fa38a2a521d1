// swift-tools-version:6.0
// An external debate module in Swift: it depends on the debate package (by relative path here; a
// module of your own would use a path or a URL) for DebateModuleKit, and builds one executable.
import PackageDescription

let package = Package(
    name: "debate-module-sanctions-record",
    platforms: [.macOS(.v13)],
    products: [.executable(name: "debate-module-sanctions-record", targets: ["SanctionsRecord"])],
    dependencies: [.package(name: "debate", path: "../..")],
    targets: [
        .executableTarget(name: "SanctionsRecord", dependencies: [.product(name: "DebateModuleKit", package: "debate")]),
    ]
)
