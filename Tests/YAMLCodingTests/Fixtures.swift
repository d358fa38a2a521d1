import YAMLCoding

// Types shaped like the project's claim files, used across the suites.

enum Side: String, Codable, CaseIterable, Equatable {
    case pro, con
}

enum ResponseKind: String, Codable, CaseIterable, Equatable {
    case noLink = "no-link", linkTurn = "link-turn", impactTurn = "impact-turn", nonUnique = "non-unique"
    case mitigation, permutation, counterexample, doubleStandard = "double-standard", concession
}

struct Citation: Codable, Equatable {
    var author: String?
    var qualifications: String?
    var date: String?
    var title: String?
    var publication: String?
    var url: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case author, qualifications, date, title, publication, url
    }
}

struct Claim: Codable, Equatable {
    var id: String
    var side: Side
    var tag: String
    var tags: [String]?
    var warrant: String?
    var cite: Citation?
    var evidence: String?
    var answers: String?
    var response: ResponseKind?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, side, tag, tags, warrant, cite, evidence, answers, response
    }
}

struct ClaimFile: Codable, Equatable {
    var claims: [Claim]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case claims
    }
}

/// Keys are not `CaseIterable`: extra keys are ignored.
struct Lenient: Codable, Equatable {
    var name: String
}

struct Budget: Codable, Equatable {
    var wpm: Int
}

/// Decodes and returns the error, or nil when decoding succeeded.
func decodingError<T: Decodable>(_ type: T.Type, _ yaml: String, path: String = "test.yaml",
                                 limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLDecoder(limits: limits).decode(type, from: yaml, path: path)
        return nil
    } catch {
        return error
    }
}

func decode<T: Decodable>(_ type: T.Type, _ yaml: String, path: String = "test.yaml") throws(YAMLError) -> T {
    try YAMLDecoder().decode(type, from: yaml, path: path)
}

func decodingError<T: Decodable>(_ type: T.Type, bytes: [UInt8], path: String = "test.yaml",
                                 limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLDecoder(limits: limits).decode(type, from: bytes, path: path)
        return nil
    } catch {
        return error
    }
}
