extension Graph {
    /// Merges graphs into one, keeping which article each mention and evidence item came from.
    ///
    /// Merging is associative and commutative: any grouping and any order of the same
    /// graphs gives an identical result. Where two graphs name one actor differently, the
    /// longer name wins (ties: the smaller string), and a known country beats an unknown one.
    ///
    /// - Complexity: O(n log n) in the total number of actors, relations, mentions and
    ///   evidence items.
    public static func merged(_ graphs: [Graph]) -> Graph {
        var articles: [String: Article] = [:]
        var actors: [String: Actor] = [:]
        var relations: [RelationKey: Relation] = [:]
        for graph in graphs {
            for article in graph.articles {
                articles[article.id] = articles[article.id].map { mergeArticle($0, article) } ?? article
            }
            for actor in graph.actors {
                actors[actor.id] = actors[actor.id].map { mergeActor($0, actor) } ?? actor
            }
            for relation in graph.relations {
                if var existing = relations[relation.key] {
                    existing.evidence += relation.evidence
                    relations[relation.key] = existing
                } else {
                    relations[relation.key] = relation
                }
            }
        }
        return Graph(articles: Array(articles.values), actors: Array(actors.values), relations: Array(relations.values))
    }

    /// Merges `other` into this graph; see ``merged(_:)``.
    public mutating func merge(_ other: Graph) {
        self = Graph.merged([self, other])
    }

    /// Adds an actor, merging it with an actor of the same id.
    public mutating func add(actor: Actor) {
        merge(Graph(actors: [actor]))
    }

    private static func mergeArticle(_ a: Article, _ b: Article) -> Article {
        Article(id: a.id, title: preferred(a.title, b.title), date: preferred(a.date, b.date), source: preferred(a.source, b.source))
    }

    private static func mergeActor(_ a: Actor, _ b: Actor) -> Actor {
        Actor(
            id: a.id,
            name: preferred(a.name, b.name) ?? a.name,
            kind: min(a.kind, b.kind),
            country: preferred(a.country, b.country),
            mentions: a.mentions + b.mentions
        )
    }

    /// An order-independent choice between two optional strings: present beats absent,
    /// longer beats shorter, then the smaller string.
    private static func preferred(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil), (nil, let x?): return x
        case (let x?, let y?):
            if x.count != y.count { return x.count > y.count ? x : y }
            return min(x, y)
        }
    }
}
