import Testing
import YAMLCoding

@Suite("Documents, collections, anchors")
struct StructureTests {
    static let claimFile = """
        claims:
          - id: values.double-standard-azerbaijan
            side: pro
            tag: Europe deals with Baku while shunning Minsk
            tags: [values, double-standard, azerbaijan]
            warrant: >-
              The values test
              is applied selectively.
            cite:
              author: null
              qualifications: the Quincy Institute's magazine
              date: "2025"
              title: null
              publication: Responsible Statecraft
              url: https://responsiblestatecraft.org/trump-belarus
            evidence: |
              Azerbaijan is hardly any more aligned with the Western model than Belarus,
              yet the very same champions have ==not the slightest qualms== about deals.
          - id: values.a2-authoritarianism-double-standard
            side: pro
            answers: values.critic-authoritarianism
            response: double-standard
            tag: Engagement is not endorsement
        """

    @Test func claimFileDecodes() throws {
        let file = try decode(ClaimFile.self, StructureTests.claimFile)
        #expect(file.claims.count == 2)
        let card = file.claims[0]
        #expect(card.side == .pro)
        #expect(card.tags == ["values", "double-standard", "azerbaijan"])
        #expect(card.warrant == "The values test is applied selectively.")
        #expect(card.cite == Citation(author: nil, qualifications: "the Quincy Institute's magazine", date: "2025", title: nil,
                                      publication: "Responsible Statecraft", url: "https://responsiblestatecraft.org/trump-belarus"))
        #expect(card.evidence == "Azerbaijan is hardly any more aligned with the Western model than Belarus,\n"
            + "yet the very same champions have ==not the slightest qualms== about deals.\n")
        let answer = file.claims[1]
        #expect(answer.response == .doubleStandard)
        #expect(answer.answers == "values.critic-authoritarianism")
        #expect(answer.cite == nil && answer.evidence == nil && answer.tags == nil)
    }

    @Test func nestedCollectionsAndOptionals() throws {
        let yaml = """
            grid: [[1, 2], [], [3]]
            table:
              a: {x: [1], y: []}
              b: {}
            maybe: [a, null, ~, "", b]
            deep: {one: {two: {three: [true, false]}}}
            """
        struct Shape: Decodable {
            var grid: [[Int]]
            var table: [String: [String: [Int]]]
            var maybe: [String?]
            var deep: [String: [String: [String: [Bool]]]]
            var absent: [Int]?
        }
        let shape = try decode(Shape.self, yaml)
        #expect(shape.grid == [[1, 2], [], [3]])
        #expect(shape.table == ["a": ["x": [1], "y": []], "b": [:]])
        #expect(shape.maybe == ["a", nil, nil, "", "b"])
        #expect(shape.deep["one"]?["two"]?["three"] == [true, false])
        #expect(shape.absent == nil)
    }

    @Test func errorsInsideNestedCollectionsCarryTheFullPath() throws {
        let error = try #require(decodingError([String: [[Int]]].self, "a:\n  - [1, 2]\n  - [3, x]\n"))
        #expect(error.codingPath == ["a", "1", "1"])
        #expect(error.location == SourceLocation(path: "test.yaml", line: 3, column: 9))
    }

    @Test func anchorsAndAliasesReuseTheAnchoredNode() throws {
        let yaml = """
            shared: &quincy
              author: null
              publication: Responsible Statecraft
            first: *quincy
            second: *quincy
            names: &names [a, b]
            again: *names
            word: &w hello
            echo: *w
            """
        struct Doc: Decodable {
            var shared: Citation, first: Citation, second: Citation
            var names: [String], again: [String]
            var word: String, echo: String
        }
        let doc = try decode(Doc.self, yaml)
        #expect(doc.first == doc.shared && doc.second == doc.shared)
        #expect(doc.shared.publication == "Responsible Statecraft")
        #expect(doc.again == ["a", "b"])
        #expect(doc.echo == "hello")
    }

    @Test func anAnchorCanBeRedefined() throws {
        let value = try decode(YAMLValue.self, "a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(value == ["a": 1, "b": 1, "c": 2, "d": 2])
    }

    @Test func aliasAsAMappingKey() throws {
        let value = try decode([String: String].self, "k: &key name\n*key : 3\n")
        #expect(value == ["k": "name", "name": "3"])
    }

    @Test func emptyFileDecodesAsNull() throws {
        #expect(try decode(Claim?.self, "") == nil)
        #expect(try decode(YAMLValue.self, "") == .null)
        #expect(try decode(YAMLValue.self, "# just a comment\n\n") == .null)
        let error = try #require(decodingError(Claim.self, "", path: "empty.yaml"))
        #expect(error.kind == .typeMismatch)
        #expect(error.location == SourceLocation(path: "empty.yaml", line: 1, column: 1))
        #expect(error.message == "the file is empty")
        #expect(error.code == "empty-file")
        #expect(error.description == "empty.yaml:1:1: error: the file is empty")
    }

    @Test func explicitEmptyDocumentIsNull() throws {
        #expect(try decode(YAMLValue.self, "---\n") == .null)
        #expect(try decode(Claim?.self, "---\n...\n") == nil)
    }

    @Test func secondDocumentIsAnError() throws {
        let error = try #require(decodingError(YAMLValue.self, "a: 1\n---\nb: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 1))
        #expect(error.message == "a second YAML document starts here; a file holds exactly one document")
        #expect(error.hint == "split the documents into separate files")
        #expect(decodingError(YAMLValue.self, "---\na: 1\n...\n---\nb: 2\n")?.location.line == 4)
    }

    @Test func largeMappingsAreIndexed() throws {
        let yaml = (0..<5000).map { "key\($0): \($0)\n" }.joined()
        let table = try decode([String: Int].self, yaml)
        #expect(table.count == 5000)
        #expect(table["key4321"] == 4321)
        struct Pick: Decodable {
            enum CodingKeys: String, CodingKey { case first = "key0", last = "key4999" }
            var first: Int, last: Int
        }
        let pick = try decode(Pick.self, yaml)
        #expect(pick.first == 0 && pick.last == 4999)
    }

    @Test func intKeyedDictionaries() throws {
        #expect(try decode([Int: String].self, "1: one\n2: two\n") == [1: "one", 2: "two"])
    }

    @Test func codingPathIsVisibleToInits() throws {
        struct Spy: Decodable {
            var path: [String]
            init(from decoder: any Decoder) throws { path = decoder.codingPath.map(\.stringValue) }
        }
        let spies = try decode([String: [Spy]].self, "outer:\n  - 1\n  - 2\n")
        #expect(spies["outer"]?[1].path == ["outer", "1"])
    }

    @Test func nestedContainersAndSuperDecoders() throws {
        struct Manual: Decodable {
            enum Keys: String, CodingKey, CaseIterable { case meta, list, child }
            enum MetaKeys: String, CodingKey { case name }
            var name: String, list: [Int], childName: String?, missingIsNull: Bool
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                name = try container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta).decode(String.self, forKey: .name)
                var items = try container.nestedUnkeyedContainer(forKey: .list)
                var list: [Int] = []
                while !items.isAtEnd { list.append(try items.decode(Int.self)) }
                self.list = list
                childName = try Lenient(from: container.superDecoder(forKey: .child)).name
                missingIsNull = try container.superDecoder().singleValueContainer().decodeNil()
                #expect(container.allKeys.map(\.stringValue) == ["meta", "list", "child"])
                #expect(container.contains(.meta))
            }
        }
        let manual = try decode(Manual.self, "meta: {name: n}\nlist: [3, 4]\nchild: {name: c}\n")
        #expect(manual.name == "n" && manual.list == [3, 4] && manual.childName == "c" && manual.missingIsNull)
    }

    @Test func userInfoReachesDecoders() throws {
        let key = try #require(CodingUserInfoKey(rawValue: "flavour"))
        struct Reader: Decodable {
            var flavour: String?
            init(from decoder: any Decoder) throws {
                flavour = decoder.userInfo[CodingUserInfoKey(rawValue: "flavour")!] as? String
            }
        }
        var decoder = YAMLDecoder()
        decoder.userInfo[key] = "mint"
        #expect(try decoder.decode(Reader.self, from: "x: 1", path: "u.yaml").flavour == "mint")
    }

    @Test func decodingFromBytesAndFiles() throws {
        let path = "/tmp/yamlcoding-test-\(UInt32.random(in: 0...UInt32.max)).yaml"
        let text = "claims:\n  - {id: a, side: con, tag: t}\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try YAMLDecoder().decode(ClaimFile.self, fromFile: path)
        let fromBytes = try YAMLDecoder().decode(ClaimFile.self, from: Array(text.utf8), path: path)
        #expect(fromFile == fromBytes)
        #expect(fromFile.claims[0].side == .con)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: x\r\nc: [\r\n]\r\n".utf8)
        let value = try YAMLDecoder().decode(YAMLValue.self, from: bytes, path: "bom.yaml")
        #expect(value == ["a": 1, "b": "x", "c": []])
        let error = try #require(decodingError([String: Int].self, bytes: bytes, path: "bom.yaml"))
        #expect(error.location == SourceLocation(path: "bom.yaml", line: 2, column: 4))
    }
}

import Foundation
