@testable import ActorExtraction
import XCTest

final class TokenTrieTests: XCTestCase {
    private func keys(_ text: String) -> [UInt64] {
        Tokenizer().tokens(in: Array(text.utf8)).map(\.exact)
    }

    private func trie(_ phrases: [String]) -> TokenTrie<Int> {
        var trie = TokenTrie<Int>()
        for (index, phrase) in phrases.enumerated() { trie.insert(keys(phrase), index) }
        return trie
    }

    private func match(_ trie: TokenTrie<Int>, in text: String, from start: Int = 0) -> (length: Int, payloads: [Int])? {
        let keys = keys(text)
        return trie.longestMatch(from: start) { $0 < keys.count ? keys[$0] : nil }
    }

    func testLongestListedPhraseWins() {
        let trie = trie(["China", "China Daily"])
        XCTAssertEqual(match(trie, in: "China Daily said")?.length, 2)
        XCTAssertEqual(match(trie, in: "China Daily said")?.payloads, [1])
        XCTAssertEqual(match(trie, in: "China said")?.payloads, [0])
    }

    func testAPhrasePrefixThatIsNoPhraseMatchesNothing() {
        let trie = trie(["the White House"])
        XCTAssertNil(match(trie, in: "the White paper"))
        XCTAssertEqual(match(trie, in: "the White House")?.length, 3)
    }

    func testAShorterPhraseIsKeptWhenTheLongerOneBreaksOff() {
        let trie = trie(["Prime Minister", "Prime Minister of Japan"])
        XCTAssertEqual(match(trie, in: "Prime Minister of India")?.length, 2)
    }

    func testPhrasesListedTwiceKeepEveryPayload() {
        let trie = trie(["Georgia", "Georgia"])
        XCTAssertEqual(match(trie, in: "Georgia")?.payloads, [0, 1])
    }

    func testMatchLengthAgreesWithTheFullMatch() {
        let trie = trie(["China", "China Daily", "Japan"])
        for text in ["China Daily", "China", "Japan and", "Korea"] {
            let keys = keys(text)
            XCTAssertEqual(trie.longestMatchLength(from: 0) { $0 < keys.count ? keys[$0] : nil }, match(trie, in: text)?.length, text)
        }
    }

    func testAMatchEndNamesTheNodeThatHoldsItsPayloads() throws {
        let trie = trie(["China", "China Daily", "Japan"])
        let keys = keys("China Daily")
        let end = try XCTUnwrap(trie.longestMatchEnd(from: 0) { $0 < keys.count ? keys[$0] : nil })
        XCTAssertEqual(end.length, 2)
        XCTAssertEqual(trie.payloads(at: end.node), [1])
        XCTAssertEqual(trie.nodeCount, 4, "the root and one node per distinct prefix")
        XCTAssertEqual(trie.payloads(at: 0), [])
    }

    func testEveryPhraseIsFoundAfterTheTableGrows() {
        let phrases = (0..<500).map { "Name\($0) Surname\($0)" }
        let trie = trie(phrases)
        for (index, phrase) in phrases.enumerated() {
            XCTAssertEqual(match(trie, in: phrase)?.payloads, [index], phrase)
        }
        XCTAssertNil(match(trie, in: "Name1 Surname2"))
    }

    func testEveryFirstKeyOfThousandsMayStart() {
        let words = (0..<3000).map { "Word\($0)" }
        let trie = trie(words)
        for word in words { XCTAssertTrue(trie.mayStart(with: TokenHash.exact(word.utf8)), word) }
        XCTAssertEqual(match(trie, in: "Word2999 said")?.payloads, [2999])
    }

    func testAWordNoPhraseStartsWithIsMostlyTurnedAway() {
        let trie = trie(["China", "Japan", "the White House"])
        let refused = (0..<1000).filter { !trie.mayStart(with: TokenHash.exact("other\($0)".utf8)) }.count
        XCTAssertGreaterThan(refused, 900)
    }

    func testAMatchFromAGivenFirstKeyEqualsTheFullMatch() {
        let trie = trie(["Prime Minister", "Prime Minister of Japan"])
        let keys = keys("Prime Minister of Japan said")
        let full = trie.longestMatchEnd(from: 0) { $0 < keys.count ? keys[$0] : nil }
        let given = trie.longestMatchEnd(from: 0, firstKey: keys[0]) { $0 < keys.count ? keys[$0] : nil }
        XCTAssertEqual(full?.length, 4)
        XCTAssertEqual(given?.length, full?.length)
        XCTAssertEqual(given?.node, full?.node)
    }

    func testAGivenFirstKeyThatStartsNoPhraseMatchesNothing() {
        let trie = trie(["Prime Minister"])
        let keys = keys("Foreign Minister")
        XCTAssertNil(trie.longestMatchEnd(from: 0, firstKey: keys[0]) { $0 < keys.count ? keys[$0] : nil })
    }

    func testAOneWordPhraseMatchesFromAGivenFirstKeyAtTheTextsEnd() {
        let trie = trie(["Japan", "Japan Times"])
        let keys = keys("in Japan")
        XCTAssertEqual(trie.longestMatchEnd(from: 1, firstKey: keys[1]) { $0 < keys.count ? keys[$0] : nil }?.length, 1)
    }
}
