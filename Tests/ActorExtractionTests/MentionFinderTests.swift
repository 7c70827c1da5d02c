@testable import ActorExtraction
import ActorGraph
import XCTest

final class MentionFinderTests: XCTestCase {
    private func actors(_ text: String) throws -> [String] {
        try TestExtractor.graph(text).actors.filter { !$0.mentions.isEmpty }.map(\.id)
    }

    private func mentionTexts(_ text: String, of id: String) throws -> [String] {
        try TestExtractor.graph(text).actor(id: id)?.mentions.map(\.text) ?? []
    }

    func testCapitalNameResolvesToItsState() throws {
        XCTAssertEqual(try actors("Tokyo protested."), ["JPN"])
    }

    func testSeatOfPowerResolvesToItsState() throws {
        XCTAssertEqual(try actors("The Kremlin protested."), ["RUS"])
    }

    func testDemonymResolvesToItsState() throws {
        XCTAssertEqual(try actors("The Japanese protested."), ["JPN"])
    }

    func testAliasWithTheMatchesAtASentenceStart() throws {
        XCTAssertEqual(try mentionTexts("The United States protested.", of: "USA"), ["The United States"])
    }

    func testUppercaseUSIsAStateButLowercaseUsIsNot() throws {
        XCTAssertEqual(try actors("The US told us nothing."), ["USA"])
        XCTAssertEqual(try actors("Let us wait."), [])
    }

    func testPossessiveWithCurlyApostropheStillNamesTheState() throws {
        XCTAssertEqual(try mentionTexts("Russia’s army moved.", of: "RUS"), ["Russia"])
    }

    func testLongestNameWinsOverTheStateInsideIt() throws {
        XCTAssertEqual(try actors("China Daily reported the talks."), ["china-daily"])
    }

    func testHyphenatedCompoundNamesBothStates() throws {
        XCTAssertEqual(try actors("A US-Japanese summit opened."), ["JPN", "USA"])
    }

    func testSurnameJoinsThePersonNamedInFull() throws {
        XCTAssertEqual(try mentionTexts("Shinzo Abe resigned. Later Abe returned.", of: "shinzo-abe"), ["Shinzo Abe", "Abe"])
    }

    func testSurnameAloneWithoutTheFullNameIsNotAMention() throws {
        XCTAssertEqual(try actors("Abe returned."), [])
    }

    func testAmbiguousAliasCountsOnlyWithAnUnambiguousMention() throws {
        XCTAssertEqual(try actors("He moved to Georgia last year."), [])
        XCTAssertEqual(try actors("Tbilisi said Georgia would respond."), ["GEO"])
    }

    func testMentionOffsetsAreCodePoints() throws {
        let text = "“Ответ” — Japan"
        let graph = try TestExtractor.graph(text)
        let mention = try XCTUnwrap(graph.actor(id: "JPN")?.mentions.first)
        XCTAssertEqual(mention.start, text.unicodeScalars.count - 5)
        XCTAssertEqual(mention.end, text.unicodeScalars.count)
    }
}
