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

    func testCopiesOfAGazetteerReadTheSameEntries() {
        let copy = TestExtractor.gazetteer
        XCTAssertEqual(copy.entries.map(\.id), TestExtractor.gazetteer.entries.map(\.id))
        XCTAssertEqual(copy.kinds, TestExtractor.gazetteer.kinds)
    }
}
