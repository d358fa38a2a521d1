import DebateCore
import YAMLCoding

// The words messages use for the parts of a deck file (see `YAMLDescribed`): "unknown key `selct`
// in block “Answers to the DA”", "the file is empty; a deck starts with `title:` …".

extension DeckConfiguration: YAMLDescribed {
    public static var yamlNoun: String { "deck" }
    public static var yamlTitleKey: String? { "title" }
    public static var yamlEmptyFileHint: String? {
        "a deck starts with `title:`, `resolution:`, `side:`, `modules:` and `sections:` (`debate init` writes a starter deck)"
    }
    public static var yamlProseKeys: Set<String> { ["title", "resolution"] }
    public static func yamlNoun(atPath path: [String]) -> YAMLNoun? {
        switch path.count {
        case 2 where path[0] == "sections": YAMLNoun("pocket", titleKey: "pocket")
        case 2 where path[0] == "modules": YAMLNoun("module", titleKey: "id")
        case 2 where path[0] == "outputs": YAMLNoun("output", titleKey: "format")
        case 4 where path[0] == "sections" && path[2] == "hats": YAMLNoun("hat", titleKey: "hat")
        case 6 where path[0] == "sections" && path[4] == "blocks": YAMLNoun("block", titleKey: "block")
        default: nil
        }
    }
}

extension PocketSpec: YAMLDescribed {
    public static var yamlNoun: String { "pocket" }
    public static var yamlTitleKey: String? { "pocket" }
    public static var yamlProseKeys: Set<String> { ["pocket"] }
}

extension HatSpec: YAMLDescribed {
    public static var yamlNoun: String { "hat" }
    public static var yamlTitleKey: String? { "hat" }
    public static var yamlProseKeys: Set<String> { ["hat"] }
}

extension BlockSpec: YAMLDescribed {
    public static var yamlNoun: String { "block" }
    public static var yamlTitleKey: String? { "block" }
    public static var yamlProseKeys: Set<String> { ["block"] }
}

extension ModuleUse: YAMLDescribed {
    public static var yamlNoun: String { "module" }
    public static var yamlTitleKey: String? { "id" }
}

extension OutputSpec: YAMLDescribed {
    public static var yamlNoun: String { "output" }
    public static var yamlTitleKey: String? { "format" }
}

extension Budget: YAMLDescribed {
    public static var yamlNoun: String { "the deck's `budget`" }
}
