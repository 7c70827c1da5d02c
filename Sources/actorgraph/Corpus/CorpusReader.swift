import ActorExtraction
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One article of a corpus on its way to a worker, numbered in input order.
struct CorpusItem: Sendable {
    /// The article's place in the input, from 0; outputs follow it.
    let sequence: Int
    /// The input bytes the article stands for, for progress.
    let byteCount: Int
    /// What the worker reads the article from.
    let payload: Payload

    enum Payload: Sendable {
        /// An article or HTML file; workers read files, so reading runs in parallel too.
        case file(CorpusSource)
        /// One line of a JSON Lines corpus, parsed by the worker.
        case line([UInt8], origin: String, fallbackID: String)
        /// An input that failed before it became an article (a JSON Lines file that cannot be opened).
        case failure(CommandFailure)
    }

    /// The article, read and parsed.
    ///
    /// - Throws: ``CommandFailure`` naming the file (and line).
    func article(date: String?) throws -> ArticleText {
        switch payload {
        case .file(let source): return try CorpusArticle.load(source, date: date)
        case .line(let bytes, let origin, let fallbackID):
            return try JSONLinesArticle.article(line: bytes, origin: origin, fallbackID: fallbackID, date: date)
        case .failure(let failure): throw failure
        }
    }
}

/// Walks a corpus's sources in order, one article at a time: files are named, not read,
/// and JSON Lines files are read line by line, so that memory does not grow with the corpus.
struct CorpusReader: Sendable {
    let sources: [CorpusSource]

    /// The corpus's size in bytes, or `nil` when standard input is part of it.
    func totalBytes() -> Int? {
        var total = 0
        for source in sources {
            guard source.path != "-" else { return nil }
            total += Self.fileSize(source.path)
        }
        return total
    }

    /// Calls `body` with every article in order until it returns `false`.
    func forEach(_ body: (CorpusItem) -> Bool) {
        var sequence = 0
        func next(_ byteCount: Int, _ payload: CorpusItem.Payload) -> Bool {
            defer { sequence += 1 }
            return body(CorpusItem(sequence: sequence, byteCount: byteCount, payload: payload))
        }
        for source in sources {
            switch source {
            case .article(let path), .html(let path):
                guard next(path == "-" ? 0 : Self.fileSize(path), .file(source)) else { return }
            case .jsonLines(let path):
                guard readLines(path, next) else { return }
            }
        }
    }

    /// Hands on each non-blank line of a JSON Lines file; `false` when the caller stopped.
    private func readLines(_ path: String, _ next: (Int, CorpusItem.Payload) -> Bool) -> Bool {
        let stem = path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let label = path == "-" ? "stdin" : path
        do {
            let reader = try LineReader(path: path)
            while let line = try reader.nextLine() {
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let number = reader.lineNumber
                guard next(line.count + 1, .line(line, origin: "\(label):\(number)", fallbackID: "\(stem)-\(number)")) else { return false }
            }
            return true
        } catch let failure as CommandFailure {
            return next(0, .failure(CommandFailure(failure.message.hasPrefix(path) ? failure.message : "\(path): \(failure.message)")))
        } catch {
            return next(0, .failure(CommandFailure("\(path): \(error)")))
        }
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}

/// Reading one article file: text and Markdown as they are, HTML reduced to its text.
enum CorpusArticle {
    /// The article that `source` names; `date` overrides the article's own.
    ///
    /// - Throws: ``CommandFailure`` naming the file.
    static func load(_ source: CorpusSource, date: String?) throws -> ArticleText {
        let loaded = try ArticleLoader(date: date).load(source.path)
        guard case .html = source else { return loaded }
        return ArticleText(html: loaded.text, fallbackID: loaded.article.id, date: date)
    }

    /// The article at `path`, read as HTML when its extension says so.
    static func load(path: String, date: String?) throws -> ArticleText {
        try load(path == "-" ? .article(path: path) : CorpusSource.file(path), date: date)
    }
}
