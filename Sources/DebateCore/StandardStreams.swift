#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error, written with write(2) so that a failure is seen.
///
/// Foundation's non-throwing `FileHandle.write` traps (SIGILL) when the write fails: a full disk
/// (`> /dev/full`), a closed descriptor, a reader that went away. Here every failure ends the
/// process with exit status 74 (EX_IOERR) instead:
/// - a reader that went away (EPIPE, e.g. `debate modules list | head -1`) ends it quietly: the
///   output was not wanted any more, so there is nothing to say. SIGPIPE must be ignored for
///   writes to return EPIPE instead of killing the process (`ignoreBrokenPipes()`, done by `debate`
///   at start);
/// - any other failure on standard output is reported on standard error (when that works);
/// - a failure on standard error itself ends the process silently.
public enum StandardStream: Sendable {
    case output, error

    /// The exit status of a run whose output could not be written (sysexits EX_IOERR).
    public static let failureStatus: Int32 = 74

    var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
    var name: String { self == .output ? "standard output" : "standard error" }

    /// Writes all of `text`, or ends the process with status 74.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    public func write(_ buffer: UnsafeRawBufferPointer) {
        if let failure = Self.writeAll(buffer, to: descriptor) { fail(failure) }
    }

    /// nil when every byte was written, else errno.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EAGAIN {
                // A non-blocking descriptor that is full: wait until it can take more.
                var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, -1)
            } else {
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }

    private func fail(_ code: Int32) -> Never {
        if self == .output && code != EPIPE {
            let message = "error: cannot write to \(name): \(String(cString: strerror(code)))\n"
            var bytes = Array(message.utf8)
            _ = bytes.withUnsafeMutableBytes { Self.writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
        }
        exit(Self.failureStatus)
    }

    /// Makes a write to a closed pipe fail with EPIPE rather than kill the process with SIGPIPE.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, pointer, count)
        #elseif canImport(Musl)
        Musl.write(fd, pointer, count)
        #else
        Darwin.write(fd, pointer, count)
        #endif
    }
}
