import DebateCore
import Foundation
import ModuleLoading

/// The built-in `security` module: security-based arguments, written from the Responsible Statecraft op-ed on Belarus.
/// Its content is a pack in this target's `Resources/`, so `debate lint` checks it like any pack.
public struct SecurityModule: ArgumentModule, PackBacked {
    public let pack: PackModule

    public init() throws {
        pack = try PackModule(directory: try builtInPackDirectory(Bundle.module, module: "security", sourceFile: #filePath), kind: "builtin")
    }

    public var descriptor: ModuleDescriptor { pack.descriptor }

    public func arguments(for context: ModuleContext) throws -> ArgumentSet {
        try pack.arguments(for: context)
    }
}
