@testable import ActorExtraction
import XCTest

final class TokenBitsTests: XCTestCase {
    private func bits(_ tokens: [Int], count: Int) -> TokenBits {
        var bits = TokenBits(count: count)
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
        var marks = TokenBits(count: 128)
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

    func testBitsMadeFromWordsHoldTheWordsBits() {
        let marks = TokenBits(words: [0, 0b10], count: 70)
        XCTAssertEqual(marks.next(from: 0), 65)
        XCTAssertTrue(marks.contains(65))
        XCTAssertFalse(marks.contains(64))
    }

    /// Over a hundred tokens, so that marks span words and the last word is partly used.
    private static let longText = String(repeating: "The Japanese prime minister met Mr. Kishida in Tokyo; ", count: 12)

    func testTokenizerMarksEqualTheMarksOfASeparatePass() {
        let bytes = Array(Self.longText.utf8)
        var roles = TokenTrie<Int>()
        roles.insert(["prime", "minister"].map { TokenHash.folded($0.utf8) }, 0)
        let (tokens, marks) = Tokenizer().tokensAndMarks(in: bytes, from: 0, roles: roles.firstKeyFilter)
        let separate = TokenMarks(tokens, roles: roles.firstKeyFilter)
        for index in 0..<(tokens.count + 1) {
            XCTAssertEqual(marks.capitalised.contains(index), separate.capitalised.contains(index), "capitalised \(index)")
            XCTAssertEqual(marks.roles.contains(index), separate.roles.contains(index), "roles \(index)")
        }
        XCTAssertEqual(marks.capitalised.next(from: tokens.count - 1), separate.capitalised.next(from: tokens.count - 1))
    }

    func testTokenizerWithMarksMakesTheSameTokens() {
        let bytes = Array(Self.longText.utf8)
        let (tokens, _) = Tokenizer().tokensAndMarks(in: bytes, from: 5, roles: TokenTrie<Int>().firstKeyFilter)
        let plain = Tokenizer().tokens(in: bytes, from: 5)
        XCTAssertEqual(tokens.map(\.start), plain.map(\.start))
        XCTAssertEqual(tokens.map(\.end), plain.map(\.end))
        XCTAssertEqual(tokens.map(\.exact), plain.map(\.exact))
    }
}
