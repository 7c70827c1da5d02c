import ActorGraph
import Foundation
import TestSupport
import XCTest

final class RenderCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
        try SampleGraphs.hostile().jsonData().write(to: folder.appendingPathComponent("graph.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func render(_ arguments: [String]) throws -> CommandResult {
        try runActorgraph(["render", folder.appendingPathComponent("graph.json").path] + arguments)
    }

    func testEveryFormatComesOutOfRenderByExtension() throws {
        for name in ["out.json", "out.dot", "out.svg", "out.png", "out.pdf", "out.graphml", "out.gexf", "out.mmd", "out.csv", "out.html"] {
            let path = folder.appendingPathComponent(name).path
            let result = try render(["-o", path])
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertGreaterThan(try Data(contentsOf: URL(fileURLWithPath: path)).count, 100, name)
        }
    }

    func testFormatOptionNamesMermaid() throws {
        let result = try render(["--format", "mermaid"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.contains("flowchart LR"))
    }

    func testEmbedWritesSVGWithoutProlog() throws {
        let result = try render(["--format", "svg", "--embed"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdoutText.hasPrefix("<svg"))
    }

    func testEmbedWithAnotherFormatIsAUsageError() throws {
        let result = try render(["--format", "png", "--embed"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--embed applies to SVG output"), result.stderr)
    }

    func testSameGraphGivesByteIdenticalSVGAcrossRuns() throws {
        XCTAssertEqual(try render(["--format", "svg"]).stdout, try render(["--format", "svg"]).stdout)
    }

    func testLargeGraphRendersWithSfdpIdenticallyAcrossRuns() throws {
        let large = folder.appendingPathComponent("large.json")
        try SampleGraphs.generated(seed: 3, actors: 150, relations: 300).jsonData().write(to: large)
        let first = try runActorgraph(["render", large.path, "--format", "svg"])
        let second = try runActorgraph(["render", large.path, "--format", "svg"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testWorkerCommandIsHiddenFromHelp() throws {
        let help = try runActorgraph(["--help"]).stdoutText
        XCTAssertTrue(help.contains("report"), help)
        XCTAssertFalse(help.contains("render-worker"), help)
    }
}

final class ReportCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
        try SampleGraphs.summit().jsonData().write(to: folder.appendingPathComponent("a.json"))
        try SampleGraphs.hostile().jsonData().write(to: folder.appendingPathComponent("b.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testHTMLReportHasOneSectionPerInputAndAComparison() throws {
        let output = folder.appendingPathComponent("report.html").path
        let result = try runActorgraph(["report", folder.appendingPathComponent("a.json").path, folder.appendingPathComponent("b.json").path, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"input-2\""))
        XCTAssertTrue(html.contains("id=\"comparison-1\""))
    }

    func testMarkdownReportWritesItsSVGsBesideIt() throws {
        let output = folder.appendingPathComponent("report.md").path
        let result = try runActorgraph(["report", folder.appendingPathComponent("a.json").path, "-o", output])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report-1-summit.svg").path))
    }

    func testReportWithoutAKnownExtensionIsAUsageError() throws {
        let result = try runActorgraph(["report", folder.appendingPathComponent("a.json").path, "-o", folder.appendingPathComponent("r.txt").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("use a .html or .md file"), result.stderr)
    }
}
