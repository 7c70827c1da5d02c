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
    ///   items), plus O(c log n) to find and order the c framing conflicts.
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
            conflicts: Self.framingConflicts(relationComparisons, a: relations, b: other.relations),
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
    ///
    /// Such a pair has a relation only A states and one only B states, so only those are
    /// hashed; each candidate pair's relations are then found by binary search.
    private static func framingConflicts(_ comparisons: [RelationComparison], a: [Relation], b: [Relation]) -> [FramingConflict] {
        var onlyInA: Set<ActorPair> = []
        for comparison in comparisons where comparison.b == nil { onlyInA.insert(ActorPair(comparison.key)) }
        var candidates: Set<ActorPair> = []
        for comparison in comparisons where comparison.a == nil && onlyInA.contains(ActorPair(comparison.key)) {
            candidates.insert(ActorPair(comparison.key))
        }
        return candidates.sorted().map { pair in
            FramingConflict(actors: [pair.first, pair.second], a: keys(between: pair, in: a), b: keys(between: pair, in: b))
        }
    }

    /// The keys of every relation between the pair, either way round, in canonical order.
    ///
    /// - Complexity: O(log n + k) for k such relations.
    private static func keys(between pair: ActorPair, in relations: [Relation]) -> [RelationKey] {
        // Canonical order sorts (first, second, …) before (second, first, …), as first < second.
        keys(from: pair.first, to: pair.second, in: relations) + keys(from: pair.second, to: pair.first, in: relations)
    }

    private static func keys(from source: String, to target: String, in relations: [Relation]) -> [RelationKey] {
        var low = 0
        var high = relations.count
        while low < high {
            let mid = (low + high) / 2
            if (relations[mid].source, relations[mid].target) < (source, target) { low = mid + 1 } else { high = mid }
        }
        var keys: [RelationKey] = []
        while low < relations.count, relations[low].source == source, relations[low].target == target {
            keys.append(relations[low].key)
            low += 1
        }
        return keys
    }
}

/// Two actors without direction, smaller id first.
private struct ActorPair: Hashable, Comparable {
    var first: String
    var second: String

    init(_ key: RelationKey) {
        first = min(key.source, key.target)
        second = max(key.source, key.target)
    }

    static func < (lhs: ActorPair, rhs: ActorPair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
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
