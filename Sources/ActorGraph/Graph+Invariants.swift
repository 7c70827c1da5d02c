/// A way in which a graph breaks the model's rules.
public struct GraphInvariantViolation: Error, Sendable, CustomStringConvertible, Equatable {
    /// What is wrong, in words.
    public let description: String
}

extension Graph {
    /// Checks the rules every graph keeps: ids are unique, no relation points at a missing
    /// actor, every relation has evidence, symmetric pairs are in canonical order, and all
    /// lists are in canonical order.
    ///
    /// - Returns: every violation found; empty when the graph is sound.
    /// - Complexity: O(n log n) in the size of the graph.
    public func invariantViolations() -> [GraphInvariantViolation] {
        var problems: [String] = []
        let ids = actors.map(\.id)
        if ids != ids.sorted() || Set(ids).count != ids.count { problems.append("actor ids are not unique and sorted") }
        let articleIDs = articles.map(\.id)
        if articleIDs != articleIDs.sorted() || Set(articleIDs).count != articleIDs.count {
            problems.append("article ids are not unique and sorted")
        }
        let known = Set(ids)
        var previous: RelationKey?
        for relation in relations {
            let key = relation.key
            if let previous, !(previous < key) { problems.append("relations out of order at \(key.source)-\(key.target) \(key.kind)") }
            previous = key
            if !known.contains(relation.source) { problems.append("relation source \(relation.source) is not an actor") }
            if !known.contains(relation.target) { problems.append("relation target \(relation.target) is not an actor") }
            if relation.evidence.isEmpty { problems.append("relation \(key.source)-\(key.target) \(key.kind) has no evidence") }
            if !relation.kind.isDirected && relation.target < relation.source {
                problems.append("symmetric relation \(key.source)-\(key.target) is not in canonical order")
            }
            if relation.evidence != relation.evidence.sorted() { problems.append("evidence of \(key.source)-\(key.target) out of order") }
        }
        for actor in actors where actor.mentions != actor.mentions.sorted() {
            problems.append("mentions of \(actor.id) out of order")
        }
        return problems.map(GraphInvariantViolation.init(description:))
    }
}
