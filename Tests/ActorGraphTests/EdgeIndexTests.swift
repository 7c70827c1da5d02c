@testable import ActorGraph
import XCTest

final class EdgeIndexTests: XCTestCase {
    func testAnEdgeAddedTwiceKeepsItsFirstPosition() {
        var index = EdgeIndex()
        let edge = Edge(source: 3, target: 7, kind: .contact)
        XCTAssertEqual(index.insert(edge), 0)
        XCTAssertEqual(index.insert(Edge(source: 7, target: 3, kind: .contact)), 1)
        XCTAssertEqual(index.insert(edge), 0)
        XCTAssertEqual(index.edges.count, 2)
    }

    func testKindsBetweenOnePairAreEdgesOfTheirOwn() {
        var index = EdgeIndex()
        for kind in RelationKind.allCases { _ = index.insert(Edge(source: 1, target: 2, kind: kind)) }
        XCTAssertEqual(index.edges.count, RelationKind.allCases.count)
        XCTAssertEqual(index.position(of: Edge(source: 1, target: 2, kind: .threat)), RelationKind.allCases.firstIndex(of: .threat))
    }

    func testAnEdgeNeverAddedHasNoPosition() {
        var index = EdgeIndex()
        _ = index.insert(Edge(source: 1, target: 2, kind: .alliance))
        XCTAssertNil(index.position(of: Edge(source: 2, target: 1, kind: .alliance)))
        XCTAssertNil(EdgeIndex().position(of: Edge(source: 0, target: 0, kind: .alliance)))
    }

    func testEveryEdgeIsFoundAtItsPositionAfterTheTableGrows() {
        var index = EdgeIndex()
        let edges = (0..<1_000).map { (number: Int) -> Edge in
            let kind: RelationKind = number % 2 == 0 ? .support : .criticism
            return Edge(source: Int32(number % 37), target: Int32(number / 37), kind: kind)
        }
        for (position, edge) in edges.enumerated() { XCTAssertEqual(index.insert(edge), position) }
        for (position, edge) in edges.enumerated() { XCTAssertEqual(index.position(of: edge), position) }
        XCTAssertEqual(index.edges, edges)
    }
}
