import Testing
import YAMLCoding

@Suite("Errors carry kind, position, message, hint and coding path")
struct ErrorTests {
    @Test func aKeyIndentedMoreThanTheKeyAboveIsExplained() throws {
        let error = try #require(decodingError(YAMLValue.self, "id: a\ntag: b\n  extra: c\n", path: "bad.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.code == "yaml-indentation")
        #expect(error.description == "bad.yaml:3:3: error: `extra:` is indented more than `tag:` above it, so YAML reads this line "
            + "as more of `tag`'s text; line `extra:` up with `tag:` (column 1)")
    }

    @Test func aSyntaxErrorNotExplainedKeepsLibyamlsWordsAndContext() throws {
        let error = try #require(decodingError(YAMLValue.self, "a: *\n", path: "bad.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.code == "yaml-syntax")
        #expect(error.message.hasPrefix("did not find expected alphabetic or numeric character (while scanning an alias that started at 1:4)"))
    }

    @Test func anUnclosedBracketIsReportedWhereItOpens() throws {
        let error = try #require(decodingError(YAMLValue.self, "list: [1, 2\nnext: 3\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 7))
        #expect(error.message == "this `[` is never closed")
        #expect(error.code == "yaml-unclosed-bracket")
    }

    @Test func tabIndentationIsASyntaxErrorAtTheTab() throws {
        let error = try #require(decodingError(YAMLValue.self, "a:\n\t- b\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 1))
        #expect(error.message == "a tab in the indentation: YAML indents with spaces only")
        #expect(error.hint == "replace the tab with spaces")
        #expect(error.code == "yaml-tab")
    }

    @Test func aQuoteThatRunsToTheEndIsReportedWhereItOpens() throws {
        let error = try #require(decodingError(YAMLValue.self, "a: 'open\nb: c\n"))
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 4))
        #expect(error.message == "this quote is never closed")
        #expect(error.hint == "end the text with a matching `'`")
    }

    @Test func aColonInAValueSaysToQuoteTheValue() throws {
        let error = try #require(decodingError(YAMLValue.self, "tags:\n  - a\nwarrant: It is: so\n"))
        #expect(error.location == SourceLocation(path: "test.yaml", line: 3, column: 15))
        #expect(error.hint == "put the `warrant` in quotes: `warrant: \"It is: so\"`")
    }

    @Test func anEmptyValueWithACommentIsExplained() throws {
        let error = try #require(decodingError(Claim.self, "id: a\nside: pro\ntag: # 1 \"answer\"\n"))
        #expect(error.location == SourceLocation(path: "test.yaml", line: 3, column: 6))
        #expect(error.message == "`#` starts a comment in YAML, so `tag` is empty here")
        #expect(error.hint == "put the text in quotes: `tag: \"# 1 \\\"answer\\\"\"`")
        #expect(error.code == "yaml-comment-in-text")
    }

    @Test func utf16WithoutAMarkIsNamed() throws {
        var bytes: [UInt8] = []
        for unit in "id: a\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(decodingError(YAMLValue.self, bytes: bytes, path: "w.yaml"))
        #expect(error.message == "the file looks like UTF-16 (little-endian) text (every other byte is zero), not UTF-8")
        #expect(error.code == "not-utf8")
    }

    @Test func invalidUTF8IsASyntaxErrorAtTheByte() throws {
        var bytes = Array("id: a\ntag: b".utf8)
        bytes.insert(0xFF, at: 10)  // "tag: " then the bad byte
        do {
            _ = try YAMLDecoder().decode(YAMLValue.self, from: bytes, path: "u.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.location == SourceLocation(path: "u.yaml", line: 2, column: 5))
            #expect(error.message == "the file is not UTF-8: the byte here (0xFF) looks like “ÿ” in Windows-1252 (Latin-1)")
            #expect(error.hint == "save it as UTF-8 in your editor, or convert it: "
                + "`iconv -f WINDOWS-1252 -t UTF-8 u.yaml > u.yaml.utf8 && mv u.yaml.utf8 u.yaml`")
        }
    }

    @Test func missingKeyIsReportedAtTheMapping() throws {
        let yaml = """
            claims:
              - id: a
                side: pro
            """
        let error = try #require(decodingError(ClaimFile.self, yaml))
        #expect(error.kind == .missingKey)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 5))
        #expect(error.message == "missing key `tag` in item 1 of `claims`")
        #expect(error.hint == nil)
        #expect(error.codingPath == ["claims", "0", "tag"])
        #expect(error.description == "test.yaml:2:5: error: missing key `tag` in item 1 of `claims`")
    }

    @Test func mappingWhereAStringIsWanted() throws {
        let yaml = """
            claims:
              - id: a
                side: pro
                tag:
                  nested: x
            """
        let error = try #require(decodingError(ClaimFile.self, yaml))
        #expect(error.kind == .typeMismatch)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 5, column: 7))
        #expect(error.message == "expected a string, found a mapping")
        #expect(error.codingPath == ["claims", "0", "tag"])
    }

    @Test func wordWhereAnIntIsWanted() throws {
        let error = try #require(decodingError(Budget.self, "wpm: abc\n"))
        #expect(error.kind == .typeMismatch)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 6))
        #expect(error.message == "expected an integer, found `abc`")
        #expect(error.codingPath == ["wpm"])
    }

    @Test func sequenceWhereAMappingIsWantedAndViceVersa() throws {
        let first = try #require(decodingError(ClaimFile.self, "claims:\n  key: value\n"))
        #expect(first.kind == .typeMismatch)
        #expect(first.message == "expected a sequence, found a mapping")
        #expect(first.location.line == 2 && first.location.column == 3)
        let second = try #require(decodingError(ClaimFile.self, "- a\n- b\n"))
        #expect(second.message == "expected a mapping, found a sequence")
        #expect(second.location.line == 1 && second.location.column == 1)
    }

    @Test func unknownEnumValueListsTheAllowedValuesAndSuggestsOne() throws {
        let yaml = """
            claims:
              - id: a
                side: pro
                tag: t
                answers: b
                response: linkturn
            """
        let error = try #require(decodingError(ClaimFile.self, yaml, path: "values.yaml"))
        #expect(error.kind == .unknownValue)
        #expect(error.location == SourceLocation(path: "values.yaml", line: 6, column: 15))
        #expect(error.message == "unknown value `linkturn` for `response`; expected one of: no-link, link-turn, impact-turn, "
            + "non-unique, mitigation, permutation, counterexample, double-standard, concession")
        #expect(error.hint == "did you mean `link-turn`?")
        #expect(error.codingPath == ["claims", "0", "response"])
        #expect(error.description.hasPrefix("values.yaml:6:15: error: unknown value `linkturn` for `response`; expected one of: "))
        #expect(error.description.hasSuffix("concession; did you mean `link-turn`?"))
    }

    @Test func unknownEnumValueFarFromAnyHasNoSuggestion() throws {
        let error = try #require(decodingError(ClaimFile.self, "claims:\n  - {id: a, side: neutral, tag: t}\n"))
        #expect(error.kind == .unknownValue)
        #expect(error.message == "unknown value `neutral` for `side`; expected one of: pro, con")
        #expect(error.hint == nil)
        #expect(error.location.line == 2 && error.location.column == 19)
    }

    @Test func unknownKeySuggestsTheClosestKey() throws {
        let yaml = """
            claims:
              - id: a
                side: pro
                tga: typo
            """
        let error = try #require(decodingError(ClaimFile.self, yaml))
        #expect(error.kind == .unknownKey)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 4, column: 5))
        #expect(error.message == "unknown key `tga` in item 1 of `claims`")
        #expect(error.hint == "did you mean `tag`?")
        #expect(error.codingPath == ["claims", "0", "tga"])
        #expect(error.description == "test.yaml:4:5: error: unknown key `tga` in item 1 of `claims`; did you mean `tag`?")
    }

    @Test func unknownKeyFarFromAnyListsTheKeys() throws {
        let error = try #require(decodingError(Citation.self, "author: A\nbanana: 1\n"))
        #expect(error.kind == .unknownKey)
        #expect(error.location.line == 2 && error.location.column == 1)
        #expect(error.hint == "expected one of: author, qualifications, date, title, publication, url")
    }

    @Test func keysAreNotCheckedWithoutCaseIterableCodingKeys() throws {
        #expect(try decode(Lenient.self, "name: x\nextra: 1\n") == Lenient(name: "x"))
        #expect(try decode([String: Int].self, "anything: 1\n") == ["anything": 1])
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() throws {
        let yaml = """
            claims:
              - id: a
                side: pro
                tag: one
                tag: two
            """
        let error = try #require(decodingError(ClaimFile.self, yaml))
        #expect(error.kind == .duplicateKey)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 5, column: 5))
        #expect(error.message == "duplicate key `tag`")
        #expect(error.hint == "`tag` was first given at 4:5")
    }

    @Test func duplicateKeyInALargeMapping() throws {
        var yaml = (0..<40).map { "k\($0): \($0)\n" }.joined()
        yaml += "k7: again\n"
        let error = try #require(decodingError([String: String].self, yaml))
        #expect(error.kind == .duplicateKey)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 41, column: 1))
        #expect(error.hint == "`k7` was first given at 8:1")
    }

    @Test func mergeKeysAreRejectedWithAHint() throws {
        let error = try #require(decodingError(YAMLValue.self, "base: &b {x: 1}\nother:\n  <<: *b\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 3, column: 3))
        #expect(error.message == "merge keys (`<<`) are not supported")
        #expect(error.hint != nil)
        // A quoted "<<" is an ordinary key.
        #expect(try decode([String: Int].self, "\"<<\": 1\n") == ["<<": 1])
    }

    @Test func nonScalarKeysAreRejected() throws {
        let error = try #require(decodingError(YAMLValue.self, "? [a, b]\n: c\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 3))
        #expect(error.message == "a mapping key must be a scalar, found a sequence")
    }

    @Test func unknownAnchorIsAnErrorAtTheAlias() throws {
        let error = try #require(decodingError(YAMLValue.self, "a: 1\nb: *nowhere\n"))
        #expect(error.kind == .syntax)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 4))
        #expect(error.message == "unknown anchor `nowhere`")
    }

    @Test func recursiveAliasIsAnError() throws {
        let error = try #require(decodingError(YAMLValue.self, "a: &x\n  - *x\n"))
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 5))
        #expect(error.message == "alias `*x` refers to its own enclosing node")
    }

    @Test func shortSequenceForAFixedNumberOfItems() throws {
        struct Pair: Decodable {
            var a: Int, b: Int
            init(from decoder: any Decoder) throws {
                var items = try decoder.unkeyedContainer()
                a = try items.decode(Int.self)
                b = try items.decode(Int.self)
            }
        }
        let error = try #require(decodingError(Pair.self, "[1]"))
        #expect(error.kind == .missingKey)
        #expect(error.message == "expected more than 1 item in the sequence")
        #expect(error.codingPath == ["1"])
    }

    @Test func decodingErrorFromAnInitBecomesAYAMLErrorAtTheNode() throws {
        struct Even: Decodable {
            init(from decoder: any Decoder) throws {
                let value = try decoder.singleValueContainer().decode(Int.self)
                guard value % 2 == 0 else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(value) is odd"))
                }
            }
        }
        struct Holder: Decodable { var numbers: [Even] }
        let error = try #require(decodingError(Holder.self, "numbers: [2, 4, 5]\n"))
        #expect(error.kind == .invalidValue)
        #expect(error.message == "5 is odd")
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 17))
        #expect(error.codingPath == ["numbers", "2"])
    }

    @Test func decodingErrorForAKeyPointsAtThatKeysValue() throws {
        struct Dated: Decodable {
            enum CodingKeys: String, CodingKey { case date }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                let date = try container.decode(String.self, forKey: .date)
                if date.count != 4 {
                    throw DecodingError.dataCorruptedError(forKey: .date, in: container, debugDescription: "a year has four digits")
                }
            }
        }
        let error = try #require(decodingError([Dated].self, "- date: \"2025\"\n- date: \"25\"\n"))
        #expect(error.kind == .invalidValue)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 9))
        #expect(error.codingPath == ["1", "date"])
        #expect(error.message == "a year has four digits")
    }

    @Test func typeMismatchAndOtherErrorsFromAnInitAreConverted() throws {
        struct Picky: Decodable {
            init(from decoder: any Decoder) throws {
                throw DecodingError.typeMismatch(Int.self, .init(codingPath: decoder.codingPath, debugDescription: "no thanks"))
            }
        }
        struct Custom: Error, CustomStringConvertible { var description: String { "custom failure" } }
        struct Failing: Decodable {
            init(from decoder: any Decoder) throws { throw Custom() }
        }
        let mismatch = try #require(decodingError([String: Picky].self, "x: 1\n"))
        #expect(mismatch.kind == .typeMismatch)
        #expect(mismatch.message == "no thanks")
        #expect(mismatch.location.column == 4)
        let other = try #require(decodingError([Failing].self, "- 1\n"))
        #expect(other.kind == .invalidValue)
        #expect(other.message == "custom failure")
        #expect(other.location == SourceLocation(path: "test.yaml", line: 1, column: 3))
    }

    @Test func yamlErrorFromAnInitPassesThroughUnchanged() throws {
        let original = YAMLError(kind: .invalidValue, location: SourceLocation(path: "elsewhere", line: 9, column: 9),
                                 message: "mine", hint: "h", codingPath: ["p"])
        struct Thrower: Decodable {
            static let error = YAMLError(kind: .invalidValue, location: SourceLocation(path: "elsewhere", line: 9, column: 9),
                                         message: "mine", hint: "h", codingPath: ["p"])
            init(from decoder: any Decoder) throws { throw Thrower.error }
        }
        let error = try #require(decodingError([Thrower].self, "- 1\n"))
        #expect(error == original)
    }

    @Test func descriptionFormatsLikeACompilerDiagnostic() {
        let plain = YAMLError(kind: .syntax, location: SourceLocation(path: "a/b.yaml", line: 3, column: 5), message: "bad")
        #expect(plain.description == "a/b.yaml:3:5: error: bad")
        var hinted = plain
        hinted.hint = "did you mean `tag`?"
        #expect(hinted.description == "a/b.yaml:3:5: error: bad; did you mean `tag`?")
        #expect(SourceLocation(path: "x", line: 1, column: 2).description == "x:1:2")
    }

    @Test func unreadableFileIsAnIOError() throws {
        do {
            _ = try YAMLDecoder().decode(YAMLValue.self, fromFile: "/nonexistent/dir/file.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .io)
            #expect(error.location.path == "/nonexistent/dir/file.yaml")
            #expect(error.message.contains("No such file"))
        }
        do {
            _ = try YAMLDecoder().decode(YAMLValue.self, fromFile: "/tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .io)
        }
    }

    @Test func enumsThatAreNotStringCaseIterableGetTheGenericMessage() throws {
        enum Level: Int, Codable, CaseIterable { case low = 1, high = 2 }
        enum Mood: String, Codable { case calm }
        let level = try #require(decodingError([Level].self, "[1, 3]"))
        #expect(level.kind == .invalidValue)
        #expect(level.location == SourceLocation(path: "test.yaml", line: 1, column: 5))
        #expect(level.codingPath == ["1"])
        let mood = try #require(decodingError([Mood].self, "[calm, angry]"))
        #expect(mood.kind == .invalidValue)
        #expect(mood.message.contains("angry"))
        #expect(mood.location.column == 8)
    }

    @Test func renamedKeysAreSuggestedByTheirYAMLSpelling() throws {
        struct Options: Decodable {
            enum CodingKeys: String, CodingKey, CaseIterable { case onlyTags = "only-tags", exclude }
            var onlyTags: [String]?
            var exclude: [String]?
        }
        let error = try #require(decodingError(Options.self, "exclude: []\nonly-tag: [a]\n"))
        #expect(error.kind == .unknownKey)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 1))
        #expect(error.hint == "did you mean `only-tags`?")
        #expect(try decode(Options.self, "only-tags: [a]\n").onlyTags == ["a"])
    }
}
