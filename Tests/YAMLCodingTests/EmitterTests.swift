import Testing
import YAMLCoding

@Suite("Emitter")
struct EmitterTests {
    @Test func emitsBlockStyle() throws {
        let value: YAMLValue = ["id": "values.x", "tags": ["a", "b"], "cite": ["author": nil, "date": "2025"], "count": 3]
        let text = try emitYAML(value)
        #expect(text == """
            id: values.x
            tags:
            - a
            - b
            cite:
              author: null
              date: '2025'
            count: 3

            """)
    }

    @Test func multiLineStringsUseLiteralStyle() throws {
        let evidence = "First sentence here.\nSecond ==highlighted== line.\n"
        let text = try emitYAML(["evidence": .string(evidence)])
        #expect(text == "evidence: |\n  First sentence here.\n  Second ==highlighted== line.\n")
        #expect(try decode(YAMLValue.self, text)["evidence"] == .string(evidence))
    }

    @Test(arguments: ["42", "-1", "0x1F", "1.5", ".inf", ".nan", "true", "False", "null", "~", "", "yes", "NO", "on", "Off",
                      "1e5", "007"])
    func stringsThatLookLikeOtherTypesAreQuoted(text: String) throws {
        let emitted = try emitYAML(["v": .string(text)])
        #expect(emitted != "v: \(text)\n")
        #expect(try decode(YAMLValue.self, emitted)["v"] == .string(text))
        #expect(try decode([String: String].self, emitted)["v"] == text)
    }

    @Test(arguments: ["plain words", "- dash", "key: value", "# hash", "trailing ", " leading", "a\tb", "quote ' and \" mix",
                      "ünïcödé ✓", "&anchor", "*alias", "!tag", "[x]", "{y}", "%percent", "@at", "`tick", "|pipe", ">gt",
                      "line\nbreak", "ends with newline\n\n", "\n starts with newline", "nul \u{0} char", "bell \u{7}",
                      "   ", "trailing space line \nnext", "a: b\nc: d"])
    func stringsRoundTrip(text: String) throws {
        let value = YAMLValue.mapping([.init(key: "v", value: .string(text)), .init(key: text, value: 1)])
        let emitted = try emitYAML(value)
        let back = try decode(YAMLValue.self, emitted)
        #expect(back["v"] == .string(text))
        #expect(back[text] == 1)
    }

    @Test func valuesRoundTrip() throws {
        let value: YAMLValue = [
            "null": nil, "bool": false, "int": -42, "min": .int(Int.min), "double": 0.1, "tiny": .double(.leastNonzeroMagnitude),
            "huge": 1.7976931348623157e308, "inf": .double(-.infinity), "list": [[], [:], [[1]]],
            "nested": ["a": ["b": ["c": "deep"]]], "empty": "",
        ]
        let back = try decode(YAMLValue.self, emitYAML(value))
        #expect(back == value)
        let nan = try decode(YAMLValue.self, emitYAML(["x": .double(.nan)]))
        #expect(nan["x"]?.doubleValue?.isNaN == true)
    }

    @Test func topLevelScalarsAndEmptyCollections() throws {
        for value: YAMLValue in ["text", 1, true, nil, [], [:], "multi\nline"] {
            #expect(try decode(YAMLValue.self, emitYAML(value)) == value)
        }
    }

    @Test func deepValuesRoundTrip() throws {
        var value: YAMLValue = "bottom"
        for level in 0..<200 { value = level.isMultiple(of: 2) ? [value] : ["k": value] }
        #expect(try decode(YAMLValue.self, emitYAML(value)) == value)
    }
}
