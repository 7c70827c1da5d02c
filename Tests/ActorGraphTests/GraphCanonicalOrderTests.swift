import ActorGraph
import XCTest

/// The canonical order a graph puts its records in, whether they come sorted or not.
final class GraphCanonicalOrderTests: XCTestCase {
    private func mention(_ start: Int, _ text: String = "Paris") -> Mention {
        Mention(article: "a", span: Span(start: start, end: start + 5), text: text)
    }

    private func evidence(_ start: Int) -> Evidence {
        Evidence(article: "a", sentence: Span(start: start, end: start + 40), source: Span(start: start, end: start + 5),
                 target: Span(start: start + 10, end: start + 15), cue: Span(start: start + 6, end: start + 9), rule: "r", confidence: 0.5)
    }

    func testRecordsAlreadyInOrderStillLoseAnExactDuplicateBesideItsTwin() {
        let actor = Actor(id: "FRA", name: "France", kind: .state, mentions: [mention(1), mention(1), mention(9)])
        let relation = Relation(source: "DEU", target: "FRA", kind: .contact, evidence: [evidence(0), evidence(0), evidence(50)])
        let graph = Graph(actors: [Actor(id: "DEU", name: "Germany", kind: .state), actor], relations: [relation])
        XCTAssertEqual(graph.actor(id: "FRA")?.mentions, [mention(1), mention(9)])
        XCTAssertEqual(graph.relations.first?.evidence, [evidence(0), evidence(50)])
    }

    func testRecordsOutOfOrderAreSortedAsRecordsInOrderStay() {
        let mentions = [mention(30), mention(2, "Paris"), mention(2, "France"), mention(7)]
        let actors = ["USA", "FRA", "DEU", "CHN"].map { Actor(id: $0, name: $0, kind: .state, mentions: mentions) }
        let relations = [
            Relation(source: "USA", target: "FRA", kind: .threat, evidence: [evidence(90), evidence(10)]),
            Relation(source: "DEU", target: "FRA", kind: .threat, evidence: [evidence(5)]),
            Relation(source: "DEU", target: "FRA", kind: .alliance, evidence: [evidence(5)]),
            Relation(source: "CHN", target: "USA", kind: .criticism, evidence: [evidence(5)]),
        ]
        let shuffled = Graph(actors: actors, relations: relations)
        XCTAssertEqual(shuffled.actors.map(\.id), ["CHN", "DEU", "FRA", "USA"])
        XCTAssertEqual(shuffled.actors[0].mentions, [mention(2, "France"), mention(2, "Paris"), mention(7), mention(30)])
        XCTAssertEqual(shuffled.relations.map { "\($0.source) \($0.kind.rawValue) \($0.target)" },
                       ["CHN criticism USA", "DEU alliance FRA", "DEU threat FRA", "USA threat FRA"])
        XCTAssertEqual(shuffled.relations[3].evidence, [evidence(10), evidence(90)])
        XCTAssertEqual(Graph(articles: shuffled.articles, actors: shuffled.actors, relations: shuffled.relations), shuffled)
    }
}
