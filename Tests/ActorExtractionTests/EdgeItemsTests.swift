import ActorGraph
@testable import ActorExtraction
import XCTest

final class EdgeItemsTests: XCTestCase {
    private func item(sentence: Int, rule: GraphBuilder.RuleCode = .gazetteer) -> GraphBuilder.PendingEvidence {
        let span = Span(start: sentence, end: sentence + 1)
        return GraphBuilder.PendingEvidence(
            sentence: span, source: span, target: span, cue: span, modality: .asserted, tense: .present,
            speaker: -1, rule: rule, confidence: 1
        )
    }

    private let edge = Edge(source: 0, target: 1, kind: .alliance)

    /// Appends as the builder does, at the slot found for the edge.
    private func append(_ item: GraphBuilder.PendingEvidence, to edge: Edge, after last: Int32, in items: inout EdgeItems) {
        let slot = items.find(edge).slot
        items.append(item, to: edge, after: last, slot: slot)
    }

    func testAnEdgeNeverAddedHasNoFirstItem() {
        var items = EdgeItems()
        append(item(sentence: 0), to: edge, after: -1, in: &items)
        XCTAssertEqual(items.first(of: Edge(source: 1, target: 0, kind: .alliance)), -1)
        XCTAssertEqual(items.first(of: Edge(source: 0, target: 1, kind: .threat)), -1)
        XCTAssertEqual(EdgeItems().first(of: edge), -1)
    }

    func testFindingAnEdgeGivesItsFirstItem() {
        var items = EdgeItems()
        append(item(sentence: 0), to: edge, after: -1, in: &items)
        XCTAssertEqual(items.find(edge).first, 0)
        XCTAssertEqual(items.find(Edge(source: 5, target: 6, kind: .alliance)).first, -1)
    }

    func testAnEdgesItemsAreChainedFromItsFirstInTheOrderAdded() {
        var items = EdgeItems()
        let other = Edge(source: 2, target: 3, kind: .threat)
        append(item(sentence: 0), to: edge, after: -1, in: &items)
        append(item(sentence: 1), to: other, after: -1, in: &items)
        append(item(sentence: 2), to: edge, after: 0, in: &items)
        XCTAssertEqual(items.first(of: edge), 0)
        XCTAssertEqual(items.first(of: other), 1)
        XCTAssertEqual(items.entries[0].next, 2)
        XCTAssertEqual(items.entries[2].next, -1)
        XCTAssertEqual(items.entries.map(\.isFirst), [true, true, false])
        XCTAssertEqual(items.edgeCount, 2)
    }

    func testAReplacedItemKeepsItsPlaceInTheChain() {
        var items = EdgeItems()
        append(item(sentence: 0), to: edge, after: -1, in: &items)
        append(item(sentence: 1), to: edge, after: 0, in: &items)
        items.replace(at: 0, with: item(sentence: 0, rule: GraphBuilder.RuleCode(.verbObject)))
        XCTAssertEqual(items.entries[0].item.rule, GraphBuilder.RuleCode(.verbObject))
        XCTAssertEqual(items.entries[0].next, 1)
        XCTAssertEqual(items.first(of: edge), 0)
    }

    func testEveryEdgeIsFoundAtItsFirstItemAfterTheTableGrows() {
        var items = EdgeItems()
        let edges = (0..<300).map { Edge(source: Int32($0), target: Int32($0 * 7), kind: .contact) }
        for (place, edge) in edges.enumerated() { append(item(sentence: place), to: edge, after: -1, in: &items) }
        for (place, edge) in edges.enumerated() { XCTAssertEqual(items.first(of: edge), Int32(place)) }
        XCTAssertEqual(items.edgeCount, edges.count)
    }

    func testItemsInTheListsOfOthersStartWithNoEdges() {
        var first = EdgeItems()
        append(item(sentence: 0), to: edge, after: -1, in: &first)
        var lists = first.lists
        first = EdgeItems()
        var second = EdgeItems(reusing: &lists)
        XCTAssertEqual(second.edgeCount, 0)
        XCTAssertTrue(second.entries.isEmpty)
        XCTAssertEqual(second.first(of: edge), -1)
        append(item(sentence: 1), to: edge, after: -1, in: &second)
        XCTAssertEqual(second.find(edge).first, 0)
    }
}
