@testable import ActorExtraction
import XCTest

final class RuleCodeTests: XCTestCase {
    func testARelationRulesCodeNamesTheRule() {
        for rule in RelationRule.all {
            XCTAssertEqual(GraphBuilder.name(of: GraphBuilder.RuleCode(rule.id), others: []), rule.name)
        }
    }

    func testTheGazetteersCodeIsNoRelationRules() {
        XCTAssertEqual(GraphBuilder.name(of: .gazetteer, others: []), GraphBuilder.gazetteerRule)
        for rule in RelationRule.all {
            XCTAssertNotEqual(GraphBuilder.RuleCode(rule.id), .gazetteer)
            XCTAssertNotEqual(rule.name, GraphBuilder.gazetteerRule)
        }
    }

    func testOtherCodesNameTheBuildersOtherRules() {
        let others = ["role-title", "counterpart"]
        XCTAssertEqual(GraphBuilder.name(of: GraphBuilder.RuleCode(other: 0), others: others), "role-title")
        XCTAssertEqual(GraphBuilder.name(of: GraphBuilder.RuleCode(other: 1), others: others), "counterpart")
        XCTAssertNotEqual(GraphBuilder.RuleCode(other: 0), .gazetteer)
    }
}

final class RuleCodeNameTests: XCTestCase {
    /// Codes are equal exactly when names are: the gazetteer's replacement test compares codes.
    func testTheFixedNamesDiffer() {
        let names = GraphBuilder.RuleCode.fixedNames
        XCTAssertEqual(Set(names.map { Array($0.utf8) }).count, names.count)
        XCTAssertEqual(GraphBuilder.RuleCode.firstOther, names.count)
    }

    func testAnAffiliationsRuleKeepsItsNameInTheGraph() throws {
        let text = "Japanese Prime Minister Fumio Kishida met reporters."
        let rules = try TestExtractor.graph(text).relations.flatMap { $0.evidence.map(\.rule) }
        XCTAssertFalse(rules.isEmpty)
        XCTAssertTrue(rules.allSatisfy { GraphBuilder.RuleCode.fixedNames.contains($0) })
    }
}
