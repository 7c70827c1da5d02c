/// An edge of the graph: one kind of relation between two actors, with its evidence.
///
/// Symmetric kinds keep the smaller id as `source`; directed kinds run agent → patient.
public struct Relation: Codable, Hashable, Sendable {
    /// The agent, or the smaller id of a symmetric pair.
    public var source: String
    /// The patient, or the larger id of a symmetric pair.
    public var target: String
    /// What the relation is.
    public var kind: RelationKind
    /// Every sentence stating it, in canonical order.
    public var evidence: [Evidence]

    /// Whether the relation runs from source to target; follows from `kind`.
    public var directed: Bool { kind.isDirected }
    /// How many sentences state it.
    public var weight: Int { evidence.count }
    /// The identity of the edge: two relations with the same key are one edge.
    public var key: RelationKey { RelationKey(source: source, target: target, kind: kind) }

    /// Creates a relation, putting a symmetric pair into canonical order.
    public init(source: String, target: String, kind: RelationKind, evidence: [Evidence]) {
        if !kind.isDirected && target < source {
            self.source = target
            self.target = source
            self.evidence = evidence.map { item in
                var swapped = item
                swap(&swapped.source, &swapped.target)
                return swapped
            }
        } else {
            self.source = source
            self.target = target
            self.evidence = evidence
        }
        self.kind = kind
    }

    /// A relation whose symmetric pair is already in canonical order, as an article's
    /// extraction makes it, which leaves out the comparison of the ids.
    package init(canonicalSource source: String, target: String, kind: RelationKind, evidence: [Evidence]) {
        assert(kind.isDirected || !(target < source), "symmetric pair not in canonical order")
        self.source = source
        self.target = target
        self.kind = kind
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case source, target, kind, directed, weight, evidence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try container.decode(String.self, forKey: .source),
            target: try container.decode(String.self, forKey: .target),
            kind: try container.decode(RelationKind.self, forKey: .kind),
            evidence: try container.decode([Evidence].self, forKey: .evidence)
        )
    }

    /// Writes the schema v1 fields, `directed` and `weight` included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        try container.encode(kind, forKey: .kind)
        try container.encode(directed, forKey: .directed)
        try container.encode(weight, forKey: .weight)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// The identity of an edge: source, target and kind.
public struct RelationKey: Hashable, Sendable, Comparable {
    /// The source actor's id (the smaller id for a symmetric kind).
    public var source: String
    /// The target actor's id.
    public var target: String
    /// The relation kind.
    public var kind: RelationKind

    /// Creates a key.
    public init(source: String, target: String, kind: RelationKind) {
        self.source = source
        self.target = target
        self.kind = kind
    }

    /// Canonical order: source, then target, then kind.
    public static func < (lhs: RelationKey, rhs: RelationKey) -> Bool {
        (lhs.source, lhs.target, lhs.kind) < (rhs.source, rhs.target, rhs.kind)
    }
}
