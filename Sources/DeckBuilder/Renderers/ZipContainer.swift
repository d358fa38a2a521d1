import Foundation
import ZIPFoundation

/// A zip file built in memory, entry by entry, in the order added. Every entry gets the same
/// modification date, so the same deck and date give the same bytes (.docx and .apkg are zips).
struct ZipContainer {
    private var entries: [(path: String, data: Data)] = []
    var date: Date

    init(date: Date) {
        self.date = date
    }

    mutating func add(_ path: String, _ text: String) {
        entries.append((path, Data(text.utf8)))
    }

    mutating func add(_ path: String, _ data: Data) {
        entries.append((path, data))
    }

    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    /// The entries of a zip file, in order: for tests and the golden dumps.
    static func entries(of zip: Data) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: zip, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return (entry.path, data)
        }
    }
}

/// Escapes text for XML element content and double-quoted attribute values, and drops the control
/// characters XML 1.0 cannot carry at all.
func xmlEscape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n": out.unicodeScalars.append(scalar)
        case "\r": continue  // XML reads `\r\n` as `\n` anyway; a lone one is no text
        default:
            // Also DEL and the C1 controls: XML allows them, but they are never text a reader should get.
            if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
