@testable import ActorGraph
import XCTest

/// The relation made from a pair already in canonical order, as an article's extraction makes it.
final class RelationCanonicalInitTests: XCTestCase {
    private let evidence = [Evidence(article: "a", sentence: Span(start: 0, end: 40), source: Span(start: 0, end: 5),
                                     target: Span(start: 10, end: 15), cue: Span(start: 6, end: 9), rule: "r", confidence: 0.5)]

    func testASymmetricPairInOrderMakesTheSameRelationAsTheSortingInit() {
        let canonical = Relation(canonicalSource: "JPN", target: "USA", kind: .alliance, evidence: evidence)
        XCTAssertEqual(canonical, Relation(source: "JPN", target: "USA", kind: .alliance, evidence: evidence))
    }

    func testADirectedPairKeepsItsSourceAndTarget() {
        let relation = Relation(canonicalSource: "USA", target: "JPN", kind: .threat, evidence: evidence)
        XCTAssertEqual(relation.source, "USA")
        XCTAssertEqual(relation.target, "JPN")
        XCTAssertEqual(relation.evidence, evidence)
    }
}
