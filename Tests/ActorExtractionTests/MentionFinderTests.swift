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

    func testUnknownPersonTakesTheStateOfTheirInstitution() throws {
        let graph = try TestExtractor.graph("Professor Hana Mori of Britain's Ministry of Defence disagreed.")
        XCTAssertEqual(graph.actor(id: "hana-mori")?.country, "GBR")
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

final class ActorExtensionTests: XCTestCase {
    private func extractor(_ yaml: String, ext: String = "yaml") throws -> Extractor {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("actors-\(UUID().uuidString).\(ext)")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Extractor(extensions: ActorExtension.load(url))
    }

    func testUserAliasNamesABuiltInActor() throws {
        let graph = try extractor("actors:\n  - id: JPN\n    aliases: [\"the island monarchy\"]\n")
            .extract(ArticleText(parsing: "Moscow threatened the island monarchy.", fallbackID: "t"))
        XCTAssertEqual(graph.actor(id: "JPN")?.mentions.map(\.text), ["the island monarchy"])
        XCTAssertEqual(graph.actor(id: "JPN")?.name, "Japan", "an alias adds to the actor, it does not replace it")
    }

    func testUserFileAddsANewActor() throws {
        let json = #"{"actors": [{"id": "orion-institute", "name": "Orion Institute", "kind": "organisation", "country": "FIN", "aliases": ["Orion"]}]}"#
        let graph = try extractor(json, ext: "json").extract(ArticleText(parsing: "Orion criticised Russia.", fallbackID: "t"))
        XCTAssertEqual(graph.actor(id: "orion-institute")?.country, "FIN")
    }

    func testNewActorWithoutAKindIsRefused() throws {
        XCTAssertThrowsError(try extractor("actors:\n  - id: nobody\n    name: Nobody\n")) { error in
            XCTAssertTrue("\(error)".contains("'nobody'"), "\(error)")
        }
    }

    func testMalformedFileNamesItself() throws {
        XCTAssertThrowsError(try extractor("actors: [[[")) { error in
            XCTAssertTrue("\(error)".contains("not an actors file"), "\(error)")
        }
    }
}

/// Mentions with the built-in gazetteer: the ambiguities news text is full of.
final class BuiltInAmbiguityTests: XCTestCase {
    private func actors(_ text: String) throws -> Set<String> {
        Set(try Extractor().extract(ArticleText(parsing: text, fallbackID: "t")).actors.filter { !$0.mentions.isEmpty }.map(\.id))
    }

    func testGeorgiaAloneIsNotTheState() throws {
        XCTAssertFalse(try actors("The storm moved north from Florida into Georgia on Tuesday.").contains("GEO"))
    }

    func testGeorgiaWithItsCapitalIsTheState() throws {
        XCTAssertTrue(try actors("Tbilisi protested, and Georgia recalled its ambassador.").contains("GEO"))
    }

    func testJordanAfterAFirstNameIsAPerson() throws {
        XCTAssertFalse(try actors("Fans cheered Michael Jordan in Chicago.").contains("JOR"))
    }

    func testChadAsAFirstNameIsNotTheState() throws {
        XCTAssertFalse(try actors("The coach, Chad Smith, resigned.").contains("TCD"))
    }

    func testNigerWithNiameyIsTheState() throws {
        XCTAssertTrue(try actors("Niamey expelled the envoy, and Niger closed its airspace.").contains("NER"))
    }

    func testTurkeyMidSentenceIsTheState() throws {
        XCTAssertTrue(try actors("Sweden asked Turkey to approve its bid.").contains("TUR"))
    }

    func testChinaDailyIsANewspaperNotChina() throws {
        XCTAssertEqual(try actors("China Daily ran the story."), ["china-daily"])
    }

    func testWashingtonStateIsNotTheUnitedStates() throws {
        XCTAssertFalse(try actors("Wildfires spread across Washington state.").contains("USA"))
    }

    func testWashingtonAsASeatOfPowerIsTheUnitedStates() throws {
        XCTAssertTrue(try actors("Washington warned Beijing.").contains("USA"))
    }

    func testKievAndKyivBothNameUkraine() throws {
        XCTAssertEqual(try actors("Kiev and Kyiv are two spellings."), ["UKR"])
    }

    func testKievAsAPlaceIsNotAnAgent() throws {
        let graph = try Extractor().extract(ArticleText(parsing: "Russia attacked targets in Kiev.", fallbackID: "t"))
        XCTAssertFalse(graph.relations.contains { $0.source == "UKR" && $0.kind == .hostility })
    }

    func testASCIISlugsAreTheUnicodeSlugs() {
        let names = ["Harrowgate Centre for Maritime Studies", "Ingrid Vellacourt", "O'Brien-Smith Institute", "  J. R. R. Tolkien ",
                     "Centre 4 Policy", "---", "", "A--B", "MIT Media Lab."]
        for name in names {
            XCTAssertEqual(UnknownActorFinder.asciiSlug(name), UnknownActorFinder.unicodeSlug(name), name)
        }
        XCTAssertNil(UnknownActorFinder.asciiSlug("Zoë Institute"))
        XCTAssertEqual(UnknownActorFinder.slug("Zoë Institute"), "zoe-institute")
    }
}

final class GazetteerCoverageTests: XCTestCase {
    func testTheGazetteerPassCoversTheTokensOfTheMentionsItKeepsAndNoOthers() {
        // "Georgia", ambiguous and named nowhere else, is dropped: its token is not covered.
        let bytes = Array("He moved to Georgia and met the Japanese envoy in Tokyo.".utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        var covered = IndexBits(count: tokens.count)
        let found = MentionFinder(gazetteer: TestExtractor.gazetteer, roles: TestExtractor.roles).gazetteerMentions(in: tokens, covered: &covered)
        XCTAssertFalse(found.isEmpty)
        let expected = Set(found.flatMap { Array($0.tokens) })
        XCTAssertFalse(expected.contains(3))
        for index in tokens.indices { XCTAssertEqual(covered.contains(index), expected.contains(index), String(index)) }
    }
}
