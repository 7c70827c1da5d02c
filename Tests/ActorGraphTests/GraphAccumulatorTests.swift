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

    func testJSONWrittenInPiecesIsTheJSONStringByteForByte() {
        let graph = Graph.merged(graphs)
        var pieces: [String] = []
        graph.writeJSON(pieceSize: 64) { pieces.append($0) }
        XCTAssertGreaterThan(pieces.count, 3)
        XCTAssertEqual(pieces.joined(), graph.jsonString())
    }
}
