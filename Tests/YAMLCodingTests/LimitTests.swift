import Testing
import YAMLCoding

@Suite("Limits: alias expansion, depth, input size")
struct LimitTests {
    /// Nine levels, each a sequence of nine aliases to the level before: 9^9 ≈ 387 million strings.
    static let billionLaughs: String = {
        var lines = ["a: &a [\(Array(repeating: "\"lol\"", count: 9).joined(separator: ", "))]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let previous = names[level - 1]
            let name = names[level]
            lines.append("\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsFailsAtTheAliasThatCrossesTheLimit() throws {
        let error = try #require(decodingError(YAMLValue.self, LimitTests.billionLaughs, path: "lol.yaml"))
        #expect(error.kind == .limitExceeded)
        // Expanded sizes: a 10, b 91, c 820, d 7381, e 66430, f 597871; running total after f is 672588,
        // so the first `*f` on line 7 passes 1,000,000.
        #expect(error.location == SourceLocation(path: "lol.yaml", line: 7, column: 8))
        #expect(error.message == "aliases expand to more than 1000000 nodes at alias `*f`")
        #expect(error.hint == "the file repeats anchored content too many times (limit: maxAliasExpandedNodes)")
    }

    @Test func billionLaughsFailsForTypedDecodingToo() throws {
        struct Levels: Decodable { var i: [[[[[[[[[String]]]]]]]]] }
        #expect(decodingError(Levels.self, LimitTests.billionLaughs)?.kind == .limitExceeded)
    }

    @Test func tenWideLaughsWithAStricterLimit() throws {
        var lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<9 {
            lines.append("l\(level): &l\(level) [\(Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", "))]")
        }
        let limits = YAMLLimits(maxAliasExpandedNodes: 500)
        let error = try #require(decodingError(YAMLValue.self, lines.joined(separator: "\n"), limits: limits))
        #expect(error.kind == .limitExceeded)
        // l1 costs 110 (10 × 11); the fourth `*l1` on line 3 brings the total to 110 + 4 × 111 = 554.
        #expect(error.location.line == 3)
        #expect(error.location.column == 10 + 3 * 5)
    }

    @Test func modestAliasUseIsFine() throws {
        let yaml = "base: &b {x: 1, y: [1, 2, 3]}\n" + (0..<100).map { "k\($0): *b\n" }.joined()
        let value = try decode(YAMLValue.self, yaml)
        #expect(value["k99"]?["y"]?[2] == 3)
    }

    @Test func depthCapStopsDeepNesting() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let error = try #require(decodingError(YAMLValue.self, deep))
        #expect(error.kind == .limitExceeded)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 1, column: 257))
        #expect(error.message == "nesting deeper than 256 levels")
    }

    @Test func nestingAtTheCapDecodes() throws {
        let atCap = String(repeating: "[", count: 256) + "1" + String(repeating: "]", count: 256)
        var value = try decode(YAMLValue.self, atCap)
        var depth = 0
        while case .sequence(let items) = value, let first = items.first {
            depth += 1
            value = first
        }
        #expect(depth == 256 && value == 1)
    }

    /// A recursive Decodable type at the default cap: the decoder's recursion must fit a test thread's stack.
    @Test func typedDecodingAtTheCapFitsTheStack() throws {
        struct Tree: Decodable {
            var depth: Int
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let children = try? container.decode([Tree].self) {
                    depth = 1 + (children.map(\.depth).max() ?? 0)
                } else {
                    _ = try container.decode(Int.self)
                    depth = 0
                }
            }
        }
        let blockStyle = (0..<255).map { String(repeating: "  ", count: $0) + "-\n" }.joined()
            + String(repeating: "  ", count: 255) + "- 1\n"
        #expect(try decode(Tree.self, blockStyle).depth == 256)
        let flowStyle = String(repeating: "[", count: 256) + "1" + String(repeating: "]", count: 256)
        #expect(try decode(Tree.self, flowStyle).depth == 256)
    }

    @Test func customDepthCapInBlockStyle() throws {
        let yaml = "a:\n  b:\n    c:\n      d: 1\n"
        #expect(try decode(YAMLValue.self, yaml)["a"]?["b"]?["c"]?["d"] == 1)
        let error = try #require(decodingError(YAMLValue.self, yaml, limits: YAMLLimits(maxDepth: 3)))
        #expect(error.kind == .limitExceeded)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 4, column: 7))
    }

    @Test func aliasesCannotSmuggleDepthPastTheCap() throws {
        let yaml = "a: &a [[[1]]]\nb: [[*a]]\n"
        let limits = YAMLLimits(maxDepth: 4)
        let error = try #require(decodingError(YAMLValue.self, yaml, limits: limits))
        #expect(error.kind == .limitExceeded)
        #expect(error.location == SourceLocation(path: "test.yaml", line: 2, column: 6))
        #expect(error.message == "alias `*a` nests deeper than 4 levels")
    }

    @Test func inputSizeCap() throws {
        let limits = YAMLLimits(maxInputBytes: 16)
        #expect(decodingError(YAMLValue.self, "a: 1234567890\n", limits: limits) == nil)
        let error = try #require(decodingError(YAMLValue.self, "a: 12345678901234\n", path: "big.yaml", limits: limits))
        #expect(error.kind == .limitExceeded)
        #expect(error.location == SourceLocation(path: "big.yaml", line: 1, column: 1))
        #expect(error.message == "the input is 18 bytes, more than the limit of 16")
    }

    @Test func inputSizeCapForFilesIsCheckedBeforeReading() throws {
        let path = "/tmp/yamlcoding-big-\(UInt32.random(in: 0...UInt32.max)).yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "x", count: 100).utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try YAMLDecoder(limits: YAMLLimits(maxInputBytes: 50)).decode(String.self, fromFile: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .limitExceeded)
            #expect(error.message == "the file is 100 bytes, more than the limit of 50")
        }
    }

    @Test func defaults() {
        #expect(YAMLLimits.default.maxInputBytes == 256 * 1024 * 1024)
        #expect(YAMLLimits.default.maxDepth == 256)
        #expect(YAMLLimits.default.maxAliasExpandedNodes == 1_000_000)
        #expect(YAMLDecoder().limits.maxDepth == 256)
    }
}

import Foundation
