import CFuzzDriver
#if canImport(Glibc)
import Glibc
#endif

/// The current target's check; libFuzzer's callback is a C function, so it cannot capture it.
nonisolated(unsafe) private var check: (([UInt8]) -> Void)?

/// Runs libFuzzer (argument handling, corpus, mutation) with `body` as the per-input check.
/// A check reports a broken invariant with `violated`, which crashes so libFuzzer keeps the input.
public func runFuzzer(_ body: @escaping ([UInt8]) -> Void) -> Never {
    check = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        check?(bytes)
        return 0
    }
    CFuzzDriverRegister(callback)
    let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
    exit(status)
}

/// A broken invariant: prints it and aborts, so libFuzzer saves the input as a crash.
/// (A plain String, not an autoclosure: Swift 6.3's release build crashed on one capturing a caught error.)
public func violated(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("invariant violated: \(message)", file: file, line: line)
}
