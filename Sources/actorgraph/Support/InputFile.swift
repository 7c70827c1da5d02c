import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole input files (regular files, pipes, standard input), with errors that
/// name the file.
enum InputFile {
    /// The bytes of `path`; `-` reads standard input.
    ///
    /// - Parameter limit: the most bytes the caller can use; a longer input is refused,
    ///   a regular file before any of it is read.
    /// - Throws: ``CommandFailure`` naming the file: missing, a folder, unreadable, too large.
    static func read(_ path: String, limit: Int = .max) throws -> [UInt8] {
        guard path != "-" else { return try readAll(STDIN_FILENO, path: "standard input", limit: limit) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, errno) }
        if info.st_mode & S_IFMT == S_IFDIR { throw CommandFailure("\(path): is a directory, expected a file") }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit { throw tooLarge(path, Int(info.st_size), limit: limit) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        return try readAll(descriptor, path: path, limit: limit)
    }

    private static func readAll(_ descriptor: Int32, path: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { readSome(descriptor, into: $0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw tooLarge(path, bytes.count, limit: limit) }
        }
    }

    private static func failure(_ path: String, _ error: Int32) -> CommandFailure {
        switch error {
        case ENOENT, ENOTDIR: return CommandFailure("\(path): no such file")
        case EACCES: return CommandFailure("\(path): cannot read the file (permission denied)")
        case EISDIR: return CommandFailure("\(path): is a directory, expected a file")
        default: return CommandFailure("\(path): cannot read the file (\(String(cString: strerror(error))))")
        }
    }

    private static func tooLarge(_ path: String, _ size: Int, limit: Int) -> CommandFailure {
        CommandFailure("\(path): too large (\(size) bytes or more; at most \(limit) can be read)")
    }
}

/// `read(2)`, out of reach of ``InputFile/read(_:limit:)``'s name.
private func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
