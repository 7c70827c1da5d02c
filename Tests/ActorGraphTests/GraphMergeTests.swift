import ActorGraph
import TestSupport
import XCTest

final class GraphMergeTests: XCTestCase {
    func testMergeKeepsEvidenceFromBothArticles() {
        let merged = Graph.merged([SampleGraphs.summit(article: "one"), SampleGraphs.summit(article: "two")])
        XCTAssertEqual(merged.articles.map(\.id), ["one", "two"])
        let alliance = merged.relations.first { $0.kind == .alliance }
        XCTAssertEqual(alliance?.weight, 2)
        XCTAssertEqual(Set(alliance?.evidence.map(\.article) ?? []), ["one", "two"])
        XCTAssertEqual(merged.invariantViolations(), [])
    }

    func testMergeIsCommutativeAndAssociative() {
        for seed in 0..<20 as Range<UInt64> {
            let a = SampleGraphs.generated(seed: seed)
            let b = SampleGraphs.generated(seed: seed + 100)
            let c = SampleGraphs.generated(seed: seed + 200, article: "article-\(seed)")
            let left = Graph.merged([Graph.merged([a, b]), c])
            let right = Graph.merged([a, Graph.merged([c, b])])
            XCTAssertEqual(left.jsonData(), right.jsonData(), "seed \(seed)")
            XCTAssertEqual(Graph.merged([c, b, a]).jsonData(), left.jsonData(), "seed \(seed)")
            XCTAssertEqual(left.invariantViolations(), [])
        }
    }

    func testMergingAGraphWithItselfAddsNoDuplicateEvidence() {
        let graph = SampleGraphs.summit()
        XCTAssertEqual(Graph.merged([graph, graph]), graph)
    }
}

final class GraphInvariantsTests: XCTestCase {
    func testSoundGraphHasNoViolations() {
        XCTAssertEqual(SampleGraphs.summit().invariantViolations(), [])
    }

    func testRelationToMissingActorIsReported() {
        var graph = SampleGraphs.summit()
        graph.actors.removeAll { $0.id == "RUS" }
        XCTAssertTrue(graph.invariantViolations().contains { $0.description.contains("RUS is not an actor") })
    }

    func testRelationWithoutEvidenceIsReported() {
        var graph = SampleGraphs.summit()
        graph.relations[0].evidence = []
        XCTAssertTrue(graph.invariantViolations().contains { $0.description.contains("has no evidence") })
    }

    func testDuplicateActorIDIsReported() {
        var graph = SampleGraphs.summit()
        graph.actors.append(graph.actors[0])
        XCTAssertFalse(graph.invariantViolations().isEmpty)
    }
}
