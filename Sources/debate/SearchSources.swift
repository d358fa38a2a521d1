import ArgumentParser
import DebateCore
import Foundation
import LibraryIndex
import ModuleFormat
import ModuleLoading

/// The modules of a registry as the index's sources: packs by their files, process modules by their reply.
enum LibrarySources {
    static func of(_ registry: ModuleRegistry) -> [IndexSource] {
        registry.entries.map { entry in
            if let backed = entry.module as? any PackBacked {
                let pack = backed.pack
                // The claim files are the folder's path plus their own; only the folder needs resolving.
                let folder = absolute(pack.directory)
                let files = pack.claimFiles.map { absolute($0, in: pack, folder: folder) }
                return IndexSource(module: pack.descriptor.id, location: folder, content: .files(files))
            }
            let module = entry.module
            let descriptor = module.descriptor
            // Claims for both sides come back whatever side is asked; the options are the defaults.
            let key = "version \(descriptor.version); options {}"
            let fingerprint = (entry.source as NSString).appendingPathComponent("module.yaml")
            let path = FileManager.default.fileExists(atPath: fingerprint) ? fingerprint : entry.source
            return IndexSource(module: descriptor.id, location: absolute(entry.source), content: .computed(
                key: key, fingerprintPath: path,
                claims: { try module.arguments(for: ModuleContext(resolution: "", side: .pro)).claims }))
        }
    }

    /// A claim file's absolute path: its pack's resolved `folder` plus the file's own part.
    static func absolute(_ file: String, in pack: PackModule, folder: String) -> String {
        // On the bytes: this runs for every claim file.
        let count = pack.directory.utf8.count
        let below = file.withCString { file in pack.directory.withCString { strncmp(file, $0, count) == 0 } }
        guard below else { return absolute(file) }
        let bytes = file.utf8.dropFirst(count).drop { $0 == UInt8(ascii: "/") }
        // A ".." or a leading "." needs resolving.
        let dots = bytes.first == UInt8(ascii: ".") || zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
        return dots ? absolute(file) : folder + "/" + String(decoding: bytes, as: UTF8.self)
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}

/// Words the search options take, with the spellings the debate model uses.
enum SearchVocabulary {
    static let positionKinds = ["plan", "advantage", "inherency", "solvency", "disadvantage", "counterplan", "kritik",
                                "topicality", "theory", "case", "value", "criterion", "contention"]
    static let roles = ["text", "uniqueness", "link", "internal-link", "impact", "solvency", "inherency", "net-benefit",
                        "alternative", "framework", "interpretation", "violation", "standard", "voter", "harms"]
    static let stopWords: Set<String> = ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have",
                                         "in", "is", "it", "its", "not", "of", "on", "or", "that", "the", "their", "there",
                                         "this", "to", "was", "were", "will", "with", "would", "can", "no", "any", "all"]

    static func side(_ text: String) -> Side? {
        switch text.lowercased() {
        case "pro", "aff", "affirmative": .pro
        case "con", "neg", "negative": .con
        default: nil
        }
    }

    static func years(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0) }.filter { (1000...9999).contains($0) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 1: return numbers[0]...numbers[0]
        case 2 where numbers[0] <= numbers[1]: return numbers[0]...numbers[1]
        default: return nil
        }
    }

    static func check(_ value: String?, option: String, in allowed: [String]) throws {
        guard let value, !allowed.contains(value) else { return }
        let hint = closestMatch(to: value, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
        throw ValidationError("\(option) takes one of \(allowed.joined(separator: ", ")); `\(value)` is not one\(hint)")
    }

    /// The current folder, once per run (a search prints a position for every hit).
    static let cwd = FileManager.default.currentDirectoryPath + "/"

    /// `path:line:col` of a claim, relative to the current folder when below it.
    static func position(of claim: any Claim) -> String {
        guard let location = claim.location else { return "(module \(claim.module))" }
        let path = location.path.hasPrefix(cwd) ? String(location.path.dropFirst(cwd.count)) : location.path
        return "\(path):\(location.line):\(location.column)"
    }
}
