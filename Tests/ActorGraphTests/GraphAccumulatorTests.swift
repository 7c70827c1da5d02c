import ActorGraph
import TestSupport
import XCTest

/// Merging a corpus one graph at a time, and writing a large graph's JSON in pieces.
final class GraphAccumulatorTests: XCTestCase {
    private typealias S = GraphBuilders.Statement
    private let graphs = [
        GraphBuilders.graph(article: "a", date: "2023-01-14", relations: [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat, [.hypothetical])]),
        GraphBuilders.graph(article: "b", date: "2023-02-02", relations: [S("JPN", "USA", .alliance), S("CHN", "RUS", .cooperation)]),
        GraphBuilders.graph(article: "c", relations: [S("USA", "CHN", .criticism)]),
    ]

    func testAddingOneGraphAtATimeInAnyOrderGivesTheSameBytes() {
        let orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0]]
        let results = orders.map { order -> String in
            var accumulator = GraphAccumulator()
            for index in order { accumulator.add(graphs[index]) }
            return accumulator.takeGraph().jsonString()
        }
        XCTAssertEqual(Set(results).count, 1)
        XCTAssertEqual(results[0], Graph.merged(graphs).jsonString())
    }

    func testTakingTheGraphEmptiesTheAccumulator() {
        var accumulator = GraphAccumulator()
        accumulator.add(graphs[0])
        XCTAssertEqual(accumulator.takeGraph().invariantViolations(), [])
        XCTAssertEqual(accumulator.actorCount, 0)
        XCTAssertEqual(accumulator.takeGraph(), Graph())
    }

    func testJSONWrittenStraightFromTheAccumulatorIsTheMergedGraphsByteForByte() {
        var accumulator = GraphAccumulator()
        for graph in graphs { accumulator.add(graph) }
        var bytes: [UInt8] = []
        var pieces = 0
        accumulator.writeJSONBytes(pieceSize: 64) { bytes += $0; pieces += 1 }
        XCTAssertGreaterThan(pieces, 3)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Graph.merged(graphs).jsonString())
        XCTAssertEqual(accumulator.actorCount, 0)
    }

    func testALargeMergeWrittenStraightFromTheAccumulatorIsTheMergedGraphsAndLeavesItEmpty() {
        // A thousand articles and more: what is left after the lists is freed on a thread
        // of its own, so the accumulator must be empty, and usable, as soon as it returns.
        let many = (0..<1_200).map { number in
            GraphBuilders.graph(article: "n\(number)", relations: [S(number % 2 == 0 ? "JPN" : "CHN", "USA", .alliance)])
        }
        var accumulator = GraphAccumulator()
        for graph in many { accumulator.add(graph) }
        var bytes: [UInt8] = []
        accumulator.writeJSONBytes(pieceSize: 4096) { bytes += $0 }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Graph.merged(many).jsonString())
        XCTAssertEqual(accumulator.actorCount, 0)
        XCTAssertEqual(accumulator.relationCount, 0)
        accumulator.add(graphs[2])
        XCTAssertEqual(accumulator.takeGraph().jsonString(), graphs[2].jsonString())
    }

    func testPackedRecordsGiveBackWideOffsetsAndTheExactBytesOfEquivalentSpellings() {
        // "é" composed and decomposed are == as Strings; the merge must keep each as written.
        let composed = "Tok\u{E9}", decomposed = "Toke\u{301}"
        let far = Span(start: 5_000_000_000, end: 5_000_000_004)
        let mentions = [
            Mention(article: "a", span: Span(start: 0, end: 4), text: composed),
            Mention(article: "a", span: Span(start: 10, end: 14), text: decomposed),
            Mention(article: "a", span: far, text: "Tokyo"),
            Mention(article: "a", span: Span(start: -3, end: Int(Int32.min)), text: "Tokyo"),
        ]
        let evidence = Evidence(article: "a", sentence: far, source: Span(start: 0, end: 4), target: Span(start: 10, end: 14),
                                cue: Span(start: Int(Int32.max), end: Int(Int32.max) + 1), attributedTo: decomposed, rule: "r", confidence: 0.5)
        let graph = Graph(articles: [Article(id: "a")], actors: [Actor(id: "JPN", name: "Japan", kind: .state, mentions: mentions),
                                                                 Actor(id: "USA", name: "USA", kind: .state)],
                          relations: [Relation(source: "JPN", target: "USA", kind: .contact, evidence: [evidence])])
        var accumulator = GraphAccumulator()
        accumulator.add(graph)
        let merged = accumulator.graph()
        XCTAssertEqual(merged.actors[0].mentions.map(\.span), graph.actors[0].mentions.map(\.span))
        XCTAssertEqual(merged.actors[0].mentions.map { Array($0.text.utf8) }, graph.actors[0].mentions.map { Array($0.text.utf8) })
        XCTAssertEqual(merged.relations[0].evidence[0].attributedTo.map { Array($0.utf8) }, Array(decomposed.utf8))
        XCTAssertEqual(merged.relations[0].evidence[0].sentence, far)
        XCTAssertEqual(merged.jsonString(), graph.jsonString())
    }

    func testPackedRecordsAreWrittenInTheGraphsCanonicalOrder() {
        // Ties broken late, duplicates, a missing speaker beside an empty one, equivalent spellings.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        func item(_ article: String, _ start: Int, speaker: String?, rule: String = "r", confidence: Double = 0.5,
                  modality: Modality = .asserted, tense: Tense = .present) -> Evidence {
            Evidence(article: article, sentence: Span(start: 0, end: 50), source: Span(start: start, end: start + 4),
                     target: Span(start: 20, end: 24), cue: Span(start: 10, end: 14), modality: modality,
                     attributedTo: speaker, tense: tense, rule: rule, confidence: confidence)
        }
        let evidence = [
            item("b", 5, speaker: nil), item("b", 5, speaker: ""), item("b", 5, speaker: nil), item("a", 5, speaker: "x"),
            item("a", 5, speaker: "x", confidence: 0.4), item("a", 5, speaker: "x", tense: .past), item("a", 1, speaker: nil, rule: "q"),
            item(composed, 5, speaker: nil), item(decomposed, 5, speaker: nil), item("a", 5, speaker: composed, modality: .question),
            item("a", 5, speaker: decomposed, modality: .question),
        ]
        let mentions = [("b", 4, "Paris"), ("a", 9, "Paris"), ("a", 9, "Paris"), ("a", 9, composed), ("a", 9, decomposed), ("a", 2, "x")]
            .map { Mention(article: $0.0, span: Span(start: $0.1, end: $0.1 + 3), text: $0.2) }
        let graphs = [0, 1].map { half in
            Graph(articles: [Article(id: "a"), Article(id: "b")],
                  actors: [Actor(id: "FRA", name: "France", kind: .state, mentions: mentions.enumerated().filter { $0.offset % 2 == half }.map(\.element)),
                           Actor(id: "DEU", name: "Germany", kind: .state)],
                  relations: [Relation(source: "DEU", target: "FRA", kind: .contact,
                                       evidence: evidence.enumerated().filter { $0.offset % 2 == half }.map(\.element))])
        }
        var written = GraphAccumulator(), taken = GraphAccumulator()
        for graph in graphs { written.add(graph); taken.add(graph) }
        var bytes: [UInt8] = []
        written.writeJSONBytes { bytes += $0 }
        XCTAssertEqual(bytes, Array(taken.takeGraph().jsonString().utf8))
    }

    func testIdsSpelledDifferentlyButEqualAsStringsNameOneActorAndOneRelation() {
        // Ids are looked up by their exact bytes first; `==` spellings must still meet.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        func graph(_ article: String, _ id: String) -> Graph {
            let item = Evidence(article: article, sentence: Span(start: 0, end: 9), source: Span(start: 0, end: 4),
                                target: Span(start: 5, end: 9), cue: Span(start: 4, end: 5), rule: "r", confidence: 0.5)
            return Graph(articles: [Article(id: article)],
                         actors: [Actor(id: id, name: "Cafe", kind: .organisation, mentions: [Mention(article: article, span: Span(start: 0, end: 4), text: id)]),
                                  Actor(id: "zzz", name: "Z", kind: .organisation)],
                         relations: [Relation(source: id, target: "zzz", kind: .threat, evidence: [item])])
        }
        var accumulator = GraphAccumulator()
        for (article, id) in [("a", composed), ("b", decomposed), ("c", composed), ("d", decomposed)] { accumulator.add(graph(article, id)) }
        XCTAssertEqual(accumulator.actorCount, 2)
        XCTAssertEqual(accumulator.relationCount, 1)
        let merged = accumulator.takeGraph()
        XCTAssertEqual(merged.actors.map { Array($0.id.utf8) }, [Array(composed.utf8), Array("zzz".utf8)])
        XCTAssertEqual(merged.actors[0].mentions.count, 4)
        XCTAssertEqual(merged.relations.first?.evidence.count, 4)
    }

    func testJSONWrittenInPiecesIsTheJSONStringByteForByte() {
        let graph = Graph.merged(graphs)
        var pieces: [String] = []
        graph.writeJSON(pieceSize: 64) { pieces.append($0) }
        XCTAssertGreaterThan(pieces.count, 3)
        XCTAssertEqual(pieces.joined(), graph.jsonString())
    }
}
