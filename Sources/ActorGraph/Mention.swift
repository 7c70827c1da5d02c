/// One place in one article where an actor is named.
public struct Mention: Codable, Hashable, Sendable, Comparable {
    /// The id of the article the mention is in.
    public var article: String
    /// Code point offset of the first character.
    public var start: Int
    /// Code point offset one past the last character.
    public var end: Int
    /// The text as written, e.g. `"Tokyo"` for Japan.
    public var text: String

    /// Creates a mention of `text` at `span` in `article`.
    public init(article: String, span: Span, text: String) {
        self.article = article
        self.start = span.start
        self.end = span.end
        self.text = text
    }

    /// The mention's stretch of text.
    public var span: Span { Span(start: start, end: end) }

    /// Text order: by article, then by offset.
    public static func < (lhs: Mention, rhs: Mention) -> Bool {
        (lhs.article, lhs.start, lhs.end, lhs.text) < (rhs.article, rhs.start, rhs.end, rhs.text)
    }
}
