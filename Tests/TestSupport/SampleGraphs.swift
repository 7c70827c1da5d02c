import ActorGraph

/// Small graphs for tests, built by hand so each test states what it starts from.
public enum SampleGraphs {
    /// One piece of evidence at a made-up position.
    public static func evidence(
        article: String = "a", at offset: Int = 0, modality: Modality = .asserted,
        speaker: String? = nil, rule: String = "test-rule"
    ) -> Evidence {
        Evidence(
            article: article, sentence: Span(start: offset, end: offset + 40), source: Span(start: offset, end: offset + 5),
            target: Span(start: offset + 20, end: offset + 25), cue: Span(start: offset + 10, end: offset + 18),
            modality: modality, attributedTo: speaker, tense: .present, rule: rule, confidence: 0.9
        )
    }

    /// Japan and the United States allied, Russia threatening Japan.
    public static func summit(article: String = "summit") -> Graph {
        Graph(
            articles: [Article(id: article, title: "Summit", date: "2023-01-14", source: "Test Desk")],
            actors: [
                Actor(id: "JPN", name: "Japan", kind: .state, mentions: [Mention(article: article, span: Span(start: 0, end: 5), text: "Japan")]),
                Actor(id: "USA", name: "United States", kind: .state, mentions: [Mention(article: article, span: Span(start: 20, end: 33), text: "United States")]),
                Actor(id: "RUS", name: "Russia", kind: .state, mentions: [Mention(article: article, span: Span(start: 60, end: 66), text: "Russia")]),
            ],
            relations: [
                Relation(source: "USA", target: "JPN", kind: .alliance, evidence: [evidence(article: article)]),
                Relation(source: "RUS", target: "JPN", kind: .threat, evidence: [evidence(article: article, at: 60, modality: .hypothetical)]),
            ]
        )
    }

    /// A deterministic pseudo-random graph, for property-style tests.
    public static func generated(seed: UInt64, actors: Int = 8, relations: Int = 12, article: String? = nil) -> Graph {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let articleID = article ?? "article-\(seed)"
        let ids = (0..<actors).map { "actor-\($0)" }
        let actorList = ids.map { Actor(id: $0, name: $0.uppercased(), kind: .organisation, mentions: [Mention(article: articleID, span: Span(start: next(500), end: 600), text: $0)]) }
        let relationList = (0..<relations).map { _ in
            Relation(
                source: ids[next(actors)], target: ids[next(actors)], kind: RelationKind.allCases[next(RelationKind.allCases.count)],
                evidence: [evidence(article: articleID, at: next(1000), modality: Modality.allCases[next(4)])]
            )
        }
        return Graph.merged([Graph(articles: [Article(id: articleID)], actors: actorList, relations: relationList)])
    }
}
