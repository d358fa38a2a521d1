import Testing
import YAMLCoding

@Suite("Scalars resolve by the requested type (YAML 1.2 core schema)")
struct ScalarTests {
    struct Box<T: Decodable>: Decodable { var v: T }

    func value<T: Decodable>(_ type: T.Type, _ text: String) throws(YAMLError) -> T {
        try decode(Box<T>.self, "v: \(text)\n").v
    }

    func failure<T: Decodable>(_ type: T.Type, _ text: String) -> YAMLError? {
        decodingError(Box<T>.self, "v: \(text)\n")
    }

    @Test(arguments: ["NO", "yes", "on", "off", "y", "n", "true", "42", "0x1F", "3.5", ".inf", "2025-01-01", "1:30"])
    func anyPlainScalarIsAStringWhenAStringIsWanted(text: String) throws {
        #expect(try value(String.self, text) == text)
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        #expect(try value(String.self, "\"null\"") == "null")
        #expect(try value(String.self, "''") == "")
        #expect(try value(String.self, "'it''s'") == "it's")
        #expect(try value(String.self, "\"tab\\there\"") == "tab\there")
        #expect(try decode(Box<String>.self, "v: |\n  line one\n  line two\n").v == "line one\nline two\n")
        #expect(try decode(Box<String>.self, "v: >-\n  folded\n  text\n").v == "folded text")
        #expect(try value(String.self, "!!str 42") == "42")
    }

    @Test(arguments: ["null", "~", "Null", "NULL", ""])
    func nullFormsAreNilForOptionals(text: String) throws {
        #expect(try value(String?.self, text) == nil)
        #expect(try value(Int?.self, text) == nil)
        #expect(try value([String]?.self, text) == nil)
    }

