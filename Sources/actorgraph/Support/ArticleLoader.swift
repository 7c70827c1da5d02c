import ActorExtraction
import Foundation

/// An article as read from an input, with the warnings reading it raised (an encoding
/// guessed, bytes replaced, no text at all), each naming the input.
struct LoadedArticle {
    var article: ArticleText
    var warnings: [String] = []
    /// The first steps of the article's extraction, when the reading thread took them
    /// ahead (see ``CorpusItem/prepared(date:by:)``).
    var prepared: PreparedArticle?

    /// Writes the warnings on standard error.
    func warn() {
        for warning in warnings { Console.warning(warning) }
    }
}

/// Reads articles from files, HTML pages, lines of JSON Lines corpora or standard input,
/// all through one decoding, with one-line errors naming the input.
struct ArticleLoader {
    /// The date that overrides every article's own, if given.
    let date: String?

    /// The article that `source` names: text and Markdown as they are, HTML reduced to
    /// its readable text.
    ///
    /// - Throws: ``CommandFailure`` naming the file.
    func load(_ source: CorpusSource) throws -> LoadedArticle {
        let path = source.path
        let bytes = try InputFile.read(path, limit: TextDecoder.maximumUTF8Count)
        let (text, warnings) = try Self.decode(bytes, origin: path)
        let fallbackID = path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let article = if case .html = source {
            ArticleText(html: text, fallbackID: fallbackID, date: date)
        } else {
            ArticleText(parsing: text, fallbackID: fallbackID, date: date)
        }
        return LoadedArticle(article: article, warnings: warnings + Self.blankWarning(article, origin: path))
    }

    /// The article at `path`, read as HTML when its extension says so.
    func load(path: String) throws -> LoadedArticle {
        try load(path == "-" ? .article(path: path) : CorpusSource.file(path))
    }

    /// The text of bytes read from `origin` (a file, or a file and line), and the warning
    /// about how they were read, if any: the one decoding every input goes through.
    ///
    /// - Throws: ``CommandFailure`` for binary bytes or a text too large to extract.
    static func decode(_ bytes: [UInt8], origin: String) throws -> (text: String, warnings: [String]) {
        do {
            let decoded = try TextDecoder().decode(bytes)
            return (decoded.text, decoded.warning.map { ["\(origin): \($0)"] } ?? [])
        } catch {
            throw CommandFailure("\(origin): \(error.description)")
        }
    }

    /// A warning for an article without a word in it, so an empty scrape is noticed.
    static func blankWarning(_ article: ArticleText, origin: String) -> [String] {
        let body = article.utf8.dropFirst(article.bodyStart)
        guard body.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) else { return [] }
        return ["\(origin): \(body.isEmpty ? "empty" : "only white space"), no text to read"]
    }
}
