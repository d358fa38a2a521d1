import YAMLCoding

/// A claim file's entries read straight from the YAML tree: a 10,000-card library holds 10,000 of
/// them, and Codable's keyed containers made most of its decode time. The fast form accepts exactly
/// what `init(from:)` accepts (it gives up on anything else, and `init(from:)` then reports it), reads
/// the fields in the same order (so the ` #` warnings come in the same order) and fills the same fields.
extension ClaimEntry: YAMLFastDecodable {
    public static func decodeYAML(_ mapping: YAMLFastMapping) -> ClaimEntry? {
        // The value of each key, by CodingKeys' order; any other key is `init(from:)`'s error to report.
        var slots = [YAMLFastValue?](repeating: nil, count: CodingKeys.allCases.count)
        for entry in 0..<mapping.count {
            guard let key = CodingKeys(rawValue: mapping.key(entry)) else { return nil }
            let value = mapping.value(entry)
            // An optional written null is absent (a prose string's `tag: #1` is `init(from:)`'s to report).
            if value.isNull, key != .id, key != .side, key != .tag {
                if value.nullIsComment(key: key) { return nil }
                continue
            }
            slots[key.slot] = value
        }
        /// nil: give up; .some(nil): absent.
        func string(_ key: CodingKeys) -> String?? {
            guard let value = slots[key.slot] else { return .some(nil) }
            guard let text = value.string else { return nil }
            value.checkProse(key: key)
            return .some(text)
        }
        guard let id = string(.id), let id,
              let sideWord = slots[CodingKeys.side.slot]?.string, let side = Side(word: sideWord),
              let tag = string(.tag), let tag else { return nil }
        var entry = ClaimEntry(id: id, side: side, tag: tag, location: mapping.location)
        if let value = slots[CodingKeys.tags.slot] {
            guard let tags = value.strings else { return nil }
            entry.tags = tags
        }
        guard let warrant = string(.warrant) else { return nil }
        entry.warrant = warrant
        if let value = slots[CodingKeys.cite.slot] {
            guard let cite = value.mapping(as: Citation.self).flatMap(Citation.decodeYAML) else { return nil }
            entry.cite = cite
        }
        if let value = slots[CodingKeys.evidence.slot] {
            guard let text = value.string,
                  let evidence = try? Evidence(yamlText: text, scalar: value.scalarInfo) else { return nil }
            entry.evidence = evidence
        }
        guard let answers = string(.answers) else { return nil }
        entry.answers = answers
        var spelling: String?
        if let value = slots[CodingKeys.response.slot] {
            guard let text = value.string else { return nil }
            if let kind = ResponseKind(rawValue: text) {
                entry.response = kind
            } else if let old = ResponseKind.deprecatedSpellings[text] {
                entry.response = old.kind
                spelling = text
            } else {
                return nil
            }
        }
        guard let position = string(.position), let roleWord = string(.role), let extends = string(.extends) else { return nil }
        entry.position = position
        if let roleWord {
            guard let role = ClaimRole(rawValue: roleWord) else { return nil }
            entry.role = role
        }
        entry.extends = extends
        if let value = slots[CodingKeys.evenIf.slot] {
            guard let flag = value.bool else { return nil }
            entry.evenIf = flag
        }
        if let value = slots[CodingKeys.needsEvidence.slot] {
            guard let flag = value.bool else { return nil }
            entry.needsEvidence = flag
        }
        if let spelling, let old = ResponseKind.deprecatedSpellings[spelling] {
            entry.deprecatedResponse = spelling
            entry.responseLocation = slots[CodingKeys.response.slot]?.location
            if old.evenIf, entry.evenIf == nil { entry.evenIf = true }
        }
        // What `init(from:)` refuses after reading the fields.
        if entry.answers != nil, entry.response == nil { return nil }
        if entry.answers == nil, entry.response != nil || entry.evenIf != nil { return nil }
        for value in [entry.id, entry.answers, entry.extends] {
            if let value, ClaimID.problem(value) != nil { return nil }
        }
        return entry
    }
}

extension ClaimEntry.CodingKeys {
    /// The key's place in `allCases`.
    var slot: Int {
        switch self {
        case .id: 0
        case .side: 1
        case .tag: 2
        case .tags: 3
        case .warrant: 4
        case .cite: 5
        case .evidence: 6
        case .answers: 7
        case .response: 8
        case .position: 9
        case .role: 10
        case .extends: 11
        case .evenIf: 12
        case .needsEvidence: 13
        }
    }
}

extension Citation {
    /// The cite as its synthesized `init(from:)` reads it: every key optional, in declaration order.
    static func decodeYAML(_ mapping: YAMLFastMapping) -> Citation? {
        var slots = [YAMLFastValue?](repeating: nil, count: 9)
        for entry in 0..<mapping.count {
            guard let key = CodingKeys(rawValue: mapping.key(entry)) else { return nil }
            let value = mapping.value(entry)
            if value.isNull {
                if value.nullIsComment(key: key) { return nil }
                continue
            }
            slots[key.slot] = value
        }
        var parts = [String?](repeating: nil, count: 9)
        for key in CodingKeys.allCases {
            guard let value = slots[key.slot] else { continue }
            guard let text = value.string else { return nil }
            value.checkProse(key: key)
            parts[key.slot] = text
        }
        return Citation(author: parts[0], qualifications: parts[1], date: parts[2], title: parts[3], publication: parts[4],
                        url: parts[5], source: parts[6], text: parts[7], short: parts[8])
    }
}

extension Citation.CodingKeys {
    /// The key's place in `allCases` (the order the synthesized decoder reads them).
    var slot: Int {
        switch self {
        case .author: 0
        case .qualifications: 1
        case .date: 2
        case .title: 3
        case .publication: 4
        case .url: 5
        case .source: 6
        case .text: 7
        case .short: 8
        }
    }
}
