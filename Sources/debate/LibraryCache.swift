import DebateCore
import Dispatch
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
        // The process does not end before the cache's writes have (see `store`).
        atexit { LibraryCache.pending.wait() }
    }

    /// Writes handed to `writer` and not yet done.
    private static let pending = DispatchGroup()
    /// One writer, in the order the packs were decoded.
    private let writer = DispatchQueue(label: "debate library cache writes")

    func files(of pack: PackModule) -> [String: DecodedClaimFile] {
        let folder = LibrarySources.absolute(pack.directory)
        let requests = pack.claimFiles.map { file in
            LibraryIndex.CachedFileRequest(absolute: LibrarySources.absolute(file, in: pack, folder: folder), path: file)
        }
        return (try? index.cachedFiles(pack: folder, files: requests)) ?? [:]
    }

    /// Keeps the files on another thread while the command goes on (a cold build renders meanwhile);
    /// the process waits for it at exit.
    func store(_ files: [DecodedClaimFile], of pack: PackModule) {
        let folder = LibrarySources.absolute(pack.directory)
        let entries = files.map { (absolute: LibrarySources.absolute($0.path, in: pack, folder: folder), file: $0) }
        let index = self.index
        Self.pending.enter()
        writer.async {
            defer { Self.pending.leave() }
            // A cache that cannot be written only means the next run decodes these files again.
            try? index.storeCachedFiles(pack: folder, entries)
        }
    }
}
