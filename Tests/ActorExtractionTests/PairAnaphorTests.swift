@testable import ActorExtraction
import XCTest

/// The pair phrases ("the two countries") as the relation rules read them.
final class PairAnaphorTests: XCTestCase {
    func testNoPairPhraseIsAPrefixOfAnother() {
        // The phrase found at a token is the trie's longest match there only if at most one starts there.
        let phrases = PairAnaphor.phrases.map(\.0)
        for phrase in phrases {
            for other in phrases where other != phrase {
                XCTAssertFalse(other.count >= phrase.count && Array(other.prefix(phrase.count)) == phrase, "\(phrase) begins \(other)")
            }
        }
    }

    func testEachPairPhraseIsFoundWithItsSort() {
        for (words, sort) in PairAnaphor.phrases {
            let keys = TokenFact.keys(words)
            let match = PairAnaphor.trie.longestMatchEnd(from: 0) { $0 < keys.count ? keys[$0] : nil }
            XCTAssertEqual(match?.length, words.count)
            XCTAssertEqual(match.map { PairAnaphor.trie.payloads(at: $0.node)[0] }, sort)
        }
    }
}
