@testable import ActorExtraction
import ActorGraph
import XCTest

final class RelationRuleTests: XCTestCase {
    private func evidence(_ text: String, _ kind: RelationKind) throws -> Evidence? {
        try TestExtractor.graph(text).relations.first { $0.kind == kind }?.evidence.first
    }

    func testAllianceBetweenTwoStates() throws {
        XCTAssertEqual(try TestExtractor.edges("The alliance between Japan and the United States grew stronger."), ["JPN alliance USA"])
        XCTAssertEqual(try evidence("The alliance between Japan and the United States grew stronger.", .alliance)?.rule, "noun-between")
    }

    func testCompoundBeforeTheCueNamesBothSides() throws {
        XCTAssertEqual(try TestExtractor.edges("The Russia–Japan dispute has lasted decades."), ["JPN dispute RUS"])
        XCTAssertEqual(try evidence("The Russia–Japan dispute has lasted decades.", .dispute)?.rule, "compound-before-cue")
    }

    func testVerbWithObjectRunsFromSubjectToObject() throws {
        XCTAssertEqual(try TestExtractor.edges("Moscow threatened Tokyo."), ["RUS threat JPN"])
    }

    func testPassiveAgentIsTheSource() throws {
        XCTAssertEqual(try TestExtractor.edges("Japan was attacked by Russia."), ["RUS hostility JPN"])
    }

    func testBuyingFromAStateIsSupportFromTheSeller() throws {
        XCTAssertEqual(try TestExtractor.edges("Japan will buy missiles from the United States."), ["USA support JPN"])
    }

    func testRelyingOnAStateIsDependence() throws {
        XCTAssertEqual(try TestExtractor.edges("Japan relies on the United States for its security."), ["JPN dependence USA"])
    }

    func testTheTwoCountriesRefersToThePairNamedBefore() throws {
        let edges = try TestExtractor.edges("Fumio Kishida flew in on Friday, and Joe Biden was waiting. The alliance between the two countries grew.")
        XCTAssertEqual(edges, ["JPN alliance USA"])
    }

    func testSentenceWithOneActorStatesNoRelation() throws {
        XCTAssertEqual(try TestExtractor.edges("Japan signed an alliance last year."), [])
    }

    func testListedStatesWithoutACueStateNoRelation() throws {
        XCTAssertEqual(try TestExtractor.edges("Japan, China and Russia sent delegates."), [])
    }

    func testPersonIsAffiliatedWithTheStateWhoseOfficeTheyHeldOnTheDate() throws {
        let graph = try TestExtractor.graph("Fumio Kishida spoke.", date: "2023-01-12")
        let affiliation = graph.relations.first { $0.kind == .affiliation }
        XCTAssertEqual(affiliation.map { "\($0.source) \($0.target)" }, "fumio-kishida JPN")
    }
}

final class ModalityTests: XCTestCase {
    private func modality(_ text: String) throws -> Modality? {
        try TestExtractor.graph(text).relations.first { $0.kind != .affiliation }?.evidence.first?.modality
    }

    private func tense(_ text: String) throws -> Tense? {
        try TestExtractor.graph(text).relations.first { $0.kind != .affiliation }?.evidence.first?.tense
    }

    func testPlainStatementIsAsserted() throws {
        XCTAssertEqual(try modality("Russia threatens Japan."), .asserted)
    }

    func testCouldMakesARelationHypothetical() throws {
        XCTAssertEqual(try modality("Russia could threaten Japan."), .hypothetical)
    }

    func testIfClauseMakesARelationHypothetical() throws {
        XCTAssertEqual(try modality("If talks fail, Russia threatens Japan."), .hypothetical)
    }

    func testNotNegatesARelation() throws {
        XCTAssertEqual(try modality("Japan does not rely on China."), .negated)
    }

    func testNotOnlyDoesNotNegate() throws {
        XCTAssertEqual(try modality("Japan is not only an ally of the United States."), .asserted)
    }

    func testQuestionMarkMakesAQuestion() throws {
        XCTAssertEqual(try modality("Will Russia threaten Japan?"), .question)
    }

    func testWillMakesTheFuture() throws {
        XCTAssertEqual(try tense("Japan will buy missiles from the United States."), .future)
    }

    func testPastFormMakesThePast() throws {
        XCTAssertEqual(try tense("Russia threatened Japan."), .past)
    }
}

final class AttributionTests: XCTestCase {
    private func speaker(_ text: String) throws -> String?? {
        try TestExtractor.graph(text).relations.first { $0.kind != .affiliation }.map { $0.evidence.first?.attributedTo }
    }

    func testArticleVoiceHasNoSpeaker() throws {
        XCTAssertEqual(try speaker("Russia threatens Japan."), .some(nil))
    }

    func testSaidAttributesToTheSpeaker() throws {
        XCTAssertEqual(try speaker("Joe Biden said Russia threatens Japan."), "joe-biden")
    }

    func testAccordingToAttributesToTheSource() throws {
        XCTAssertEqual(try speaker("According to Joe Biden, Russia threatens Japan."), "joe-biden")
    }

    func testAReportAfterAnUnquotedCueLeavesTheArticleVoice() throws {
        XCTAssertEqual(try speaker("Russia threatens Japan, Joe Biden said."), .some(nil))
    }

    func testAReportBeforeTheCueAttributesEveryLaterCue() throws {
        let relations = try TestExtractor.graph("Joe Biden said Russia threatens Japan and China threatens Taiwan.").relations
            .filter { $0.kind != .affiliation }
        XCTAssertFalse(relations.isEmpty)
        for relation in relations { XCTAssertEqual(relation.evidence.first?.attributedTo, "joe-biden") }
    }

    func testQuotationIsAttributedToItsSpeaker() throws {
        XCTAssertEqual(try speaker("“Russia threatens Japan,” Joe Biden said."), "joe-biden")
    }

    func testQuotationOverSeveralSentencesKeepsItsSpeaker() throws {
        let text = "Joe Biden said: “We are calm. Russia threatens Japan.”"
        XCTAssertEqual(try speaker(text), "joe-biden")
    }

    /// The finder makes a rule's id from its position in `RelationRule.all`.
    func testRuleIDsFollowTheOrderOfAllRules() {
        for (position, rule) in RelationRule.all.enumerated() {
            XCTAssertEqual(rule.id.rawValue, UInt8(position), rule.name)
            XCTAssertEqual(RelationRule.ID(position: position), rule.id, rule.name)
        }
        XCTAssertNil(RelationRule.ID(rawValue: UInt8(RelationRule.all.count)))
    }
}
