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

    /// The same graphs in any order and any grouping (a reduce step run anywhere) give
    /// identical bytes; some share article ids so that their evidence interleaves.
    func testMergeOfAnyGroupingInAnyOrderGivesIdenticalBytes() {
        var random = SeededGenerator(seed: 0x5DEECE66D)
        func next(_ bound: Int) -> Int { random.next(below: bound) }
        for round in 0..<25 {
            let graphs = (0..<6).map { SampleGraphs.generated(seed: UInt64(round * 10 + $0), article: "article-\(next(3))") }
            let expected = Graph.merged(graphs)
            XCTAssertEqual(expected.invariantViolations(), [], "round \(round)")
            var pending = graphs.shuffled(using: &random)
            while pending.count > 1 {
                let size = 2 + next(pending.count - 1)
                let start = next(pending.count - size + 1)
                let group = Array(pending[start..<start + size])
                pending.replaceSubrange(start..<start + size, with: [Graph.merged(group)])
                XCTAssertEqual(pending[start].invariantViolations(), [], "round \(round)")
            }
            XCTAssertEqual(pending[0].jsonData(), expected.jsonData(), "round \(round)")
        }
    }

    func testMergingAGraphWithItselfAddsNoDuplicateEvidence() {
        let graph = SampleGraphs.summit()
        XCTAssertEqual(Graph.merged([graph, graph]), graph)
    }

    /// Found by the fuzzer: evidence in the article's own voice and evidence attributed to
    /// a speaker named "" sorted as ties without being equal, so merging a graph with
    /// itself kept both copies of each, and their order followed the input's.
    func testEvidenceOfTheArticlesVoiceAndOfAnEmptySpeakerNameSortApart() {
        let own = SampleGraphs.evidence(speaker: nil)
        let unnamed = SampleGraphs.evidence(speaker: "")
        func graph(_ evidence: [Evidence]) -> Graph {
            Graph(actors: [Actor(id: "JPN", name: "Japan", kind: .state), Actor(id: "RUS", name: "Russia", kind: .state)],
                  relations: [Relation(source: "RUS", target: "JPN", kind: .threat, evidence: evidence)])
        }
        let graph = graph([unnamed, own, unnamed])
        XCTAssertEqual(graph.relations[0].evidence, [own, unnamed])
        XCTAssertEqual(graph.invariantViolations(), [])
        XCTAssertEqual(Graph.merged([graph, graph]), graph)
        XCTAssertEqual(graph.jsonData(), self.graph(reversing: graph).jsonData())
    }

    private func graph(reversing graph: Graph) -> Graph {
        var reversed = graph
        for index in reversed.relations.indices { reversed.relations[index].evidence.reverse() }
        return Graph(articles: reversed.articles, actors: reversed.actors, relations: reversed.relations)
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
