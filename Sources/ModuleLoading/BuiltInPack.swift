import DebateCore
import Foundation

/// The `Resources` folder a built-in module's bundle carries, or a clear error when the bundle
/// was not installed next to the executable.
public func builtInPackDirectory(_ bundle: Bundle, module: String) throws(DiagnosticsError) -> String {
    guard let url = bundle.url(forResource: "Resources", withExtension: nil) else {
        throw DiagnosticsError(.error("the built-in module `\(module)` has lost its content: no Resources folder in \(bundle.bundlePath)",
                                      hint: "install the .resources bundles next to the debate executable"))
    }
    return url.path
}
