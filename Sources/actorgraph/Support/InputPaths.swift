import Foundation

/// Expands folders named on the command line into the articles and graph JSON files they
/// hold, so that a corpus can stand wherever a file can.
enum InputPaths {
    /// File name extensions read from a folder: articles and graph JSON.
    static let extensions: Set<String> = ["txt", "md", "markdown", "json"]

    /// `paths` with every folder replaced by its files (searched recursively, hidden
    /// entries skipped), in sorted order so that output does not depend on the file system.
    ///
    /// - Throws: ``CommandFailure`` naming a folder that holds no article or graph file.
    static func expand(_ paths: [String]) throws -> [String] {
        try paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let files = filesInFolder(path)
            guard !files.isEmpty else {
                throw CommandFailure("\(path): no articles (.txt, .md) or graph JSON files in the folder")
            }
            return files
        }
    }

    /// The files below the folder `path` whose extension is one of `extensions`, sorted.
    static func filesInFolder(_ path: String, extensions: Set<String> = extensions) -> [String] {
        let root = URL(fileURLWithPath: path)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var files: [String] = []
        for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            // Keep the folder as the user wrote it, so messages and labels name what they typed.
            guard url.path.hasPrefix(root.path) else { files.append(url.path); continue }
            let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
            files.append((path as NSString).appendingPathComponent(String(relative)))
        }
        return files.sorted()
    }
}
