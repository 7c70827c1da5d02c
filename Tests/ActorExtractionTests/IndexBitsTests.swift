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

    func testMarksAgreeWithEachTokenInFullWordsAndTheRest() {
        // Texts of 1 to 200 tokens: full words of 64 are marked in groups of eight, the
        // rest a token at a time; both must mark what each token says.
        var roles = TokenTrie<Int>()
        roles.insert(["prime", "minister"].map { TokenHash.folded($0.utf8) }, 0)
        roles.insert(["president"].map { TokenHash.folded($0.utf8) }, 1)
        let roleBytes = KeyBytes(roles.firstKeyFilter)
        let words = ["The", "prime", "minister", "of", "Japan", "met", "President", "Biden", ",", "and", "Émile", "said", "president"]
        for length in [1, 7, 63, 64, 65, 127, 128, 129, 200] {
            let text = (0..<length).map { words[($0 * 7 + $0 / 5) % words.count] }.joined(separator: " ")
            let bytes = Array(text.utf8)
            let tokens = Tokenizer().tokens(in: bytes)
            let marks = TokenMarks(tokens, roles: roles.firstKeyFilter)
            for (index, token) in tokens.enumerated() {
                XCTAssertEqual(marks.capitalised.contains(index), token.isCapitalised, "\(length) tokens, token \(index)")
                XCTAssertEqual(marks.roles.contains(index), roleBytes.mayHold(token.folded), "\(length) tokens, token \(index)")
            }
            XCTAssertFalse(marks.capitalised.contains(tokens.count))
        }
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

final class IndexBitsRangeTests: XCTestCase {
    private func members(_ bits: IndexBits) -> [Int] { (0..<bits.count).filter { bits.contains($0) } }

    func testAnInsertedRangeHoldsExactlyItsIndexes() {
        var bits = IndexBits(count: 200)
        bits.insert(60..<130)
        XCTAssertEqual(members(bits), Array(60..<130))
    }

    func testARangeEndingOnAWordBoundaryStopsThere() {
        var bits = IndexBits(count: 200)
        bits.insert(64..<128)
        XCTAssertEqual(members(bits), Array(64..<128))
    }

    func testAnEmptyRangeInsertsNothing() {
        var bits = IndexBits(count: 10)
        bits.insert(4..<4)
        XCTAssertEqual(members(bits), [])
    }

    func testARemovedIndexIsNoLongerContained() {
        var bits = IndexBits(count: 100)
        bits.insert(70)
        bits.insert(71)
        bits.remove(70)
        XCTAssertEqual(members(bits), [71])
    }

    func testACopyKeepsItsIndexesWhenTheOriginalChanges() {
        var bits = IndexBits(count: 100)
        bits.insert(5)
        let copy = bits
        bits.insert(6)
        bits.remove(5)
        XCTAssertEqual(members(copy), [5])
        XCTAssertEqual(members(bits), [6])
    }

    func testTheTokensOfMentionsAreInserted() {
        var bits = IndexBits(count: 20)
        bits.insert(tokensOf: [FoundMention(tokens: 1..<3, actor: 0, form: .name), FoundMention(tokens: 10..<11, actor: 0, form: .name)])
        XCTAssertEqual(members(bits), [1, 2, 10])
    }

    func testTheTokensOfMentionsAcrossWordsAreInserted() {
        // Ranges that end a word, span whole words, or are empty.
        var bits = IndexBits(count: 300)
        let ranges = [60..<64, 62..<200, 250..<250, 299..<300, 0..<1]
        bits.insert(tokensOf: ranges.map { FoundMention(tokens: $0, actor: 0, form: .name) })
        XCTAssertEqual(members(bits), [0] + Array(60..<200) + [299])
    }

    func testTheActorsOfMentionsAreInserted() {
        var bits = IndexBits(count: 300)
        bits.insert(actorsOf: [FoundMention(tokens: 0..<1, actor: 257, form: .name), FoundMention(tokens: 1..<2, actor: 3, form: .name)])
        XCTAssertEqual(members(bits), [3, 257])
    }

    func testAnEmptySetHoldsNothing() {
        let bits = IndexBits(count: 0)
        XCTAssertFalse(bits.contains(0))
        XCTAssertEqual(bits.next(from: 0), 0)
    }
}

final class IndexBitsDifferenceCursorTests: XCTestCase {
    private func bits(_ indexes: [Int], count: Int) -> IndexBits {
        var bits = IndexBits(count: count)
        for index in indexes { bits.insert(index) }
        return bits
    }

    private func walk(_ cursor: IndexBits.DifferenceCursor) -> [Int] {
        var cursor = cursor
        var visited: [Int] = []
        while let index = cursor.next() { visited.append(index) }
        return visited
    }

    func testTheWalkVisitsTheIndexesSetInTheFirstAndNotTheSecond() {
        let first = bits([1, 5, 63, 64, 130, 199], count: 200)
        let second = bits([5, 64, 150], count: 200)
        XCTAssertEqual(walk(first.cursor(excluding: second)), [1, 63, 130, 199])
    }

    func testAnEmptyExclusionVisitsEveryIndex() {
        let first = bits([0, 70, 140], count: 141)
        XCTAssertEqual(walk(first.cursor(excluding: IndexBits(count: 141))), [0, 70, 140])
    }

    func testSkipLeavesOutTheIndexesBeforeItsTarget() {
        let first = bits([2, 10, 66, 120], count: 128)
        var cursor = first.cursor(excluding: bits([66], count: 128))
        XCTAssertEqual(cursor.next(), 2)
        cursor.skip(to: 11)
        XCTAssertEqual(cursor.next(), 120)
        XCTAssertNil(cursor.next())
    }

    func testSetsOfNoIndexesHaveNothingToVisit() {
        XCTAssertEqual(walk(IndexBits(count: 0).cursor(excluding: IndexBits(count: 0))), [])
    }
}

final class IndexBitsActorTests: XCTestCase {
    func testActorsOfMentionsAtExcludedPositionsAreLeftOut() {
        let mentions = [0..<1, 2..<3, 4..<5].enumerated().map { FoundMention(tokens: $1, actor: Int32(10 * ($0 + 1)), form: .name) }
        var excluded = IndexBits(count: mentions.count)
        excluded.insert(1)
        var actors = IndexBits(count: 100)
        actors.insert(actorsOf: mentions, except: excluded)
        XCTAssertEqual((0..<100).filter { actors.contains($0) }, [10, 30])
    }
}

final class IndexBitsInserterTests: XCTestCase {
    func testAnInserterInsertsExactlyItsRanges() {
        var bits = IndexBits(count: 200)
        bits.withInserter { inserter in
            inserter.insert(3..<5)
            inserter.insert(62..<66)
            inserter.insert(150..<150)
        }
        XCTAssertEqual((0..<200).filter { bits.contains($0) }, [3, 4, 62, 63, 64, 65])
    }

    func testAnInserterLeavesACopyAsItWas() {
        var bits = IndexBits(count: 100)
        let copy = bits
        bits.withInserter { $0.insert(10..<12) }
        XCTAssertTrue(bits.contains(10))
        XCTAssertFalse(copy.contains(10))
    }

    func testAnInserterOfAnEmptySetInsertsNothing() {
        var bits = IndexBits(count: 0)
        bits.withInserter { $0.insert(0..<0) }
        XCTAssertFalse(bits.contains(0))
    }

    func testARemovedRangeIsNoLongerContained() {
        var bits = IndexBits(count: 100)
        bits.insert(60..<70)
        bits.remove(62..<66)
        XCTAssertEqual((0..<100).filter { bits.contains($0) }, [60, 61, 66, 67, 68, 69])
    }
}

final class CapitalBitsTests: XCTestCase {
    func testCapitalBitsAreTheCapitalFirstBytesShiftedToEachPlace() {
        XCTAssertEqual(TokenMarks.capitalBits.count, 2_048)
        for offset in 0..<8 {
            for byte in 0..<256 {
                XCTAssertEqual(TokenMarks.capitalBits[offset << 8 | byte], TokenMarks.capitalFirstBytes[byte] << UInt8(offset), "\(offset) \(byte)")
            }
        }
    }
}
