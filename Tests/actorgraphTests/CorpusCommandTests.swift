import ActorGraph
import Foundation
import TestSupport
import XCTest

/// `extract` over corpora (folders, patterns, JSON Lines, HTML), its parallel runs and its
/// mapper mode with `merge`, run through the built binary.
final class CorpusCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    // MARK: - Inputs

    func testFolderStandsForEveryArticleBelowItAndNothingElse() throws {
        try write("corpus/a.md", "Japan met China.")
        try write("corpus/deeper/b.txt", "Russia threatened Ukraine.")
        try write("corpus/deeper/c.html", "<p>France criticised Iran.</p>")
        try write("corpus/notes.json", "{\"not\": \"an article\"}")
        let graph = try extract(["corpus"])
        XCTAssertEqual(graph.articles.map(\.id), ["a", "b", "c"])
    }

    func testQuotedPatternIsExpandedToTheFilesItMatches() throws {
        try write("corpus/a.md", "Japan met China.")
        try write("corpus/b.md", "Russia threatened Ukraine.")
        try write("corpus/c.txt", "France criticised Iran.")
        let graph = try extract(["corpus/*.md"])
        XCTAssertEqual(graph.articles.map(\.id), ["a", "b"])
    }

    func testPatternThatMatchesNothingFailsNamingIt() throws {
        let result = try runActorgraph(["extract", "nowhere/*.md"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "actorgraph: nowhere/*.md: no files match the pattern\n")
    }

    func testJSONLinesCorpusGivesOneArticlePerLineWithItsFields() throws {
        try write("corpus.jsonl", """
        {"id": "first", "title": "Talks", "date": "2023-01-12", "source": "Ledger", "text": "Japan met China.", "url": "ignored"}
        {"id": 42, "text": "Russia threatened Ukraine."}

        {"text": "France criticised Iran."}
        """)
        let graph = try extract(["corpus.jsonl"])
        XCTAssertEqual(graph.articles, [
            Article(id: "42"), Article(id: "corpus-4"),
            Article(id: "first", title: "Talks", date: "2023-01-12", source: "Ledger"),
        ])
        XCTAssertTrue(graph.relations.contains { $0.source == "RUS" && $0.target == "UKR" && $0.kind == .threat })
    }

    func testMalformedJSONLinesLineIsNamedWithItsLineNumberAndTheRestGoesOn() throws {
        try write("corpus.jsonl", """
        {"id": "first", "text": "Japan met China."}
        {"id": "broken", "text": "Russia
        {"id": "third", "text": "France criticised Iran."}
        """)
        let result = try runActorgraph(["extract", "corpus.jsonl"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("actorgraph: corpus.jsonl:2: not valid JSON\n"), result.stderr)
        XCTAssertEqual(try Graph(jsonData: result.stdout).articles.map(\.id), ["first", "third"])
    }

    func testHTMLPageIsReadAsTheTextAReaderSees() throws {
        try write("page.html", """
        <html><head><title>Summit news</title><script>var s = "Russia attacked Ukraine.";</script></head>
        <body><nav>China threatened India.</nav><p>Japan &amp; the United States are allies.</p></body></html>
        """)
        let graph = try extract(["page.html"])
        XCTAssertEqual(graph.articles, [Article(id: "page", title: "Summit news")])
        XCTAssertEqual(Set(graph.actors.map(\.id)), ["JPN", "USA"])
    }

    // MARK: - Batches

    func testJobsOneAndFourWriteIdenticalBytes() throws {
        let corpus = try writeCorpus(articles: 40)
        let one = try runActorgraph(["extract", corpus, "--jobs", "1", "-o", "one.json", "--per-article", "one"], in: folder)
        let four = try runActorgraph(["extract", corpus, "--jobs", "4", "-o", "four.json", "--per-article", "four"], in: folder)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(four.status, 0, four.stderr)
        let merged = try Data(contentsOf: folder.appendingPathComponent("one.json"))
        XCTAssertEqual(try Graph(jsonData: merged).articles.count, 40)
        XCTAssertEqual(merged, try Data(contentsOf: folder.appendingPathComponent("four.json")))
        XCTAssertEqual(try folderContents("one"), try folderContents("four"))
        XCTAssertEqual(try folderContents("one").count, 40)
    }

    func testPerArticleFilesAreNamedByIDAndRepeatedIDsCountUp() throws {
        try write("corpus.jsonl", """
        {"id": "summit/day 1", "text": "Japan met China."}
        {"id": "summit/day 1", "text": "Russia threatened Ukraine."}
        """)
        let result = try runActorgraph(["extract", "corpus.jsonl", "--per-article", "graphs"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.isEmpty)
        XCTAssertEqual(try folderContents("graphs").keys.sorted(), ["summit-day-1-2.json", "summit-day-1.json"])
    }

    func testSummaryLineCountsArticlesActorsRelationsAndFailures() throws {
        try write("corpus.jsonl", "{\"text\": \"Japan met China.\"}\n{\"text\": \"Russia threatened Ukraine.\"}\n")
        let result = try runActorgraph(["extract", "corpus.jsonl", "-o", "merged.json"], in: folder)
        XCTAssertTrue(result.stderr.hasPrefix("actorgraph: 2 articles, 4 actors, 2 relations, 0 failed, "), result.stderr)
    }

    // MARK: - Cluster step

    func testMapperWritesOneGraphLinePerArticleInInputOrder() throws {
        let corpus = try writeCorpus(articles: 12)
        let result = try runActorgraph(["extract", "--jsonl", "--jobs", "3"], input: try Data(contentsOf: folder.appendingPathComponent(corpus)), in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdoutText.split(separator: "\n")
        XCTAssertEqual(try lines.map { try Graph(jsonData: Data($0.utf8)).articles.map(\.id) }, (0..<12).map { [String(format: "article-%02d", $0)] })
    }

    func testMapperThenMergeInAnyTreeEqualsTheDirectRun() throws {
        let corpus = try writeCorpus(articles: 30)
        let direct = try runActorgraph(["extract", corpus, "-o", "direct.json"], in: folder)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        let mapped = try runActorgraph(["extract", "--jsonl"], input: try Data(contentsOf: folder.appendingPathComponent(corpus)), in: folder)
        XCTAssertEqual(mapped.status, 0, mapped.stderr)
        // Three uneven partitions reduced on their own, then their results merged in reverse.
        let lines = mapped.stdoutText.split(separator: "\n", omittingEmptySubsequences: true)
        var partials: [String] = []
        for (index, range) in [0..<4, 4..<19, 19..<30].enumerated() {
            let input = Data((lines[range].joined(separator: "\n") + "\n").utf8)
            let partial = try runActorgraph(["merge", "--jsonl"], input: input, in: folder)
            XCTAssertEqual(partial.status, 0, partial.stderr)
            try partial.stdout.write(to: folder.appendingPathComponent("partial-\(index).jsonl"))
            partials.insert("partial-\(index).jsonl", at: 0)
        }
        let reduced = try runActorgraph(["merge"] + partials + ["-o", "reduced.json"], in: folder)
        XCTAssertEqual(reduced.status, 0, reduced.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("reduced.json")), try Data(contentsOf: folder.appendingPathComponent("direct.json")))
    }

    func testReducerWithNoInputWritesNothingAndSucceeds() throws {
        let result = try runActorgraph(["merge", "--jsonl"], input: Data(), in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.isEmpty)
    }

    // MARK: - Helpers

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func extract(_ arguments: [String]) throws -> Graph {
        let result = try runActorgraph(["extract"] + arguments, in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: result.stdout)
        XCTAssertEqual(graph.invariantViolations(), [])
        return graph
    }

    /// A JSON Lines corpus of the example articles' paragraphs and the fixture sentences.
    private func writeCorpus(articles: Int) throws -> String {
        let examples = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".md") }.sorted()
            .map { try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\($0)"), encoding: .utf8) }
        let paragraphs = examples.flatMap { $0.components(separatedBy: "\n\n").dropFirst() }
        let fixtures = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/ActorExtractionTests/Fixtures/relations.jsonl"), encoding: .utf8)
        let sentences = try fixtures.split(separator: "\n").compactMap { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
        }
        var lines = ""
        for index in 0..<articles {
            let text = [paragraphs[index % paragraphs.count], sentences[(index * 7) % sentences.count], sentences[(index * 13 + 3) % sentences.count]]
                .joined(separator: "\n\n")
            let record: [String: String] = ["id": String(format: "article-%02d", index), "date": "2023-01-\(10 + index % 18)", "text": text]
            lines += String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        try write("corpus.jsonl", lines)
        return "corpus.jsonl"
    }

    private func folderContents(_ path: String) throws -> [String: Data] {
        let url = folder.appendingPathComponent(path)
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            contents[name] = try Data(contentsOf: url.appendingPathComponent(name))
        }
        return contents
    }
}
