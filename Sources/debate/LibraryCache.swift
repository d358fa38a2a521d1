import DebateCore
import Foundation
import LibraryIndex
import ModuleFormat
import ModuleLoading

/// The library index as the packs' claim cache: every command that loads packs reads the claims of
/// unchanged files from it instead of decoding their YAML again. `DEBATE_INDEX=off` turns it off.
final class LibraryCache: PackClaimCache, @unchecked Sendable {
    let index: LibraryIndex

    init(index: LibraryIndex) { self.index = index }

    /// Installs the cache once per run. Without a usable index the commands decode every file, as
    /// they would without the cache; only the index's own warnings (rebuilt) are printed.
    static func install(_ console: Console) {
        guard PackModule.claimCache == nil, ProcessInfo.processInfo.environment["DEBATE_INDEX"] != "off",
              let index = try? LibraryIndex() else { return }
        console.report(index.diagnostics)
        PackModule.claimCache = LibraryCache(index: index)
    }

    func entries(of pack: PackModule) -> [String: [ClaimEntry]] {
        let folder = LibrarySources.absolute(pack.directory)
        var asWritten: [String: String] = [:]
        let files = pack.claimFiles.map { file in
            let absolute = LibrarySources.absolute(file, in: pack, folder: folder)
            asWritten[absolute] = file
            return absolute
        }
        guard let found = try? index.entries(module: pack.descriptor.id, location: folder, files: files) else { return [:] }
        var result: [String: [ClaimEntry]] = [:]
        for (absolute, entries) in found {
            guard let file = asWritten[absolute] else { continue }
            // Positions name the file the way the pack does, as decoding it would.
            result[file] = file == absolute ? entries : entries.map { entry in
                var entry = entry
                entry.location?.path = file
                return entry
            }
        }
        return result
    }
}
