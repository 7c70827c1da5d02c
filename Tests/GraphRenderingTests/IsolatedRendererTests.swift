import ActorGraph
import Foundation
import GraphRendering
import TestSupport
import XCTest

final class IsolatedRendererTests: XCTestCase {
    /// Segfaults Graphviz 2.42 (both the `dot` program and libgvc): found by fuzzing
    /// `concentrate=true` with mixed edge directions.
    static let crashingDOT = #"digraph crashy { concentrate=true; c -> b [label="x"]; a -> c [dir=none]; c -> a; c -> a [dir=none]; }"#
    static let smallDOT = "digraph small { a -> b; b -> c; }"

    private func renderer(timeLimit: TimeInterval = 30) -> IsolatedRenderer {
        IsolatedRenderer(executable: actorgraphBinary.path, arguments: ["render-worker"], timeLimit: timeLimit)
    }

    /// A random labelled graph that the layered engine takes seconds to lay out.
    private func slowDOT() -> String {
        let graph = SampleGraphs.generated(seed: 42, actors: 120, relations: 360)
        return DOTWriter(labelsEdges: true).dot(for: graph)
    }

    /// Renders ``crashingDOT``, whose crash is the point of the test. Under `make
    /// test-sanitize` the worker is a sanitized binary, and its sanitizer would catch the
    /// signal and file the crash as a finding; the worker started here leaves the signal
    /// alone (`handle_segv=0`), so it dies as an ordinary build does. Other workers, and
    /// every other test, keep the sanitizers' full checks.
    private func renderCrashingDOT(in isolated: IsolatedRenderer) throws -> Data {
        let keys = ["ASAN_OPTIONS", "TSAN_OPTIONS"]
        let saved = keys.map { getenv($0).map { String(cString: $0) } }
        for (key, value) in zip(keys, saved) { setenv(key, (value.map { $0 + ":" } ?? "") + "handle_segv=0", 1) }
        defer {
            for (key, value) in zip(keys, saved) {
                if let value { setenv(key, value, 1) } else { unsetenv(key) }
            }
        }
        return try isolated.render(dot: Self.crashingDOT, format: "svg", engine: .dot, graphName: "crashy")
    }

    func testCrashingGraphBecomesAnErrorNamingTheGraph() {
        XCTAssertThrowsError(try renderCrashingDOT(in: renderer())) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("graph 'crashy': Graphviz crashed"), message)
            XCTAssertFalse(message.contains("\n"), message)
        }
    }

    func testRenderAfterACrashSucceedsInAFreshWorker() throws {
        let isolated = renderer()
        _ = try? renderCrashingDOT(in: isolated)
        let svg = try isolated.render(dot: Self.smallDOT, format: "svg", engine: .dot, graphName: "small")
        XCTAssertTrue(parseSVG(svg).wellFormed)
        XCTAssertEqual(isolated.workersStarted, 2)
    }

    func testLayoutPastTheTimeLimitIsStopped() {
        let started = Date()
        XCTAssertThrowsError(try renderer(timeLimit: 0.5).render(dot: slowDOT(), format: "svg", engine: .dot, graphName: "slow")) { error in
            XCTAssertTrue("\(error)".hasPrefix("graph 'slow': the dot layout did not finish within 0.5 s"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testWorkerServesManyRenders() throws {
        let isolated = renderer()
        for _ in 0..<3 { _ = try isolated.render(dot: Self.smallDOT, format: "svg", engine: .dot, graphName: "small") }
        XCTAssertEqual(isolated.workersStarted, 1)
    }

    func testSyntaxErrorIsReportedAndTheWorkerLivesOn() throws {
        let isolated = renderer()
        XCTAssertThrowsError(try isolated.render(dot: "digraph { a -> ", format: "svg", engine: .dot, graphName: "broken")) { error in
            XCTAssertTrue("\(error)".contains("graph 'broken': Graphviz could not parse"), "\(error)")
        }
        _ = try isolated.render(dot: Self.smallDOT, format: "svg", engine: .dot, graphName: "small")
        XCTAssertEqual(isolated.workersStarted, 1)
    }

    func testSfdpGivesIdenticalBytesRenderAfterRender() throws {
        let isolated = renderer()
        let dot = DOTWriter().dot(for: SampleGraphs.generated(seed: 9, actors: 30, relations: 60))
        let renders = try (0..<3).map { _ in try isolated.render(dot: dot, format: "svg", engine: .sfdp, graphName: "g") }
        XCTAssertEqual(Set(renders).count, 1)
    }

    func testIsolatedAndInProcessRendersAreIdentical() throws {
        let dot = DOTWriter().dot(for: SampleGraphs.summit())
        XCTAssertEqual(try renderer().render(dot: dot, format: "svg", engine: .dot, graphName: "summit"),
                       try GraphvizRenderer.shared.render(dot: dot, format: "svg", engine: .dot))
    }

    func testLargeGraphsGoToTheWorker() throws {
        let isolated = renderer()
        let renderer = GraphRenderer(isolatedRenderer: isolated)
        _ = try renderer.render(SampleGraphs.generated(seed: 1, actors: 200, relations: 400), as: .svg)
        XCTAssertEqual(isolated.workersStarted, 1)
    }

    func testSmallGraphsStayInProcess() throws {
        let isolated = renderer()
        _ = try GraphRenderer(isolatedRenderer: isolated).render(SampleGraphs.summit(), as: .svg)
        XCTAssertEqual(isolated.workersStarted, 0)
    }
}
