/// How firmly a sentence states a relation.
public enum Modality: String, Codable, Sendable, CaseIterable, Comparable {
    /// Stated as fact.
    case asserted
    /// Conditional or possible: "could", "if", "risk".
    case hypothetical
    /// Denied: "not", "no longer", "never".
    case negated
    /// Asked, not stated.
    case question

    /// Canonical order: asserted, hypothetical, negated, question.
    public static func < (lhs: Modality, rhs: Modality) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// When the sentence places the relation.
public enum Tense: String, Codable, Sendable, CaseIterable {
    case past, present, future
}

/// One sentence that states a relation, with the spans a reader needs to check it.
public struct Evidence: Codable, Hashable, Sendable, Comparable {
    /// The id of the article the sentence is in.
    public var article: String
    /// The whole stating sentence.
    public var sentence: Span
    /// Where the source actor is named.
    public var source: Span
    /// Where the target actor is named.
    public var target: Span
    /// The word or phrase that signals the relation.
    public var cue: Span
    /// How firmly the sentence states it.
    public var modality: Modality
    /// The actor who states it; `nil` for the article's own voice.
    // Spelled out rather than `String?`, which gives the stored property an initial `nil`:
    // with it, an item made in another module was copied and destroyed once more.
    public var attributedTo: Optional<String>
    /// When the sentence places it.
    public var tense: Tense
    /// The name of the extraction rule that fired.
    public var rule: String
    /// How sure the rule is, from 0 to 1.
    public var confidence: Double

    /// Creates an evidence item.
    public init(
        article: String, sentence: Span, source: Span, target: Span, cue: Span,
        modality: Modality = .asserted, attributedTo: String? = nil, tense: Tense = .present,
        rule: String, confidence: Double
    ) {
        self.article = article
        self.sentence = sentence
        self.source = source
        self.target = target
        self.cue = cue
        self.modality = modality
        self.attributedTo = attributedTo
        self.tense = tense
        self.rule = rule
        self.confidence = confidence
    }

    /// Canonical order: by article, then position in the text, then rule.
    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        if lhs.article != rhs.article { return lhs.article < rhs.article }
        if lhs.sentence != rhs.sentence { return lhs.sentence < rhs.sentence }
        if lhs.cue != rhs.cue { return lhs.cue < rhs.cue }
        if lhs.source != rhs.source { return lhs.source < rhs.source }
        if lhs.target != rhs.target { return lhs.target < rhs.target }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.modality != rhs.modality { return lhs.modality < rhs.modality }
        if lhs.attributedTo != rhs.attributedTo {
            // The article's own voice first; never as "", or it would tie with a speaker
            // named "" without being equal, and sorting could not put duplicates together.
            guard let left = lhs.attributedTo else { return true }
            guard let right = rhs.attributedTo else { return false }
            return left < right
        }
        if lhs.tense != rhs.tense { return lhs.tense.rawValue < rhs.tense.rawValue }
        return lhs.confidence < rhs.confidence
    }
}
