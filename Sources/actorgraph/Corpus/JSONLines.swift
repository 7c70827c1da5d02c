import ActorExtraction
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input one line at a time through a fixed buffer, so that a
/// corpus of any size streams through in constant memory (plus its longest line).
final class LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var reachedEnd = false
    /// The number of the line ``nextLine()`` returned last, counting from 1.
    private(set) var lineNumber = 0

    /// Opens `path` for reading; `-` reads standard input.
    ///
    /// - Throws: ``CommandFailure`` naming the file when it cannot be opened.
    init(path: String, bufferSize: Int = 1 << 20) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CommandFailure("\(path): \(errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno))))")")
            }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line without its line break (`\n` or `\r\n`), or `nil` at the end.
    ///
    /// - Throws: ``CommandFailure`` when reading fails.
    func nextLine() throws -> [UInt8]? {
        // Bytes after `start` already searched for a line break, so a long line is scanned once.
        var scanned = 0
        while true {
            if let newline = buffer[(start + scanned)..<end].firstIndex(of: UInt8(ascii: "\n")) {
                return take(upTo: newline, consuming: newline + 1)
            }
            scanned = end - start
            if reachedEnd {
                guard start < end else { return nil }
                return take(upTo: end, consuming: end)
            }
            try fill()
        }
    }

    /// Calls `body` with each non-blank line of `path`, its number and the warnings of
    /// its reading, until `body` returns `false`; `false` when it did.
    ///
    /// Byte 0x0A does not end a line in UTF-16, so a file with a UTF-16 byte-order mark
    /// is decoded whole, as an article file is, and its UTF-8 lines handed on.
    ///
    /// - Parameter origin: how messages name the file.
    /// - Throws: ``CommandFailure`` when the file cannot be opened, read or decoded.
    static func forEachLine(of path: String, origin: String, _ body: (_ line: [UInt8], _ number: Int, _ warnings: [String]) throws -> Bool) throws -> Bool {
        func isBlank(_ line: [UInt8]) -> Bool { !line.contains(where: { $0 != 0x20 && $0 != 0x09 }) }
        let reader = try LineReader(path: path)
        if try reader.startsWithUTF16ByteOrderMark() {
            let (text, warnings) = try ArticleLoader.decode(reader.readToEnd(), origin: origin)
            for (index, line) in lines(of: Array(text.utf8)).enumerated() where !isBlank(line) {
                guard try body(line, index + 1, index == 0 ? warnings : []) else { return false }
            }
            return true
        }
        while let line = try reader.nextLine() {
            if isBlank(line) { continue }
            guard try body(line, reader.lineNumber, []) else { return false }
        }
        return true
    }

    /// Whether the input starts with a UTF-16 byte-order mark; nothing is consumed.
    private func startsWithUTF16ByteOrderMark() throws -> Bool {
        while end - start < 2, !reachedEnd { try fill() }
        guard end - start >= 2 else { return false }
        let mark = (buffer[start], buffer[start + 1])
        return mark == (0xFF, 0xFE) || mark == (0xFE, 0xFF)
    }

    /// Every byte not read yet.
    private func readToEnd() throws -> [UInt8] {
        while !reachedEnd { try fill() }
        defer { start = end }
        return Array(buffer[start..<end])
    }

    /// The lines of `bytes` without their line breaks, as ``nextLine()`` reads them.
    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    private func take(upTo lineEnd: Int, consuming next: Int) -> [UInt8] {
        var stop = lineEnd
        if stop > start, buffer[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        let line = Array(buffer[start..<stop])
        start = next
        lineNumber += 1
        return line
    }

    /// Moves the unread bytes to the front and reads more, growing the buffer for a line
    /// longer than it.
    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + end, raw.count - end)
        }
        guard count >= 0 else { throw CommandFailure("cannot read: \(String(cString: strerror(errno)))") }
        if count == 0 { reachedEnd = true }
        end += count
    }
}

/// One article of a JSON Lines corpus: `id`, `title`, `date`, `source` and `text`;
/// other fields are ignored.
struct JSONLinesArticle: Decodable {
    var id: String?
    var title: String?
    var date: String?
    var source: String?
    var text: String

    private enum CodingKeys: String, CodingKey { case id, title, date, source, text }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Archives often number their articles; a number is as good an id as a string.
        if let number = try? container.decodeIfPresent(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decodeIfPresent(String.self, forKey: .id)
        }
        title = try container.decodeIfPresent(String.self, forKey: .title)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        text = try container.decode(String.self, forKey: .text)
    }

    /// The article of one line.
    ///
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - origin: the file and line number, for messages (`corpus.jsonl:17`).
    ///   - fallbackID: the id when the line has none.
    ///   - date: a date that overrides the line's.
    /// - Throws: ``CommandFailure`` naming the file and line.
    static func article(line: [UInt8], origin: String, fallbackID: String, date: String?) throws -> LoadedArticle {
        // The same decoding as article files: a line may be Windows-1252 or damaged too.
        let (json, warnings) = try ArticleLoader.decode(line, origin: origin)
        let record: JSONLinesArticle
        do {
            record = try JSONDecoder().decode(JSONLinesArticle.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw CommandFailure("\(origin): \(describe(error))")
        } catch {
            throw CommandFailure("\(origin): not a JSON object")
        }
        let id = record.id.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
        var article = ArticleText(parsing: record.text, fallbackID: id, date: date ?? record.date)
        // The line's own fields describe the article; front matter inside the text only fills gaps.
        if record.id?.isEmpty == false { article.article.id = id }
        article.article.title = record.title ?? article.article.title
        article.article.source = record.source ?? article.article.source
        return LoadedArticle(article: article, warnings: warnings + ArticleLoader.blankWarning(article, origin: origin))
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.last?.stringValue
            return field.map { "\"\($0)\" is not a string" } ?? "not a JSON object"
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not valid JSON"
        }
    }
}
