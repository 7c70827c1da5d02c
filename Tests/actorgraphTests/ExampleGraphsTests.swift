import Foundation
import TestSupport
import XCTest

/// The rendered examples in graphs/ must match what the current code produces.
final class ExampleGraphsTests: XCTestCase {
    func testCommittedGraphsAreFresh() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(examples.isEmpty)
        for file in examples {
            let name = String(file.dropLast(3))
            let article = repositoryRoot.appendingPathComponent("examples/\(file)").path
            for format in ["json", "dot", "svg"] {
                let committed = repositoryRoot.appendingPathComponent("graphs/\(name).\(format)")
                let fresh = try runActorgraph([article, "--format", format])
                XCTAssertEqual(fresh.status, 0, fresh.stderr)
                XCTAssertEqual(try? Data(contentsOf: committed), fresh.stdout, "graphs/\(name).\(format) is stale: run 'make graphs'")
            }
        }
    }

    func testCommittedDiffOfTheExamplesIsFresh() throws {
        // The drawing names its inputs as given, so they are given as `make graphs` gives them.
        let pair = ["examples/tokyo-washington-summit.md", "examples/moscow-view-of-summit.md"]
        let fresh = try runActorgraph(["diff"] + pair + ["--format", "svg"], in: repositoryRoot)
        XCTAssertEqual(fresh.status, 1, fresh.stderr)
        let committed = repositoryRoot.appendingPathComponent("graphs/diff-tokyo-vs-moscow.svg")
        XCTAssertEqual(try? Data(contentsOf: committed), fresh.stdout, "graphs/diff-tokyo-vs-moscow.svg is stale: run 'make graphs'")
    }
}
