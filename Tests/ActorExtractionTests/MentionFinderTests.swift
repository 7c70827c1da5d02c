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

final class RoleResolverTests: XCTestCase {
    func testRolePhraseWithoutANameResolvesToTheOfficeHolderOnTheDate() throws {
        let graph = try TestExtractor.graph("The Japanese prime minister flew home.", date: "2023-01-12")
        XCTAssertEqual(graph.actor(id: "fumio-kishida")?.mentions.map(\.text), ["Japanese prime minister"])
    }

    func testRolePhraseOutsideTheOfficeDatesNamesNobody() throws {
        let graph = try TestExtractor.graph("The Japanese prime minister flew home.", date: "2019-01-12")
        XCTAssertNil(graph.actor(id: "fumio-kishida"))
    }

    func testRoleOfStateResolvesLikeTheDemonymForm() throws {
        let graph = try TestExtractor.graph("The prime minister of Japan flew home.", date: "2023-01-12")
        XCTAssertNotNil(graph.actor(id: "fumio-kishida"))
    }

    func testTitledNameIsTiedToTheStateBeforeTheTitle() throws {
        let graph = try TestExtractor.graph("Japanese Prime Minister Fumio Kishida flew home.")
        let affiliation = graph.relations.first { $0.kind == .affiliation }
        XCTAssertEqual(affiliation?.source, "fumio-kishida")
        XCTAssertEqual(affiliation?.target, "JPN")
        XCTAssertEqual(affiliation?.evidence.first?.rule, "role-title")
    }

    func testStateBeforeATitledNameTakesNoPartInRelations() throws {
        let edges = try TestExtractor.edges("Japanese Prime Minister Fumio Kishida met US President Joe Biden.")
        XCTAssertEqual(edges, ["fumio-kishida contact joe-biden"])
    }
}

final class UnknownActorTests: XCTestCase {
    private func actors(_ text: String) throws -> [String: ActorKind] {
        Dictionary(uniqueKeysWithValues: try TestExtractor.graph(text).actors.map { ($0.id, $0.kind) })
    }

    func testTitledUnknownNameBecomesAPerson() throws {
        XCTAssertEqual(try actors("Professor Hana Mori disagreed.")["hana-mori"], .person)
    }

    func testUnknownNameBeforeSaidBecomesAPerson() throws {
        XCTAssertEqual(try actors("Ingrid Vellacourt said the talks failed.")["ingrid-vellacourt"], .person)
    }

    func testNameWithAnInstitutionHeadBecomesAnOrganisation() throws {
        XCTAssertEqual(try actors("She works at the University of Tsukuba.")["university-of-tsukuba"], .organisation)
    }

    func testOwnedInstitutionCarriesItsOwnersState() throws {
        let graph = try TestExtractor.graph("Britain's Ministry of Defence said little.")
        XCTAssertEqual(graph.actor(id: "gbr-ministry-of-defence")?.country, "GBR")
    }

    func testSentenceInitialWordsAreNeverActors() throws {
        XCTAssertEqual(try actors("Analysts said the talks failed. Moreover Tokyo waited."), ["JPN": .state])
    }

    func testUntitledCapitalisedWordsAreNotActors() throws {
        XCTAssertEqual(try actors("The Sarmat missile flew over Eastern Siberia."), [:])
    }
}
