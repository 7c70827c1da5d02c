import ActorGraph
import Foundation
import TestSupport
import XCTest

final class GraphDiffJSONTests: XCTestCase {
    private typealias S = GraphBuilders.Statement

    /// A: alliance ×2 and a threat; B: dependence, the threat hedged, and Britain.
    private func sample() -> GraphDiff {
        let a = GraphBuilders.graph(article: "tokyo", relations: [S("JPN", "USA", .alliance, [.asserted, .asserted]), S("RUS", "JPN", .threat)])
        let b = GraphBuilders.graph(article: "moscow", relations: [S("JPN", "USA", .dependence), S("RUS", "JPN", .threat, [.hypothetical])], extraActors: ["GBR"])
        var diff = a.diff(to: b)
        diff.a.label = "tokyo.md"
        diff.b.label = "moscow.md"
        XCTAssertEqual(diff.invariantViolations(), [])
        return diff
    }

    private func object(_ diff: GraphDiff) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(diff.jsonString().utf8)) as? [String: Any])
    }

    func testTheJSONHasTheContractsFields() throws {
        let json = try object(sample())
        XCTAssertEqual(Set(json.keys), ["a", "b", "actors", "relations", "similarity", "weightedSimilarity"])
        XCTAssertEqual(Set(try XCTUnwrap(json["actors"] as? [String: Any]).keys), ["added", "removed"])
        XCTAssertEqual(Set(try XCTUnwrap(json["relations"] as? [String: Any]).keys), ["added", "removed", "changed", "conflicts", "unchanged"])
        let a = try XCTUnwrap(json["a"] as? [String: Any])
        XCTAssertEqual(a["label"] as? String, "tokyo.md")
        XCTAssertEqual(a["articles"] as? [String], ["tokyo"])
    }

    func testAddedMeansPresentInBOnly() throws {
        let json = try object(sample())
        let relations = try XCTUnwrap(json["relations"] as? [String: Any])
        let added = try XCTUnwrap(relations["added"] as? [[String: Any]])
        XCTAssertEqual(added.map { $0["kind"] as? String }, ["dependence"])
        let removed = try XCTUnwrap(relations["removed"] as? [[String: Any]])
        XCTAssertEqual(removed.map { $0["kind"] as? String }, ["alliance"])
        XCTAssertEqual(removed.first?["weight"] as? Int, 2)
        XCTAssertEqual((json["actors"] as? [String: Any])?["added"] as? [String], ["GBR"])
    }

    func testAChangedRelationCarriesBothSidesStatements() throws {
        let relations = try XCTUnwrap(try object(sample())["relations"] as? [String: Any])
        let changed = try XCTUnwrap((relations["changed"] as? [[String: Any]])?.first)
        XCTAssertEqual(changed["kind"] as? String, "threat")
        XCTAssertEqual(changed["changes"] as? [String], ["modality"])
        let a = try XCTUnwrap(changed["a"] as? [String: Any])
        let b = try XCTUnwrap(changed["b"] as? [String: Any])
        XCTAssertEqual((a["modality"] as? [String: Int])?["asserted"], 1)
        XCTAssertEqual((b["modality"] as? [String: Int])?["hypothetical"], 1)
        XCTAssertTrue((b["attributedTo"] as? [Any])?.first is NSNull, "the article's own voice is null, as in the graph schema")
    }

    func testAConflictListsWhatEachSideSaysOfThePair() throws {
        let relations = try XCTUnwrap(try object(sample())["relations"] as? [String: Any])
        let conflict = try XCTUnwrap((relations["conflicts"] as? [[String: Any]])?.first)
        XCTAssertEqual(conflict["actors"] as? [String], ["JPN", "USA"])
        XCTAssertEqual((conflict["a"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["alliance"])
        XCTAssertEqual((conflict["b"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["dependence"])
    }

    func testScoresAreRoundedToFourDecimals() throws {
        let json = try object(sample())
        XCTAssertEqual(json["similarity"] as? Double, 0.3333)
        XCTAssertEqual(json["weightedSimilarity"] as? Double, 0.25)
    }

    func testTheSameDiffGivesIdenticalBytes() {
        XCTAssertEqual(sample().jsonString(), sample().jsonString())
    }
}
