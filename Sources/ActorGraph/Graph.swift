/// A graph of actors and the relations articles state between them.
///
/// The graph keeps everything in canonical order (articles, actors and relations by id,
/// mentions and evidence by position), so equal graphs encode to identical bytes.
///
/// ```swift
/// var graph = Graph()
/// graph.add(actor: Actor(id: "JPN", name: "Japan", kind: .state))
/// ```
public struct Graph: Codable, Hashable, Sendable {
    /// The JSON schema version this model reads and writes.
    public static let schemaVersion = 1

    /// The articles the graph was built from.
    public var articles: [Article]
    /// Every actor, sorted by id.
    public var actors: [Actor]
    /// Every relation, sorted by source, target and kind.
    public var relations: [Relation]

    /// Creates a graph and puts it into canonical order.
    public init(articles: [Article] = [], actors: [Actor] = [], relations: [Relation] = []) {
        self.articles = articles
        self.actors = actors
        self.relations = relations
        canonicalize()
    }

    /// A graph from parts already in canonical order without duplicates, as an article's
    /// extraction builds them, which leaves out the checks ``canonicalize()`` makes; debug
    /// builds check the promise.
    package init(canonicalArticles articles: [Article], actors: [Actor], relations: [Relation]) {
        self.articles = articles
        self.actors = actors
        self.relations = relations
        assert(self == Graph(articles: articles, actors: actors, relations: relations), "parts not in canonical order")
    }

    /// Looks an actor up by id.
    ///
    /// - Complexity: O(log n), by binary search over the sorted actors.
    public func actor(id: String) -> Actor? {
        let index = actors.firstIndex(sortedBy: \.id, atLeast: id)
        return index < actors.count && actors[index].id == id ? actors[index] : nil
    }

    /// Sorts articles, actors, mentions, relations and evidence into canonical order
    /// and removes exact duplicates.
    public mutating func canonicalize() {
        articles = Self.sortedUnique(articles.sorted { $0.id < $1.id }, by: \.id)
        // Lists already canonical, as most are, are left in place rather than assigned again.
        for index in actors.indices where !Self.isCanonical(actors[index].mentions) {
            actors[index].mentions = Self.canonical(actors[index].mentions)
        }
        // Positions are sorted and the records gathered once: the same order, since the sort
        // makes the same comparisons, without moving records of several strings at each step.
        // Records already in order (an extractor's, a graph file's) stay where they are.
        if !Self.isSorted(actors.indices, by: { actors[$0].id < actors[$1].id }) {
            let actorOrder = actors.indices.sorted { actors[$0].id < actors[$1].id }
            actors = actorOrder.map { actors[$0] }
        }
        for index in relations.indices where !Self.isCanonical(relations[index].evidence) {
            relations[index].evidence = Self.canonical(relations[index].evidence)
        }
        let keyOrder = { (a: Int, b: Int) in
            (relations[a].source, relations[a].target, relations[a].kind) < (relations[b].source, relations[b].target, relations[b].kind)
        }
        if !Self.isSorted(relations.indices, by: keyOrder) {
            let relationOrder = relations.indices.sorted(by: keyOrder)
            relations = relationOrder.map { relations[$0] }
        }
    }

    /// Whether a stable sort would leave `items` as they are: no item comes before the one
    /// ahead of it.
    private static func isSorted<C: Collection>(_ items: C, by areInIncreasingOrder: (C.Element, C.Element) -> Bool) -> Bool {
        zip(items, items.dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }

    /// Mentions or evidence in canonical order without exact duplicates, as the graph keeps them.
    static func canonical<Item: Comparable>(_ items: [Item]) -> [Item] {
        // Already in order and without duplicates: nothing to sort, nothing to drop.
        if isCanonical(items) { return items }
        var sorted = items.sorted()
        guard sorted.count > 1 else { return sorted }
        // In place: the first of each run of equal items stays.
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            if index != kept { sorted.swapAt(index, kept) }
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Whether `items` are in order without duplicates: each before the next.
    static func isCanonical<Item: Comparable>(_ items: [Item]) -> Bool {
        guard items.count > 1 else { return true }
        for index in 1..<items.count where !(items[index - 1] < items[index]) { return false }
        return true
    }

    private static func sortedUnique<T, K: Equatable>(_ items: [T], by key: (T) -> K) -> [T] {
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items where result.last.map({ key($0) != key(item) }) ?? true {
            result.append(item)
        }
        return result
    }
}
