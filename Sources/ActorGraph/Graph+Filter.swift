extension Graph {
    /// The part of the graph that `filter` keeps.
    ///
    /// Evidence filters run first, so a relation's weight counts only the sentences that
    /// passed; relation filters follow; the focus comes last and keeps the ego graph of
    /// what is left: every actor within ``GraphFilter/depth`` relations of the focus, and
    /// every remaining relation between two of them. An actor no kept relation touches is
    /// left out once a filter selects relations; a date filter alone keeps the actors
    /// mentioned in the articles it keeps. Mentions and articles outside the dates go.
    ///
    /// ```swift
    /// let alliances = try graph.filtered(GraphFilter(kinds: [.alliance]))
    /// ```
    ///
    /// - Throws: ``GraphFilterError`` when the focus names no actor, or several.
    /// - Complexity: O(n) in the size of the graph: filtering keeps canonical order, and
    ///   the ego graph is one breadth-first walk.
    public func filtered(_ filter: GraphFilter) throws -> Graph {
        guard !filter.keepsEverything else { return self }
        let focusID = try filter.focus.map { try resolveActor(named: $0).id }
        var result = keepingEvidence(filter)
        if let focusID {
            result = result.egoGraph(around: focusID, depth: filter.depth, fallback: actor(id: focusID))
        }
        return result
    }

    /// The actor that `name` refers to: an id, else a case-insensitive id, else a name,
    /// else a name the text used for it (a mention such as "Tokyo" for `JPN`).
    ///
    /// - Throws: ``GraphFilterError`` when nothing matches, or several actors match at the
    ///   first level anything matches.
    /// - Complexity: O(n) in the number of actors and mentions.
    public func resolveActor(named name: String) throws -> Actor {
        if let exact = actor(id: name) { return exact }
        let wanted = name.lowercased()
        let levels: [(Actor) -> Bool] = [
            { $0.id.lowercased() == wanted },
            { $0.name.lowercased() == wanted },
            { $0.mentions.contains { $0.text.lowercased() == wanted } },
        ]
        for matches in levels {
            let candidates = actors.filter(matches)
            if candidates.count == 1 { return candidates[0] }
            if candidates.count > 1 { throw GraphFilterError.ambiguousActor(name, candidates: candidates.map(\.id)) }
        }
        throw GraphFilterError.unknownActor(name)
    }

    /// The graph with the evidence, relations, articles and mentions the filter's evidence
    /// and relation levels keep; the focus is not applied.
    private func keepingEvidence(_ filter: GraphFilter) -> Graph {
        let bounded = filter.since != nil || filter.until != nil
        let keptArticles = articles.filter(filter.admits)
        let keptArticleIDs = Set(keptArticles.map(\.id))
        func fromKeptArticle(_ article: String) -> Bool { !bounded || keptArticleIDs.contains(article) }

        var keptRelations: [Relation] = []
        var related: Set<String> = []
        for var relation in relations {
            guard filter.kinds?.contains(relation.kind) ?? true else { continue }
            relation.evidence.removeAll { !fromKeptArticle($0.article) || !filter.admits($0) }
            guard !relation.evidence.isEmpty, relation.weight >= filter.minimumWeight else { continue }
            related.insert(relation.source)
            related.insert(relation.target)
            keptRelations.append(relation)
        }

        var keptActors: [Actor] = []
        for var actor in actors {
            actor.mentions.removeAll { !fromKeptArticle($0.article) }
            let mentionedInKeptArticle = !bounded || !actor.mentions.isEmpty
            if related.contains(actor.id) || (!filter.selectsRelations && mentionedInKeptArticle) {
                keptActors.append(actor)
            }
        }
        return Graph(sortedArticles: keptArticles, actors: keptActors, relations: keptRelations)
    }

    /// The actors within `depth` relations of `center` (in either direction) and the
    /// relations among them. `fallback` stands in for the center when filtering removed it.
    private func egoGraph(around center: String, depth: Int, fallback: Actor?) -> Graph {
        var neighbours: [String: [String]] = [:]
        for relation in relations {
            neighbours[relation.source, default: []].append(relation.target)
            neighbours[relation.target, default: []].append(relation.source)
        }
        var reached: Set<String> = [center]
        var frontier = [center]
        var steps = 0
        // Stops when nothing new is reached, so a depth of Int.max costs what the graph does.
        while steps < depth, !frontier.isEmpty {
            steps += 1
            var next: [String] = []
            for id in frontier {
                for neighbour in neighbours[id] ?? [] where reached.insert(neighbour).inserted {
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        var keptActors = actors.filter { reached.contains($0.id) }
        if actor(id: center) == nil, let fallback {
            keptActors.append(fallback)
            keptActors.sort { $0.id < $1.id }
        }
        let keptRelations = relations.filter { reached.contains($0.source) && reached.contains($0.target) }
        return Graph(sortedArticles: articles, actors: keptActors, relations: keptRelations)
    }

    /// A graph from lists already in canonical order, skipping the sort of ``init(articles:actors:relations:)``.
    init(sortedArticles articles: [Article], actors: [Actor], relations: [Relation]) {
        self.init()
        self.articles = articles
        self.actors = actors
        self.relations = relations
    }
}
