@testable import ActorExtraction
import ActorGraph
import XCTest

/// What the words around a name say about it: an owner, a modifier, a place, a collective.
final class NameContextTests: XCTestCase {
    private func edges(_ text: String, date: String? = nil) throws -> [String] { try TestExtractor.edges(text, date: date) }
    private func actors(_ text: String) throws -> [String] { try TestExtractor.graph(text).actors.map(\.id) }

    func testAnAmbiguousNameThatOwnsSomethingIsTheActor() throws {
        XCTAssertEqual(try actors("Wagner's fighters left Mali."), ["MLI", "wagner-group"])
    }

    func testAnAmbiguousNameWithoutContextIsStillDropped() throws {
        XCTAssertEqual(try actors("Wagner wrote long operas."), [])
    }

    func testACollectiveNamedWithTheCountsOnItsOwn() throws {
        XCTAssertEqual(try edges("Moscow blames the West for the crisis."), ["RUS criticism the-west"])
    }

    func testACollectiveInsideALongerNameIsNoActor() throws {
        XCTAssertEqual(try actors("Settlers moved into the West Bank."), [])
    }

    func testASentenceOpeningNounIsNoPartOfAnInstitutionsName() throws {
        XCTAssertEqual(try actors("Talks on the Central Bank resumed."), [])
    }

    func testAParticipleAfterAPrepositionIsNoVerb() throws {
        XCTAssertEqual(try edges("Canada, dependent on subsidised Israeli gas, waited."), ["CAN dependence ISR"])
    }

    func testAWelcomedDecisionIsNoContactWithItsOwner() throws {
        XCTAssertEqual(try edges("Canada welcomed Japan's decision."), [])
    }

    func testAWelcomedLeaderIsAContact() throws {
        XCTAssertEqual(try edges("Fumio Kishida welcomed Joe Biden in Tokyo."), ["fumio-kishida contact joe-biden"])
    }

    func testABuyersDemonymObjectIsTheSeller() throws {
        XCTAssertEqual(try edges("Canada began buying Israeli drones."), ["ISR support CAN"])
    }

    func testANamedCounterpartBelongsToTheDemonymsState() throws {
        let graph = try TestExtractor.graph("Joe Biden met his Kenyan counterpart Mary Okoth.", date: "2020-01-01")
        XCTAssertEqual(graph.relations.first { $0.kind == .affiliation && $0.source == "mary-okoth" }?.evidence.first?.rule, "counterpart")
    }

    func testADemonymQualifyingAPlaceIsNoAgent() throws {
        XCTAssertEqual(try edges("NATO's build-up near the Finnish border endangers Russia."), ["nato threat RUS"])
    }

    func testADemonymQualifyingAGroupAfterInStaysTheAgent() throws {
        XCTAssertEqual(try edges("Hawks in the Japanese elite demonise Russia."), ["JPN criticism RUS"])
    }

    func testAnAppositionOpenedByAnOwnersNameIsSteppedOver() throws {
        XCTAssertEqual(try edges("Mary Okoth, Kenya's envoy to NATO, accused Russia of lying."), ["mary-okoth criticism RUS"])
    }

    func testMembersNamedRightAfterTheirOrganisationBelongToIt() throws {
        let graph = try TestExtractor.graph("NATO members Canada and Turkey sent jets.")
        XCTAssertEqual(graph.relations.filter { $0.kind == .affiliation }.map { "\($0.source) \($0.target)" }.sorted(), ["CAN nato", "TUR nato"])
    }

    func testTwoPresidentsReferToThePairOfPeopleNamedBefore() throws {
        XCTAssertEqual(try edges("Joe Biden hosted Mary Okoth. The two presidents signed a partnership."),
                       ["joe-biden contact mary-okoth", "joe-biden cooperation mary-okoth"])
    }

    func testAPairPhraseIsMatchedWholeNotByItsOpeningWords() throws {
        XCTAssertEqual(try edges("Japan and Russia quarrel. The quarrel kept the two countries from ever signing a treaty."), ["JPN dispute RUS"])
    }

    func testAPairOpeningTheSentenceIsTheSubjectOfALaterSymmetricCue() throws {
        XCTAssertEqual(try edges("Joe Biden hosted Mary Okoth. The two presidents agreed to step up cooperation on trade."),
                       ["joe-biden contact mary-okoth", "joe-biden cooperation mary-okoth"])
    }

    func testAPairOpeningTheSentenceYieldsToAnActorNamedBeforeTheCue() throws {
        XCTAssertEqual(try edges("Joe Biden hosted Mary Okoth. The two presidents praised cooperation with Canada."),
                       ["joe-biden contact mary-okoth"])
    }
}
