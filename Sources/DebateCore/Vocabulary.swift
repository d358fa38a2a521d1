import YAMLCoding

// The words messages use for the parts of a claim file (see `YAMLDescribed`): "in claim
// `potash.leverage`", "the file is empty; a claim file starts with `claims:`".

extension ClaimFile: YAMLDescribed {
    public static var yamlNoun: String { "claim file" }
    public static var yamlEmptyFileHint: String? {
        "a claim file starts with `claims:` followed by its claims, each beginning `- id: …`"
    }
    public static func yamlNoun(atPath path: [String]) -> YAMLNoun? {
        switch (path.count, path.first) {
        case (2, "claims"?): YAMLNoun("claim", titleKey: "id")
        case (2, "positions"?): YAMLNoun("position", titleKey: "id")
        case (3, "claims"?) where path[2] == "cite": YAMLNoun("cite")
        default: nil
        }
    }
}

extension ClaimEntry: YAMLDescribed {
    public static var yamlNoun: String { "claim" }
    public static var yamlTitleKey: String? { "id" }
    public static var yamlProseKeys: Set<String> { ["tag", "warrant"] }
}

extension Citation: YAMLDescribed {
    public static var yamlNoun: String { "cite" }
    public static var yamlProseKeys: Set<String> { ["author", "qualifications", "title", "publication", "date"] }
}

extension ModuleExample: YAMLDescribed {
    public static var yamlNoun: String { "example" }
    public static var yamlProseKeys: Set<String> { ["summary"] }
}

extension ModuleDescriptor: YAMLDescribed {
    public static var yamlNoun: String { "module description" }
    public static var yamlTitleKey: String? { "id" }
}
