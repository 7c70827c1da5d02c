/// Merges graphs one at a time into a growing result, for corpora too large to hold as a
/// list of graphs.
///
/// Adding graph after graph and taking ``graph()`` at the end gives exactly
/// ``Graph/merged(_:)`` of the same graphs, in any order: the rules for two records of
/// one article or one actor are order-independent, and the result is put into canonical
/// order once, at the end.
///
/// ```swift
/// var accumulator = GraphAccumulator()
/// for article in corpus { accumulator.add(extractor.extract(article)) }
/// let merged = accumulator.graph()
/// ```
public struct GraphAccumulator: Sendable {
    private var articles: [String: Article] = [:]
    private var actors: [String: Actor] = [:]
    private var relations: [RelationKey: Relation] = [:]

    /// An empty accumulator.
    public init() {}

    /// How many distinct actors the graphs added so far name.
    public var actorCount: Int { actors.count }
    /// How many distinct relations the graphs added so far state.
    public var relationCount: Int { relations.count }

    /// Merges `graph` into the result.
    ///
    /// - Complexity: O(n) expected in the size of `graph`, independent of what was added
    ///   before, so a corpus of n articles merges in O(total size).
    public mutating func add(_ graph: Graph) {
        for article in graph.articles {
            articles[article.id] = articles[article.id].map { Self.mergeArticle($0, article) } ?? article
        }
        for actor in graph.actors {
            if actors[actor.id] == nil {
                actors[actor.id] = actor
            } else {
                // In place, so a busy actor's mention list is not copied for every article.
                actors[actor.id]!.absorb(actor)
            }
        }
        for relation in graph.relations {
            if relations[relation.key] == nil {
                relations[relation.key] = relation
            } else {
                relations[relation.key]!.evidence += relation.evidence
            }
        }
    }

    /// The merged graph, in canonical order.
    ///
    /// - Complexity: O(n log n) in the size of the result.
    public func graph() -> Graph {
        Graph(articles: Array(articles.values), actors: Array(actors.values), relations: Array(relations.values))
    }

    /// The merged graph, leaving the accumulator empty: the graph's lists are then its
    /// own and are sorted in place rather than copied, which halves the peak memory of
    /// the last step of a large merge.
    public mutating func takeGraph() -> Graph {
        let collected = (Array(articles.values), Array(actors.values), Array(relations.values))
        self = GraphAccumulator()
        return Graph(articles: collected.0, actors: collected.1, relations: collected.2)
    }

    private static func mergeArticle(_ a: Article, _ b: Article) -> Article {
        Article(id: a.id, title: preferred(a.title, b.title), date: preferred(a.date, b.date), source: preferred(a.source, b.source))
    }

    /// An order-independent choice between two optional strings: present beats absent,
    /// longer beats shorter, then the smaller string.
    static func preferred(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil), (nil, let x?): return x
        case (let x?, let y?):
            if x.count != y.count { return x.count > y.count ? x : y }
            return min(x, y)
        }
    }
}

private extension Actor {
    /// Takes in another record of the same actor: the preferred name and country, the
    /// lower kind, and all mentions.
    mutating func absorb(_ other: Actor) {
        name = GraphAccumulator.preferred(name, other.name) ?? name
        kind = min(kind, other.kind)
        country = GraphAccumulator.preferred(country, other.country)
        mentions += other.mentions
    }
}
