// The YAML decoder into every file format debate reads: claim files, module manifests, decks
// (and any YAML, as YAMLValue). Invariants: a failure is a YAMLError positioned inside the input;
// what we write reads back the same (a decoded claim file written the way `import kialo` and
// `modules new` write claims, and any decoded value written by our emitter, decode to equal values).
import DebateCore
import DeckBuilder
import FuzzSupport
import ModuleAuthoring
import ModuleFormat
import YAMLCoding

enum Input { static let path = "fuzz.yaml" }

func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], bounds: InputBounds) -> T? {
    do {
        return try YAMLDecoder().decode(type, from: bytes, path: Input.path)
    } catch {
        bounds.check(error, path: Input.path, "decoding \(type)")
        return nil
    }
}

/// NaN never equals itself; anything else must come back exactly.
func same(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
    switch (a, b) {
    case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.sequence(let x), .sequence(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
    case (.mapping(let x), .mapping(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
    default: return a == b
    }
}

runFuzzer { bytes in
    let bounds = InputBounds(bytes)
    if let file = decode(ClaimFile.self, bytes, bounds: bounds) {
        for entry in file.claims where !ClaimID.isValid(entry.id) || !(entry.answers.map(ClaimID.isValid) ?? true) {
            violated("a claim file was accepted with claim id \(entry.id.debugDescription) answering \(String(describing: entry.answers))")
        }
        let written: String
        do {
            written = try emitYAML(["claims": .sequence(file.claims.map(ModuleScaffold.yaml))])
        } catch {
            violated("a decoded claim file cannot be written: \(error)")
        }
        do {
            let again = try YAMLDecoder().decode(ClaimFile.self, from: written, path: "written.yaml")
            // Positions and the spelling a deprecated response kind was read from are not claims' own.
            let strip = { (entries: [ClaimEntry]) in
                entries.map { var e = $0; e.location = nil; e.responseLocation = nil; e.deprecatedResponse = nil; return e }
            }
            if strip(again.claims) != strip(file.claims) { violated("claims read back differently from:\n\(written)") }
        } catch {
            violated("written claims do not read back: \(error)\n\(written)")
        }
    }
    _ = decode(ModuleManifest.self, bytes, bounds: bounds)
    _ = decode(DeckConfiguration.self, bytes, bounds: bounds)
    if let value = decode(YAMLValue.self, bytes, bounds: bounds) {
        guard let written = try? emitYAML(value) else { return }  // e.g. a key that is not a string
        do {
            let again = try YAMLDecoder().decode(YAMLValue.self, from: written, path: "written.yaml")
            if !same(again, value) { violated("value read back differently from:\n\(written)") }
        } catch {
            violated("written value does not read back: \(error)\n\(written)")
        }
    }
}
