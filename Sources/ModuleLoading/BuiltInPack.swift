import DebateCore
import Foundation

/// The folder a built-in module's pack is read from. In a source checkout that is the target's own
/// `Resources/` (found from the module's `#filePath`), so diagnostics point at the file to edit;
/// an installed binary uses the copy in its resource bundle.
public func builtInPackDirectory(_ bundle: Bundle, module: String, sourceFile: String) throws(DiagnosticsError) -> String {
    let source = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Resources")
    if FileManager.default.fileExists(atPath: source.appendingPathComponent(PackModule.manifestName).path) {
        return source.path
    }
    guard let url = bundle.url(forResource: "Resources", withExtension: nil) else {
        throw DiagnosticsError(.error("the built-in module `\(module)` has lost its content: no Resources folder in \(bundle.bundlePath)",
                                      hint: "install the .resources bundles next to the debate executable"))
    }
    return url.path
}
