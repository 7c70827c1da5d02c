@testable import ActorExtraction
import ActorGraph
import XCTest

/// Every relation rule has a sentence it must read and a look-alike it must leave alone.
final class RuleCoverageTests: XCTestCase {
    private func rules(_ text: String) throws -> Set<String> {
        Set(try TestExtractor.graph(text).relations.filter { $0.kind != .affiliation }.flatMap { $0.evidence.map(\.rule) })
    }

    private func edges(_ text: String) throws -> [String] { try TestExtractor.edges(text) }

    func testEveryRuleIsCoveredHere() {
        let covered: Set<String> = [
            "passive-by", "perception-active", "perception-passive", "pair-anaphor", "noun-between", "noun-of-preposition",
            "compound-before-cue", "prepositional-object", "verb-object", "coordinated-pair", "together-with",
            "together-with-topic", "sentence-subject", "possessive-apposition", "compound-participle",
        ]
        XCTAssertEqual(Set(RelationRule.all.map(\.name)), covered, "a new rule needs its tests in this file")
    }

    func testPassiveByReadsTheAgent() throws {
        XCTAssertEqual(try edges("Tokyo was sharply criticised by Beijing."), ["CHN criticism JPN"])
        XCTAssertEqual(try rules("Tokyo was sharply criticised by Beijing."), ["passive-by"])
    }

    func testPassiveWithoutAnAgentStatesNothing() throws {
        XCTAssertEqual(try edges("Tokyo was criticised by many commentators."), [])
    }

    func testPerceptionActiveRunsFromThePerceivedToThePerceiver() throws {
        XCTAssertEqual(try edges("Japan views China as a threat."), ["CHN threat JPN"])
        XCTAssertEqual(try rules("Japan views China as a threat."), ["perception-active"])
    }

    func testPerceptionOfANonActorStatesNothing() throws {
        XCTAssertEqual(try edges("Japan views climate change as a threat."), [])
    }

    func testPerceptionPassiveFindsThePerceiverAfterBy() throws {
        XCTAssertEqual(try edges("Russia is viewed as a threat by Japan."), ["RUS threat JPN"])
        XCTAssertEqual(try rules("Russia is viewed as a threat by Japan."), ["perception-passive"])
    }

    func testPerceptionPassiveWithoutAPerceiverStatesNothing() throws {
        XCTAssertEqual(try edges("Russia is viewed as a threat."), [])
    }

    func testNounOfThenPrepositionReadsAVisit() throws {
        XCTAssertEqual(try edges("The visit of Joe Biden to Japan went well."), ["JPN contact joe-biden"])
        XCTAssertEqual(try rules("The visit of Joe Biden to Japan went well."), ["noun-of-preposition"])
    }

    func testNounOfWithoutAPartnerStatesNothing() throws {
        XCTAssertEqual(try edges("The visit of Joe Biden ended early."), [])
    }

    func testCoordinatedPairSharesASymmetricRelation() throws {
        XCTAssertEqual(try edges("Tokyo and Washington signed a defence pact."), ["JPN alliance USA"])
        XCTAssertEqual(try rules("Tokyo and Washington signed a defence pact."), ["coordinated-pair"])
    }

    func testCoordinationDoesNotMakeADirectedRelation() throws {
        XCTAssertEqual(try edges("Russia and China threatened nobody."), [])
    }

    func testTogetherWithNamesThePartner() throws {
        XCTAssertEqual(try edges("Together with Britain, Japan will develop a jet."), ["GBR cooperation JPN"])
        XCTAssertEqual(try rules("Together with Britain, Japan will develop a jet."), ["together-with"])
    }

    func testTogetherWithWithoutAnyOtherActorStatesNothing() throws {
        XCTAssertEqual(try edges("Together with Britain, engineers will develop a jet."), [])
    }

    func testTogetherWithTakesTheStateTheTextIsAbout() throws {
        let text = "Japan is rearming. Japan wants a jet. Together with Britain, a jet will be built."
        XCTAssertEqual(try edges(text), ["GBR cooperation JPN"])
        XCTAssertEqual(try rules(text), ["together-with-topic"])
    }

    func testTopicNeedsAStateNamedMoreThanOnce() throws {
        XCTAssertEqual(try edges("Japan is rearming. Together with Britain, a jet will be built."), [])
    }

    func testSentenceSubjectIsTheAgentOfALaterNominalCue() throws {
        let text = "Russia worries its neighbours: in the north, because of strategic cooperation with China."
        XCTAssertEqual(try edges(text), ["CHN cooperation RUS"])
        XCTAssertEqual(try rules(text), ["sentence-subject"])
    }

    func testSentenceSubjectMustOpenTheSentence() throws {
        XCTAssertEqual(try edges("In the north, analysts worry: because of strategic cooperation with China."), [])
    }

    func testNounBetweenNeedsTwoActors() throws {
        XCTAssertEqual(try edges("The alliance between Japan and its neighbours grew."), [])
    }

    func testCompoundNeedsAnAttachedDash() throws {
        XCTAssertEqual(try edges("Russia - Japan dispute notes were filed."), [])
    }

    func testPrepositionalObjectNeedsItsPreposition() throws {
        XCTAssertEqual(try edges("Japan relies heavily, and China watches."), [])
    }

    func testVerbObjectSkipsAPlaceAfterTheVerb() throws {
        XCTAssertEqual(try edges("Joe Biden met reporters in Tokyo."), [])
    }

    func testSentenceWithoutActorsStatesARelationThroughAPairPhrase() throws {
        XCTAssertEqual(
            try rules("Japan and Russia met in Hanoi. Both sides agreed to cooperate."), ["coordinated-pair", "pair-anaphor"]
        )
    }

    func testPairAnaphorWithoutTwoEarlierActorsStatesNothing() throws {
        XCTAssertEqual(try edges("Japan waited. The two countries signed an alliance."), [])
    }

    func testPossessiveAppositionReadsThePossessorAsTheOtherSide() throws {
        XCTAssertEqual(try edges("Canada, Britain's oldest ally, sent a frigate."), ["CAN alliance GBR"])
        XCTAssertEqual(try rules("Canada, Britain's oldest ally, sent a frigate."), ["possessive-apposition"])
    }

    func testPossessiveOfANonActorStatesNothing() throws {
        XCTAssertEqual(try edges("Canada, the region's oldest ally, sent a frigate."), [])
    }

    func testCompoundParticipleReadsTheBackerBeforeTheHyphen() throws {
        XCTAssertEqual(try edges("Iran-backed Houthi rebels seized a ship."), ["IRN support houthis"])
        XCTAssertEqual(try rules("Iran-backed Houthi rebels seized a ship."), ["compound-participle"])
    }

    func testACompoundParticipleWithoutAnActorAfterItStatesNothing() throws {
        XCTAssertEqual(try edges("Kenya will lead a NATO-backed mission."), [])
    }
}
