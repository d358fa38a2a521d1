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

    func files(of pack: PackModule) -> [String: DecodedClaimFile] {
        let folder = LibrarySources.absolute(pack.directory)
        let requests = pack.claimFiles.map { file in
            LibraryIndex.CachedFileRequest(absolute: LibrarySources.absolute(file, in: pack, folder: folder), path: file)
        }
        return (try? index.cachedFiles(pack: folder, files: requests)) ?? [:]
    }

    func store(_ files: [DecodedClaimFile], of pack: PackModule) {
        let folder = LibrarySources.absolute(pack.directory)
        // A cache that cannot be written only means the next run decodes these files again.
        try? index.storeCachedFiles(pack: folder, files.map { (LibrarySources.absolute($0.path, in: pack, folder: folder), $0) })
    }
}
