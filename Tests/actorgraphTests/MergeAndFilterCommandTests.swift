import ActorGraph
import Foundation
import TestSupport
import XCTest

/// `actorgraph merge` and the filter options, run through the built binary.
final class MergeAndFilterCommandTests: XCTestCase {
    private typealias S = GraphBuilders.Statement
    private var folder: URL!
    private let first = GraphBuilders.graph(article: "first", date: "2023-01-14", relations: [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat, [.hypothetical])])
    private let second = GraphBuilders.graph(article: "second", date: "2023-02-02", relations: [S("JPN", "USA", .alliance), S("CHN", "RUS", .cooperation)])

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
        try first.jsonData().write(to: folder.appendingPathComponent("first.json"))
        try second.jsonData().write(to: folder.appendingPathComponent("second.json"))
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try runActorgraph(arguments, in: folder)
    }

    private func graph(_ result: CommandResult) throws -> Graph {
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: result.stdout)
        XCTAssertEqual(graph.invariantViolations(), [])
        return graph
    }

    func testMergeWritesTheMergedGraph() throws {
        XCTAssertEqual(try run(["merge", "first.json", "second.json", "-o", "merged.json"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("merged.json")), Graph.merged([first, second]).jsonData())
    }

    func testMergeInEitherOrderGivesIdenticalBytes() throws {
        XCTAssertEqual(try run(["merge", "second.json", "first.json"]).stdout, try run(["merge", "first.json", "second.json"]).stdout)
    }

    func testMergeGoesOnPastAMissingInputAndExitsOne() throws {
        let result = try run(["merge", "first.json", "absent.json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("absent.json: no such file"), result.stderr)
        XCTAssertEqual(try Graph(jsonData: result.stdout).articles.map(\.id), ["first"])
    }

    func testRenderKeepsOnlyTheKindsAsked() throws {
        let result = try graph(run(["render", "first.json", "--format", "json", "--kinds", "threat"]))
        XCTAssertEqual(result.relations.map(\.kind), [.threat])
    }

    func testMergeWithDatesKeepsOnlyArticlesInTheRange() throws {
        let result = try graph(run(["merge", "first.json", "second.json", "--since", "2023-02-01"]))
        XCTAssertEqual(result.articles.map(\.id), ["second"])
    }

    func testAssertedOnlyDropsHedgedRelations() throws {
        let result = try graph(run(["render", "first.json", "--format", "json", "--asserted-only"]))
        XCTAssertEqual(result.relations.map(\.kind), [.alliance])
    }

    func testFocusAcceptsANameTheGazetteerKnows() throws {
        let result = try graph(run(["render", "second.json", "--format", "json", "--focus", "Moscow"]))
        XCTAssertEqual(result.actors.map(\.id), ["CHN", "RUS"])
    }

    func testFocusOnAnUnknownActorFailsWithOneLine() throws {
        let result = try run(["render", "first.json", "--format", "json", "--focus", "Atlantis"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "actorgraph: --focus: no actor 'Atlantis' in the graph (give an id, a name or a name the text uses)\n")
    }

    func testAnUnknownKindIsAOneLineUsageError() throws {
        let result = try run(["render", "first.json", "--kinds", "friendship"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown relation kind 'friendship'"), result.stderr)
    }

    func testDepthWithoutAFocusIsAUsageError() throws {
        let result = try run(["render", "first.json", "--depth", "2"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "actorgraph: --depth needs --focus (the actor to measure the depth from)\n")
    }

    func testVoiceMustBeOneOfTheKnownVoices() throws {
        let result = try run(["render", "first.json", "--voice", "loud"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown voice 'loud'"), result.stderr)
    }
}
