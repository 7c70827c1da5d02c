@testable import ActorExtraction
import XCTest

final class KeyBytesTests: XCTestCase {
    private func filter(_ words: [String]) -> KeyFilter {
        var filter = KeyFilter()
        for word in words { filter.insert(TokenHash.folded(word.utf8)) }
        return filter
    }

    func testAnInsertedKeyMayBeHeld() {
        let bytes = KeyBytes(filter(["minister", "president"]))
        XCTAssertTrue(bytes.mayHold(TokenHash.folded("minister".utf8)))
        XCTAssertTrue(bytes.mayHold(TokenHash.folded("president".utf8)))
    }

    func testEachByteIsSetExactlyWhenTheFilterHoldsAKeyWithItsLowBits() {
        let source = filter(["minister", "president", "the", "of"])
        let bytes = KeyBytes(source)
        XCTAssertEqual(bytes.bytes.count, 8_192)
        for low in 0..<8_192 {
            let held = stride(from: low, to: 65_536, by: 8_192).contains { source.bit(of: UInt64($0)) == 1 }
            XCTAssertEqual(bytes.bytes[low], held ? 1 : 0, String(low))
        }
    }

    func testAKeyTheFilterMayHoldIsNeverTurnedAway() {
        let words = (0..<300).map { "word\($0)" }
        let source = filter(words)
        let bytes = KeyBytes(source)
        for word in words { XCTAssertTrue(bytes.mayHold(TokenHash.folded(word.utf8)), word) }
    }

    func testHigherBitsOfAKeyAreIgnored() {
        let key = TokenHash.folded("minister".utf8)
        let bytes = KeyBytes(filter(["minister"]))
        bytes.bytes.withUnsafeBufferPointer { table in
            XCTAssertEqual(KeyBytes.bit(of: key, in: table), 1)
            XCTAssertEqual(KeyBytes.bit(of: key & 0xFFFF, in: table), 1)
            XCTAssertEqual(KeyBytes.bit(of: key ^ 0xFFFF_0000, in: table), 1)
        }
    }

    func testAnEmptyFilterHoldsNothing() {
        let bytes = KeyBytes(KeyFilter())
        XCTAssertFalse(bytes.bytes.contains(1))
    }
}

final class PhraseStartsTests: XCTestCase {
    func testAFilterWithTheHoldsTheCapitalisedToo() {
        var filter = KeyFilter()
        filter.insert(TokenHash.the)
        XCTAssertTrue(Gazetteer.exactStarts(of: filter).mayHold(TokenHash.theCapitalised))
    }

    func testAFilterWithoutTheIsLeftAsItIs() {
        var filter = KeyFilter()
        filter.insert(TokenHash.exact("Japan".utf8))
        XCTAssertEqual(Gazetteer.exactStarts(of: filter).bits, filter.bits)
    }

    func testTheGazetteerFindsANameOpeningASentenceWithThe() {
        let entry = GazetteerEntry(id: "NLD", name: "the Netherlands", kind: .state)
        let gazetteer = Gazetteer(entries: [entry])
        XCTAssertTrue(gazetteer.phraseStarts.mayHold(TokenHash.theCapitalised))
        XCTAssertTrue(gazetteer.phraseStarts.mayHold(TokenHash.the))
    }
}

final class GazetteerIDFilterTests: XCTestCase {
    func testAListedIDMayBeListed() {
        let gazetteer = Gazetteer(entries: [GazetteerEntry(id: "JPN", name: "Japan", kind: .state), GazetteerEntry(id: "fumio-kishida", name: "Fumio Kishida", kind: .person)])
        XCTAssertTrue(gazetteer.mayList("JPN"))
        XCTAssertTrue(gazetteer.mayList("fumio-kishida"))
    }

    func testAnEmptyGazetteerListsNoID() {
        XCTAssertFalse(Gazetteer(entries: []).mayList("harrowgate-centre"))
    }

    func testAnIDSpelledAnotherWayThanAListedOneMayBeListed() {
        // `String` equality, which the gazetteer's dictionary uses, takes canonically
        // equivalent spellings for one id: "a\u{30A}" is "\u{E5}", the Kelvin sign is "K".
        let decomposed = Gazetteer(entries: [GazetteerEntry(id: "a\u{30A}l-harbour", name: "Harbour", kind: .organisation)])
        XCTAssertTrue(decomposed.mayList("\u{E5}l-harbour"))
        let kelvin = Gazetteer(entries: [GazetteerEntry(id: "\u{212A}-board", name: "Board", kind: .organisation)])
        XCTAssertTrue(kelvin.mayList("K-board"))
        let ascii = Gazetteer(entries: [GazetteerEntry(id: "K-board", name: "Board", kind: .organisation)])
        XCTAssertTrue(ascii.mayList("\u{212A}-board"))
    }

    func testALocalActorWhoseIDIsAListedOneSpelledAnotherWayIsTheListedOne() {
        let gazetteer = Gazetteer(entries: [GazetteerEntry(id: "a\u{30A}l-harbour", name: "Old Port Board", kind: .organisation)])
        var table = ActorTable(gazetteer: gazetteer)
        XCTAssertEqual(table.addLocal(GazetteerEntry(id: "\u{E5}l-harbour", name: "Harbour", kind: .organisation)), 0)
    }

    func testTheIDKeyIsTheHashOfTheIDsBytes() {
        XCTAssertEqual(Gazetteer.idKey("hana-mori"), TokenHash.exact(Array("hana-mori".utf8)))
    }

    func testALocalActorWithAListedIDIsTheListedOne() {
        let gazetteer = Gazetteer(entries: [GazetteerEntry(id: "JPN", name: "Japan", kind: .state)])
        var table = ActorTable(gazetteer: gazetteer)
        XCTAssertEqual(table.addLocal(GazetteerEntry(id: "JPN", name: "Japan", kind: .state)), 0)
        XCTAssertEqual(table.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person)), 1)
        XCTAssertEqual(table.addLocal(GazetteerEntry(id: "hana-mori", name: "Hana Mori", kind: .person)), 1)
    }
}
