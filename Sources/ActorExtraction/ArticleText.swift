import ActorGraph
import Foundation

/// An article ready for extraction: its record (id, title, date, source) and its text.
///
/// Offsets in the graph count code points from the start of ``text``, which is the whole
/// input including any front matter, so that `text[start:end]` in Python returns the span.
public struct ArticleText: Sendable {
    /// The article's id, title, date and source.
    public var article: Article
    /// The full input text, made from ``utf8`` at each read; setting it does not read
    /// front matter again.
    public var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
    /// The full input text in UTF-8, as extraction reads it: a corpus's reader hands its
    /// articles over as bytes, and making each a `String` checked its bytes once more.
    package private(set) var utf8: [UInt8]
    /// The UTF-8 byte offset where the body starts (after any front matter).
    public var bodyStart: Int

    /// Creates an article from its full text, reading a front-matter block if there is one.
    ///
    /// ```swift
    /// let article = ArticleText(parsing: "---\nid: summit\ndate: 2023-01-14\n---\nJapan and ...",
    ///                           fallbackID: "summit")
    /// ```
    /// - Parameters:
    ///   - text: the article as read from a file or standard input.
    ///   - fallbackID: the id to use when the front matter gives none (the file name
    ///     without its extension).
    ///   - date: a date that overrides the front matter's, as `YYYY-MM-DD`.
    public init(parsing text: String, fallbackID: String, date: String? = nil) {
        self.init(parsingUTF8: Array(text.utf8), fallbackID: fallbackID, date: date)
    }

    /// Creates an article from its full text in UTF-8, which must be valid, as
    /// ``init(parsing:fallbackID:date:)`` does from a `String`.
    package init(parsingUTF8 utf8: [UInt8], fallbackID: String, date: String? = nil) {
        assert(String(validating: utf8, as: UTF8.self) != nil, "an article's text that is not UTF-8")
        self.utf8 = utf8
        let matter = FrontMatter(utf8)
        self.bodyStart = matter?.bodyStart ?? 0
        let fields = matter?.fields ?? [:]
        self.article = Article(
            id: fields["id"].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID,
            title: fields["title"],
            date: date ?? fields["date"],
            source: fields["source"]
        )
    }
}

/// A `---` delimited block of `key: value` lines at the very start of an article.
struct FrontMatter {
    var fields: [String: String] = [:]
    var bodyStart: Int

    init?(_ utf8: [UInt8]) {
        guard Self.mayOpenWithFence(utf8) else { return nil }
        let bytes = Array(utf8.prefix(64 * 1024))
        var lineStart = Self.skipByteOrderMark(bytes)
        guard let firstEnd = Self.lineEnd(bytes, from: lineStart),
              Self.trimmed(bytes[lineStart..<firstEnd]) == "---" else { return nil }
        lineStart = firstEnd + 1
        while let end = Self.lineEnd(bytes, from: lineStart) {
            let line = Self.trimmed(bytes[lineStart..<end])
            if line == "---" {
                bodyStart = min(end + 1, bytes.count)
                return
            }
            if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                    value = String(value.dropFirst().dropLast())
                }
                fields[key] = value
            }
            lineStart = end + 1
        }
        return nil
    }

    /// Whether the first line could read "---" once trimmed: false as soon as it holds a
    /// printable ASCII character other than "-", which no trimming removes. Most articles
    /// have no front matter, and copying and trimming their first paragraph as a `String`
    /// cost more than tokenising it.
    private static func mayOpenWithFence(_ text: [UInt8]) -> Bool {
        var utf8 = text.prefix(64 * 1024)
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8 = utf8.dropFirst(3) }
        for byte in utf8 {
            if byte == UInt8(ascii: "\n") { return true }
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "-") { return false }
        }
        return true
    }

    private static func skipByteOrderMark(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
