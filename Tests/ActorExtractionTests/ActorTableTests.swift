@testable import ActorExtraction
import ActorGraph
import XCTest

final class ActorTableTests: XCTestCase {
    private func table() -> ActorTable { ActorTable(gazetteer: TestExtractor.gazetteer) }

    func testAnArticlesOwnActorComesAfterTheGazetteers() {
        var actors = table()
        let index = actors.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person))
        XCTAssertEqual(Int(index), TestExtractor.gazetteer.entries.count)
        XCTAssertTrue(actors.isLocal(index))
        XCTAssertEqual(actors.count, TestExtractor.gazetteer.entries.count + 1)
    }

    func testAnActorAddedTwiceKeepsItsFirstIndex() {
        var actors = table()
        let first = actors.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person))
        _ = actors.addLocal(GazetteerEntry(id: "baltic-institute", name: "Baltic Institute", kind: .organisation))
        XCTAssertEqual(actors.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person)), first)
        XCTAssertEqual(actors.count, TestExtractor.gazetteer.entries.count + 2)
    }

    func testIndexOfFindsAnArticlesOwnActorByID() {
        var actors = table()
        _ = actors.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person))
        let institute = actors.addLocal(GazetteerEntry(id: "baltic-institute", name: "Baltic Institute", kind: .organisation))
        XCTAssertEqual(actors.index(of: "baltic-institute"), institute)
        XCTAssertNil(actors.index(of: "nobody"))
    }

    func testAnActorTheGazetteerListsIsNotAddedAgain() {
        var actors = table()
        let japan = actors.addLocal(GazetteerEntry(id: "JPN", name: "Japan", kind: .state))
        XCTAssertEqual(japan, TestExtractor.gazetteer.index(of: "JPN"))
        XCTAssertFalse(actors.isLocal(japan))
    }

    func testManyOwnActorsAreFoundByIDPastTheSearchedFew() {
        // Past the few searched one by one, the table looks ids up in a dictionary: every
        // actor, added before it was made or after, is found, and added once.
        var actors = table()
        let ids = (0..<40).map { "stranger-\($0)" }
        let indices = ids.map { actors.addLocal(GazetteerEntry(id: $0, name: $0, kind: .person)) }
        XCTAssertEqual(ids.map { actors.index(of: $0) }, indices)
        XCTAssertEqual(ids.map { actors.addLocal(GazetteerEntry(id: $0, name: $0, kind: .person)) }, indices)
        XCTAssertEqual(actors.count, TestExtractor.gazetteer.entries.count + ids.count)
        XCTAssertNil(actors.index(of: "stranger-40"))
    }

    /// Two people in one state's offices, and one office of a state the gazetteer lacks.
    private func officeTable() -> ActorTable {
        let gazetteer = Gazetteer(entries: [
            GazetteerEntry(id: "AAA", name: "Aland", kind: .state),
            GazetteerEntry(id: "ann", name: "Ann Lee", kind: .person, offices: [
                Office(role: "prime minister", country: "AAA", from: "2020-01-01", to: "2022-01-01"),
                Office(role: "president", country: "ZZZ", from: "2020-01-01", to: nil),
            ]),
            GazetteerEntry(id: "bob", name: "Bob Day", kind: .person, offices: [
                Office(role: "prime minister", country: "AAA", from: "2022-01-01", to: nil),
                Office(role: "foreign minister", country: "AAA", from: "2019-01-01", to: nil),
            ]),
        ])
        return ActorTable(gazetteer: gazetteer)
    }

    func testHolderOfAListedStatesOfficeIsTheOneInOfficeOnTheDate() {
        let actors = officeTable()
        let state = actors.index(of: "AAA")!
        XCTAssertEqual(actors.holder(of: "prime minister", in: state, on: "2021-06-01"), actors.index(of: "ann"))
        XCTAssertEqual(actors.holder(of: "prime minister", in: state, on: "2022-01-01"), actors.index(of: "bob"))
        XCTAssertEqual(actors.holder(of: "foreign minister", in: state, on: "2021-06-01"), actors.index(of: "bob"))
    }

    func testHolderIsNilForARoleNobodyHeldInTheState() {
        let actors = officeTable()
        XCTAssertNil(actors.holder(of: "president", in: actors.index(of: "AAA")!, on: "2021-06-01"))
        XCTAssertNil(actors.holder(of: "prime minister", in: actors.index(of: "AAA")!, on: "2010-01-01"))
    }

    func testHolderIsNilWhenTwoPeopleHeldTheOfficeOnTheDate() {
        let gazetteer = Gazetteer(entries: [
            GazetteerEntry(id: "AAA", name: "Aland", kind: .state),
            GazetteerEntry(id: "ann", name: "Ann Lee", kind: .person, offices: [Office(role: "president", country: "AAA", from: "2020-01-01", to: nil)]),
            GazetteerEntry(id: "bob", name: "Bob Day", kind: .person, offices: [Office(role: "president", country: "AAA", from: "2020-01-01", to: nil)]),
        ])
        let actors = ActorTable(gazetteer: gazetteer)
        XCTAssertNil(actors.holder(of: "president", in: actors.index(of: "AAA")!, on: "2021-06-01"))
    }

    func testHolderOfAnOfficeInAnArticlesOwnActorIsFoundByItsID() {
        var actors = officeTable()
        let state = actors.addLocal(GazetteerEntry(id: "ZZZ", name: "Zedland", kind: .state))
        XCTAssertEqual(actors.holder(of: "president", in: state, on: "2021-06-01"), actors.index(of: "ann"))
    }

    func testAnActorAddedByItsFieldsIsTheActorAddedAsAnEntry() {
        var byFields = table()
        var byEntry = table()
        let a = byFields.addLocal(id: "jpn-kyoto-institute", name: "Kyoto Institute", kind: .organisation, country: "JPN")
        let b = byEntry.addLocal(GazetteerEntry(id: "jpn-kyoto-institute", name: "Kyoto Institute", kind: .organisation, country: "JPN"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(byFields.entry(at: a), byEntry.entry(at: b))
        XCTAssertEqual(byFields.entry(at: a), GazetteerEntry(id: "jpn-kyoto-institute", name: "Kyoto Institute", kind: .organisation, country: "JPN"))
        XCTAssertEqual(byFields.id(at: a), "jpn-kyoto-institute")
        XCTAssertEqual(byFields.name(at: a), "Kyoto Institute")
        XCTAssertEqual(byFields.kind(of: a), .organisation)
        XCTAssertEqual(byFields.country(of: a), "JPN")
        XCTAssertEqual(byFields.state(of: a), TestExtractor.gazetteer.index(of: "JPN"))
        XCTAssertEqual(byFields.addLocal(id: "jpn-kyoto-institute", name: "Kyoto Institute", kind: .organisation), a)
        XCTAssertEqual(byFields.addLocal(id: "JPN", name: "Japan", kind: .state), TestExtractor.gazetteer.index(of: "JPN"))
    }

    func testAPersonTakesTheStateOfTheOrganisationTheTextTiesThemTo() {
        var actors = table()
        let institute = actors.addLocal(id: "jpn-kyoto-institute", name: "Kyoto Institute", kind: .organisation, country: "JPN")
        let person = actors.addLocal(id: "hana-mori", name: "Hana Mori", kind: .person)
        XCTAssertNil(actors.country(of: person))
        actors.inferCountry(of: person, from: institute)
        XCTAssertEqual(actors.country(of: person), "JPN")
        XCTAssertEqual(actors.entry(at: person).country, "JPN")
    }
}
