/// A stretch of an article's text, in Unicode code point offsets, end exclusive.
///
/// Offsets count code points (not bytes, not grapheme clusters), so that Python's
/// `text[start:end]` returns the same stretch.
public struct Span: Codable, Hashable, Sendable, Comparable {
    /// Offset of the first code point.
    public var start: Int
    /// Offset one past the last code point.
    public var end: Int

    /// Creates a span; `end` must not be less than `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The number of code points covered.
    public var length: Int { end - start }

    /// Text order: by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
