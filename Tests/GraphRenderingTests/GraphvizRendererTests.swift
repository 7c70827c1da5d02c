import ActorGraph
import Foundation
import GraphRendering
import TestSupport
import XCTest

final class GraphvizRendererTests: XCTestCase {
    func testSVGIsWellFormedAndNamesEveryActor() throws {
        let graph = SampleGraphs.summit()
        let summary = parseSVG(try GraphRenderer().render(graph, as: .svg))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        for actor in graph.actors {
            XCTAssertTrue(summary.texts.contains(actor.name), "\(actor.name) missing from \(summary.texts)")
        }
    }

    func testRenderingTwiceGivesIdenticalSVG() throws {
        let graph = SampleGraphs.generated(seed: 11)
        XCTAssertEqual(try GraphRenderer().render(graph, as: .svg), try GraphRenderer().render(graph, as: .svg))
    }

    func testPNGAndPDFHaveTheirMagicBytes() throws {
        let png = try GraphRenderer().render(SampleGraphs.summit(), as: .png)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let pdf = try GraphRenderer().render(SampleGraphs.summit(), as: .pdf)
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
    }

    func testInvalidDOTGivesAnErrorNotACrash() {
        XCTAssertThrowsError(try GraphvizRenderer.shared.render(dot: "digraph { a -> ", format: "svg", engine: .dot)) { error in
            XCTAssertTrue("\(error)".contains("could not parse"), "\(error)")
        }
    }

    func testRendererStillWorksAfterAFailure() throws {
        _ = try? GraphvizRenderer.shared.render(dot: "not dot at all {{{", format: "svg", engine: .dot)
        XCTAssertTrue(parseSVG(try GraphRenderer().render(SampleGraphs.summit(), as: .svg)).wellFormed)
    }

    func testConcurrentRendersAllSucceed() {
        let graphs = (0..<8).map { SampleGraphs.generated(seed: UInt64($0)) }
        let expected = graphs.map { try? GraphRenderer(engine: .dot).render($0, as: .svg) }
        nonisolated(unsafe) var results = [Data?](repeating: nil, count: graphs.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: graphs.count) { index in
            let svg = try? GraphRenderer(engine: .dot).render(graphs[index], as: .svg)
            lock.lock()
            results[index] = svg
            lock.unlock()
        }
        XCTAssertEqual(results, expected)
    }

    func testEveryEngineLaysOutASmallGraph() throws {
        for engine in LayoutEngine.allCases {
            let svg = try GraphRenderer(engine: engine).render(SampleGraphs.summit(), as: .svg)
            XCTAssertTrue(parseSVG(svg).wellFormed, engine.rawValue)
        }
    }
}
