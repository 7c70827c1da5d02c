import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a run reads, known by device and inode rather than by name, so that no
/// output replaces one of them whatever path names it: `./a.md` and `a.md`, a symbolic
/// link, a hard link.
struct InputFiles {
    private var identities: Set<FileIdentity> = []

    /// The files among `paths` that exist; `-` and missing files have nothing to protect.
    init(_ paths: [String?]) {
        for case let path? in paths where path != "-" {
            if let identity = FileIdentity(path) { identities.insert(identity) }
        }
    }

    /// - Throws: ``CommandFailure`` (status 2) when `output` is one of the inputs.
    func check(output: String?) throws {
        guard let output, output != "-", let identity = FileIdentity(output), identities.contains(identity) else { return }
        throw CommandFailure("\(output): is one of the inputs; write the output to another file")
    }
}

/// A file as the file system knows it, through any symbolic links.
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var info = stat()
        // Devices and pipes (`/dev/null`, `/dev/stdout`) are written in place, never replaced.
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
