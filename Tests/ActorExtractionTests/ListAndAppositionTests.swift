@testable import ActorExtraction
import ActorGraph
import XCTest

/// Lists, appositions and possessives around a cue: who is said to be whose ally, and who
/// the subject of a cue is when something stands between.
final class ListAndAppositionTests: XCTestCase {
    private func edges(_ text: String, date: String? = nil) throws -> [String] { try TestExtractor.edges(text, date: date) }

    private func affiliations(_ text: String, date: String? = nil) throws -> [String] {
        try TestExtractor.graph(text, date: date).relations.filter { $0.kind == .affiliation && $0.evidence.contains { $0.rule != "gazetteer-office" } }
            .map { "\($0.source) \($0.target)" }.sorted()
    }

    func testASymmetricCueOverAListOfThreeLinksEveryPair() throws {
        XCTAssertEqual(try edges("Mali, Canada and Kenya became military allies last spring."),
                       ["CAN alliance KEN", "CAN alliance MLI", "KEN alliance MLI"])
    }

    func testAListAfterAPrepositionIsNoSubject() throws {
        XCTAssertEqual(try edges("Delegates from Mali, Canada and Kenya spoke at the forum."), [])
    }

    func testAPlaceBeforeTheListDoesNotJoinIt() throws {
        XCTAssertEqual(try edges("At a ceremony in Bamako, Canada and Mali signed a defence pact."), ["CAN alliance MLI"])
    }

    func testAnAmbiguousNameListedBesideStatesIsAState() throws {
        XCTAssertEqual(try edges("Mali, Chad and Niger became military allies."), ["MLI alliance NER", "MLI alliance TCD", "NER alliance TCD"])
    }

    func testAnAmbiguousNameAloneIsStillNotAState() throws {
        XCTAssertEqual(try TestExtractor.graph("The Niger floods every autumn.").actors.map(\.id), [])
    }

    func testAVerbDoesNotYieldToACapitalisedTitle() throws {
        XCTAssertEqual(try edges("Joe Biden spoke with President Mary Okoth of Kenya."), ["joe-biden contact mary-okoth"])
    }

    func testATitlesOwnHolderIsTheOneTiedToTheState() throws {
        XCTAssertEqual(try affiliations("Joe Biden spoke with President Mary Okoth of Kenya."), ["mary-okoth KEN"])
    }

    func testAVerbDoesNotYieldToAModifierCue() throws {
        XCTAssertEqual(try edges("Turkey sells armed drones to Kenya."), ["TUR support KEN"])
    }

    func testAnAppositionWithAnArticleIsSteppedOverToTheSubject() throws {
        XCTAssertEqual(try edges("Turkey, a NATO member, sells drones to Kenya."), ["TUR support KEN"])
    }

    func testANameUsedAsModifierAfterAnArticleIsTheOtherSide() throws {
        XCTAssertEqual(try affiliations("Turkey, a NATO member, sells drones to Kenya."), ["TUR nato"])
    }

    func testACopulaLinksTheSubjectToThePossessor() throws {
        XCTAssertEqual(try edges("Canada has long been Britain's most loyal ally."), ["CAN alliance GBR"])
    }

    func testTheActorAfterTheCueCanBeTheSubject() throws {
        XCTAssertEqual(try edges("Britain's only real ally remains Canada."), ["CAN alliance GBR"])
    }

    func testADirectedPossessiveCueRunsFromTheSubject() throws {
        XCTAssertEqual(try edges("Russia has become China's junior partner."), ["RUS dependence CHN"])
    }

    func testAnArticleInsideTheNextNameOfAListIsKept() throws {
        XCTAssertEqual(try edges("Russia arms Kenya and the United States."), ["RUS support KEN", "RUS support USA"])
    }

    func testTheGovernmentOfAStateIsItsSubject() throws {
        XCTAssertEqual(try edges("The Government of Canada condemns Russia's decision."), ["CAN criticism RUS"])
    }

    func testAConcernedSubjectCriticisesTheCauseAfterBy() throws {
        XCTAssertEqual(try edges("Canada is deeply concerned by Russia's conduct."), ["CAN criticism RUS"])
    }

    func testThePassivePatientSkipsAPlace() throws {
        XCTAssertEqual(try edges("PKK camps in northern Iraq were struck by Turkish jets."), ["TUR hostility pkk"])
    }

    func testANameInParenthesesIsNoClauseBreak() throws {
        XCTAssertEqual(try edges("Kurdistan Workers' Party (PKK) camps were struck by Turkish jets."), ["TUR hostility pkk"])
    }

    func testThePassiveAgentFollowsByWithoutAComma() throws {
        XCTAssertEqual(try edges("Kenya's drones were destroyed by air defences, Canada said."), [])
    }

    func testACounterpartNamedWithoutACommaIsTheObject() throws {
        XCTAssertEqual(try edges("Joe Biden met his Kenyan counterpart Mary Okoth in Ottawa."), ["joe-biden contact mary-okoth"])
    }

    func testAnUnnamedCounterpartHoldsTheSameOfficeOnTheDate() throws {
        let text = "The Japanese prime minister spoke by phone with his Kenyan counterpart."
        XCTAssertEqual(try edges(text, date: "2023-06-01"), ["fumio-kishida contact mary-okoth"])
        XCTAssertEqual(try affiliations(text, date: "2023-06-01"), ["fumio-kishida JPN", "mary-okoth KEN"])
    }

    func testACounterpartNobodyHeldOnTheDateStaysTheState() throws {
        let text = "The Japanese prime minister spoke by phone with his Kenyan counterpart."
        XCTAssertEqual(try edges(text, date: "2021-11-01"), ["KEN contact fumio-kishida"])
    }

    func testAVerbWithItsOwnObjectIsNoActBetweenItsSubjects() throws {
        XCTAssertEqual(try edges("Canada and Kenya condemned the vote."), [])
    }

    func testAJointVerbWithAnObjectStillLinksItsSubjects() throws {
        XCTAssertEqual(try edges("Canada and Kenya are jointly developing a rocket."), ["CAN cooperation KEN"])
    }

    func testOneOfAnOwnersAlliesIsItsAlly() throws {
        XCTAssertEqual(try edges("Canada is one of Britain's closest allies."), ["CAN alliance GBR"])
    }

    func testAFiringTowardAStateIsHostility() throws {
        XCTAssertEqual(try edges("Russia fired missiles toward Japan."), ["RUS hostility JPN"])
    }
}
