import DebateCore
import HedgingPrecedents
import ModuleLoading
import SecurityArguments
import ValuesArguments

/// The modules compiled into `debate`. A new built-in module is one target and one line here.
public func loadBuiltInModules() throws -> [any ArgumentModule] {
    [try ValuesModule(), try SecurityModule(), try HedgingModule()]
}

/// A registry holding the built-in modules.
public func builtInRegistry() throws -> ModuleRegistry {
    ModuleRegistry(builtIns: try loadBuiltInModules())
}
