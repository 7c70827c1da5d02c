@testable import ActorExtraction
import ActorGraph
import XCTest

/// Who does a stated act to whom: threats to act, agents of nominal acts, mutual acts.
final class ActAndAgentTests: XCTestCase {
    private func edges(_ text: String) throws -> [String] { try TestExtractor.edges(text) }

    func testForceThatAnActorThreatensToUseIsAThreat() throws {
        XCTAssertEqual(try edges("Russia threatened on Monday to attack Japan."), ["RUS threat JPN"])
    }

    func testForceNotGovernedByThreatenStaysHostility() throws {
        XCTAssertEqual(try edges("Russia decided on Monday to attack Japan."), ["RUS hostility JPN"])
    }

    func testANominalActsByPhraseNamesItsAgent() throws {
        XCTAssertEqual(try edges("Canada condemns the strikes carried out by Russia on Kenya."), ["RUS hostility KEN"])
    }

    func testWithoutAByPhraseTheSubjectStaysTheAgent() throws {
        XCTAssertEqual(try edges("Russia carried out strikes on Kenya."), ["RUS hostility KEN"])
    }

    func testAnAdverbialBetweenVerbAndObjectIsSteppedOver() throws {
        XCTAssertEqual(try edges("Canada condemns in the strongest terms Russia's conduct in Kenya."), ["CAN criticism RUS"])
    }

    func testAnExchangeOfStrikesRunsBothWays() throws {
        XCTAssertEqual(try edges("Turkey and Iraq exchanged artillery strikes overnight."), ["IRQ hostility TUR", "TUR hostility IRQ"])
    }

    func testEachOtherMakesADirectedActMutual() throws {
        XCTAssertEqual(try edges("Russia and Japan accused each other of spying."), ["JPN criticism RUS", "RUS criticism JPN"])
    }

    func testACoordinatedSubjectOfADirectedActIsNotMutualByItself() throws {
        XCTAssertEqual(try edges("Japan and Canada accused Russia of spying."), ["CAN criticism RUS", "JPN criticism RUS"])
    }

    func testANamedAgreementKeepsItsCompound() throws {
        XCTAssertEqual(try edges("Both governments praised the US-Japan Comprehensive Strategic Partnership."), ["JPN cooperation USA"])
    }

    func testLowercaseWordsBeforeAPlainCueStillLimitTheCompound() throws {
        XCTAssertEqual(try edges("The US-Japan trade talks on steel and the new strategic partnership were separate."), ["JPN contact USA"])
    }

    func testTheSentencesFirstOwnerIsTheAgentOfALaterNominalCue() throws {
        XCTAssertEqual(try edges("The report says that Russia's conduct worries many, as does its cooperation with China."), ["CHN cooperation RUS"])
    }

    func testAnActorReportingItsOwnActIsItsAgentAndSpeaker() throws {
        let relation = try TestExtractor.graph("Japan pledged new aid to Kenya.").relations.first { $0.kind == .support }
        XCTAssertEqual(relation.map { "\($0.source) \($0.target)" }, "JPN KEN")
        XCTAssertEqual(relation?.evidence.first?.attributedTo, "JPN")
    }
}
