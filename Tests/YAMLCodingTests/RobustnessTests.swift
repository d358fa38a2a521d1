import Testing
import YAMLCoding

/// Visits every node and asks for positions inside every scalar: nothing may trap.
private struct Walker: Decodable {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    var nodes = 1

    init(from decoder: any Decoder) throws {
        if let scalar = decoder.yamlScalar {
            let text = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
            for offset in [-1, 0, 1, text.count / 2, text.count, text.count + 3] {
                let location = scalar.location(ofValueOffset: offset)
                #expect(location.line >= 1 && location.column >= 1)
            }
            _ = try? decoder.singleValueContainer().decode(Int.self)
            _ = try? decoder.singleValueContainer().decode(Double.self)
            _ = try? decoder.singleValueContainer().decode(Bool.self)
            return
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            for key in keyed.allKeys { nodes += try keyed.decode(Walker.self, forKey: key).nodes }
        } else if var list = try? decoder.unkeyedContainer() {
            while !list.isAtEnd { nodes += try list.decode(Walker.self).nodes }
        }
    }
}

/// SplitMix64: the same inputs on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Never crash on any input")
struct RobustnessTests {
    static let seeds: [String] = [
        StructureTests.claimFile,
        LimitTests.billionLaughs,
        "a: &x [1, 2, {b: *x}]\nc: *x\n",
        "v: |2-\n   text\n  more\nw: >+\n  folded\n\n  x\n",
        "\"quoted \\u00e9 \\x41 \\\n  escaped\": 'single ''q'''\n? complex\n: value\n",
        "- [a, {b: c}, [d]]\n- !!str 1\n- ! 2\n- !custom {x: 1}\n- 0x1F\n- .inf\n- ~\n",
        "%YAML 1.2\n---\nkey: value\n...\n",
    ]

    static let inputs: [[UInt8]] = [
        [], [0], [0xFF], [0xFE, 0xFF, 0, 0x61], [0xFF, 0xFE, 0x61, 0], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x80],
        Array("\t".utf8), Array(":".utf8), Array("- - -".utf8), Array("[".utf8), Array("{".utf8), Array("&a".utf8),
        Array("*a".utf8), Array("!<tag:x>".utf8), Array("%TAG ! tag:x,2000:\n---\n!a b".utf8), Array("? ".utf8),
        Array("a: 'unterminated".utf8), Array("\"\\x\"".utf8), Array("\"\\uD800\"".utf8), Array("\"\\UFFFFFFFF\"".utf8),
        Array("---\n---\n".utf8), Array("&a [*a]".utf8), Array("a:\n\tb: 1".utf8), Array("a: b: c".utf8),
        Array("|\n\u{0}".utf8), Array("- \u{85}x\u{2028}y".utf8), Array("key: \u{7F}".utf8),
        Array(String(repeating: "[", count: 10_000).utf8), Array(String(repeating: "- ", count: 5_000).utf8),
        Array(String(repeating: "x", count: 100_000).utf8), Array(String(repeating: "a: ", count: 3_000).utf8),
        Array(0...255), Array((0...255).reversed()),
    ]

    @Test func handPickedNastyInputs() {
        for input in RobustnessTests.inputs { exercise(input) }
    }

    @Test func mutatedInputsNeverCrash() {
        var random = SeededGenerator(state: 0xDEB4_7E)
        let interesting: [UInt8] = Array("\t\n\r :-[]{}&*!|>\"'#?,%@`\\~0.".utf8) + [0x00, 0xFF, 0xC3, 0x80, 0xE2, 0xEF]
        var outcomes = (decoded: 0, rejected: 0)
        for iteration in 0..<3000 {
            var bytes = Array(RobustnessTests.seeds[iteration % RobustnessTests.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<6, using: &random) {
                case 0 where !bytes.isEmpty:
                    bytes[position] = interesting.randomElement(using: &random) ?? 0
                case 1:
                    bytes.insert(interesting.randomElement(using: &random) ?? 0, at: position)
                case 2 where !bytes.isEmpty:
                    bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &random)))
                case 3 where !bytes.isEmpty:
                    let slice = bytes[position..<min(bytes.count, position + Int.random(in: 1...40, using: &random))]
                    bytes.insert(contentsOf: slice, at: Int.random(in: 0...bytes.count, using: &random))
                case 4:
                    bytes.removeSubrange(position...)
                default:
                    bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                }
            }
            if exercise(bytes) { outcomes.decoded += 1 } else { outcomes.rejected += 1 }
        }
        // Both outcomes occur: the loop reaches past the parser into the decoder.
        #expect(outcomes.decoded > 100 && outcomes.rejected > 100)
    }

    /// Decodes `bytes` several ways. Any failure must be a located `YAMLError` (typed throws guarantees the type).
    @discardableResult
    private func exercise(_ bytes: [UInt8]) -> Bool {
        // A lower alias cap keeps mutated "laughs" that stay under the default cap quick to walk.
        let decoder = YAMLDecoder(limits: YAMLLimits(maxAliasExpandedNodes: 5_000))
        var decoded = false
        do {
            let value = try decoder.decode(YAMLValue.self, from: bytes, path: "fuzz.yaml")
            decoded = true
            // What we read, we can write and read again to the same value.
            if let emitted = try? emitYAML(value) {
                let again = try decoder.decode(YAMLValue.self, from: emitted, path: "emitted.yaml")
                #expect((try? emitYAML(again)) == emitted)
            }
        } catch {
            #expect(error.location.line >= 1 && error.location.column >= 1)
            #expect(!error.message.isEmpty)
        }
        do {
            _ = try decoder.decode(Walker.self, from: bytes, path: "fuzz.yaml")
        } catch {
            #expect(error.location.path == "fuzz.yaml")
        }
        do {
            _ = try decoder.decode(ClaimFile.self, from: bytes, path: "fuzz.yaml")
        } catch {
            #expect(error.location.line >= 1)
        }
        return decoded
    }
}