    @Test func nullForANonOptionalIsAnError() throws {
        let error = try #require(failure(String.self, "null"))
        #expect(error.kind == .typeMismatch)
        #expect(error.message == "expected a string, found null")
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 4))
        #expect(error.hint == "write \"null\" in quotes for the word itself")
        let empty = try #require(failure(String.self, ""))
        #expect(empty.message == "expected a string, found an empty value")
        #expect(empty.hint == "write \"\" for an empty string")
        let int = try #require(failure(Int.self, "~"))
        #expect(int.message == "expected an integer, found null")
    }

    @Test func missingOptionalKeyIsNil() throws {
        struct Maybe: Decodable { var a: Int?; var b: String? }
        let decoded = try decode(Maybe.self, "a: 1\n")
        #expect(decoded.a == 1)
        #expect(decoded.b == nil)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false)])
    func booleans(text: String, expected: Bool) throws {
        #expect(try value(Bool.self, text) == expected)
    }

    @Test(arguments: ["yes", "no", "on", "off", "y", "Yes", "tRUE", "1"])
    func otherWordsAreNotBooleans(text: String) throws {
        let error = try #require(failure(Bool.self, text))
        #expect(error.kind == .typeMismatch)
        #expect(error.message == "expected a boolean (`true` or `false`), found `\(text)`")
        #expect(error.location.column == 4)
    }

    @Test func yaml11BooleansGetAHintAndQuotedBooleansAreStrings() throws {
        #expect(failure(Bool.self, "yes")?.hint == "YAML 1.2 booleans are `true` and `false`")
        let quoted = try #require(failure(Bool.self, "\"true\""))
        #expect(quoted.message == "expected a boolean (`true` or `false`), found the quoted string \"true\"")
        #expect(quoted.hint == "remove the quotes to write a boolean")
    }

    @Test(arguments: [("0", 0), ("42", 42), ("-17", -17), ("+5", 5), ("007", 7), ("0x1F", 31), ("0xff", 255), ("0o17", 15),
                      ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min)])
    func integers(text: String, expected: Int) throws {
        #expect(try value(Int.self, text) == expected)
    }

    @Test(arguments: ["1.5", "1e3", "0x", "0o8", "0xG", "-0x1", "1_000", "abc", "--1", "+", ".5"])
    func notIntegers(text: String) throws {
        let error = try #require(failure(Int.self, text))
        #expect(error.kind == .typeMismatch)
        #expect(error.message == "expected an integer, found `\(text)`")
    }

    @Test func integerOverflowIsAnError() throws {
        let error = try #require(failure(Int.self, "9223372036854775808"))
        #expect(error.kind == .invalidValue)
        #expect(error.message == "`9223372036854775808` is out of range: a whole number from -9223372036854775808 to 9223372036854775807 is allowed here")
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 4))
        #expect(failure(Int8.self, "128")?.message == "`128` is out of range: a whole number from -128 to 127 is allowed here")
        #expect(failure(UInt8.self, "-1")?.kind == .invalidValue)
        #expect(failure(UInt16.self, "0x10000")?.kind == .invalidValue)
        #expect(failure(Int32.self, "-2147483649")?.kind == .invalidValue)
        #expect(failure(UInt64.self, "18446744073709551616")?.kind == .invalidValue)
    }

    @Test func everyFixedWidthIntegerType() throws {
        #expect(try value(Int8.self, "-128") == Int8.min)
        #expect(try value(Int16.self, "32767") == Int16.max)
        #expect(try value(Int32.self, "-2147483648") == Int32.min)
        #expect(try value(Int64.self, "0x7fffffffffffffff") == Int64.max)
        #expect(try value(UInt.self, "18446744073709551615") == UInt.max)
        #expect(try value(UInt8.self, "0xff") == 255)
        #expect(try value(UInt16.self, "0o177777") == UInt16.max)
        #expect(try value(UInt32.self, "4294967295") == UInt32.max)
        #expect(try value(UInt64.self, "-0") == 0)
        #expect(try value(Int128.self, "170141183460469231731687303715884105727") == Int128.max)
        #expect(try value(UInt128.self, "0xffffffffffffffffffffffffffffffff") == UInt128.max)
        #expect(try decode([Int8].self, "[1, -2, 3]") == [1, -2, 3])
    }

    @Test func quotedNumberIsNotAnInt() throws {
        let error = try #require(failure(Int.self, "\"42\""))
        #expect(error.kind == .typeMismatch)
        #expect(error.message == "expected an integer, found the quoted string \"42\"")
        #expect(error.hint == "remove the quotes to write a number")
        #expect(failure(Double.self, "'1.5'")?.kind == .typeMismatch)
    }

    @Test(arguments: [("1.5", 1.5), ("-2.25", -2.25), ("1e3", 1000), ("1E-2", 0.01), ("+.5", 0.5), (".5", 0.5), ("1.", 1),
                      ("42", 42), ("0x10", 16), ("0o10", 8), ("-0", 0), ("6.02e+23", 6.02e23)])
    func doubles(text: String, expected: Double) throws {
        #expect(try value(Double.self, text) == expected)
    }

    @Test func specialDoubles() throws {
        #expect(try value(Double.self, ".inf") == .infinity)
        #expect(try value(Double.self, "-.Inf") == -.infinity)
        #expect(try value(Double.self, "+.INF") == .infinity)
        #expect(try value(Double.self, ".nan").isNaN)
        #expect(try value(Double.self, ".NaN").isNaN)
        #expect(try value(Float.self, ".NAN").isNaN)
        #expect(try value(Float.self, "2.5") == 2.5)
    }

    @Test(arguments: ["abc", "1.2.3", "e5", ".", "inf", "nan", "-.nan", "1e", "0x1.8"])
    func notDoubles(text: String) throws {
        #expect(failure(Double.self, text)?.message == "expected a number, found `\(text)`")
    }

    @Test func doubleOverflowIsAnError() throws {
        #expect(failure(Double.self, "1e400")?.kind == .invalidValue)
        #expect(failure(Float.self, "1e39")?.message == "`1e39` is out of range: the number is too large")
    }

    @Test func decodeNilIsTrueOnlyForNullScalars() throws {
        struct Probe: Decodable {
            var results: [Bool]
            init(from decoder: any Decoder) throws {
                var items = try decoder.unkeyedContainer()
                var results: [Bool] = []
                while !items.isAtEnd {
                    if try items.decodeNil() {
                        results.append(true)
                    } else {
                        results.append(false)
                        _ = try items.decode(YAMLValue.self)
                    }
                }
                self.results = results
            }
        }
        let probe = try decode(Probe.self, "[null, ~, '', \"null\", 0, [], {}, NULL, Null, !!str null]")
        #expect(probe.results == [true, true, false, false, false, false, false, true, true, false])
    }

    @Test func urlAndDecimalReadFromScalars() throws {
        struct Link: Decodable { var url: URL }
        #expect(try decode(Link.self, "url: https://example.org/a?b=c\n").url.absoluteString == "https://example.org/a?b=c")
        #expect(try value(Decimal.self, "12.50") == Decimal(string: "12.50"))
        #expect(failure(Decimal.self, "\"12\"")?.kind == .typeMismatch)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
