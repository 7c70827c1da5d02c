@testable import ActorExtraction
import XCTest

/// The key sets and key maps the relation finder reads token facts from.
final class TokenKeySetTests: XCTestCase {
    private let with = TokenHash.folded("with".utf8)
    private let said = TokenHash.folded("said".utf8)

    func testAKeyListedUnderTwoBitsHoldsBoth() {
        let map = TokenKeyMap([(with, 1), (said, 2), (with, 4)])
        XCTAssertEqual(map.bits(of: with), 5)
        XCTAssertEqual(map.bits(of: said), 2)
    }

    func testAnUnlistedKeyHoldsNoBits() {
        let map = TokenKeyMap([(with, 1)])
        XCTAssertEqual(map.bits(of: TokenHash.folded("against".utf8)), 0)
    }

    func testTheZeroKeyIsKeptApart() {
        let map = TokenKeyMap([(0, 8), (with, 1)])
        XCTAssertEqual(map.bits(of: 0), 8)
        XCTAssertEqual(TokenKeyMap([(with, 1)]).bits(of: 0), 0)
    }

    func testManyKeysAreEachFound() {
        let keys = (0..<3000).map { TokenHash.folded("word\($0)".utf8) }
        let map = TokenKeyMap(keys.enumerated().map { ($0.element, UInt16(1 << ($0.offset % 16))) })
        for (offset, key) in keys.enumerated() { XCTAssertEqual(map.bits(of: key), UInt16(1 << (offset % 16))) }
    }

    func testKeySetContainsItsWordsOnly() {
        let set = TokenKeySet(words: ["with", "said"])
        XCTAssertTrue(set.contains(with))
        XCTAssertFalse(set.contains(TokenHash.folded("against".utf8)))
        XCTAssertEqual(set.count, 2)
    }

    func testKeySetHoldsTheZeroKeyOnlyWhenGivenIt() {
        XCTAssertTrue(TokenKeySet([0, with]).contains(0))
        XCTAssertFalse(TokenKeySet([with]).contains(0))
        XCTAssertFalse(TokenKeySet([]).contains(0))
    }

    func testAReaderGivesEachKeyTheBitsItWasGivenAndAbsentKeysNone() {
        let keys = (0..<500).map { TokenHash.folded("word\($0)".utf8) } + [0]
        let given = keys.enumerated().map { ($0.element, UInt16(1 + $0.offset % 7)) }
        let map = TokenKeyMap(given)
        map.withReader { reader in
            for (key, bits) in given { XCTAssertEqual(reader.bits(of: key), bits) }
            for key in [with, said, TokenHash.folded("absent".utf8)] { XCTAssertEqual(reader.bits(of: key), 0) }
        }
    }

    func testAFilteredSetMayContainEachOfItsKeys() {
        let keys = (0..<300).map { TokenHash.folded("pair\($0)".utf8) } + [0]
        let set = TokenKeySet(keys, filtered: true)
        for key in keys { XCTAssertTrue(set.mayContain(key)) }
    }

    func testAFilteredSetTurnsAwayAKeyWhoseFilterBitIsUnset() {
        let set = TokenKeySet([with], filtered: true)
        // Another low 16 bits than `with`'s: the filter has no bit for it.
        XCTAssertFalse(set.mayContain(with ^ 1))
        XCTAssertFalse(set.contains(with ^ 1))
    }

    func testAnUnfilteredSetMayContainAnyKey() {
        XCTAssertTrue(TokenKeySet([with]).mayContain(said))
    }

    func testAReaderGivesTheZeroKeyItsBits() {
        let map = TokenKeyMap([(with, 3), (0, 5)])
        map.withReader { reader in
            XCTAssertEqual(reader.bits(of: with), 3)
            XCTAssertEqual(reader.bits(of: 0), 5)
            XCTAssertEqual(reader.bits(of: said), 0)
        }
    }

    func testKeysSharingTheirLowBitsAreEachFound() {
        // Keys whose low 32 bits agree meet in the same first slot.
        let keys: [UInt64] = (1...40).map { UInt64($0) << 32 | 0x1234 }
        let map = TokenKeyMap(keys.enumerated().map { ($0.element, UInt16(1 + $0.offset)) })
        map.withReader { reader in
            for (offset, key) in keys.enumerated() { XCTAssertEqual(reader.bits(of: key), UInt16(1 + offset)) }
            XCTAssertEqual(reader.bits(of: 41 << 32 | 0x1234), 0)
        }
    }

    func testAKeyGivenTwiceIsHeldOnce() {
        let set = TokenKeySet([with, said, with, 0, 0])
        XCTAssertEqual(set.count, 3)
        XCTAssertTrue(set.contains(with))
        XCTAssertTrue(set.contains(said))
        XCTAssertTrue(set.contains(0))
        XCTAssertFalse(set.contains(TokenHash.folded("against".utf8)))
        XCTAssertFalse(TokenKeySet([with]).contains(0))
    }

    func testAWordListedTwiceIsHeldOnce() {
        let set = TokenKeySet(words: ["so", "then", "so"])
        XCTAssertEqual(set.count, 2)
        XCTAssertTrue(set.contains(TokenHash.folded("so".utf8)))
        XCTAssertTrue(set.contains(TokenHash.folded("then".utf8)))
    }
}
