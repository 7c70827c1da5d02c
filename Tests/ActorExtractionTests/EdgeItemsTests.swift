import ActorGraph
@testable import ActorExtraction
import XCTest

final class EdgeItemsTests: XCTestCase {
    private func item(sentence: Int, rule: String = "r") -> GraphBuilder.PendingEvidence {
        let span = Span(start: sentence, end: sentence + 1)
        return GraphBuilder.PendingEvidence(
            sentence: span, source: span, target: span, cue: span, modality: .asserted, tense: .present,
            speaker: -1, rule: rule, confidence: 1
        )
    }

    private let edge = Edge(source: 0, target: 1, kind: .alliance)

    func testAnEdgeNeverAddedHasNoFirstItem() {
        var items = EdgeItems()
        items.append(item(sentence: 0), to: edge, after: -1)
        XCTAssertEqual(items.first(of: Edge(source: 1, target: 0, kind: .alliance)), -1)
        XCTAssertEqual(items.first(of: Edge(source: 0, target: 1, kind: .threat)), -1)
        XCTAssertEqual(EdgeItems().first(of: edge), -1)
    }

    func testAnEdgesItemsAreChainedFromItsFirstInTheOrderAdded() {
        var items = EdgeItems()
        let other = Edge(source: 2, target: 3, kind: .threat)
        items.append(item(sentence: 0), to: edge, after: -1)
        items.append(item(sentence: 1), to: other, after: -1)
        items.append(item(sentence: 2), to: edge, after: 0)
        XCTAssertEqual(items.first(of: edge), 0)
        XCTAssertEqual(items.first(of: other), 1)
        XCTAssertEqual(items.entries[0].next, 2)
        XCTAssertEqual(items.entries[2].next, -1)
        XCTAssertEqual(items.entries.map(\.isFirst), [true, true, false])
        XCTAssertEqual(items.edgeCount, 2)
    }

    func testAReplacedItemKeepsItsPlaceInTheChain() {
        var items = EdgeItems()
        items.append(item(sentence: 0), to: edge, after: -1)
        items.append(item(sentence: 1), to: edge, after: 0)
        items.replace(at: 0, with: item(sentence: 0, rule: "stated"))
        XCTAssertEqual(items.entries[0].item.rule, "stated")
        XCTAssertEqual(items.entries[0].next, 1)
        XCTAssertEqual(items.first(of: edge), 0)
    }

    func testEveryEdgeIsFoundAtItsFirstItemAfterTheTableGrows() {
        var items = EdgeItems()
        let edges = (0..<300).map { Edge(source: Int32($0), target: Int32($0 * 7), kind: .contact) }
        for (place, edge) in edges.enumerated() { items.append(item(sentence: place), to: edge, after: -1) }
        for (place, edge) in edges.enumerated() { XCTAssertEqual(items.first(of: edge), Int32(place)) }
        XCTAssertEqual(items.edgeCount, edges.count)
    }
}
