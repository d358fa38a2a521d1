import YAMLCoding

/// What can go wrong finding a deck's modules. Each case carries where it happened; its words are
/// written here and nowhere else.
public enum ModuleProblem: Sendable, Hashable {
    /// No module has the id. `searched` lists the places looked in, in order.
    case unknownModule(String, known: [String], searched: [String], at: SourceLocation?)
    /// Two modules have the id and no pin chooses one.
    case conflict(String, places: [String], at: SourceLocation?)
    /// A pin to the built-ins names a module they do not have.
    case pinNotBuiltIn(String, at: SourceLocation?)
    /// A pin's path holds another module.
    case pinHoldsOther(String, path: String, found: String, at: SourceLocation?)
    case pinMissing(String, path: String, at: SourceLocation?)
    case pinNotAModule(String, path: String, at: SourceLocation?)
    /// A `--module-path` entry is not a folder.
    case modulePathNotAFolder(String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unknownModule(id, known, searched, location):
            if let close = closestMatch(to: id, in: known) {
                return .error(.unknownModule, "unknown module `\(id)`", at: location, hint: "did you mean `\(close)`?")
            }
            let looked = searched.isEmpty ? "" : "; looked in \(searched.joined(separator: ", "))"
            let hint = "put the module's folder in the project's modules/ folder (`debate modules new \(id)` writes it there), "
                + "or add a place with --module-path DIR or DEBATE_MODULE_PATH, or pin it here: `- { id: \(id), from: path/to/\(id) }`"
            return .error(.unknownModule, "unknown module `\(id)`\(looked); known modules: \(known.joined(separator: ", "))",
                          at: location, hint: hint)
        case let .conflict(id, places, location):
            return .error(.moduleConflict, "two modules have the id `\(id)`: \(places.joined(separator: " and "))", at: location,
                          hint: "rename one, take one off the module path, or pin one in the deck: `- { id: \(id), from: PATH }`")
        case let .pinNotBuiltIn(id, location):
            return .error(.badPin, "the deck pins `\(id)` to the built-in modules, which have no such module", at: location)
        case let .pinHoldsOther(id, path, found, location):
            return .error(.badPin, "the deck pins `\(id)` to \(path), which holds module `\(found)`", at: location)
        case let .pinMissing(id, path, location):
            return .error(.badPin, "the deck pins `\(id)` to \(path), which does not exist", at: location)
        case let .pinNotAModule(id, path, location):
            return .error(.badPin, "the deck pins `\(id)` to \(path), which is neither a module folder nor an executable", at: location)
        case let .modulePathNotAFolder(path):
            return .error(.badModulePath, "module path \(path) is not a folder")
        }
    }
}
