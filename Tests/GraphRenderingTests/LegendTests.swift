import ActorGraph
import GraphRendering
import TestSupport
import XCTest

final class LegendTests: XCTestCase {
    func testLegendListsOnlyTheKindsTheGraphUses() {
        let entries = Legend().entries(for: SampleGraphs.summit()).joined()
        XCTAssertTrue(entries.contains("\u{00A0}alliance<"))
        XCTAssertTrue(entries.contains("\u{00A0}threat<"))
        XCTAssertFalse(entries.contains("hostility"))
    }

    func testLegendExplainsHedgedLinesOnlyWhenSomeEdgeIsHedged() {
        XCTAssertTrue(Legend().entries(for: SampleGraphs.summit()).joined().contains("hedged"))
        var firm = SampleGraphs.summit()
        firm.relations = firm.relations.filter { $0.kind == .alliance }
        XCTAssertFalse(Legend().entries(for: firm).joined().contains("hedged"))
    }

    func testEveryDrawingShowsItsLegendAndTitle() throws {
        let texts = parseSVG(try GraphRenderer().render(SampleGraphs.summit(), as: .svg)).texts
        XCTAssertTrue(texts.contains("Summit"), "\(texts)")
        XCTAssertTrue(texts.contains("Test Desk · 2023-01-14"), "\(texts)")
        XCTAssertTrue(texts.contains("state"), "actor kind sample missing from \(texts)")
        XCTAssertTrue(texts.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("hedged") }, "line style sample missing from \(texts)")
    }

    func testTitleWithMarkupIsEscapedInTheHTMLLabel() {
        let label = Legend().htmlLabel(for: SampleGraphs.hostile())
        XCTAssertTrue(label.contains("Names &lt;b&gt;&amp;amp; &quot;quotes&quot;"), label)
    }
}
