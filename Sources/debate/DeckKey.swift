import DebateCore
import DeckBuilder
import Foundation
import ModuleFormat
import ModuleLoading
import YAMLCoding

/// A deck's input key: everything a build of it depends on, written out as text, worked out with
/// `stat` rather than by decoding claims — the `debate` executable (its code and built-in drills),
/// the current folder (paths in messages are as given), the deck file's bytes, the module search
/// (every module found, in order, and where), and for each module the deck uses its manifest and
/// every claim file (device, inode, size, modification and change times). A file changed within
/// two seconds of the key being taken is "racy": a later edit within the same clock tick would not
/// show in its times, so its content hash, taken with the key (before the build reads it), is kept
/// with the entry and checked on a hit. A deck that uses a process module has no key: its claims
/// may differ on every run. See `BuildMemo` and `QuizMemo`.
struct DeckKey {
    /// The key, one input a line.
    var text: String
    /// The deck as decoded for the key (its outputs, for a build's targets).
    var configuration: DeckConfiguration
    /// When the key was taken, nanoseconds since 1970.
    var takenAt: Int64
    /// The racy files and their content hashes when the key was taken.
    var racy: [(path: String, hash: Int64)]

    /// The key of `deck` under `modules`' search; nil when the deck cannot be memoized (a process
    /// module, a module that cannot be found: the real run reports why).
    static func of(deck path: String, modules: ModulePathOptions, console: Console) -> DeckKey? {
        let now = Self.now()
        var reader = YAMLDecoder()
        reader.limits.maxInputBytes = .max
        guard let bytes = try? reader.readFile(path),
              let configuration = try? YAMLDecoder().decode(DeckConfiguration.self, from: bytes, path: path),
              let builtIns = try? modules.builtIns(console),
              let registry = try? ModuleRegistry.discover(builtIns: builtIns, search: modules.search(deck: path, pins: configuration.pins)),
              let executable = Self.executable()
        else { return nil }
        var lines = ["debate deck key 1", "executable \(executable)", "cwd \(FileManager.default.currentDirectoryPath)",
                     "deck \(path) \(bytes.count) \(FileFingerprint.hash(bytes))",
                     "module-path \(modules.modulePaths.joined(separator: "\u{1F}"))", "module-timeout \(modules.moduleTimeout.map { "\($0)" } ?? "-")"]
        lines += registry.entries.map { "found \($0.module.descriptor.id) \($0.origin.rawValue) \($0.source)" }
        lines += registry.conflicts.keys.sorted().map { "conflict \($0) \(registry.conflicts[$0]!.joined(separator: "\u{1F}"))" }
        lines += registry.searched.map { "searched \($0)" }
        var racy: [(path: String, hash: Int64)] = []
        for use in configuration.modules {
            guard registry.conflicts[use.id] == nil, let module = registry.module(use.id),
                  let backed = module as? any PackBacked else { return nil }
            let pack = backed.pack
            lines.append("module \(use.id) \(pack.directory)")
            for file in [(pack.directory as NSString).appendingPathComponent(PackModule.manifestName)] + pack.claimFiles {
                guard let (line, changed) = Self.fileLine(file) else { return nil }
                lines.append(line)
                if changed >= now - Self.racyWindow {
                    guard let hash = Self.contentHash(file) else { return nil }
                    racy.append((file, hash))
                }
            }
        }
        return DeckKey(text: lines.joined(separator: "\n"), configuration: configuration, takenAt: now, racy: racy)
    }

    /// "file PATH dev ino size mtime ctime", and when it last changed (the later of the two times);
    /// nil when it cannot be read.
    static func fileLine(_ path: String) -> (line: String, changed: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let mtime = Self.nanoseconds(info.st_mtim), ctime = Self.nanoseconds(info.st_ctim)
        return ("file \(path) \(info.st_dev) \(info.st_ino) \(info.st_size) \(mtime) \(ctime)", max(mtime, ctime))
    }

    static func contentHash(_ path: String) -> Int64? {
        var reader = YAMLDecoder()
        reader.limits.maxInputBytes = .max
        return (try? reader.readFile(path)).map(FileFingerprint.hash)
    }

    /// How long after a change a file's times cannot be trusted to show the next change.
    static let racyWindow: Int64 = 2_000_000_000

    /// The running executable: its path and identity (a rebuilt `debate` is another file).
    static func executable() -> String? {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
        guard let path else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(path) \(info.st_dev) \(info.st_ino) \(info.st_size) \(nanoseconds(info.st_mtim)) \(nanoseconds(info.st_ctim))"
    }

    /// A digest of the key text for the memo's row (the text itself is compared whole on a hit).
    static func digest(_ text: String) -> String {
        let a = UInt64(bitPattern: FileFingerprint.hash(text.utf8))
        var copy = text
        let b = copy.withUTF8 { UInt64(bitPattern: FileFingerprint.contentHash(UnsafeRawBufferPointer($0))) }
        return String(a, radix: 16) + String(b, radix: 16)
    }

    static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }
}
