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
    var payload: Payload
    /// Warnings raised before the worker's turn (a whole UTF-16 file decoded for its lines).
    var warnings: [String] = []

    enum Payload: Sendable {
        /// An article or HTML file; workers read files, so reading runs in parallel too.
        case file(CorpusSource)
        /// One line of a JSON Lines corpus, parsed by the worker (or ahead, as `.parsed`).
        case line([UInt8], origin: String, fallbackID: String)
        /// A line parsed ahead, on the reading thread (see ``CorpusItem/parsed(date:)``).
        ///
        /// Boxed: an article prepared ahead is some thirty words, and every copy or
        /// release of an item then went through all of them, while the queue and the
        /// runner copy and release each item several times; the box is one reference.
        indirect case parsed(LoadedArticle, origin: String)
        /// An input that failed before it became an article (a JSON Lines file that cannot be opened).
        case failure(CommandFailure, origin: String)
    }

    /// The input the item stands for, as failure summaries name it.
    var origin: String {
        switch payload {
        case .file(let source): return source.path == "-" ? "standard input" : source.path
        case .line(_, let origin, _), .parsed(_, let origin), .failure(_, let origin): return origin
        }
    }

    /// The item with its JSON line parsed, its date overridden by `date` if one is given,
    /// or a failure for a line that cannot be read; other items as they are.
    ///
    /// ``article(date:)`` then hands on what the parse gave, whatever date it is asked for.
    func parsed(date: String?) -> CorpusItem {
        guard case .line(let bytes, let origin, let fallbackID) = payload else { return self }
        return loading(origin: origin) { try JSONLinesArticle.article(line: bytes, origin: origin, fallbackID: fallbackID, date: date) }
    }

    /// ``parsed(date:)``, with the first steps of the parsed article's extraction taken
    /// by `extractor` (``Extractor/prepare(_:)``), for a worker to finish; an article or
    /// HTML file is read and prepared too, unless it is standard input or large.
    ///
    /// The article is prepared as it is made, before it goes into the new item, not taken
    /// out of the parsed one and put back: each of those copies of an item, or of its
    /// article, cost 300 to 800 instructions, some 3.4K an article in all.
    func prepared(date: String?, by extractor: Extractor) -> CorpusItem {
        switch payload {
        case .line(let bytes, let origin, let fallbackID):
            return loading(origin: origin) {
                try JSONLinesArticle.article(line: bytes, origin: origin, fallbackID: fallbackID, date: date, preparedBy: extractor)
            }
        case .parsed(let loaded, let origin):
            return replacing(payload: .parsed(Self.preparing(loaded, by: extractor), origin: origin))
        case .file(let source) where source.path != "-" && byteCount <= Self.largestFilePreparedAhead:
            return loading(origin: origin) { Self.preparing(try ArticleLoader(date: date).load(source), by: extractor) }
        case .file, .failure: return self
        }
    }

    /// The item with the article `load` gives, or with the failure it throws.
    private func loading(origin: String, _ load: () throws -> LoadedArticle) -> CorpusItem {
        do {
            return replacing(payload: .parsed(try load(), origin: origin))
        } catch {
            return replacing(payload: .failure(Self.failure(error, origin: origin), origin: origin))
        }
    }

    /// Larger files are left for the worker to read: the items read ahead would otherwise
    /// hold a window's worth of them at once.
    static let largestFilePreparedAhead = 4 << 20

    /// `loaded` with its first steps of extraction taken, made anew rather than copied and
    /// changed, so that it moves into its item's box.
    private static func preparing(_ loaded: LoadedArticle, by extractor: Extractor) -> LoadedArticle {
        LoadedArticle(article: loaded.article, warnings: loaded.warnings, prepared: extractor.prepare(loaded.article))
    }

    /// What an article that cannot be read fails with.
    private static func failure(_ error: Error, origin: String) -> CommandFailure {
        error as? CommandFailure ?? CommandFailure("\(origin): \(error)")
    }

    /// The item with `payload` in place of its own: made anew, not copied and changed,
    /// so its old payload is never copied.
    private func replacing(payload: Payload) -> CorpusItem {
        CorpusItem(sequence: sequence, byteCount: byteCount, payload: payload, warnings: warnings)
    }

    /// The article, read and parsed, with the warnings reading it raised.
    ///
    /// - Throws: ``CommandFailure`` naming the file (and line).
    func article(date: String?) throws -> LoadedArticle {
        var loaded: LoadedArticle
        switch payload {
        case .file(let source): loaded = try ArticleLoader(date: date).load(source)
        // The same parse as the reading thread's, so a line parsed there or here reads alike.
        case .line: return try parsed(date: date).article(date: date)
        case .parsed(let article, _): loaded = article
        case .failure(let failure, _): throw failure
        }
        loaded.warnings = warnings + loaded.warnings
        return loaded
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
        func next(_ byteCount: Int, _ payload: CorpusItem.Payload, _ warnings: [String]) -> Bool {
            defer { sequence += 1 }
            return body(CorpusItem(sequence: sequence, byteCount: byteCount, payload: payload, warnings: warnings))
        }
        for source in sources {
            switch source {
            case .article(let path), .html(let path):
                guard next(path == "-" ? 0 : Self.fileSize(path), .file(source), []) else { return }
            case .jsonLines(let path):
                guard readLines(path, next) else { return }
            }
        }
    }

    /// Hands on each non-blank line of a JSON Lines file; `false` when the caller stopped.
    private func readLines(_ path: String, _ next: (Int, CorpusItem.Payload, [String]) -> Bool) -> Bool {
        let stem = path == "-" ? "stdin" : URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let label = path == "-" ? "stdin" : path
        do {
            return try LineReader.forEachLine(of: path, origin: label) { line, number, warnings in
                next(line.count + 1, .line(line, origin: Self.numbered(label, ":", number), fallbackID: Self.numbered(stem, "-", number)), warnings)
            }
        } catch let failure as CommandFailure {
            let message = failure.message.hasPrefix(path) ? failure.message : "\(path): \(failure.message)"
            return next(0, .failure(CommandFailure(message), origin: label), [])
        } catch {
            return next(0, .failure(CommandFailure("\(path): \(error)"), origin: label), [])
        }
    }

    /// `prefix`, `separator` and the decimal digits of `number` (not negative), as one
    /// string made at once: interpolating the line's origin and fallback id cost some
    /// 1.7K instructions a line, and this 950.
    static func numbered(_ prefix: String, _ separator: Unicode.Scalar, _ number: Int) -> String {
        precondition(number >= 0 && separator.isASCII, "a line number is not negative")
        var digits = 1
        var rest = number
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var prefix = prefix
        return prefix.withUTF8 { head in
            // Room for exactly the string, so that a short one (a fallback id) is made in place.
            String(unsafeUninitializedCapacity: head.count + 1 + digits) { room in
                let out = room.baseAddress!
                if let base = head.baseAddress { out.update(from: base, count: head.count) }
                out[head.count] = UInt8(separator.value)
                // The digits from the last, each at its place.
                var rest = number
                for place in stride(from: head.count + digits, to: head.count, by: -1) {
                    out[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                return head.count + 1 + digits
            }
        }
    }

    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
}
