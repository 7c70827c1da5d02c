import ActorGraph
import Foundation
import TestSupport
import XCTest

/// Names an analyst's sources really contain (Cyrillic, Japanese, Arabic, ten thousand
/// characters) and names built to break out of a format (quotes, backslashes, braces,
/// angle brackets, ampersands, a script element), taken from an article through the
/// built binary into every text format: each name comes out intact, none as markup.
final class HostileNameTests: XCTestCase {
    private var folder: URL!

    private static let hostile = #"Say "hi" \ {x} <b> & <script>alert(1)</script>"#
    private static let longName: String = {
        var name = "Grand Council of the"
        while name.count < 10_000 - " Peoples".count { name += " Northern and Southern" }
        return String(name.prefix(10_000 - " Peoples".count)) + " Peoples"
    }()

    private static let names = [
        "Министерство обороны России", "岸田文雄", "جامعة الدول العربية", hostile, longName,
    ]

    /// A sentence of the article itself that carries markup of its own.
    private static let markedSentenceTail = #"& "friends" <script>alert(2)</script> {now}"#

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
        XCTAssertEqual(Self.longName.count, 10_000)
        let actors: [[String: Any]] = [
            ["id": "mod-ru", "name": Self.names[0], "kind": "organisation", "aliases": [Self.names[0]]],
            ["id": "kishida-ja", "name": Self.names[1], "kind": "person", "aliases": [Self.names[1]]],
            ["id": "arab-league-ar", "name": Self.names[2], "kind": "organisation", "aliases": [Self.names[2]]],
            ["id": "scriptland", "name": Self.hostile, "kind": "group", "aliases": ["Scriptland"]],
            ["id": "grand-council", "name": Self.longName, "kind": "organisation", "aliases": [Self.longName]],
        ]
        try JSONSerialization.data(withJSONObject: ["actors": actors]).write(to: url("actors.json"))
        let text = "\(Self.names[0]) threatened Japan. \(Self.names[1]) met China in Tokyo. \(Self.names[2]) condemned Russia. "
            + "Scriptland attacked Japan \(Self.markedSentenceTail). The \(Self.longName) allied with Japan."
        try Data(text.utf8).write(to: url("article.txt"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The article drawn into `name` by the default command (or `report` for a report).
    private func output(_ name: String, report: Bool = false) throws -> String {
        let command = (report ? ["report"] : []) + ["article.txt", "--actors", "actors.json", "-o", name]
        let result = try runActorgraph(command, in: folder)
        XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
        return try String(contentsOf: url(name), encoding: .utf8)
    }

    private func assertContainsEveryName(_ haystacks: [String], _ format: String, file: StaticString = #filePath, line: UInt = #line) {
        for name in Self.names where !haystacks.contains(where: { $0.contains(name) }) {
            XCTFail("\(format): \(name.prefix(40)) not intact", file: file, line: line)
        }
    }

    /// No element or attribute that a browser would run.
    private func assertInert(_ markup: String, _ format: String, file: StaticString = #filePath, line: UInt = #line) {
        for pattern in [#"<\s*script"#, #"\son[a-z]+\s*="#, #"javascript:"#] {
            XCTAssertNil(markup.range(of: pattern, options: [.regularExpression, .caseInsensitive]), "\(format): \(pattern)", file: file, line: line)
        }
    }

    func testNamesComeThroughJSONIntactWithTheirMentions() throws {
        let graph = try Graph(jsonData: Data(output("g.json").utf8))
        XCTAssertEqual(Set(graph.actors.map(\.name)).intersection(Self.names), Set(Self.names))
        let text = Array(try String(contentsOf: url("article.txt"), encoding: .utf8).unicodeScalars)
        for mention in graph.actors.flatMap(\.mentions) {
            XCTAssertEqual(String(String.UnicodeScalarView(text[mention.span.start..<mention.span.end])), mention.text)
        }
    }

    func testNamesComeThroughDOTAsClosedStrings() throws {
        let lexed = lexDOT(try output("g.dot"))
        XCTAssertTrue(lexed.wellFormed)
        // Graphviz reads entity references in labels, so the writer spells '&' as '&amp;':
        // read the strings as Graphviz does.
        assertContainsEveryName(lexed.strings.map { $0.replacingOccurrences(of: "&amp;", with: "&") }, "DOT")
    }

    func testNamesComeThroughSVGIntactAndInert() throws {
        let svg = try output("g.svg")
        let parsed = parseXML(Data(svg.utf8))
        XCTAssertTrue(parsed.wellFormed, parsed.error ?? "")
        XCTAssertFalse(parsed.elements.contains { $0.name.lowercased().hasSuffix("script") })
        XCTAssertFalse(parsed.elements.contains { $0.attributes.keys.contains { $0.lowercased().hasPrefix("on") } })
        assertContainsEveryName(parsed.elements.flatMap { [$0.text] + Array($0.attributes.values) }, "SVG")
        XCTAssertTrue(parsed.elements.contains { $0.text.contains(Self.markedSentenceTail) || $0.attributes.values.contains { $0.contains(Self.markedSentenceTail) } })
    }

    func testNamesComeThroughGraphMLAndGEXFAsData() throws {
        let graphML = parseXML(Data(try output("g.graphml").utf8))
        XCTAssertTrue(graphML.wellFormed, graphML.error ?? "")
        let graphMLNames = graphML.elements(named: "data").filter { $0.attributes["key"] == "n_name" }.map(\.text)
        XCTAssertTrue(Set(Self.names).isSubset(of: graphMLNames))
        let gexf = parseXML(Data(try output("g.gexf").utf8))
        XCTAssertTrue(gexf.wellFormed, gexf.error ?? "")
        XCTAssertTrue(Set(Self.names).isSubset(of: gexf.elements(named: "node").compactMap { $0.attributes["label"] }))
    }

    func testNamesComeThroughMermaidAsEntityCodes() throws {
        let labels = try output("g.mmd").split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        for label in labels {
            XCTAssertNil(label.rangeOfCharacter(from: CharacterSet(charactersIn: "\"<>{}[]|`\\&")), label)
        }
        let decoded = labels.map { label in
            label.replacingOccurrences(of: #"#(\d+);"#, with: "&#$1;", options: .regularExpression)
        }.map(unescapeEntities)
        assertContainsEveryName(decoded, "Mermaid")
    }

    func testNamesComeThroughCSVAsFields() throws {
        let rows = parseCSV(try output("g.csv"))
        let header = try XCTUnwrap(rows.first)
        let columns = ["source_name", "target_name"].compactMap(header.firstIndex)
        XCTAssertEqual(columns.count, 2)
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == header.count })
        let names = Set(rows.dropFirst().flatMap { row in columns.map { row[$0] } })
        XCTAssertTrue(Set(Self.names).isSubset(of: names), "\(names.map { $0.prefix(30) })")
    }

    func testNamesComeThroughTheHTMLPageAndReportIntactAndInert() throws {
        for (name, report) in [("page.html", false), ("report.html", true)] {
            let html = try output(name, report: report)
            assertInert(html, name)
            let text = unescapeEntities(html)
            assertContainsEveryName([text], name)
            XCTAssertTrue(text.contains(Self.markedSentenceTail), "\(name): the sentence's own markup is not quoted")
        }
    }
}
