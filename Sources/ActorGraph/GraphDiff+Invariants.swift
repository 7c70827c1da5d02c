extension GraphDiff {
    /// Checks the rules every diff keeps: actors and relations each in strictly ascending
    /// order with at least one side present, conflicts in pair order and each a real
    /// disagreement, and similarity scores within [0, 1].
    ///
    /// - Returns: every violation found; empty when the diff is sound.
    /// - Complexity: O(n) in the size of the diff.
    public func invariantViolations() -> [GraphInvariantViolation] {
        var problems: [String] = []
        for (previous, next) in zip(actors, actors.dropFirst()) where !(previous.id < next.id) {
            problems.append("actors out of order at \(next.id)")
        }
        for actor in actors where actor.a == nil && actor.b == nil { problems.append("actor \(actor.id) on neither side") }
        for (previous, next) in zip(relations, relations.dropFirst()) where !(previous.key < next.key) {
            problems.append("relations out of order at \(next.key.source)-\(next.key.target) \(next.key.kind)")
        }
        for relation in relations where relation.a == nil && relation.b == nil {
            problems.append("relation \(relation.key.source)-\(relation.key.target) on neither side")
        }
        for (previous, next) in zip(conflicts, conflicts.dropFirst()) where !(previous.actors.lexicographicallyPrecedes(next.actors)) {
            problems.append("conflicts out of order at \(next.actors.joined(separator: "-"))")
        }
        for conflict in conflicts where Set(conflict.a).isSubset(of: Set(conflict.b)) || Set(conflict.b).isSubset(of: Set(conflict.a)) {
            problems.append("conflict \(conflict.actors.joined(separator: "-")) is no disagreement")
        }
        for score in [similarity, weightedSimilarity] where !(0...1).contains(score) {
            problems.append("similarity \(score) outside [0, 1]")
        }
        return problems.map(GraphInvariantViolation.init(description:))
    }
}
