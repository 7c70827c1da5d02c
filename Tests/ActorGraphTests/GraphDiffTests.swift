import ActorGraph
import TestSupport
import XCTest

final class GraphDiffTests: XCTestCase {
    private typealias S = GraphBuilders.Statement

    private func diff(_ a: [S], _ b: [S], extraA: [String] = [], extraB: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> GraphDiff {
        let graphA = GraphBuilders.graph(article: "a", relations: a, extraActors: extraA)
        let graphB = GraphBuilders.graph(article: "b", relations: b, extraActors: extraB)
        XCTAssertEqual(graphA.invariantViolations() + graphB.invariantViolations(), [], file: file, line: line)
        let result = graphA.diff(to: graphB)
        XCTAssertEqual(result.invariantViolations(), [], file: file, line: line)
        return result
    }

    private func keys(_ comparisons: [RelationComparison]) -> [String] {
        comparisons.map { "\($0.key.source)-\($0.key.target) \($0.key.kind.rawValue)" }
    }

    func testAGraphComparedWithItselfHasNoDifferences() {
        let graph = SampleGraphs.summit()
        let result = graph.diff(to: graph)
        XCTAssertTrue(result.isEmpty)
        XCTAssertEqual(result.similarity, 1)
        XCTAssertEqual(result.invariantViolations(), [])
    }

    func testArticlesStatingTheSameRelationsTheSameWayDoNotDiffer() {
        XCTAssertTrue(diff([S("JPN", "USA", .alliance)], [S("USA", "JPN", .alliance)]).isEmpty)
    }

    func testAnActorOnlyBNamesIsAdded() {
        let result = diff([S("JPN", "USA", .alliance)], [S("JPN", "USA", .alliance)], extraB: ["GBR"])
        XCTAssertEqual(result.addedActors.map(\.id), ["GBR"])
        XCTAssertEqual(result.removedActors, [])
    }

    func testAnActorOnlyANamesIsRemoved() {
        let result = diff([S("JPN", "USA", .alliance)], [S("JPN", "USA", .alliance)], extraA: ["GBR"])
        XCTAssertEqual(result.removedActors.map(\.id), ["GBR"])
        XCTAssertEqual(result.addedActors, [])
    }

    func testARelationOnlyBStatesIsAdded() {
        let result = diff([S("JPN", "USA", .alliance)], [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat)])
        XCTAssertEqual(keys(result.added), ["RUS-JPN threat"])
        XCTAssertEqual(result.removed, [])
    }

    func testARelationOnlyAStatesIsRemoved() {
        let result = diff([S("JPN", "USA", .alliance), S("RUS", "JPN", .threat)], [S("JPN", "USA", .alliance)])
        XCTAssertEqual(keys(result.removed), ["RUS-JPN threat"])
        XCTAssertEqual(result.added, [])
    }

    func testARelationStatedMoreOftenHasChangedWeight() {
        let result = diff([S("JPN", "USA", .alliance, [.asserted, .asserted])], [S("JPN", "USA", .alliance)])
        XCTAssertEqual(result.changed.map(\.changes), [[.weight]])
    }

    func testARelationAssertedByOneSideAndHedgedByTheOtherHasChangedModality() {
        let result = diff([S("RUS", "JPN", .threat, [.asserted])], [S("RUS", "JPN", .threat, [.hypothetical])])
        XCTAssertEqual(result.changed.map(\.changes), [[.modality]])
    }

    func testARelationStatedByAnotherSpeakerHasChangedSpeaker() {
        let result = diff([S("RUS", "JPN", .criticism)], [S("RUS", "JPN", .criticism, speaker: "dmitry-peskov")])
        XCTAssertEqual(result.changed.map(\.changes), [[.speaker]])
    }

    func testTheSameModalityMixAtAnotherWeightIsOnlyAWeightChange() {
        let result = diff([S("RUS", "JPN", .threat, [.asserted, .hypothetical])],
                          [S("RUS", "JPN", .threat, [.asserted, .asserted, .hypothetical, .hypothetical])])
        XCTAssertEqual(result.changed.map(\.changes), [[.weight]])
    }

    func testAPairOneSideCallsAllianceAndTheOtherDependenceIsAConflictOfFraming() {
        let result = diff([S("JPN", "USA", .alliance), S("JPN", "USA", .contact)], [S("JPN", "USA", .dependence), S("JPN", "USA", .contact)])
        XCTAssertEqual(result.conflicts.map(\.actors), [["JPN", "USA"]])
        XCTAssertEqual(result.conflicts.first?.a.map(\.kind), [.alliance, .contact])
        XCTAssertEqual(result.conflicts.first?.b.map(\.kind), [.dependence, .contact])
    }

    func testASideThatOnlyAddsAKindToAPairIsNoConflict() {
        let result = diff([S("JPN", "USA", .alliance)], [S("JPN", "USA", .alliance), S("JPN", "USA", .dependence)])
        XCTAssertEqual(result.conflicts, [])
        XCTAssertEqual(keys(result.added), ["JPN-USA dependence"])
    }

