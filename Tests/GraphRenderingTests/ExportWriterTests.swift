import ActorGraph
import Foundation
@testable import GraphRendering
import TestSupport
import XCTest

/// GraphML, GEXF, Mermaid and CSV: each format read back the way its consumers read it.
final class GraphMLWriterTests: XCTestCase {
    func testGraphMLIsWellFormedWithTypedKeys() {
        let summary = parseXML(Data(GraphMLWriter().graphML(for: SampleGraphs.summit()).utf8))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        let types = Dictionary(summary.elements(named: "key").map { ($0.attributes["attr.name"]! + "/" + $0.attributes["for"]!, $0.attributes["attr.type"]!) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(types["weight/edge"], "int")
        XCTAssertEqual(types["directed/edge"], "boolean")
        XCTAssertEqual(types["confidence/edge"], "double")
    }

    func testGraphMLHasOneEdgePerRelation() {
        let summary = parseXML(Data(GraphMLWriter().graphML(for: SampleGraphs.summit()).utf8))
        XCTAssertEqual(summary.elements(named: "edge").count, 2)
        XCTAssertEqual(summary.elements(named: "node").count, 3)
    }

    func testGraphMLKeepsHostileNamesIntact() {
        let summary = parseXML(Data(GraphMLWriter().graphML(for: SampleGraphs.hostile()).utf8))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        let names = summary.elements(named: "data").filter { $0.attributes["key"] == "n_name" }.map(\.text)
        XCTAssertTrue(SampleGraphs.hostileNames.allSatisfy(names.contains), "\(names)")
    }
}

final class GEXFWriterTests: XCTestCase {
    func testGEXFKeepsHostileNamesIntactAsLabels() {
        let summary = parseXML(Data(GEXFWriter().gexf(for: SampleGraphs.hostile()).utf8))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        let labels = summary.elements(named: "node").compactMap { $0.attributes["label"] }
        XCTAssertTrue(SampleGraphs.hostileNames.allSatisfy(labels.contains), "\(labels)")
    }

    func testGEXFEdgesCarryKindAndWeight() {
        let edges = parseXML(Data(GEXFWriter().gexf(for: SampleGraphs.summit()).utf8)).elements(named: "edge")
        XCTAssertEqual(edges.map { $0.attributes["label"] }, ["alliance", "threat"])
        XCTAssertEqual(edges.map { $0.attributes["weight"] }, ["1", "1"])
    }
}

final class MermaidWriterTests: XCTestCase {
    func testMermaidLabelsCarryNoSyntaxCharacters() {
        let mermaid = MermaidWriter().mermaid(for: SampleGraphs.hostile())
        let labels = mermaid.split(separator: "\n").compactMap { line -> Substring? in
            guard let open = line.firstIndex(of: "\""), let close = line.lastIndex(of: "\""), open < close else { return nil }
            return line[line.index(after: open)..<close]
        }
        XCTAssertEqual(labels.count, SampleGraphs.hostileNames.count + 1)
        for label in labels {
            XCTAssertNil(label.rangeOfCharacter(from: CharacterSet(charactersIn: "\"<>{}[]|`\\&")), String(label))
        }
    }

    func testMermaidEntityCodesSpellTheNameBack() {
        let label = MermaidWriter.escaped(#"<script> "x""#)
        let decoded = label.replacingOccurrences(of: #"#(\d+);"#, with: "", options: .regularExpression)
        XCTAssertEqual(decoded, "script x")
        XCTAssertTrue(label.contains("#60;script#62;"), label)
    }

    func testMermaidDrawsSymmetricKindsWithoutArrowsAndHedgedDotted() {
        let mermaid = MermaidWriter().mermaid(for: SampleGraphs.summit())
        XCTAssertTrue(mermaid.contains(" ===|alliance| "), mermaid)   // thick, no arrow
        XCTAssertTrue(mermaid.contains("-.->"), mermaid)    // hedged threat
        XCTAssertTrue(mermaid.hasPrefix("%% Summit\nflowchart LR\n"), mermaid)
    }
}

final class CSVWriterTests: XCTestCase {
    func testCSVHasOneRowPerRelationUnderTheHeader() {
        let lines = CSVWriter().csv(for: SampleGraphs.summit()).split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), CSVWriter.columns.joined(separator: ","))
        XCTAssertEqual(lines.count, 3)
    }

    func testCSVRowCountsModalities() {
        let rows = CSVWriter().csv(for: SampleGraphs.summit()).split(separator: "\n")
        XCTAssertTrue(rows.contains { $0.hasPrefix("RUS,JPN,Russia,Japan,threat,true,1,0,1,0,0,0,hypothetical:1,") }, "\(rows)")
    }

    func testFieldsWithQuotesAndCommasAreQuotedAndDoubled() {
        XCTAssertEqual(CSVWriter.field(#"Say "hi", bye"#), #""Say ""hi"", bye""#)
        XCTAssertEqual(CSVWriter.field("plain <b>"), "plain <b>")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
    }
}
