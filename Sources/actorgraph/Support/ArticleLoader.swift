import ActorExtraction
import Foundation

/// Reads articles from files or standard input, with one-line errors naming the file.
struct ArticleLoader {
    /// The date that overrides every article's front matter, if given.
    let date: String?

    /// The article at `path`; `-` reads standard input.
    func load(_ path: String) throws -> ArticleText {
        let data = try InputFile.read(path)
        guard !data.contains(0) else {
            throw CommandFailure("\(path): binary file (NUL bytes), not an article")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.unicodeScalars.contains("\u{FFFD}"), String(data: data, encoding: .utf8) == nil {
            FileHandle.standardError.write(Data("actorgraph: warning: \(path): invalid UTF-8 replaced with U+FFFD\n".utf8))
        }
        let fallbackID = path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return ArticleText(parsing: text, fallbackID: fallbackID, date: date)
    }
}

/// Reading whole input files, with errors that name the file.
enum InputFile {
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CommandFailure("\(path): is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the file (permission denied?)")
        }
        return data
    }
}
