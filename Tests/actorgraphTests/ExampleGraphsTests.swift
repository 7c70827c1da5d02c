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
        let pair = ["tokyo-washington-summit", "moscow-view-of-summit"].map { repositoryRoot.appendingPathComponent("examples/\($0).md").path }
        let fresh = try runActorgraph(["diff"] + pair + ["--format", "svg"])
        XCTAssertEqual(fresh.status, 1, fresh.stderr)
        let committed = repositoryRoot.appendingPathComponent("graphs/diff-tokyo-vs-moscow.svg")
        XCTAssertEqual(try? Data(contentsOf: committed), fresh.stdout, "graphs/diff-tokyo-vs-moscow.svg is stale: run 'make graphs'")
    }
}
