import ActorGraph
import Foundation
import TestSupport
import XCTest

final class GraphJSONTests: XCTestCase {
    func testJSONRoundTripGivesTheSameGraph() throws {
        let graph = SampleGraphs.summit()
        let decoded = try Graph(jsonData: graph.jsonData())
        XCTAssertEqual(decoded, graph)
        XCTAssertEqual(decoded.jsonString(), graph.jsonString())
    }

    func testEncodingTwiceGivesIdenticalBytes() {
        XCTAssertEqual(SampleGraphs.generated(seed: 7).jsonData(), SampleGraphs.generated(seed: 7).jsonData())
    }

    func testJSONHasTheSchemaFieldsInDocumentedOrder() throws {
        let text = SampleGraphs.summit().jsonString()
        let order = ["\"schemaVersion\": 1", "\"articles\"", "\"actors\"", "\"relations\""].map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil))
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let relation = try XCTUnwrap((object["relations"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(relation.keys), ["source", "target", "kind", "directed", "weight", "evidence"])
        let evidence = try XCTUnwrap((relation["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(evidence.keys), ["article", "sentence", "source", "target", "cue", "modality", "attributedTo", "tense", "rule", "confidence"])
        XCTAssertTrue(evidence["attributedTo"] is NSNull, "the article's own voice is written as null")
    }

    func testEachArticleMentionAndEvidenceItemIsALineOfItsOwn() throws {
        let graph = SampleGraphs.generated(seed: 3)
        let records = try graph.jsonString().split(separator: "\n").filter { $0.contains("{\"") }.map { line in
            let text = line.drop { $0 == " " }
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.dropLast(text.hasSuffix(",") ? 1 : 0).utf8)) as? [String: Any])
        }
        let mentions = graph.actors.reduce(0) { $0 + $1.mentions.count }
        let evidence = graph.relations.reduce(0) { $0 + $1.evidence.count }
        XCTAssertGreaterThan(mentions, 0)
        XCTAssertGreaterThan(evidence, 0)
        XCTAssertEqual(records.filter { $0["title"] != nil }.count, graph.articles.count)
        XCTAssertEqual(records.filter { $0["text"] != nil }.count, mentions)
        XCTAssertEqual(records.filter { $0["cue"] != nil }.count, evidence)
    }

    func testActorsAndRelationsSpreadTheirFieldsOverLines() {
        let text = SampleGraphs.summit().jsonString()
        XCTAssertTrue(text.contains("\n      \"id\": \"JPN\",\n      \"name\": "), text)
        XCTAssertTrue(text.contains("\n      \"kind\": \"alliance\",\n      \"directed\": false,"), text)
    }

    func testJSONLineHoldsTheDocumentsGraphOnOneLine() throws {
        let graph = SampleGraphs.generated(seed: 5)
        let line = graph.jsonLine()
        XCTAssertEqual(line.filter { $0 == UInt8(ascii: "\n") }.count, 1)
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
        XCTAssertFalse(String(decoding: line, as: UTF8.self).contains(", \""), "no space after a comma in the compact style")
        XCTAssertEqual(try Graph(jsonData: line), try Graph(jsonData: graph.jsonData()))
    }

    func testSymmetricRelationIsStoredWithTheSmallerIDFirst() {
        let graph = SampleGraphs.summit()
        let alliance = graph.relations.first { $0.kind == .alliance }
        XCTAssertEqual(alliance?.source, "JPN")
        XCTAssertEqual(alliance?.target, "USA")
        XCTAssertEqual(alliance?.directed, false)
    }

    func testStringsWithQuotesAndMarkupAreEscaped() throws {
        let name = "Quote \" backslash \\ <script>alert(1)</script> & \u{1} 東京"
        let graph = Graph(actors: [Actor(id: "x", name: name, kind: .group)])
        let text = graph.jsonString()
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertEqual(try Graph(jsonData: Data(text.utf8)).actors.first?.name, name)
    }

    func testLineSeparatorsAndControlCharactersAreEscaped() throws {
        let name = "a\u{2028}b\u{2029}c\u{1}d\u{7}"
        let text = Graph(actors: [Actor(id: "x", name: name, kind: .group)]).jsonString()
        XCTAssertTrue(text.contains(#"a\u2028b\u2029c\u0001d\u0007"#), text)
        XCTAssertEqual(try Graph(jsonData: Data(text.utf8)).actors.first?.name, name)
    }

    func testWrongSchemaVersionIsRefusedWithAClearMessage() {
        let data = Data(#"{"schemaVersion": 2, "articles": [], "actors": [], "relations": []}"#.utf8)
        XCTAssertThrowsError(try Graph(jsonData: data)) { error in
            XCTAssertTrue("\(error)".contains("schemaVersion 2"), "\(error)")
        }
    }

    func testMissingFieldIsNamedInTheError() {
        let data = Data(#"{"schemaVersion": 1, "articles": [], "actors": [{"id": "JPN"}], "relations": []}"#.utf8)
        XCTAssertThrowsError(try Graph(jsonData: data)) { error in
            XCTAssertTrue("\(error)".contains("'name'"), "\(error)")
        }
    }

    private func document(actors: String, relations: String) -> Data {
        let evidence = #"{"article": "a", "sentence": {"start": 0, "end": 9}, "source": {"start": 0, "end": 1}, "target": {"start": 2, "end": 3}, "cue": {"start": 4, "end": 5}, "modality": "asserted", "attributedTo": null, "tense": "past", "rule": "r", "confidence": 0.5}"#
        let text = #"{"schemaVersion": 1, "articles": [{"id": "a"}], "actors": [\#(actors)], "relations": [\#(relations)]}"#
        return Data(text.replacingOccurrences(of: "EVIDENCE", with: evidence).utf8)
    }

    private let japan = #"{"id": "JPN", "name": "Japan", "kind": "state"}"#
    private let russia = #"{"id": "RUS", "name": "Russia", "kind": "state"}"#

    /// Found by the fuzzer: a file whose relation names an actor it does not list was
    /// read as a graph, and drawn with a node the graph does not have.
    func testRelationToAnUnlistedActorIsRefused() {
        let data = document(actors: japan, relations: #"{"source": "RUS", "target": "JPN", "kind": "threat", "evidence": [EVIDENCE]}"#)
        XCTAssertThrowsError(try Graph(jsonData: data)) { error in
            XCTAssertEqual("\(error)", "relations[0] names 'RUS', which is not one of the actors")
        }
    }

    func testRepeatedActorIDIsRefused() {
        XCTAssertThrowsError(try Graph(jsonData: document(actors: [japan, russia, japan].joined(separator: ","), relations: ""))) { error in
            XCTAssertEqual("\(error)", "actor id 'JPN' appears twice (at actors[2])")
        }
    }

    func testRelationWithoutEvidenceIsRefused() {
        let data = document(actors: japan + "," + russia, relations: #"{"source": "RUS", "target": "JPN", "kind": "threat", "evidence": []}"#)
        XCTAssertThrowsError(try Graph(jsonData: data)) { error in
            XCTAssertTrue("\(error)".hasPrefix("relations[0] has no evidence"), "\(error)")
        }
    }

    func testRepeatedRelationIsRefused() {
        let relation = #"{"source": "RUS", "target": "JPN", "kind": "contact", "evidence": [EVIDENCE]}"#
        let swapped = #"{"source": "JPN", "target": "RUS", "kind": "contact", "evidence": [EVIDENCE]}"#
        XCTAssertThrowsError(try Graph(jsonData: document(actors: japan + "," + russia, relations: relation + "," + swapped))) { error in
            XCTAssertEqual("\(error)", "relations[1] repeats the contact relation of 'JPN' and 'RUS'")
        }
    }

    /// Found by reading the scanner, confirmed by replaying the input through the fuzz
    /// harness: "1e999" read as an infinite confidence, which the writer wrote back as 0.
    func testNumberBeyondDoubleRangeIsRefused() {
        let data = document(actors: japan + "," + russia, relations: #"{"source": "RUS", "target": "JPN", "kind": "threat", "evidence": [EVIDENCE]}"#)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: #""confidence": 0.5"#, with: #""confidence": 1e999"#)
        XCTAssertThrowsError(try Graph(jsonData: Data(text.utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("number out of range: 1e999 at relations[0].evidence[0].confidence"), "\(error)")
        }
    }

    func testNotJSONIsRefused() {
        XCTAssertThrowsError(try Graph(jsonData: Data("hello".utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("not valid JSON"), "\(error)")
        }
    }
}
