import ActorGraph

/// How firmly, and in whose voice, the sentences behind a relation state it.
///
/// Drawings soften an edge the article does not assert in its own voice; exports carry the
/// counts so that an analyst can filter on them.
///
/// ```swift
/// let mix = ModalityMix(relation)
/// mix.summary      // "asserted:2;hypothetical:1;attributed:1"
/// ```
public struct ModalityMix: Sendable, Equatable {
    /// Sentences that state the relation as fact.
    public var asserted = 0
    /// Sentences that state it as possible or conditional.
    public var hypothetical = 0
    /// Sentences that deny it.
    public var negated = 0
    /// Sentences that ask it.
    public var question = 0
    /// Sentences, of any modality, that report someone else saying it.
    public var attributed = 0
    /// Asserted sentences in the article's own voice.
    public var assertedByArticle = 0
    /// The ids of everyone the sentences are attributed to, sorted.
    public var speakers: [String] = []

    /// Counts the evidence of `relation`.
    public init(_ relation: Relation) {
        var speakerSet = Set<String>()
        for item in relation.evidence {
            switch item.modality {
            case .asserted: asserted += 1
            case .hypothetical: hypothetical += 1
            case .negated: negated += 1
            case .question: question += 1
            }
            if let speaker = item.attributedTo {
                attributed += 1
                speakerSet.insert(speaker)
            } else if item.modality == .asserted {
                assertedByArticle += 1
            }
        }
        speakers = speakerSet.sorted()
    }

    /// Whether at least one sentence asserts the relation in the article's own voice;
    /// such edges are drawn solid.
    public var isAssertedByArticle: Bool { assertedByArticle > 0 }

    /// Whether every sentence denies the relation.
    public var isDenied: Bool { negated > 0 && negated == asserted + hypothetical + negated + question }

    /// The non-zero counts as `modality:count` joined by `;`, in a fixed order, for CSV and
    /// attribute values; for example `asserted:2;hypothetical:1;attributed:1`.
    public var summary: String {
        let parts: [(String, Int)] = [
            ("asserted", asserted), ("hypothetical", hypothetical), ("negated", negated),
            ("question", question), ("attributed", attributed),
        ]
        return parts.filter { $0.1 > 0 }.map { "\($0.0):\($0.1)" }.joined(separator: ";")
    }
}
