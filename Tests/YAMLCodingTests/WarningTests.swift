import Testing
import YAMLCoding

/// A type that names itself and its prose keys, as DebateCore's claim types do.
private struct Card: Decodable, YAMLDescribed {
    var id: String
    var tag: String
    var note: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case id, tag, note }
    static var yamlNoun: String { "card" }
    static var yamlTitleKey: String? { "id" }
    static var yamlProseKeys: Set<String> { ["tag"] }
    static var yamlEmptyFileHint: String? { "a card file starts with `id:`" }
}

@Suite("Decoder warnings and the user's nouns")
struct WarningTests {
    @Test func aHashInsideAProseValueIsAWarningThatLeavesThroughTheDecoder() throws {
        var warnings: [YAMLWarning] = []
        let card = try YAMLDecoder().decode(Card.self, from: "id: c1\ntag: Turn #2 backfires\nnote: x # a real comment\n",
                                            path: "c.yaml", warnings: &warnings)
        #expect(card.tag == "Turn")
        // `note` is not prose: its comment is taken as meant.
        #expect(warnings == [YAMLWarning(
            location: SourceLocation(path: "c.yaml", line: 2, column: 11),
            message: "`#` starts a comment in YAML: `tag` ends at “Turn” and “#2 backfires” is left out",
            hint: "if the `#` belongs to the text, put it in quotes: `tag: \"Turn #2 backfires\"`", code: "yaml-comment-in-text")])
    }

    @Test func aHashAfterAMultilineProseValueIsFound() throws {
        var warnings: [YAMLWarning] = []
        _ = try YAMLDecoder().decode(Card.self, from: "id: c1\ntag: one\n  two # three\n", path: "c.yaml", warnings: &warnings)
        #expect(warnings.map(\.location) == [SourceLocation(path: "c.yaml", line: 3, column: 7)])
    }

    @Test func aQuotedHashIsNoWarning() throws {
        var warnings: [YAMLWarning] = []
        _ = try YAMLDecoder().decode(Card.self, from: "id: c1\ntag: \"Turn #2\" # fine\n", path: "c.yaml", warnings: &warnings)
        #expect(warnings.isEmpty)
    }

    @Test func messagesUseTheTypesNounAndTitle() throws {
        let unknown = try #require(decodingError(Card.self, "id: c1\ntag: t\ntga: x\n"))
        #expect(unknown.message == "unknown key `tga` in card `c1`")
        let missing = try #require(decodingError(Card.self, "tag: t\n"))
        #expect(missing.message == "missing key `id` in a card")
        let empty = try #require(decodingError(Card.self, ""))
        #expect(empty.message == "the file is empty")
        #expect(empty.hint == "a card file starts with `id:`")
    }

    @Test func aUTF8ByteOrderMarkIsAcceptedAndPositionsStayRight() throws {
        let error = try #require(decodingError(Card.self, bytes: [0xEF, 0xBB, 0xBF] + Array("id: c1\ntag: t\ntga: x\n".utf8)))
        #expect(error.location == SourceLocation(path: "test.yaml", line: 3, column: 1))
        #expect(error.message == "unknown key `tga` in card `c1`")
    }
}
