import DebateCore
import Foundation
import ModuleFormat

/// The modules compiled into `debate`, in the order they are listed. Each is a pack folder in this
/// target's `Resources/` (module.yaml and claim files) with, optionally, drills of its own in `Drills/`.
/// A new built-in module is a folder there and one line here.
public enum BuiltInModules {
    static let modules: [(folder: String, drills: (any ModuleDrillSource)?)] = [
        ("values", ValuesDrills()),
        ("security", SecurityDrills()),
        ("hedging", HedgingDrills()),
    ]

    /// Loads every built-in module.
    public static func load() throws(DiagnosticsError) -> [any ArgumentModule] {
        let resources = try BuiltInPack.resourcesFolder(Bundle.module, sourceFile: #filePath)
        var loaded: [any ArgumentModule] = []
        for module in modules {
            loaded.append(try BuiltInPack(directory: (resources as NSString).appendingPathComponent(module.folder),
                                          drills: module.drills))
        }
        return loaded
    }
}

/// The built-in modules (kept for callers of the first version's API).
public func loadBuiltInModules() throws -> [any ArgumentModule] {
    try BuiltInModules.load()
}
