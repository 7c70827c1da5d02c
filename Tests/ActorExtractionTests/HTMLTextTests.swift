import ActorExtraction
import ActorGraph
import XCTest

/// Reducing HTML pages to the text a reader sees.
final class HTMLTextTests: XCTestCase {
    func testScriptsStylesAndNavigationAreDropped() {
        let page = HTMLText(html: "<nav>Home | World</nav><style>p { color: red }</style><p>Japan met China.</p><script>alert('x')</script><footer>© Ledger</footer>")
        XCTAssertEqual(page.text, "Japan met China.")
    }

    func testCharacterReferencesAreDecoded() {
        let page = HTMLText(html: "<p>Japan &amp; China&#8217;s talks &mdash; &#x201C;frank&#x201D;&nbsp;&lt;3 &bogus; &amp</p>")
        XCTAssertEqual(page.text, "Japan & China\u{2019}s talks \u{2014} \u{201C}frank\u{201D} <3 &bogus; &amp")
    }

    func testBlockElementsBecomeParagraphBreaksAndInlineOnesVanish() {
        let page = HTMLText(html: "<h1>Summit</h1>\n<p>Japan <b>met</b>\n   China.</p><p>Talks<br>ended.</p>")
        XCTAssertEqual(page.text, "Summit\n\nJapan met China.\n\nTalks\n\nended.")
    }

    func testCommentsAndTagsWithQuotedAngleBracketsAreSkipped() {
        let page = HTMLText(html: "<!-- Russia attacked --><p title=\"a > b\">Japan met China.</p>")
        XCTAssertEqual(page.text, "Japan met China.")
    }

    func testHeadGivesTitleDateAndSource() {
        let page = HTMLText(html: """
        <html><head><title>Tokyo &amp; Washington</title>
        <meta property="article:published_time" content="2023-01-14T09:00:00Z">
        <meta property="og:site_name" content="The Meridian Ledger"></head><body><p>Text.</p></body></html>
        """)
        XCTAssertEqual(page.title, "Tokyo & Washington")
        XCTAssertEqual(page.date, "2023-01-14")
        XCTAssertEqual(page.source, "The Meridian Ledger")
        XCTAssertEqual(page.text, "Text.")
    }

    func testGraphOffsetsCountCodePointsIntoTheReducedText() throws {
        let html = "<html><head><title>Talks</title></head><body><p>Café owners say:</p><p>Japan &amp; the United States are allies.</p></body></html>"
        let article = ArticleText(html: html, fallbackID: "page")
        let graph = try Extractor().extract(article)
        let scalars = Array(article.text.unicodeScalars)
        let mentions = graph.actors.flatMap(\.mentions)
        XCTAssertFalse(mentions.isEmpty)
        for mention in mentions {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])), mention.text)
        }
        XCTAssertEqual(graph.articles, [Article(id: "page", title: "Talks")])
    }
}
