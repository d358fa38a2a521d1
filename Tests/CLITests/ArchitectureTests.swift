import Foundation
import Testing

/// No Swift source is over 400 lines (docs/ARCHITECTURE.md): a longer file is doing more than one job.
@Test func noSourceFileIsOver400Lines() throws {
    let sources = packageRoot.appendingPathComponent("Sources")
    let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
    var long: [String] = []
    while let path = walker.nextObject() as? String {
        guard path.hasSuffix(".swift") else { continue }
        let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        if lines > 400 { long.append("\(path): \(lines) lines") }
    }
    #expect(long.isEmpty, "\(long)")
}
