import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error written with `write(2)`, never through
/// `FileHandle.write(_:)`, which traps when a stream is full or closed.
enum Console {
    /// One line on standard error: `actorgraph: MESSAGE`.
    static func error(_ message: String) {
        writeError("actorgraph: \(message)\n")
    }

    /// One line on standard error: `actorgraph: warning: MESSAGE`.
    static func warning(_ message: String) {
        writeError("actorgraph: warning: \(message)\n")
    }

    /// Text on standard error; when standard error itself cannot be written, nothing is
    /// left to report that on, so the failure is dropped.
    static func writeError(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { writeAll($0, to: STDERR_FILENO) }
    }

    /// Bytes on standard output.
    ///
    /// - Throws: ``CommandFailure`` naming standard output and the system's reason
    ///   (a full disk, a closed pipe).
    static func writeOutput(_ data: Data) throws {
        if let error = data.withUnsafeBytes({ writeAll($0, to: STDOUT_FILENO) }) { throw outputFailure(error) }
    }

    /// The failure of a write to standard output with `errno` `error`.
    static func outputFailure(_ error: Int32) -> CommandFailure {
        CommandFailure("standard output: \(String(cString: strerror(error)))")
    }

    /// Writes every byte, retrying after interruptions; the `errno` of a failure, or `nil`.
    static func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var next = raw.baseAddress else { return nil }
        var left = raw.count
        while left > 0 {
            let written = write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            next += written
            left -= written
        }
        return nil
    }
}
