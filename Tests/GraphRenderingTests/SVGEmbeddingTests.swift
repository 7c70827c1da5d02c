import ActorGraph
import Foundation
import GraphRendering
import TestSupport
import XCTest

final class SVGEmbeddingTests: XCTestCase {
    private func embedded(_ graph: Graph) throws -> String {
        String(decoding: try GraphRenderer(embedsSVG: true).render(graph, as: .svg), as: UTF8.self)
    }

    func testEmbeddedSVGHasNoPrologDoctypeOrComments() throws {
        let svg = try embedded(SampleGraphs.summit())
        XCTAssertTrue(svg.hasPrefix("<svg"), String(svg.prefix(80)))
        XCTAssertFalse(svg.contains("<?xml"))
        XCTAssertFalse(svg.contains("<!DOCTYPE"))
        XCTAssertFalse(svg.contains("<!--"))
    }

    func testEmbeddedSVGScalesWithThePage() throws {
        let root = try XCTUnwrap(parseXML(Data(try embedded(SampleGraphs.summit()).utf8)).elements(named: "svg").first)
        XCTAssertEqual(root.attributes["width"], "100%")
        XCTAssertNil(root.attributes["height"])
        XCTAssertNotNil(root.attributes["viewBox"])
    }

    func testEveryIDStartsWithTheGraphsPrefix() throws {
        let ids = parseXML(Data(try embedded(SampleGraphs.summit()).utf8)).ids
        let prefix = try XCTUnwrap(ids.first { $0.hasSuffix("_title") }?.dropLast("_title".count))
        XCTAssertFalse(ids.isEmpty)
        XCTAssertTrue(ids.allSatisfy { $0.hasPrefix(prefix) }, "\(ids)")
    }

    func testTwoEmbeddedSVGsInOnePageShareNoID() throws {
        let page = "<html><body>\(try embedded(SampleGraphs.summit()))\(try embedded(SampleGraphs.generated(seed: 5)))</body></html>"
        let summary = parseXML(Data(page.utf8))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertGreaterThan(summary.ids.count, 10)
        XCTAssertEqual(Set(summary.ids).count, summary.ids.count, "duplicated ids: \(summary.ids)")
    }

    func testRootCarriesTitleAndDescriptionForScreenReaders() throws {
        let summary = parseXML(Data(try embedded(SampleGraphs.summit()).utf8))
        let root = try XCTUnwrap(summary.elements(named: "svg").first)
        XCTAssertEqual(root.attributes["role"], "img")
        XCTAssertTrue(summary.elements(named: "desc").contains { $0.text.contains("3 actors and 2 relations") })
        XCTAssertTrue(summary.elements(named: "title").contains { $0.text == "Summit" })
    }

    func testEdgeTitleQuotesTheSentenceWithItsCueModalityAndRule() throws {
        let (text, graph) = SampleGraphs.quoted()
        var renderer = GraphRenderer()
        renderer.texts = ArticleTexts(["quoted": text])
        let titles = parseXML(try renderer.render(graph, as: .svg)).elements(named: "title").map(\.text)
        let edgeTitle = try XCTUnwrap(titles.first { $0.hasPrefix("Russia → Japan") }, "\(titles)")
        XCTAssertTrue(edgeTitle.contains("“Russia could [threaten] Japan soon.”"), edgeTitle)
        XCTAssertTrue(edgeTitle.contains("hypothetical · article's own voice"), edgeTitle)
        XCTAssertTrue(edgeTitle.contains("rule verb-threaten"), edgeTitle)
    }

    func testNodeTitleSaysKindAndRelations() throws {
        let titles = parseXML(try GraphRenderer().render(SampleGraphs.summit(), as: .svg)).elements(named: "title").map(\.text)
        let japan = try XCTUnwrap(titles.first { $0.hasPrefix("Japan — state") }, "\(titles)")
        XCTAssertTrue(japan.contains("alliance with United States"), japan)
        XCTAssertTrue(japan.contains("threat ← Russia"), japan)
    }

    func testElementsCarryClassNamesPerKind() throws {
        let classes = parseSVG(try GraphRenderer().render(SampleGraphs.summit(), as: .svg)).classes
        XCTAssertTrue(classes.contains("node actor state"), "\(classes)")
        XCTAssertTrue(classes.contains("edge relation alliance"), "\(classes)")
        XCTAssertTrue(classes.contains("edge relation threat hedged"), "\(classes)")
    }

    func testHostileNamesPassIntactAndInert() throws {
        let svg = try GraphRenderer(embedsSVG: true).render(SampleGraphs.hostile(), as: .svg)
        let summary = parseXML(svg)
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        let texts = summary.elements(named: "text").map(\.text)
        for name in SampleGraphs.hostileNames {
            XCTAssertTrue(texts.contains(name), "\(name) not in \(texts)")
        }
        XCTAssertFalse(summary.elements.contains { $0.name == "script" })
        XCTAssertFalse(String(decoding: svg, as: UTF8.self).contains("<script"))
    }

    func testSVGNamesFallbackFontsWithSimilarMetrics() throws {
        let svg = String(decoding: try GraphRenderer().render(SampleGraphs.summit(), as: .svg), as: UTF8.self)
        XCTAssertTrue(svg.contains("font-family=\"DejaVu Sans,Verdana,Geneva,sans-serif\""))
    }
}
