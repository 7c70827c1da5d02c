import ActorGraph
import TestSupport
import XCTest

final class GraphFilterTests: XCTestCase {
    /// USA–JPN alliance (article voice and quoted), RUS→JPN threat (hedged), CHN–RUS
    /// cooperation, PRK→JPN threat, fumio-kishida→JPN affiliation; Japan mentioned as "Tokyo".
    private func network() -> Graph {
        var graph = GraphBuilders.graph(article: "a", relations: [
            .init("USA", "JPN", .alliance, [.asserted, .asserted]),
            .init("USA", "JPN", .alliance, [.asserted], speaker: "fumio-kishida"),
            .init("RUS", "JPN", .threat, [.hypothetical]),
            .init("CHN", "RUS", .cooperation),
            .init("PRK", "JPN", .threat, [.asserted, .negated]),
            .init("fumio-kishida", "JPN", .affiliation),
        ])
        graph.actors[graph.actors.firstIndex { $0.id == "JPN" }!].mentions.append(Mention(article: "a", span: Span(start: 7, end: 12), text: "Tokyo"))
        return graph
    }

    private func filtered(_ graph: Graph, _ filter: GraphFilter, file: StaticString = #filePath, line: UInt = #line) throws -> Graph {
        let result = try graph.filtered(filter)
        XCTAssertEqual(result.invariantViolations(), [], file: file, line: line)
        return result
    }

    private func keys(_ graph: Graph) -> [String] {
        graph.relations.map { "\($0.source)-\($0.target) \($0.kind.rawValue)" }
    }

    func testEmptyFilterKeepsTheGraphAsItIs() throws {
        XCTAssertEqual(try filtered(network(), GraphFilter()), network())
    }

    func testFocusAtDepthOneKeepsTheActorsDirectNeighbours() throws {
        let result = try filtered(network(), GraphFilter(focus: "USA"))
        XCTAssertEqual(result.actors.map(\.id), ["JPN", "USA"])
        XCTAssertEqual(keys(result), ["JPN-USA alliance"])
    }

    func testFocusAtDepthTwoReachesNeighboursOfNeighbours() throws {
        let result = try filtered(network(), GraphFilter(focus: "USA", depth: 2))
        XCTAssertEqual(result.actors.map(\.id), ["JPN", "PRK", "RUS", "USA", "fumio-kishida"])
        XCTAssertFalse(keys(result).contains("CHN-RUS cooperation"))
    }

    func testFocusAtDepthZeroKeepsOnlyTheActor() throws {
        let result = try filtered(network(), GraphFilter(focus: "USA", depth: 0))
        XCTAssertEqual(result.actors.map(\.id), ["USA"])
        XCTAssertEqual(result.relations, [])
    }

    func testFocusFindsAnActorByNameIgnoringCase() throws {
        XCTAssertEqual(try network().resolveActor(named: "state usa").id, "USA")
    }

    func testFocusFindsAnActorByAMentionsText() throws {
        XCTAssertEqual(try network().resolveActor(named: "tokyo").id, "JPN")
    }

    func testFocusOnAnUnknownActorThrows() {
        XCTAssertThrowsError(try network().filtered(GraphFilter(focus: "Atlantis"))) { error in
            XCTAssertEqual(error as? GraphFilterError, .unknownActor("Atlantis"))
        }
    }

    func testFocusOnANameSeveralActorsShareThrows() {
        var graph = network()
        graph.actors[0].name = "Twin"
        graph.actors[1].name = "Twin"
        XCTAssertThrowsError(try graph.resolveActor(named: "twin")) { error in
            guard case .ambiguousActor(_, let candidates)? = error as? GraphFilterError else { return XCTFail("\(error)") }
            XCTAssertEqual(candidates.count, 2)
        }
    }

    func testKindsKeepOnlyRelationsOfThoseKinds() throws {
        let result = try filtered(network(), GraphFilter(kinds: [.threat]))
        XCTAssertEqual(keys(result), ["PRK-JPN threat", "RUS-JPN threat"])
    }

    func testRelationFiltersDropActorsNoKeptRelationTouches() throws {
        let result = try filtered(network(), GraphFilter(kinds: [.cooperation]))
        XCTAssertEqual(result.actors.map(\.id), ["CHN", "RUS"])
    }

    func testMinimumWeightDropsRelationsStatedLessOften() throws {
        let result = try filtered(network(), GraphFilter(minimumWeight: 2))
        XCTAssertEqual(keys(result), ["JPN-USA alliance", "PRK-JPN threat"])
    }

    func testAssertedOnlyDropsHedgedEvidenceAndCountsWhatIsLeft() throws {
        let result = try filtered(network(), GraphFilter(assertedOnly: true))
        XCTAssertFalse(keys(result).contains("RUS-JPN threat"))
        XCTAssertEqual(result.relations.first { $0.source == "PRK" }?.weight, 1)
    }

    func testArticleVoiceKeepsOnlyEvidenceTheArticleStatesItself() throws {
        let result = try filtered(network(), GraphFilter(voice: .article))
        XCTAssertEqual(result.relations.first { $0.kind == .alliance }?.evidence.map(\.attributedTo), [nil, nil])
    }

    func testQuotedVoiceKeepsOnlyEvidenceAttributedToSomeone() throws {
        let result = try filtered(network(), GraphFilter(voice: .quoted))
        XCTAssertEqual(keys(result), ["JPN-USA alliance"])
        XCTAssertEqual(result.relations[0].evidence.map(\.attributedTo), ["fumio-kishida"])
    }

    func testDatesKeepOnlyArticlesPublishedInTheRange() throws {
        let corpus = Graph.merged([
            GraphBuilders.graph(article: "dec", date: "2022-12-20", relations: [.init("RUS", "UKR", .hostility)]),
            GraphBuilders.graph(article: "jan", date: "2023-01-14", relations: [.init("JPN", "USA", .alliance)]),
            GraphBuilders.graph(article: "undated", relations: [.init("CHN", "RUS", .cooperation)]),
        ])
        let result = try filtered(corpus, GraphFilter(since: "2023-01-01", until: "2023-01-31"))
        XCTAssertEqual(result.articles.map(\.id), ["jan"])
        XCTAssertEqual(keys(result), ["JPN-USA alliance"])
        XCTAssertEqual(result.actors.map(\.id), ["JPN", "USA"])
        XCTAssertEqual(Set(result.actors.flatMap(\.mentions).map(\.article)), ["jan"])
    }
}
