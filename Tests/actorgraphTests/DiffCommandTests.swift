import ActorGraph
import Foundation
import TestSupport
import XCTest

/// `actorgraph diff` run as a user runs it: the built binary, real files, exit statuses.
final class DiffCommandTests: XCTestCase {
    private typealias S = GraphBuilders.Statement
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
        try write(GraphBuilders.graph(article: "tokyo", relations: [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat)]), to: "tokyo.json")
        try write(GraphBuilders.graph(article: "moscow", relations: [S("JPN", "USA", .dependence), S("RUS", "JPN", .threat)]), to: "moscow.json")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ graph: Graph, to name: String) throws {
        XCTAssertEqual(graph.invariantViolations(), [])
        try graph.jsonData().write(to: folder.appendingPathComponent(name))
    }

    private func diff(_ arguments: [String]) throws -> CommandResult {
        try runActorgraph(["diff"] + arguments, in: folder)
    }

    func testAFileComparedWithItselfExitsZero() throws {
        let result = try diff(["tokyo.json", "tokyo.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("No differences"))
    }

    func testTwoDifferentGraphsExitOne() throws {
        let result = try diff(["tokyo.json", "moscow.json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr, "")
    }

    func testAMissingFileExitsTwoWithOneLineNamingIt() throws {
        let result = try diff(["tokyo.json", "absent.json"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "actorgraph: absent.json: no such file\n")
    }

    func testAnUnknownFormatExitsTwoWithOneLine() throws {
        let result = try diff(["tokyo.json", "moscow.json", "--format", "xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testTextPipedToAnotherProgramHasNoColour() throws {
        let result = try diff(["tokyo.json", "moscow.json"])
        XCTAssertTrue(result.stdoutText.contains("Only in A"))
        XCTAssertFalse(result.stdoutText.contains("\u{1B}["))
    }

    func testColourCanBeAskedForWhenPiped() throws {
        XCTAssertTrue(try diff(["tokyo.json", "moscow.json", "--color", "always"]).stdoutText.contains("\u{1B}["))
    }

    func testJSONOutputFollowsTheContract() throws {
        let result = try diff(["tokyo.json", "moscow.json", "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        XCTAssertEqual((json["a"] as? [String: Any])?["label"] as? String, "tokyo.json")
        let relations = try XCTUnwrap(json["relations"] as? [String: Any])
        XCTAssertEqual((relations["added"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["dependence"])
        XCTAssertEqual((relations["conflicts"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(json["similarity"] as? Double, 0.3333)
    }

    func testSVGOutputIsAWellFormedOverlay() throws {
        let result = try diff(["tokyo.json", "moscow.json", "-o", "diff.svg"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let summary = parseSVG(try Data(contentsOf: folder.appendingPathComponent("diff.svg")))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertTrue(summary.texts.contains("tokyo.json") && summary.texts.contains("moscow.json"), "\(summary.texts)")
    }

    func testAFolderIsMergedBeforeTheComparison() throws {
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("tokyo.json"), to: corpus.appendingPathComponent("tokyo.json"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("moscow.json"), to: corpus.appendingPathComponent("moscow.json"))
        XCTAssertEqual(try runActorgraph(["merge", "tokyo.json", "moscow.json", "-o", "both.json"], in: folder).status, 0)
        let result = try diff(["corpus", "both.json"])
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
    }

    func testFiltersApplyToBothSidesBeforeTheComparison() throws {
        let result = try diff(["tokyo.json", "moscow.json", "--kinds", "threat"])
        XCTAssertEqual(result.status, 0, result.stdoutText + result.stderr)
    }

    func testAFocusOnAnActorOnlyOneSideNamesShowsItAsAdded() throws {
        let extra = GraphBuilders.graph(article: "extra", relations: [S("dmitry-peskov", "RUS", .affiliation), S("RUS", "JPN", .threat)])
        try write(extra, to: "extra.json")
        let result = try diff(["tokyo.json", "extra.json", "--focus", "dmitry-peskov", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        XCTAssertEqual((json["actors"] as? [String: Any])?["added"] as? [String], ["RUS", "dmitry-peskov"])
    }

    func testTheExampleArticlesDiffer() throws {
        let tokyo = "examples/tokyo-washington-summit.md"
        let moscow = "examples/moscow-view-of-summit.md"
        let result = try runActorgraph(["diff", tokyo, moscow], in: repositoryRoot)
        XCTAssertEqual(result.status, 1, result.stderr)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "A  \(tokyo)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("similarity ") }, result.stdoutText)
        XCTAssertEqual(lines.last, "", "the output ends in a newline")
        let json = try runActorgraph(["diff", tokyo, moscow, "--format", "json"], in: repositoryRoot)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    }

    func testAnExampleArticleComparedWithItselfExitsZero() throws {
        let article = "examples/moscow-view-of-summit.md"
        XCTAssertEqual(try runActorgraph(["diff", article, article], in: repositoryRoot).status, 0)
    }
}
