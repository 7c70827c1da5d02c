extension Graph {
    /// What differs between this graph (side A) and `other` (side B).
    ///
    /// Both graphs are in canonical order (every `Graph` built through its initialiser,
    /// ``merged(_:)``, ``filtered(_:)`` or the JSON reader is), so actors and relations are
    /// matched in one simultaneous walk of the two sorted lists, as `comm(1)` does.
    ///
    /// ```swift
    /// let diff = tokyo.diff(to: moscow)
    /// if diff.isEmpty { print("same graph") }
    /// ```
    ///
    /// - Complexity: O(n) in the size of both graphs (actors, relations and evidence
    ///   items), plus O(c log c) to order the c framing conflicts.
    public func diff(to other: Graph) -> GraphDiff {
        let actorComparisons = Self.walk(actors, other.actors, key: \.id) { a, b in
            ActorComparison(id: (a ?? b)!.id, a: a, b: b)
        }
        var overlap = RelationOverlap()
        let relationComparisons = Self.walk(relations, other.relations, key: \.key) { a, b in
            let comparison = RelationComparison(key: (a ?? b)!.key, a: a.map(RelationProfile.init), b: b.map(RelationProfile.init))
            overlap.count(comparison)
            return comparison
        }
        return GraphDiff(
            a: GraphDiff.Side(articles: articles), b: GraphDiff.Side(articles: other.articles),
            actors: actorComparisons, relations: relationComparisons,
            conflicts: Self.framingConflicts(relations, other.relations),
            similarity: overlap.similarity, weightedSimilarity: overlap.weightedSimilarity
        )
    }

    /// Walks two lists sorted by `key` together and pairs up equal keys.
    ///
    /// - Complexity: O(a + b) key comparisons.
    private static func walk<Element, Key: Comparable, Result>(
        _ left: [Element], _ right: [Element], key: (Element) -> Key, pair: (Element?, Element?) -> Result
    ) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(max(left.count, right.count))
        var i = 0
        var j = 0
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && key(left[i]) < key(right[j])) {
                results.append(pair(left[i], nil))
                i += 1
            } else if i == left.count || key(right[j]) < key(left[i]) {
                results.append(pair(nil, right[j]))
                j += 1
            } else {
                results.append(pair(left[i], right[j]))
                i += 1
                j += 1
            }
        }
        return results
    }

    /// The pairs of actors that each side relates by a relation the other does not state.
    private static func framingConflicts(_ a: [Relation], _ b: [Relation]) -> [FramingConflict] {
        var pairs: [ActorPair: (a: [RelationKey], b: [RelationKey])] = [:]
        for relation in a { pairs[ActorPair(relation), default: ([], [])].a.append(relation.key) }
        for relation in b where pairs[ActorPair(relation)] != nil { pairs[ActorPair(relation)]!.b.append(relation.key) }
        var conflicts: [FramingConflict] = []
        for (pair, keys) in pairs where !keys.b.isEmpty {
            // Both lists are in canonical order, being taken from sorted relations.
            let onlyA = keys.a.contains { !keys.b.contains($0) }
            let onlyB = keys.b.contains { !keys.a.contains($0) }
            if onlyA && onlyB {
                conflicts.append(FramingConflict(actors: [pair.first, pair.second], a: keys.a, b: keys.b))
            }
        }
        return conflicts.sorted { ($0.actors[0], $0.actors[1]) < ($1.actors[0], $1.actors[1]) }
    }
}

/// Two actors without direction, smaller id first.
private struct ActorPair: Hashable {
    var first: String
    var second: String

    init(_ relation: Relation) {
        first = min(relation.source, relation.target)
        second = max(relation.source, relation.target)
    }
}

/// Running sums for the two similarity scores.
private struct RelationOverlap {
    private var shared = 0
    private var all = 0
    private var smaller = 0
    private var larger = 0

    mutating func count(_ comparison: RelationComparison) {
        let a = comparison.a?.weight ?? 0
        let b = comparison.b?.weight ?? 0
        all += 1
        if a > 0 && b > 0 { shared += 1 }
        smaller += min(a, b)
        larger += max(a, b)
    }

    var similarity: Double { all == 0 ? 1 : Double(shared) / Double(all) }
    var weightedSimilarity: Double { larger == 0 ? 1 : Double(smaller) / Double(larger) }
}
