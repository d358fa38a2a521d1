import Foundation

/// `-o out` where `out` is a folder: the output is one file.
struct OutputPathIsAFolder: LocalizedError {
    var path: String
    var errorDescription: String? {
        "\(path) is a folder; -o takes a file name, e.g. \((path as NSString).appendingPathComponent("deck.md"))"
    }
}

/// Writes a file so that a failure never leaves half of it: a temporary file beside it, then rename.
/// A path that is not a regular file (a device such as /dev/null, a pipe) is written directly.
func writeAtomically(_ text: String, to path: String) throws {
    try writeAtomically(Data(text.utf8), to: path)
}

func writeAtomically(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        if isDirectory.boolValue { throw OutputPathIsAFolder(path: path) }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            try data.write(to: url)
            return
        }
    }
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                          NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw error
    }
}
