import DebateCore
import Foundation

/// A module compiled into `debate`: a pack folder shipped as a resource, with optional drills of its
/// own. Every built-in module is one of these; see `BuiltInModules`.
public struct BuiltInPack: ArgumentModule {
    public let pack: PackModule
    public let drillSource: (any ModuleDrillSource)?

    /// The pack in `directory` (its `module.yaml` says `kind: pack`); it reports itself as `builtin`.
    public init(directory: String, drills: (any ModuleDrillSource)? = nil) throws(DiagnosticsError) {
        var pack = try PackModule(directory: directory)
        pack.descriptor.kind = .builtin
        self.pack = pack
        drillSource = drills
    }

    public var descriptor: ModuleDescriptor { pack.descriptor }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        try pack.arguments(for: context)
    }

    public func drills(for context: ModuleContext, claims: [any Claim]) -> [ModuleDrill] {
        drillSource?.drills(for: descriptor, context: context, claims: claims) ?? []
    }

    /// The folder the built-in packs are read from. In a source checkout that is the `Resources/`
    /// beside `sourceFile` (the caller's `#filePath`), so diagnostics point at the file to edit; an
    /// installed binary uses the copy in `bundle` (only then looked up: finding a bundle reads the
    /// executable's folder, a sizeable part of a search's start-up).
    public static func resourcesFolder(_ bundle: @autoclosure () -> Bundle, sourceFile: String) throws(DiagnosticsError) -> String {
        let source = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Resources")
        if FileManager.default.fileExists(atPath: source.path) { return source.path }
        let bundle = bundle()
        guard let url = bundle.url(forResource: "Resources", withExtension: nil) else {
            throw DiagnosticsError(.error(.builtInMissing, "the built-in modules have lost their content: no Resources folder in \(bundle.bundlePath)",
                                          hint: "install the .resources bundles next to the debate executable"))
        }
        return url.path
    }
}
