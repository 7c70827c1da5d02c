@testable import ActorExtraction
import XCTest

final class IndexBitsTests: XCTestCase {
    private func bits(_ tokens: [Int], count: Int) -> IndexBits {
        var bits = IndexBits(count: count)
        for token in tokens { bits.insert(token) }
        return bits
    }

    func testNextFindsTheFirstSetTokenAtOrAfter() {
        let marks = bits([3, 70, 200], count: 300)
        XCTAssertEqual(marks.next(from: 0), 3)
        XCTAssertEqual(marks.next(from: 3), 3)
        XCTAssertEqual(marks.next(from: 4), 70)
        XCTAssertEqual(marks.next(from: 71), 200)
    }

    func testNextPastTheLastSetTokenIsTheCount() {
        let marks = bits([3], count: 130)
        XCTAssertEqual(marks.next(from: 4), 130)
        XCTAssertEqual(marks.next(from: 500), 130)
    }

    func testContainsOnlyTheSetTokens() {
        let marks = bits([63, 64], count: 100)
        XCTAssertTrue(marks.contains(63))
        XCTAssertTrue(marks.contains(64))
        XCTAssertFalse(marks.contains(65))
        XCTAssertFalse(marks.contains(-1))
        XCTAssertFalse(marks.contains(100))
    }

    func testAWholeWordSetsSixtyFourTokens() {
        var marks = IndexBits(count: 128)
        marks.setWord(1, to: 0b101)
        XCTAssertEqual(marks.next(from: 0), 64)
        XCTAssertEqual(marks.next(from: 65), 66)
    }

    func testMarksFlagCapitalisedTokensAndPossibleOfficeStarts() {
        let bytes = Array("The Japanese prime minister met them.".utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        var roles = TokenTrie<Int>()
        roles.insert(["prime", "minister"].map { TokenHash.folded($0.utf8) }, 0)
        let marks = TokenMarks(tokens, roles: roles.firstKeyFilter)
        XCTAssertEqual(marks.capitalised.next(from: 0), 0)
        XCTAssertEqual(marks.capitalised.next(from: 1), 1)
        XCTAssertEqual(marks.capitalised.next(from: 2), tokens.count)
        XCTAssertEqual(marks.roles.next(from: 0), 2)
    }

    func testAnInsertedActorIsContained() {
        var bits = IndexBits(count: 200)
        bits.insert(130)
        XCTAssertTrue(bits.contains(130))
    }

    func testAnActorNotInsertedIsNotContained() {
        var bits = IndexBits(count: 200)
        bits.insert(130)
        XCTAssertFalse(bits.contains(131))
        XCTAssertFalse(bits.contains(66))
    }

    func testAnIndexPastTheCountIsNotContained() {
        let bits = IndexBits(count: 10)
        XCTAssertFalse(bits.contains(1000))
        XCTAssertFalse(bits.contains(-1))
    }

    func testCapitalFirstBytesAgreeWithIsCapitalised() {
        for byte in 0...255 {
            let token = Token(exact: 0, folded: 0, start: 0, end: 1, kind: .word, first: UInt8(byte), afterNewline: false, attached: false)
            XCTAssertEqual(TokenMarks.capitalFirstBytes[byte] == 1, token.isCapitalised, String(byte))
        }
    }

    func testFilterBitIsOneExactlyWhenAPhraseMayStart() {
        var roles = TokenTrie<Int>()
        roles.insert(["prime", "minister"].map { TokenHash.folded($0.utf8) }, 0)
        let filter = roles.firstKeyFilter
        XCTAssertEqual(filter.bit(of: TokenHash.folded("prime".utf8)), 1)
        for word in ["minister", "talks", "the"] {
            let key = TokenHash.folded(word.utf8)
            XCTAssertEqual(filter.bit(of: key), filter.mayHold(key) ? 1 : 0, word)
        }
    }
}
