@testable import ActorExtraction
import ActorGraph
import Foundation
import XCTest

/// The packed form of an article's graph, which a corpus run merges in place of the graph.
final class PackedArticleGraphTests: XCTestCase {
    /// Texts with what the packed form must carry over: repeated names, names written
    /// otherwise than the actor's name, characters of several bytes before and inside
    /// mentions, speakers, one edge stated in several sentences, office affiliations.
    private let texts = [
        "Japan and the United States signed a pact. Tokyo said the U.S. would defend Japan.",
        "Café owners in Tōkyō watched as Prime Minister Fumio Kishida met Joe Biden. Kishida thanked Biden, and Japan thanked America.",
        "“Russia threatens Japan,” Kishida said. Moscow warned Tokyo again. Russia, Russia and Russia.",
        "China criticised the U.K. The Kremlin backed Beijing. Britain and China met; China and Britain met again.",
        "",
        "No actor is named here at all.",
    ]

    func testPackedGraphGivesBackTheArticlesGraph() throws {
        let extractor = try TestExtractor.make()
        for (number, text) in texts.enumerated() {
            let article = ArticleText(parsing: text, fallbackID: "text-\(number)", date: "2023-01-12")
            XCTAssertEqual(extractor.extractPacked(article).graph, extractor.extract(article), "text \(number)")
        }
    }

