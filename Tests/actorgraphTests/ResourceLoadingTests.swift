@testable import actorgraph
import XCTest

/// Which command lines start reading the built-in resources before their arguments are parsed.
final class ResourceLoadingTests: XCTestCase {
    func testCommandsThatExtractArticlesReadTheResourcesAhead() {
        XCTAssertTrue(Actorgraph.readsArticles(["article.md", "-o", "graph.svg"]))
        XCTAssertTrue(Actorgraph.readsArticles(["extract", "--jobs", "1", "corpus.jsonl"]))
        XCTAssertTrue(Actorgraph.readsArticles(["diff", "a.md", "b.md"]))
        XCTAssertTrue(Actorgraph.readsArticles(["report", "a.md", "-o", "report.html"]))
    }

    func testCommandsThatMostlyReadGraphsOrPrintHelpDoNot() {
        for arguments in [["merge", "a.json", "b.json"], ["render", "graph.json"], ["render-worker"], ["--help"], ["help", "extract"], ["--version"], []] {
            XCTAssertFalse(Actorgraph.readsArticles(ArraySlice(arguments)), "\(arguments)")
        }
    }
}
