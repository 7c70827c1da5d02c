import ActorGraph
import GraphRendering
import TestSupport
import XCTest

final class DOTWriterTests: XCTestCase {
    private func graph(named name: String) -> Graph {
        Graph(actors: [Actor(id: "odd", name: name, kind: .group), Actor(id: "JPN", name: "Japan", kind: .state)],
              relations: [Relation(source: "odd", target: "JPN", kind: .threat, evidence: [SampleGraphs.evidence()])])
    }

    func testDrawingIDsAreTheSameForEqualGraphsAndDifferForOthers() throws {
        func prefix(_ graph: Graph) throws -> String {
            let dot = DOTWriter().dot(for: graph)
            let start = try XCTUnwrap(dot.range(of: "id=\"ag"))
            return String(dot[start.upperBound...].prefix(12))
        }
        XCTAssertEqual(try prefix(graph(named: "Alpha")), try prefix(graph(named: "Alpha")))
        XCTAssertNotEqual(try prefix(graph(named: "Alpha")), try prefix(graph(named: "Beta")))
        XCTAssertTrue(try prefix(graph(named: "Alpha")).allSatisfy(\.isHexDigit))
    }

    func testQuotesAndBackslashesAreEscaped() {
        let dot = DOTWriter().dot(for: graph(named: #"Say "hi" \ bye"#))
        XCTAssertTrue(dot.contains(#"label="Say \"hi\" \\ bye""#), dot)
    }

    func testNewlinesBecomeDOTLineBreaks() {
        let dot = DOTWriter().dot(for: graph(named: "two\nlines"))
        XCTAssertTrue(dot.contains(#"label="two\nlines""#))
        XCTAssertFalse(dot.contains("two\nlines"))
    }

    func testEscapedNamesSurviveGraphvizIntact() throws {
        let names = [#"Say "hi" \ bye"#, "{braces} <angle> & amp", "東京都", "Москва", "القاهرة", "<script>alert(1)</script>"]
        for name in names {
            let svg = try GraphRenderer().render(graph(named: name), as: .svg)
            let summary = parseSVG(svg)
            XCTAssertTrue(summary.wellFormed, "\(name): \(summary.error ?? "")")
            XCTAssertTrue(summary.texts.contains(name), "\(name) not in \(summary.texts)")
            XCTAssertFalse(String(decoding: svg, as: UTF8.self).contains("<script>"))
        }
    }

    /// Found by the fuzzer: Graphviz reads entity references in labels, so a name holding
    /// "&amp;" was drawn with a bare "&" and "&#60;" as "<".
    func testEntityReferencesInANameAreDrawnAsWritten() throws {
        let name = "L &amp; B &#60;N&#62;"
        let summary = parseSVG(try GraphRenderer().render(graph(named: name), as: .svg))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertTrue(summary.texts.contains(name), "\(name) not in \(summary.texts)")
    }

    /// Found by the fuzzer: node names dropped control characters, so actors whose ids
    /// differed only in them were drawn as one node.
    func testIDsThatDifferOnlyInControlCharactersStayApart() throws {
        let ids = ["ab", "a\u{1C}b", "a\tb", "a b", "a\nb", #"a\x09b"#, #"a\nb"#]
        let graph = Graph(actors: ids.map { Actor(id: $0, name: "name", kind: .group) })
        let summary = parseSVG(try GraphRenderer().render(graph, as: .svg))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertEqual(summary.classes.filter { $0.split(separator: " ").contains("actor") }.count, ids.count, "\(summary.classes)")
    }

    func testSymmetricKindsAreDrawnWithoutArrows() {
        let dot = DOTWriter().dot(for: SampleGraphs.summit())
        let allianceLine = dot.split(separator: "\n").first { $0.contains("\"JPN\" -> \"USA\"") }
        XCTAssertNotNil(allianceLine?.range(of: "dir=none"))
    }

    func testHedgedRelationIsDashedAndMarked() {
        let dot = DOTWriter().dot(for: SampleGraphs.summit())
        let threatLine = dot.split(separator: "\n").first { $0.contains("\"RUS\" -> \"JPN\"") } ?? ""
        XCTAssertTrue(threatLine.contains("style=\"dashed\""), String(threatLine))
        XCTAssertTrue(threatLine.contains("label=\"threat?\""), String(threatLine))
    }

    func testSameGraphGivesIdenticalDOT() {
        XCTAssertEqual(DOTWriter().dot(for: SampleGraphs.generated(seed: 3)), DOTWriter().dot(for: SampleGraphs.generated(seed: 3)))
    }
}
