import ActorGraph

/// Terse builders for hand-made graphs, so a test reads as the situation it sets up:
///
/// ```swift
/// let tokyo = GraphBuilders.graph(article: "tokyo", relations: [.init("JPN", "USA", .alliance)])
/// ```
public enum GraphBuilders {
    /// A relation to build: its key, and how many sentences state it in which way.
    public struct Statement {
        public var source: String
        public var target: String
        public var kind: RelationKind
        public var modalities: [Modality]
        public var speaker: String?

        /// One sentence per modality given, all spoken by `speaker` (`nil`: the article).
        public init(_ source: String, _ target: String, _ kind: RelationKind, _ modalities: [Modality] = [.asserted], speaker: String? = nil) {
            self.source = source
            self.target = target
            self.kind = kind
            self.modalities = modalities
            self.speaker = speaker
        }
    }

    /// A state, person or organisation named as its id, with one mention in `article`.
    public static func actor(_ id: String, article: String, mentionText: String? = nil) -> Actor {
        let kind: ActorKind = id == id.uppercased() ? .state : (id.contains("-") ? .person : .organisation)
        return Actor(id: id, name: id == id.uppercased() ? "State \(id)" : id.capitalized, kind: kind,
                     mentions: [Mention(article: article, span: Span(start: 0, end: 5), text: mentionText ?? id)])
    }

    /// The graph of one article stating `relations`; its actors are every id named, plus `extraActors`.
    public static func graph(article: String, date: String? = nil, relations: [Statement], extraActors: [String] = []) -> Graph {
        var offset = 0
        let built = relations.map { statement -> Relation in
            let evidence = statement.modalities.map { modality -> Evidence in
                offset += 100
                return SampleGraphs.evidence(article: article, at: offset, modality: modality, speaker: statement.speaker)
            }
            return Relation(source: statement.source, target: statement.target, kind: statement.kind, evidence: evidence)
        }
        let ids = Set(relations.flatMap { [$0.source, $0.target] } + extraActors)
        return Graph(
            articles: [Article(id: article, date: date)],
            actors: ids.map { actor($0, article: article) },
            relations: Graph.merged([Graph(relations: built)]).relations
        )
    }
}