    /// A corpus run's reading thread prepares articles that a worker thread finishes.
    func testArticlePreparedOnAnotherThreadGivesTheSameGraph() throws {
        let extractor = try TestExtractor.make()
        let articles = texts.enumerated().map { ArticleText(parsing: $1, fallbackID: "text-\($0)", date: "2023-01-12") }
        let prepared = PreparedArticles()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            prepared.articles = articles.map(extractor.prepare)
            done.signal()
        }
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "a hang guard, not a measure")
        XCTAssertEqual(prepared.articles.count, articles.count)
        for (article, ready) in zip(articles, prepared.articles) {
            XCTAssertEqual(extractor.extract(ready), extractor.extract(article), article.article.id)
            XCTAssertEqual(extractor.extractPacked(ready).graph, extractor.extract(article), article.article.id)
        }
    }

    /// The builder's buffers are kept from one article for the next.
    func testAnArticlesGraphIsTheSameAfterALongerArticle() throws {
        let extractor = try TestExtractor.make()
        let short = ArticleText(parsing: texts[0], fallbackID: "short", date: "2023-01-12")
        let first = extractor.extractPacked(short).graph
        _ = extractor.extractPacked(ArticleText(parsing: texts[1...3].joined(separator: " "), fallbackID: "long", date: "2023-01-12"))
        XCTAssertEqual(extractor.extractPacked(short).graph, first)
        XCTAssertEqual(extractor.extract(short), first)
    }

    func testPackedFixtureGraphsGiveBackTheirGraphs() throws {
        let extractor = try Extractor()
        for fixture in try RelationFixtureTests.loadFixtures() + RelationFixtureTests.loadFixtures("heldout") {
            let article = ArticleText(parsing: fixture.text, fallbackID: fixture.id, date: fixture.date)
            XCTAssertEqual(extractor.extractPacked(article).graph, extractor.extract(article), fixture.id)
        }
    }

    func testPackedGraphsMergeToTheSameBytesAsTheirGraphs() throws {
        let extractor = try Extractor()
        // The same article twice too: its records merge with themselves.
        let articles = (texts + texts.prefix(2)).enumerated().map { number, text in
            ArticleText(parsing: text, fallbackID: "text-\(number % texts.count)", date: "2023-01-12")
        }
        var packed = GraphAccumulator()
        var full = GraphAccumulator()
        for article in articles {
            packed.add(extractor.extractPacked(article))
            full.add(extractor.extract(article))
        }
        XCTAssertEqual(packed.actorCount, full.actorCount)
        XCTAssertEqual(packed.relationCount, full.relationCount)
        var packedBytes: [UInt8] = [], fullBytes: [UInt8] = []
        packed.writeJSONBytes(pieceSize: 256) { packedBytes += $0 }
        full.writeJSONBytes(pieceSize: 256) { fullBytes += $0 }
        XCTAssertGreaterThan(fullBytes.count, 1000)
        XCTAssertEqual(String(decoding: packedBytes, as: UTF8.self), String(decoding: fullBytes, as: UTF8.self))
    }

    func testPackedGraphWritesTheJSONOfItsGraph() throws {
        let extractor = try Extractor()
        let fixtures = try RelationFixtureTests.loadFixtures() + RelationFixtureTests.loadFixtures("heldout")
        let articles = texts.enumerated().map { ArticleText(parsing: $1, fallbackID: "text-\($0)", date: "2023-01-12") }
            + fixtures.map { ArticleText(parsing: $0.text, fallbackID: $0.id, date: $0.date) }
        var written = 0
        for article in articles {
            let packed = extractor.extractPacked(article)
            guard let line = packed.jsonData(compact: true), let document = packed.jsonData(compact: false) else { continue }
            let graph = extractor.extract(article)
            XCTAssertEqual(String(decoding: line, as: UTF8.self), String(decoding: graph.jsonLine(), as: UTF8.self), article.article.id)
            XCTAssertEqual(String(decoding: document, as: UTF8.self), graph.jsonString(), article.article.id)
            written += 1
        }
        // Nearly every article's lists are in the graph's order.
        XCTAssertGreaterThan(written, articles.count * 9 / 10)
    }

    func testAPackedGraphNotInTheGraphsOrderWritesNoJSON() throws {
        var packed = try TestExtractor.make().extractPacked(ArticleText(parsing: "Japan met China.", fallbackID: "a"))
        XCTAssertNotNil(packed.jsonData(compact: true))
        packed.isInGraphOrder = false
        XCTAssertNil(packed.jsonData(compact: true))
    }

    func testAGraphOfOneArticlePacksAndComesBackEqual() throws {
        let extractor = try TestExtractor.make()
        for (number, text) in texts.enumerated() {
            let graph = extractor.extract(ArticleText(parsing: text, fallbackID: "text-\(number)", date: "2023-01-12"))
            XCTAssertEqual(try XCTUnwrap(PackedArticleGraph(graph)).graph, graph, "text \(number)")
        }
    }

    func testOnlyAGraphOfOneArticlePacks() throws {
        let one = try TestExtractor.graph("Japan met China.")
        var two = one
        two.articles.append(Article(id: "other"))
        XCTAssertNotNil(PackedArticleGraph(one))
        XCTAssertNil(PackedArticleGraph(two))
        XCTAssertNil(PackedArticleGraph(Graph()))
    }

    func testEachActorsMentionsAndEachRelationsEvidenceAreItsOwnStretchOfTheLists() {
        let article = Article(id: "a")
        let text = Array("Japan, Nippon and Tōkyō".utf8)
        let item = { (start: Int) in
            PackedArticleGraph.Item(
                sentence: Span(start: 0, end: 23), source: Span(start: start, end: start + 5), target: Span(start: 0, end: 5),
                cue: Span(start: 6, end: 7), modality: .asserted, speaker: -1, tense: .present, rule: 4, confidence: 0.5
            )
        }
        let packed = PackedArticleGraph(
            article: article, text: text, strings: ["JPN", "Japan", "USA", "United States", "r"],
            actors: [
                .init(id: 0, name: 1, country: -1, kind: .state, mentionEnd: 2), .init(id: 2, name: 3, country: -1, kind: .state, mentionEnd: 3),
            ],
            mentions: [
                .init(span: Span(start: 0, end: 5), text: 0..<5), .init(span: Span(start: 7, end: 13), text: 7..<13),
                .init(span: Span(start: 18, end: 23), text: 18..<25),
            ],
            relations: [
                .init(source: 0, target: 2, kind: .contact, evidenceEnd: 1), .init(source: 2, target: 0, kind: .threat, evidenceEnd: 3),
            ],
            evidence: [item(1), item(2), item(3)]
        )
        let graph = packed.graph
        XCTAssertEqual(graph.actors.map { $0.mentions.map(\.text) }, [["Japan", "Nippon"], ["Tōkyō"]])
        XCTAssertEqual(graph.relations.map { $0.evidence.map(\.source.start) }, [[1], [2, 3]])
    }

    func testRecordsNameTheirStringsByPlace() {
        let packed = PackedArticleGraph(
            article: Article(id: "a"), text: Array("Kishida".utf8), strings: ["kishida", "Fumio Kishida", "JPN", "Japan", "office", "said"],
            actors: [
                .init(id: 2, name: 3, country: -1, kind: .state, mentionEnd: 0),
                .init(id: 0, name: 1, country: 2, kind: .person, mentionEnd: 1),
            ],
            mentions: [.init(span: Span(start: 0, end: 7), text: 0..<7)],
            relations: [.init(source: 2, target: 0, kind: .affiliation, evidenceEnd: 1)],
            evidence: [.init(
                sentence: Span(start: 0, end: 7), source: Span(start: 0, end: 7), target: Span(start: 0, end: 7), cue: Span(start: 0, end: 7),
                modality: .asserted, speaker: 0, tense: .past, rule: 4, confidence: 0.9
            )]
        )
        let graph = packed.graph
        XCTAssertEqual(graph.actors.map(\.id), ["JPN", "kishida"])
        XCTAssertEqual(graph.actors.map(\.name), ["Japan", "Fumio Kishida"])
        XCTAssertEqual(graph.actors.map(\.country), [nil, "JPN"])
        XCTAssertEqual(graph.actors[1].mentions.map(\.text), ["Kishida"])
        XCTAssertEqual(graph.relations.map { [$0.source, $0.target] }, [["JPN", "kishida"]])
        XCTAssertEqual(graph.relations[0].evidence.map(\.attributedTo), ["kishida"])
        XCTAssertEqual(graph.relations[0].evidence.map(\.rule), ["office"])
        XCTAssertEqual(graph.relations[0].evidence.map(\.article), ["a"])
    }

    func testAGraphWithEquivalentSpellingsPacksEachAsWritten() throws {
        // "Å" composed and decomposed: `==` to each other, but written apart.
        let composed = "\u{C5}land", decomposed = "A\u{30A}land"
        let article = Article(id: "a")
        let item = Evidence(
            article: "a", sentence: Span(start: 0, end: 5), source: Span(start: 0, end: 5), target: Span(start: 0, end: 5),
            cue: Span(start: 0, end: 5), attributedTo: decomposed, rule: composed, confidence: 0.5
        )
        let graph = Graph(
            articles: [article],
            actors: [Actor(id: composed, name: decomposed, kind: .organisation, country: composed)],
            relations: [Relation(source: composed, target: decomposed, kind: .contact, evidence: [item])]
        )
        let back = try XCTUnwrap(PackedArticleGraph(graph)).graph
        XCTAssertEqual(back.actors.map { Array($0.name.utf8) }, [Array(decomposed.utf8)])
        XCTAssertEqual(back.relations.flatMap { $0.evidence.compactMap(\.attributedTo) }.map { Array($0.utf8) }, [Array(decomposed.utf8)])
        XCTAssertEqual(back.relations.flatMap { $0.evidence.map(\.rule) }.map { Array($0.utf8) }, [Array(composed.utf8)])
    }
}

/// What one thread prepared, read by another once it signalled.
private final class PreparedArticles: @unchecked Sendable {
    var articles: [PreparedArticle] = []
}
