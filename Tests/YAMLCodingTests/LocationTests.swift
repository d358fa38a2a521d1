// Swift Testing also declares `SourceLocation`: type annotations here say `YAMLCoding.SourceLocation`.
import Testing
import YAMLCoding

/// Captures where it was decoded from, like a lint that reports positions inside evidence.
struct Located: Decodable {
    var text: String
    var location: YAMLCoding.SourceLocation?
    var scalar: YAMLScalarInfo?

    init(from decoder: any Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
        location = decoder.sourceLocation
        scalar = decoder.yamlScalar
    }

    /// The source position of the first occurrence of `word` in the value.
    func position(of word: String) throws -> YAMLCoding.SourceLocation {
        let range = try #require(text.range(of: word))
        let offset = text.distance(from: text.startIndex, to: range.lowerBound)
        return try #require(scalar).location(ofValueOffset: offset)
    }
}

struct Wrapper: Decodable {
    var v: Located
}

@Suite("Source locations of nodes and of positions inside scalar values")
struct LocationTests {
    func located(_ yaml: String) throws -> Located {
        try decode(Wrapper.self, yaml, path: "loc.yaml").v
    }

    @Test func decoderKnowsTheNodePosition() throws {
        struct Node: Decodable {
            var here: YAMLCoding.SourceLocation?
            init(from decoder: any Decoder) throws { here = decoder.sourceLocation }
        }
        let nodes = try decode([String: [Node]].self, "list:\n  - a\n  - {x: 1}\n", path: "p.yaml")
        #expect(nodes["list"]?[0].here == SourceLocation(path: "p.yaml", line: 2, column: 5))
        #expect(nodes["list"]?[1].here == SourceLocation(path: "p.yaml", line: 3, column: 5))
    }

    @Test func nonYAMLDecodersHaveNoLocation() throws {
        let item = try JSONDecoder().decode([Located].self, from: Data("[\"x\"]".utf8))[0]
        #expect(item.location == nil && item.scalar == nil)
    }

    @Test func yamlScalarIsOnlyForScalars() throws {
        struct Probe: Decodable {
            var isScalar: Bool
            init(from decoder: any Decoder) throws { isScalar = decoder.yamlScalar != nil }
        }
        #expect(try decode([Probe].self, "- a\n- [b]\n- {c: d}\n").map(\.isScalar) == [true, false, false])
    }

    @Test func plainScalar() throws {
        let v = try located("v: hello world\n")
        #expect(v.scalar?.style == .plain)
        #expect(v.scalar?.location == SourceLocation(path: "loc.yaml", line: 1, column: 4))
        #expect(try v.position(of: "hello") == SourceLocation(path: "loc.yaml", line: 1, column: 4))
        #expect(try v.position(of: "world") == SourceLocation(path: "loc.yaml", line: 1, column: 10))
    }

    @Test func multiLinePlainScalarFollowsFolding() throws {
        let v = try located("v: alpha beta\n  gamma   \n\n  delta\n")
        #expect(v.text == "alpha beta gamma\ndelta")
        #expect(try v.position(of: "gamma") == SourceLocation(path: "loc.yaml", line: 2, column: 3))
        #expect(try v.position(of: "delta") == SourceLocation(path: "loc.yaml", line: 4, column: 3))
    }

    @Test func doubleQuotedScalarSkipsTheQuoteAndEscapes() throws {
        let v = try located("v: \"say \\\"hi\\\" \\u00e9 then go\"\n")
        #expect(v.text == "say \"hi\" é then go")
        #expect(v.scalar?.style == .doubleQuoted)
        #expect(v.scalar?.location.column == 4)
        #expect(try v.position(of: "say") == SourceLocation(path: "loc.yaml", line: 1, column: 5))
        #expect(try v.position(of: "hi") == SourceLocation(path: "loc.yaml", line: 1, column: 11))
        #expect(try v.position(of: "then") == SourceLocation(path: "loc.yaml", line: 1, column: 23))
    }

