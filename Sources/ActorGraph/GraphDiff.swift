/// What differs between the graphs of two articles, or two corpora: which actors and
/// relations only one side has, which relations both state differently, and which pairs
/// of actors the two sides frame in conflicting ways.
///
/// Side A is the "before" and side B the "after", as in `diff(1)`: *added* means present
/// in B only, *removed* present in A only. Relations are matched by their key (source,
/// target, kind), so the two sides' evidence never needs to come from the same text.
///
/// ```swift
/// let diff = tokyo.diff(to: moscow)
/// diff.added.map(\.key)      // relations only Moscow's article states
/// diff.similarity            // 0 … 1
/// ```
public struct GraphDiff: Sendable, Equatable {
    /// One side of the comparison: what the user called it and the articles it holds.
    public struct Side: Sendable, Equatable {
        /// What the user named on the command line (a path), if anything.
        public var label: String?
        /// The articles the side's graph was built from.
        public var articles: [Article]

        /// Creates a side.
        public init(label: String? = nil, articles: [Article]) {
            self.label = label
            self.articles = articles
        }
    }

    /// Side A, the "before".
    public var a: Side
    /// Side B, the "after".
    public var b: Side
    /// Every actor of either side, by id, with the side or sides that have it.
    public var actors: [ActorComparison]
    /// Every relation of either side, by key, with how the sides state it.
    public var relations: [RelationComparison]
    /// Pairs of actors the sides relate by different kinds, by pair.
    public var conflicts: [FramingConflict]
    /// Jaccard similarity of the sides' relation keys: shared keys over all keys, 1 when
    /// both sides are empty.
    public var similarity: Double
    /// Weighted Jaccard (Ruzicka) similarity: over every key, the sum of the smaller of the
    /// two weights over the sum of the larger (a missing relation weighs 0). It tells an
    /// article that mentions an alliance once from one that returns to it six times.
    public var weightedSimilarity: Double

    /// Creates a diff from its parts; ``Graph/diff(to:)`` computes one.
    public init(
        a: Side, b: Side, actors: [ActorComparison], relations: [RelationComparison],
        conflicts: [FramingConflict], similarity: Double, weightedSimilarity: Double
    ) {
        self.a = a
        self.b = b
        self.actors = actors
        self.relations = relations
        self.conflicts = conflicts
        self.similarity = similarity
        self.weightedSimilarity = weightedSimilarity
    }

    // MARK: - Public API

    /// Whether the two sides state the same actors and the same relations the same way.
    public var isEmpty: Bool {
        actors.allSatisfy { $0.status == .shared } && relations.allSatisfy { $0.status == .unchanged }
    }

    /// Actors only side B has.
    public var addedActors: [Actor] { actors.compactMap { $0.status == .added ? $0.b : nil } }
    /// Actors only side A has.
    public var removedActors: [Actor] { actors.compactMap { $0.status == .removed ? $0.a : nil } }
    /// Relations only side B states.
    public var added: [RelationComparison] { relations.filter { $0.status == .added } }
    /// Relations only side A states.
    public var removed: [RelationComparison] { relations.filter { $0.status == .removed } }
    /// Relations both sides state, but with a different weight, modality mix or speakers.
    public var changed: [RelationComparison] { relations.filter { $0.status == .changed } }
    /// Relations both sides state the same way.
    public var unchanged: [RelationComparison] { relations.filter { $0.status == .unchanged } }

    /// The actor with `id` as either side knows it, preferring side B's record.
    public func actor(id: String) -> Actor? {
        let index = actors.firstIndex(sortedBy: \.id, atLeast: id)
        guard index < actors.count, actors[index].id == id else { return nil }
        return actors[index].b ?? actors[index].a
    }
}

/// Where an actor appears in a diff.
public enum DiffStatus: String, Sendable, Equatable {
    /// On both sides.
    case shared
    /// On side B only.
    case added
    /// On side A only.
    case removed
}

/// One actor of a diff, as each side records it.
public struct ActorComparison: Sendable, Equatable {
    /// The actor's id.
    public var id: String
    /// Side A's record, if A has the actor.
    public var a: Actor?
    /// Side B's record, if B has the actor.
    public var b: Actor?

    /// Creates a comparison; at least one side must have the actor.
    public init(id: String, a: Actor?, b: Actor?) {
        self.id = id
        self.a = a
        self.b = b
    }

    /// Which sides have the actor.
    public var status: DiffStatus {
        switch (a, b) {
        case (.some, .some): .shared
        case (nil, .some): .added
        default: .removed
        }
    }
}

