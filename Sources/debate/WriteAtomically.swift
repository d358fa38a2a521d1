import Foundation

/// `-o out` where `out` is a folder: the output is one file.
struct OutputPathIsAFolder: LocalizedError {
    var path: String
    var errorDescription: String? {
        "\(path) is a folder; -o takes a file name, e.g. \((path as NSString).appendingPathComponent("deck.md"))"
    }
}

/// A write to an output file failed (errno's words, e.g. "No space left on device").
struct OutputWriteFailed: LocalizedError {
    var code: Int32
    var errorDescription: String? { String(cString: strerror(code)) }
}

/// Writes a file so that a failure never leaves half of it: a temporary file beside it, then rename.
/// A path that is not a regular file (a device such as /dev/null, a pipe) is written directly.
func writeAtomically(_ text: String, to path: String) throws {
    try writeAtomically(Data(text.utf8), to: path)
}

func writeAtomically(_ data: Data, to path: String) throws {
    let file = try AtomicFile(path: path)
    do {
        try data.withUnsafeBytes { try file.write($0) }
        try file.commit()
    } catch {
        file.discard()
        throw error
    }
}

/// A file written piece by piece as its bytes are made (a rendered deck streamed out), that appears
/// whole or not at all: the pieces go to a temporary file beside it, renamed over it by `commit()`;
/// `discard()` removes it. A path that is not a regular file (a device such as /dev/null, a pipe)
/// is written directly.
final class AtomicFile {
    let path: String
    private let temporary: String?
    private var descriptor: Int32
    private var committed = false

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        var direct = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputPathIsAFolder(path: path) }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let type = attributes[.type] as? FileAttributeType, type != .typeRegular { direct = true }
        }
        if direct {
            temporary = nil
            descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        } else {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
            self.temporary = temporary
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        if descriptor < 0 { throw OutputWriteFailed(code: errno) }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw OutputWriteFailed(code: written < 0 ? errno : EIO)
            }
        }
    }

    /// Closes the file and puts it in place.
    func commit() throws {
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 { throw OutputWriteFailed(code: errno) }
        if let temporary, rename(temporary, path) != 0 { throw OutputWriteFailed(code: errno) }
        committed = true
    }

    /// Closes the file and removes what was written of it (nothing to remove when written directly).
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if let temporary, !committed { unlink(temporary) }
    }
}