    func testAThreatRunningTheOtherWayIsAConflictOfFraming() {
        let result = diff([S("RUS", "JPN", .threat)], [S("JPN", "RUS", .threat)])
        XCTAssertEqual(result.conflicts.map(\.actors), [["JPN", "RUS"]])
    }

    func testSimilarityIsJaccardOverRelationKeys() {
        let result = diff([S("JPN", "USA", .alliance), S("RUS", "JPN", .threat), S("CHN", "RUS", .cooperation)],
                          [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat), S("PRK", "JPN", .threat)])
        XCTAssertEqual(result.similarity, 0.5)
    }

    func testWeightedSimilarityComparesHowOftenEachRelationIsStated() {
        let result = diff([S("JPN", "USA", .alliance, [.asserted, .asserted])], [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat)])
        XCTAssertEqual(result.weightedSimilarity, 1.0 / 3.0, accuracy: 1e-12)
    }

    func testTwoEmptyGraphsAreFullySimilar() {
        let result = Graph().diff(to: Graph())
        XCTAssertTrue(result.isEmpty)
        XCTAssertEqual(result.similarity, 1)
        XCTAssertEqual(result.weightedSimilarity, 1)
    }

    func testDiffingTheOtherWayRoundSwapsAddedAndRemoved() {
        for seed in 0..<20 as Range<UInt64> {
            let a = SampleGraphs.generated(seed: seed, actors: 6, relations: 15)
            let b = SampleGraphs.generated(seed: seed + 50, actors: 7, relations: 15)
            let forward = a.diff(to: b)
            let backward = b.diff(to: a)
            XCTAssertEqual(forward.invariantViolations() + backward.invariantViolations(), [], "seed \(seed)")
            XCTAssertEqual(forward.added.map(\.key), backward.removed.map(\.key), "seed \(seed)")
            XCTAssertEqual(forward.addedActors.map(\.id), backward.removedActors.map(\.id), "seed \(seed)")
            XCTAssertEqual(forward.changed.map(\.key), backward.changed.map(\.key), "seed \(seed)")
            XCTAssertEqual(forward.conflicts.map(\.actors), backward.conflicts.map(\.actors), "seed \(seed)")
            XCTAssertEqual(forward.similarity, backward.similarity, "seed \(seed)")
        }
    }

    func testAMergedGraphComparedWithOneOfItsPartsRemovesNothing() {
        for seed in 0..<20 as Range<UInt64> {
            let part = SampleGraphs.generated(seed: seed)
            let merged = Graph.merged([part, SampleGraphs.generated(seed: seed + 100)])
            XCTAssertEqual(merged.invariantViolations(), [])
            let result = part.diff(to: merged)
            XCTAssertEqual(result.invariantViolations(), [], "seed \(seed)")
            XCTAssertEqual(result.removed, [], "seed \(seed)")
            XCTAssertEqual(result.removedActors, [], "seed \(seed)")
        }
    }

    func testConflictsAreExactlyThePairsEachSideRelatesByAKeyTheOtherLacks() {
        var found = 0
        for seed in 0..<30 as Range<UInt64> {
            let a = SampleGraphs.generated(seed: seed, actors: 4, relations: 12)
            let b = SampleGraphs.generated(seed: seed + 300, actors: 4, relations: 12)
            // The definition, by brute force over every pair.
            func keys(_ graph: Graph, _ x: String, _ y: String) -> Set<RelationKey> {
                Set(graph.relations.filter { Set([$0.source, $0.target]) == Set([x, y]) }.map(\.key))
            }
            let ids = Set(a.actors.map(\.id) + b.actors.map(\.id)).sorted()
            var expected: [[String]] = []
            for (i, x) in ids.enumerated() {
                for y in ids[i...] {
                    let inA = keys(a, x, y)
                    let inB = keys(b, x, y)
                    if !inA.subtracting(inB).isEmpty && !inB.subtracting(inA).isEmpty { expected.append([x, y]) }
                }
            }
            let result = a.diff(to: b)
            XCTAssertEqual(result.conflicts.map(\.actors), expected, "seed \(seed)")
            for conflict in result.conflicts {
                XCTAssertEqual(Set(conflict.a), keys(a, conflict.actors[0], conflict.actors[1]), "seed \(seed)")
                XCTAssertEqual(Set(conflict.b), keys(b, conflict.actors[0], conflict.actors[1]), "seed \(seed)")
            }
            found += expected.count
        }
        XCTAssertGreaterThan(found, 0, "the generated graphs should include some conflicts")
    }

    func testADiffIsSoundOverGeneratedGraphs() {
        for seed in 0..<30 as Range<UInt64> {
            let result = SampleGraphs.generated(seed: seed, actors: 5, relations: 20).diff(to: SampleGraphs.generated(seed: seed + 7, actors: 5, relations: 20))
            XCTAssertEqual(result.invariantViolations(), [], "seed \(seed)")
            XCTAssertEqual(result.relations.count, Set(result.relations.map(\.key)).count, "seed \(seed)")
        }
    }
}
