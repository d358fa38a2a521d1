import Foundation
import Testing
import YAMLCoding

@Suite("YAMLValue")
struct YAMLValueTests {
    @Test func decodesWithCoreSchemaTypingAndOrder() throws {
        let yaml = """
            zeta: 1
            alpha: [true, false, null, ~, 1.5, 0x10, .inf, NO, "42", '', text]
            middle:
              nested: {b: 2, a: 1}
            empty:
            big: 99999999999999999999
            """
        let value = try decode(YAMLValue.self, yaml)
        #expect(value.mappingValue?.map(\.key) == ["zeta", "alpha", "middle", "empty", "big"])
        #expect(value["alpha"] == [true, false, nil, nil, 1.5, 16, .double(.infinity), "NO", "42", "", "text"])
        #expect(value["middle"]?["nested"]?.mappingValue?.map(\.key) == ["b", "a"])
        #expect(value["empty"] == .null)
        #expect(value["big"] == .double(1e20))
        #expect(value["zeta"]?.intValue == 1)
    }

    @Test func nestedInsideDecodableTypes() throws {
        struct Module: Decodable { var id: String; var options: YAMLValue? }
        let modules = try decode([Module].self, "- id: a\n  options: {exclude: [x, y], depth: 2}\n- id: b\n")
        #expect(modules[0].options == ["exclude": ["x", "y"], "depth": 2])
        #expect(modules[1].options == nil)
    }

    @Test func accessors() {
        let value: YAMLValue = ["s": "text", "i": 3, "d": 2.5, "b": true, "n": nil, "list": [1, "two"]]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.intValue == 3)
        #expect(value["i"]?.doubleValue == 3.0)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.isNull == true)
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(value["list"]?[1] == "two")
        #expect(value["list"]?[5] == nil)
        #expect(value["missing"] == nil)
        #expect(value.dictionaryValue?["s"] == "text")
        #expect(value.mappingValue?.first == YAMLValue.Entry(key: "s", value: "text"))
        #expect(YAMLValue.string("x")["key"] == nil)
        #expect(YAMLValue.int(1).stringValue == nil)
    }

    @Test func jsonRoundTrip() throws {
        let value: YAMLValue = ["a": [1, 2.5, "x", true, nil], "b": ["c": "d"]]
        let data = try JSONEncoder().encode(value)
        let back = try JSONDecoder().decode(YAMLValue.self, from: data)
        #expect(back == value)
        let parsed = try JSONDecoder().decode(YAMLValue.self, from: Data(#"{"z": 1, "a": {"k": [false]}}"#.utf8))
        #expect(parsed == ["a": ["k": [false]], "z": 1])
    }

    @Test func hashable() {
        let set: Set<YAMLValue> = [1, 1, "1", [1], ["k": 1]]
        #expect(set.count == 4)
    }
}