/// How the two sides of a diff state one relation key.
public enum RelationStatus: String, Sendable, Equatable {
    /// Both sides state it the same way.
    case unchanged
    /// Only side B states it.
    case added
    /// Only side A states it.
    case removed
    /// Both sides state it, differently.
    case changed
}

/// A respect in which two statements of one relation differ.
public enum RelationAspect: String, Sendable, Equatable, CaseIterable {
    /// The number of stating sentences.
    case weight
    /// Which modalities the sentences carry: asserted, hypothetical, negated, question.
    case modality
    /// Who states it: the article's own voice, or the people and bodies it quotes.
    case speaker
}

/// One relation key of a diff and how each side states it.
public struct RelationComparison: Sendable, Equatable {
    /// Source, target and kind.
    public var key: RelationKey
    /// How side A states it, if it does.
    public var a: RelationProfile?
    /// How side B states it, if it does.
    public var b: RelationProfile?

    /// Creates a comparison; at least one side must state the relation.
    public init(key: RelationKey, a: RelationProfile?, b: RelationProfile?) {
        self.key = key
        self.a = a
        self.b = b
    }

    /// How the sides compare.
    public var status: RelationStatus {
        switch (a, b) {
        case (.some, .some): changes.isEmpty ? .unchanged : .changed
        case (nil, .some): .added
        default: .removed
        }
    }

    /// The respects in which the two sides' statements differ; empty unless both state it.
    /// The relation is unchanged exactly when this is empty.
    public var changes: [RelationAspect] {
        guard let a, let b else { return [] }
        return RelationAspect.allCases.filter { aspect in
            switch aspect {
            case .weight: a.weight != b.weight
            case .modality: !a.hasSameModalityMix(as: b)
            case .speaker: a.speakers != b.speakers
            }
        }
    }
}

/// How one side states a relation, without the positions of its sentences, so that the
/// statements of two different texts compare.
public struct RelationProfile: Sendable, Equatable {
    /// How many sentences state it.
    public var weight: Int
    /// How many sentences carry each modality, in the order of `Modality.allCases`.
    public var modalityCounts: [Int]
    /// Who states it, sorted, `nil` (the article's own voice) first.
    public var speakers: [String?]

    /// The profile of `relation`'s evidence.
    ///
    /// - Complexity: O(e log e) in the relation's evidence items, for the speakers' order.
    public init(_ relation: Relation) {
        weight = relation.weight
        var counts = [0, 0, 0, 0]
        var named: [String] = []
        var articleVoice = false
        for item in relation.evidence {
            counts[item.modality.index] += 1
            if let speaker = item.attributedTo { named.append(speaker) } else { articleVoice = true }
        }
        modalityCounts = counts
        // Most relations are in the article's own voice: skip the sort for them.
        let distinct = named.isEmpty ? [] : Array(Set(named)).sorted()
        speakers = (articleVoice ? [nil] : []) + distinct.map(Optional.some)
    }

    /// The modalities at least one sentence carries, in declaration order.
    public var modalities: [Modality] {
        zip(Modality.allCases, modalityCounts).compactMap { $1 > 0 ? $0 : nil }
    }

    /// Whether each modality carries the same share of the sentences in both profiles, so
    /// that one sentence asserting a relation and three asserting it count as the same mix
    /// (the weight tells them apart).
    public func hasSameModalityMix(as other: RelationProfile) -> Bool {
        zip(modalityCounts, other.modalityCounts).allSatisfy { $0 * other.weight == $1 * weight }
    }

    /// How many sentences carry `modality`.
    public func count(of modality: Modality) -> Int {
        modalityCounts[modality.index]
    }
}

/// A pair of actors the two sides relate in ways that disagree: each side states a
/// relation between them that the other does not ("A says alliance, B says dependence").
///
/// A side that only adds a kind to what the other says is not in conflict with it; that
/// shows as an added relation.
public struct FramingConflict: Sendable, Equatable {
    /// The pair's two ids, smaller first.
    public var actors: [String]
    /// Every relation between the pair that side A states, in key order.
    public var a: [RelationKey]
    /// Every relation between the pair that side B states, in key order.
    public var b: [RelationKey]

    /// Creates a conflict.
    public init(actors: [String], a: [RelationKey], b: [RelationKey]) {
        self.actors = actors
        self.a = a
        self.b = b
    }
}

extension Modality {
    /// The position in `allCases`, without searching it.
    var index: Int {
        switch self {
        case .asserted: 0
        case .hypothetical: 1
        case .negated: 2
        case .question: 3
        }
    }
}
