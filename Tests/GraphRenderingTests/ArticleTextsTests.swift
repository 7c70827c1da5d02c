import ActorGraph
import GraphRendering
import TestSupport
import XCTest

final class ArticleTextsTests: XCTestCase {
    func testQuoteSplitsTheSentenceAtTheCueByCodePointOffsets() throws {
        let (text, graph) = SampleGraphs.quoted()
        let quote = try XCTUnwrap(ArticleTexts(["quoted": text]).quote(of: graph.relations[0].evidence[0]))
        XCTAssertEqual(quote, EvidenceQuote(before: "Russia could ", cue: "threaten", after: " Japan soon."))
    }

    func testQuoteIsNilWhenTheTextIsUnknown() {
        XCTAssertNil(ArticleTexts().quote(of: SampleGraphs.quoted().graph.relations[0].evidence[0]))
    }

    func testSpanBeyondTheTextGivesNil() {
        XCTAssertNil(ArticleTexts(["a": "short"]).text(of: Span(start: 2, end: 99), in: "a"))
    }

    func testMarkedQuoteShortensAroundTheCue() {
        let quote = EvidenceQuote(before: String(repeating: "a", count: 500), cue: "threat", after: String(repeating: "b", count: 500))
        let marked = quote.marked(limit: 100)
        XCTAssertTrue(marked.contains("[threat]"))
        XCTAssertLessThan(marked.count, 120)
    }
}