    @Test func singleQuotedScalarWithDoubledQuote() throws {
        let v = try located("v: 'it''s ok'\n")
        #expect(v.text == "it's ok")
        #expect(v.scalar?.style == .singleQuoted)
        #expect(try v.position(of: "ok") == SourceLocation(path: "loc.yaml", line: 1, column: 11))
    }

    @Test func nonASCIIColumnsCountCharacters() throws {
        let v = try located("v: \"héllo wörld\"\n")
        #expect(try v.position(of: "wörld") == SourceLocation(path: "loc.yaml", line: 1, column: 11))
        let w = try located("v: |\n  ééé ==x==\n")
        #expect(try w.position(of: "==") == SourceLocation(path: "loc.yaml", line: 2, column: 7))
    }

    @Test func literalBlockMapsValueLinesToSourceLines() throws {
        let yaml = """
            v: |
              first line here
              second ==line
                indented third
            """
        let v = try located(yaml)
        #expect(v.scalar?.style == .literal)
        #expect(v.scalar?.location == SourceLocation(path: "loc.yaml", line: 1, column: 4))
        #expect(try v.position(of: "first") == SourceLocation(path: "loc.yaml", line: 2, column: 3))
        #expect(try v.position(of: "==line") == SourceLocation(path: "loc.yaml", line: 3, column: 10))
        #expect(try v.position(of: "third") == SourceLocation(path: "loc.yaml", line: 4, column: 14))
    }

    @Test func literalBlockInsideASequenceOfMappings() throws {
        let yaml = """
            claims:
              - id: a
                evidence: |
                  Azerbaijan is hardly aligned,

                  yet ==not the slightest qualms== remain.
            """
        struct Item: Decodable { var id: String; var evidence: Located }
        struct File: Decodable { var claims: [Item] }
        let evidence = try decode(File.self, yaml, path: "c.yaml").claims[0].evidence
        #expect(evidence.scalar?.location == SourceLocation(path: "c.yaml", line: 3, column: 15))
        #expect(try evidence.position(of: "==not") == SourceLocation(path: "c.yaml", line: 6, column: 11))
        #expect(try evidence.position(of: "Azerbaijan") == SourceLocation(path: "c.yaml", line: 4, column: 7))
    }

    @Test func literalBlockWithIndentationIndicatorAndLeadingEmptyLine() throws {
        let v = try located("v: |2\n\n     spaced\n   text\n")
        #expect(v.text == "\n   spaced\n text\n")
        #expect(try v.position(of: "spaced") == SourceLocation(path: "loc.yaml", line: 3, column: 6))
        #expect(try v.position(of: "text") == SourceLocation(path: "loc.yaml", line: 4, column: 4))
    }

    @Test func foldedBlockFollowsFolding() throws {
        let yaml = """
            v: >
              alpha beta
              gamma delta

              epsilon
            """
        let v = try located(yaml)
        #expect(v.text == "alpha beta gamma delta\nepsilon")
        #expect(v.scalar?.style == .folded)
        #expect(try v.position(of: "beta") == SourceLocation(path: "loc.yaml", line: 2, column: 9))
        #expect(try v.position(of: "gamma") == SourceLocation(path: "loc.yaml", line: 3, column: 3))
        #expect(try v.position(of: "delta") == SourceLocation(path: "loc.yaml", line: 3, column: 9))
        #expect(try v.position(of: "epsilon") == SourceLocation(path: "loc.yaml", line: 5, column: 3))
    }

    @Test func offsetsOutsideTheValueAreClamped() throws {
        let v = try located("v: abc\n")
        let scalar = try #require(v.scalar)
        #expect(scalar.location(ofValueOffset: -5) == SourceLocation(path: "loc.yaml", line: 1, column: 4))
        #expect(scalar.location(ofValueOffset: 100) == SourceLocation(path: "loc.yaml", line: 1, column: 7))
        let block = try #require(try located("v: |\n  ab\n").scalar)
        _ = block.location(ofValueOffset: 1000)
    }
}

import Foundation
