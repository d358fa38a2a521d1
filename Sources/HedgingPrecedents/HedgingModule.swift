import DebateCore
import Foundation
import ModuleLoading

/// The built-in `hedging` module: hedging precedents, written from the Responsible Statecraft op-ed on Belarus.
/// Its content is a pack in this target's `Resources/`, so `debate lint` checks it like any pack.
public struct HedgingModule: ArgumentModule, PackBacked {
    public let pack: PackModule

    public init() throws {
        pack = try PackModule(directory: try builtInPackDirectory(Bundle.module, module: "hedging", sourceFile: #filePath), kind: "builtin")
    }

    public var descriptor: ModuleDescriptor { pack.descriptor }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        try pack.arguments(for: context)
    }
}
