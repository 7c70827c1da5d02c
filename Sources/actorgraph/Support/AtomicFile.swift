import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written under a temporary name beside its destination and renamed over
/// it when complete, so that readers, and a run that fails or is interrupted, see the old
/// file or the new one and never part of one. The temporary file is removed on failure
/// and, through ``InterruptCleanup``, on SIGINT, SIGTERM and SIGHUP.
///
/// A symbolic link is written through, to the file it names. An output that is not a
/// regular file (`/dev/null`, a named pipe) is written in place: renaming over it would
/// put a file where the device or pipe was.
final class AtomicFile {
    /// The path as the user gave it, for messages.
    let path: String
    private let destination: String
    private let temporary: String?
    private var descriptor: Int32
    private var slot: Int?
    private var finished = false

    /// Opens the temporary file (or the special file) for writing.
    ///
    /// - Throws: ``CommandFailure`` naming the output: a folder, a missing folder, no permission.
    init(path: String) throws {
        self.path = path
        destination = Self.resolvingLink(path)
        var info = stat()
        let exists = stat(destination, &info) == 0
        if exists, info.st_mode & S_IFMT == S_IFDIR {
            throw CommandFailure("\(path): is a directory; name a file to write")
        }
        if exists, info.st_mode & S_IFMT != S_IFREG {
            temporary = nil
            descriptor = open(destination, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.failure(path, "cannot write", errno) }
            return
        }
        let directory = try Self.folder(of: destination, for: path)
        let temporary = (directory as NSString).appendingPathComponent(Self.temporaryName(for: destination))
        self.temporary = temporary
        // Registered before it exists, so that no moment has a file the handler does not know.
        slot = InterruptCleanup.register(temporary)
        descriptor = Self.create(temporary)
        guard descriptor >= 0 else {
            let error = errno
            InterruptCleanup.unregister(slot)
            throw Self.failure(path, "cannot write to the folder \(URL(fileURLWithPath: directory).path)", error)
        }
        // A replaced file keeps who may read it.
        if exists { fchmod(descriptor, info.st_mode & 0o7777) }
    }

    deinit {
        if !finished { discard() }
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Appends `text`'s UTF-8 bytes.
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if let error = Console.writeAll(bytes, to: descriptor) {
            throw Self.failure(path, "cannot write the file", error)
        }
    }

    /// Appends what `produce` hands over, written by a thread of its own behind it (see
    /// ``WriteBehind``).
    func writeBehind(lent: Bool = false, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        if let error = try WriteBehind.run(descriptor: descriptor, lent: lent, produce) {
            throw Self.failure(path, "cannot write the file", error)
        }
    }

    /// Puts the complete file in place of the old one.
    func commit() throws {
        finished = true
        let closed = close(descriptor) == 0 ? nil : errno
        guard let temporary else {
            if let closed { throw Self.failure(path, "cannot write the file", closed) }
            return
        }
        defer { InterruptCleanup.unregister(slot) }
        if let closed {
            unlink(temporary)
            throw Self.failure(path, "cannot write the file", closed)
        }
        guard rename(temporary, destination) == 0 else {
            let error = errno
            unlink(temporary)
            throw Self.failure(path, "cannot replace the file", error)
        }
    }

    private func discard() {
        finished = true
        close(descriptor)
        if let temporary { unlink(temporary) }
        InterruptCleanup.unregister(slot)
    }

    /// The file a symbolic link names, so that the link stays a link; the path itself
    /// when it is no link or names nothing yet.
    private static func resolvingLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder the file goes in, which must exist.
    private static func folder(of destination: String, for path: String) throws -> String {
        let folder = (destination as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw CommandFailure("\(path): the folder \(URL(fileURLWithPath: directory).path) does not exist")
        }
        return directory
    }

    /// `.NAME.PID.tmp`, with the name cut so that the whole fits the 255 bytes a file
    /// name may have.
    private static func temporaryName(for destination: String) -> String {
        var kept = ""
        for scalar in (destination as NSString).lastPathComponent.unicodeScalars {
            guard kept.utf8.count + UTF8.width(scalar) <= 200 else { break }
            kept.unicodeScalars.append(scalar)
        }
        return ".\(kept).\(getpid()).tmp"
    }

    /// A new file; a leftover of a killed run with the same process id is replaced.
    private static func create(_ temporary: String) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        let descriptor = open(temporary, flags, 0o666)
        guard descriptor < 0, errno == EEXIST else { return descriptor }
        unlink(temporary)
        return open(temporary, flags, 0o666)
    }

    private static func failure(_ path: String, _ what: String, _ error: Int32) -> CommandFailure {
        let reason = error == EACCES ? "permission denied" : String(cString: strerror(error))
        return CommandFailure("\(path): \(what) (\(reason))")
    }
}
