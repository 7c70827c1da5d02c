import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a corpus run: an article file, an HTML page, or a JSON Lines file of
/// articles (`-` is standard input).
enum CorpusSource: Sendable, Equatable {
    case article(path: String)
    case html(path: String)
    case jsonLines(path: String)

    /// Extensions a folder's articles may have; other files in a folder are not articles.
    static let folderExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "jsonl"]

    /// The sources the command-line arguments name: folders stand for the articles below
    /// them (sorted), patterns with `*`, `?` or `[` that name no file are expanded like a
    /// shell does, and `-` is standard input (JSON Lines when `stdinIsJSONLines`).
    ///
    /// - Throws: ``CommandFailure`` for a folder without articles or a pattern that
    ///   matches nothing; a missing file is left for the batch to report in its turn.
    static func expand(_ arguments: [String], stdinIsJSONLines: Bool) throws -> [CorpusSource] {
        try arguments.flatMap { argument -> [CorpusSource] in
            if argument == "-" { return [stdinIsJSONLines ? .jsonLines(path: "-") : .article(path: "-")] }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? try folder(argument) : [file(argument)]
            }
            guard argument.contains(where: { "*?[".contains($0) }) else { return [.article(path: argument)] }
            let matches = glob(argument)
            guard !matches.isEmpty else { throw CommandFailure("\(argument): no files match the pattern") }
            return try expand(matches, stdinIsJSONLines: stdinIsJSONLines)
        }
    }

    /// The path the source reads.
    var path: String {
        switch self {
        case .article(let path), .html(let path), .jsonLines(let path): return path
        }
    }

    /// The source a file is, by its extension.
    static func file(_ path: String) -> CorpusSource {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "html", "htm", "xhtml": return .html(path: path)
        case "jsonl", "ndjson": return .jsonLines(path: path)
        default: return .article(path: path)
        }
    }

    private static func folder(_ path: String) throws -> [CorpusSource] {
        let files = InputPaths.filesInFolder(path, extensions: folderExtensions)
        guard !files.isEmpty else {
            throw CommandFailure("\(path): no articles (.txt, .md, .html, .jsonl) in the folder")
        }
        return files.map(file)
    }

    /// The files a shell pattern matches, sorted.
    private static func glob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }.sorted()
    }
}
