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

extension SampleGraphs {
    /// Names full of markup and syntax characters that every writer must pass intact and inert.
    public static let hostileNames = [
        #"Say "hi" \ bye"#, "{braces} <angle> & amp", "<script>alert(1)</script>", "a--b -->", "pipe | ]]> `tick`", "東京都 Москва",
    ]

    /// A graph whose actors carry ``hostileNames``, each related to Japan, one hedged.
    public static func hostile() -> Graph {
        let ids = hostileNames.indices.map { "odd-\($0)" }
        var actors = zip(ids, hostileNames).map { Actor(id: $0, name: $1, kind: .group) }
        actors.append(Actor(id: "JPN", name: "Japan", kind: .state))
        let relations = ids.enumerated().map { index, id in
            Relation(source: id, target: "JPN", kind: index.isMultiple(of: 2) ? .threat : .cooperation,
                     evidence: [evidence(article: "hostile", modality: index == 1 ? .hypothetical : .asserted, speaker: index == 1 ? id : nil)])
        }
        return Graph(articles: [Article(id: "hostile", title: "Names <b>&amp; \"quotes\"", date: "2023-01-01", source: "Test & Co")],
                     actors: actors, relations: relations)
    }

    /// An article's text and a graph whose one evidence item points into it, cue and all.
    public static func quoted() -> (text: String, graph: Graph) {
        let text = "Intro 🙂 line.\nRussia could   threaten\nJapan soon."
        let scalars = Array(text.unicodeScalars)
        func offset(of word: String) -> Int {
            let target = Array(word.unicodeScalars)
            return (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target }!
        }
        let sentenceStart = offset(of: "Russia")
        let item = Evidence(
            article: "quoted", sentence: Span(start: sentenceStart, end: scalars.count),
            source: Span(start: sentenceStart, end: sentenceStart + 6), target: Span(start: offset(of: "Japan"), end: offset(of: "Japan") + 5),
            cue: Span(start: offset(of: "threaten"), end: offset(of: "threaten") + 8), modality: .hypothetical,
            attributedTo: nil, tense: .future, rule: "verb-threaten", confidence: 0.7
        )
        let graph = Graph(
            articles: [Article(id: "quoted", title: "Quoted")],
            actors: [Actor(id: "RUS", name: "Russia", kind: .state), Actor(id: "JPN", name: "Japan", kind: .state)],
            relations: [Relation(source: "RUS", target: "JPN", kind: .threat, evidence: [item])]
        )
        return (text, graph)
    }
}
