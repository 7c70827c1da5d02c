import ActorGraph
import Foundation
import TestSupport
import XCTest

/// End-to-end tests: they run the built `actorgraph` binary as a user would.
final class CommandLineTests: XCTestCase {
    private let example = repositoryRoot.appendingPathComponent("examples/tokyo-washington-summit.md").path
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func testDefaultCommandDrawsTheExampleAsSVG() throws {
        let output = scratch.appendingPathComponent("summit.svg").path
        let result = try runActorgraph([example, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = parseSVG(try Data(contentsOf: URL(fileURLWithPath: output)))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        for name in ["Japan", "United States", "Russia", "China", "United Kingdom", "North Korea"] {
            XCTAssertTrue(summary.texts.contains(name), "\(name) missing from \(summary.texts)")
        }
    }

    func testExtractFindsTheJapanUSAllianceInTheExample() throws {
        let result = try runActorgraph(["extract", example])
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: result.stdout)
        XCTAssertEqual(graph.invariantViolations(), [])
        XCTAssertEqual(graph.articles.map(\.id), ["tokyo-washington-summit"])
        XCTAssertTrue(graph.relations.contains { $0.source == "JPN" && $0.target == "USA" && $0.kind == .alliance })
        XCTAssertTrue(graph.relations.contains { $0.source == "JPN" && $0.target == "RUS" && $0.kind == .dispute })
    }

    func testEvidenceOffsetsPointAtTheStatingText() throws {
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let graph = try Graph(jsonData: try runActorgraph(["extract", example]).stdout)
        let scalars = Array(text.unicodeScalars)
        func slice(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
        for actor in graph.actors {
            for mention in actor.mentions { XCTAssertEqual(slice(mention.span), mention.text) }
        }
        let alliance = try XCTUnwrap(graph.relations.first { $0.kind == .alliance })
        for item in alliance.evidence {
            XCTAssertTrue(slice(item.cue).lowercased().contains("alli"), slice(item.cue))
            XCTAssertTrue(slice(item.sentence).contains(slice(item.cue)))
        }
    }

    func testStandardInputIsReadWithDash() throws {
        let result = try runActorgraph(["-", "--format", "json"], input: Data("Japan and the United States signed a defence pact.".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: result.stdout)
        XCTAssertEqual(graph.articles.map(\.id), ["stdin"])
        XCTAssertEqual(Set(graph.actors.map(\.id)), ["JPN", "USA"])
    }

    func testSameInputGivesIdenticalJSONDOTAndSVG() throws {
        for format in ["json", "dot", "svg"] {
            let first = try runActorgraph([example, "--format", format]).stdout
            let second = try runActorgraph([example, "--format", format]).stdout
            XCTAssertFalse(first.isEmpty)
            XCTAssertEqual(first, second, format)
        }
    }

    func testRenderDrawsAGraphJSONFile() throws {
        let json = scratch.appendingPathComponent("g.json").path
        XCTAssertEqual(try runActorgraph(["extract", example, "-o", json]).status, 0)
        let result = try runActorgraph(["render", json, "--format", "dot"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.hasPrefix("digraph actorgraph {"))
    }

    func testDateOptionIsRecordedOnTheArticle() throws {
        let result = try runActorgraph(["extract", "-", "--date", "2023-01-12"], input: Data("Japan met China.".utf8))
        XCTAssertEqual(try Graph(jsonData: result.stdout).articles.first?.date, "2023-01-12")
    }

    func testMissingFileFailsWithOneLineNamingIt() throws {
        let result = try runActorgraph(["extract", "no-such-article.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "actorgraph: no-such-article.txt: no such file\n")
        XCTAssertTrue(result.stdout.isEmpty)
    }

    func testBatchGoesOnPastAFailedInputAndExitsOne() throws {
        let output = scratch.appendingPathComponent("merged.json").path
        let result = try runActorgraph(["extract", example, "missing.md", "-o", output])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("missing.md: no such file"), result.stderr)
        XCTAssertEqual(try Graph(jsonData: Data(contentsOf: URL(fileURLWithPath: output))).articles.count, 1)
    }

    func testUnknownOutputExtensionIsAUsageError() throws {
        let result = try runActorgraph([example, "-o", scratch.appendingPathComponent("x.docx").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cannot tell the format"), result.stderr)
    }

    func testBadDateIsAUsageError() throws {
        let result = try runActorgraph(["extract", example, "--date", "12/01/2023"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("YYYY-MM-DD"), result.stderr)
    }

    func testHelpTeachesByExample() throws {
        let result = try runActorgraph(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdoutText.contains("actorgraph article.txt -o graph.svg"), result.stdoutText)
    }
}

/// `--explain` shows, for every edge, the sentences that state it.
final class ExplainTests: XCTestCase {
    func testExplainQuotesTheSentenceWithTheCueMarked() throws {
        let result = try runActorgraph(["extract", "-", "--explain"], input: Data("Japan relies on the United States for its security.".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("Japan → United States: dependence, 1 sentence"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("“Japan [relies] on the United States for its security.”"), result.stdoutText)
        XCTAssertTrue(result.stdoutText.contains("rule prepositional-object"), result.stdoutText)
    }

    func testExplainWithOutputStillWritesTheGraph() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("g.json").path
        let result = try runActorgraph(["-", "--explain", "-o", path], input: Data("Moscow threatened Tokyo.".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("threat"))
        XCTAssertEqual(try Graph(jsonData: Data(contentsOf: URL(fileURLWithPath: path))).relations.first?.kind, .threat)
    }

    func testExplainSaysSoWhenThereIsNothingToExplain() throws {
        let result = try runActorgraph(["extract", "-", "--explain"], input: Data("Nothing happened.".utf8))
        XCTAssertEqual(result.stdoutText, "No relations found.\n")
    }
}
