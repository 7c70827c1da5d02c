import ActorGraph

/// The texts of the articles a graph was built from, so that drawings and reports can
/// quote the sentence that states each relation.
///
/// The graph keeps only offsets (code points, end exclusive); without the text a tooltip
/// can say where the evidence is but not what it says.
///
/// ```swift
/// var texts = ArticleTexts()
/// texts.add(articleText, for: "summit")
/// let quote = texts.quote(of: relation.evidence[0])   // before, cue, after
/// ```
public struct ArticleTexts: Sendable {
    private var scalarsByArticle: [String: [Unicode.Scalar]] = [:]

    /// Creates a collection from texts keyed by article id.
    public init(_ texts: [String: String] = [:]) {
        for (id, text) in texts { add(text, for: id) }
    }

    /// Adds or replaces the text of an article.
    public mutating func add(_ text: String, for articleID: String) {
        scalarsByArticle[articleID] = Array(text.unicodeScalars)
    }

    /// Adds every text of `other`, replacing texts of the same article.
    public mutating func add(_ other: ArticleTexts) {
        scalarsByArticle.merge(other.scalarsByArticle) { _, new in new }
    }

    /// Whether no article's text is known.
    public var isEmpty: Bool { scalarsByArticle.isEmpty }

    /// The text of `span` in `article`, or `nil` when the text is unknown or the span
    /// does not fit it (a graph JSON file paired with the wrong article).
    public func text(of span: Span, in article: String) -> String? {
        guard let scalars = scalarsByArticle[article], span.start >= 0, span.start <= span.end, span.end <= scalars.count else {
            return nil
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[span.start..<span.end])
        return String(out)
    }

    /// The sentence stating `evidence`, split around its cue, with runs of white space
    /// (line breaks inside a paragraph) collapsed to one space.
    public func quote(of evidence: Evidence) -> EvidenceQuote? {
        let sentence = evidence.sentence
        var cue = evidence.cue
        if cue.start < sentence.start || cue.end > sentence.end || cue.start > cue.end {
            cue = Span(start: sentence.start, end: sentence.start)
        }
        guard let before = text(of: Span(start: sentence.start, end: cue.start), in: evidence.article),
              let cueText = text(of: cue, in: evidence.article),
              let after = text(of: Span(start: cue.end, end: sentence.end), in: evidence.article) else { return nil }
        var head = before.collapsingWhiteSpace()
        var tail = after.collapsingWhiteSpace()
        if head.first == " " { head.removeFirst() }
        if tail.last == " " { tail.removeLast() }
        return EvidenceQuote(before: head, cue: cueText.collapsingWhiteSpace(), after: tail)
    }
}

/// A stating sentence split around its cue, so that a reader sees which words signal the
/// relation.
public struct EvidenceQuote: Sendable, Equatable {
    /// The sentence up to the cue.
    public var before: String
    /// The cue words.
    public var cue: String
    /// The sentence after the cue.
    public var after: String

    /// Creates a quote.
    public init(before: String, cue: String, after: String) {
        self.before = before
        self.cue = cue
        self.after = after
    }

    /// The sentence with the cue in brackets, shortened around the cue to about `limit`
    /// characters, for tooltips and plain text.
    public func marked(limit: Int = 320) -> String {
        let room = max(20, (limit - cue.count - 4) / 2)
        let head = before.count > room ? "…" + before.suffix(room) : before
        let tail = after.count > room ? after.prefix(room) + "…" : after
        return cue.isEmpty ? head + tail : "\(head)[\(cue)]\(tail)"
    }
}

extension String {
    /// Runs of white space (line breaks, tabs) become one space.
    func collapsingWhiteSpace() -> String {
        var out = String.UnicodeScalarView()
        var inSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(scalar)
                inSpace = false
            }
        }
        return String(out)
    }
}
