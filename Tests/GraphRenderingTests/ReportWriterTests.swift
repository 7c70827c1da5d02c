import ActorGraph
import Foundation
@testable import GraphRendering
import TestSupport
import XCTest

final class HTMLReportWriterTests: XCTestCase {
    private func report(_ sections: [ReportSection]) -> ReportOutput {
        HTMLReportWriter(renderer: GraphRenderer()).html(for: sections)
    }

    private func quotedSection() -> ReportSection {
        let (text, graph) = SampleGraphs.quoted()
        return ReportSection(name: "quoted.md", graph: graph, texts: ArticleTexts(["quoted": text]))
    }

    func testReportLoadsNothingAndRunsNoScript() {
        let html = report([quotedSection()]).text
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertNil(html.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression))
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    }

    func testPolicyAllowsExactlyThePagesStyleSheet() throws {
        let html = report([quotedSection()]).text
        let style = try XCTUnwrap(html.range(of: "<style>").flatMap { open in html.range(of: "</style>").map { String(html[open.upperBound..<$0.lowerBound]) } })
        XCTAssertTrue(html.contains("style-src 'sha256-\(SHA256.base64Digest(of: style))'"))
    }

    func testEvidenceTableMarksTheCue() {
        XCTAssertTrue(report([quotedSection()]).text.contains("Russia could <mark>threaten</mark> Japan soon."))
    }

    func testDrawingsOfTwoSectionsShareNoID() {
        let html = report([ReportSection(name: "a", graph: SampleGraphs.summit()), ReportSection(name: "b", graph: SampleGraphs.summit())]).text
        let ids = html.matches(of: /\bid="([^"]+)"/).map { String($0.1) }
        XCTAssertGreaterThan(ids.count, 10)
        XCTAssertEqual(Set(ids).count, ids.count)
    }

    func testSecondInputIsComparedWithTheFirst() {
        var other = SampleGraphs.summit(article: "other")
        other.relations.removeAll { $0.kind == .threat }
        let html = report([ReportSection(name: "first.md", graph: SampleGraphs.summit()), ReportSection(name: "other.md", graph: other)]).text
        XCTAssertTrue(html.contains("<h2>first.md against other.md</h2>"), html)
        XCTAssertTrue(html.contains("1 relations in both, 1 only in the first, 0 only in the second."))
    }

    func testHostileNamesAreEscapedEverywhere() {
        let html = report([ReportSection(name: "<script>x</script>.json", graph: SampleGraphs.hostile())]).text
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testFailedDrawingIsReportedInItsPlace() {
        let crashing = IsolatedRenderer(executable: "/nonexistent/actorgraph", arguments: [], timeLimit: 5)
        let renderer = GraphRenderer(isolatedRenderer: crashing, isolatesEveryRender: true)
        let output = HTMLReportWriter(renderer: renderer).html(for: [ReportSection(name: "summit.md", graph: SampleGraphs.summit())])
        XCTAssertEqual(output.failures.count, 1)
        XCTAssertTrue(output.text.contains("The drawing failed: summit.md:"), output.text)
        XCTAssertTrue(output.text.contains("<table class=\"evidence\">"))
    }
}

final class MarkdownReportWriterTests: XCTestCase {
    func testDrawingsBecomeAttachmentsTheReportLinks() {
        let output = MarkdownReportWriter(renderer: GraphRenderer(), attachmentStem: "report")
            .markdown(for: [ReportSection(name: "summit.md", graph: SampleGraphs.summit())])
        XCTAssertEqual(output.attachments.map(\.name), ["report-1-summit.svg"])
        XCTAssertTrue(output.text.contains("](report-1-summit.svg)"))
        XCTAssertTrue(parseSVG(output.attachments[0].data).wellFormed)
    }

    func testTableCellsEscapePipesAndMarkup() {
        XCTAssertEqual(MarkdownReportWriter.inline("a | <b> *c*"), #"a \| &lt;b&gt; \*c\*"#)
    }
}
