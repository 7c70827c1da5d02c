@testable import ActorExtraction
import XCTest

final class NameWordsTests: XCTestCase {
    private func words(_ text: String) -> NameWords {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        return NameWords(0..<tokens.count, reader: NameReader(tokens: tokens, bytes: bytes))
    }

    func testConnectorsAreNoNameWords() {
        let run = words("Centre for Maritime Studies")
        XCTAssertEqual(run.count, 3)
        XCTAssertEqual(run.first, 0)
        XCTAssertEqual(run.firstGap, 1, "the first word that is no name word: 'for'")
    }

    func testARunOfNamesHasNoGapBeforeItsEnd() {
        let run = words("Hana Mori")
        XCTAssertEqual(run.count, 2)
        XCTAssertEqual(run.firstGap, 2)
    }

    func testAnAcronymIsNoNameWord() {
        let run = words("Ana NATO")
        XCTAssertEqual(run.count, 1)
        XCTAssertEqual(run.firstGap, 1)
    }

    /// The run read from the first token and the name words counted as it was read.
    private func run(_ text: String) -> (run: Range<Int>, words: NameWords, counted: NameWords) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let reader = NameReader(tokens: tokens, bytes: bytes)
        let found = reader.capitalisedRun(from: 0, covered: IndexBits(count: tokens.count), connectors: ["of", "for", "the"], connectorKeys: TokenKeySet(words: ["of", "for", "the"]))
        return (found.run, found.words, NameWords(found.run, reader: reader))
    }

    func testARunCountsItsNameWordsAsTheyAreCountedFromTheRun() {
        for text in ["Centre for Maritime Studies said", "Hana Mori", "Ana NATO", "Jean-Luc Picard of the Fleet", "Ministry of the Interior of", "Lone"] {
            let found = run(text)
            XCTAssertEqual(found.words.count, found.counted.count, text)
            XCTAssertEqual(found.words.first, found.counted.first, text)
            XCTAssertEqual(found.words.firstGap, found.counted.firstGap, text)
        }
    }

    func testARunEndsOnItsLastNameWord() {
        let found = run("Ministry of the Interior of")
        XCTAssertEqual(found.run, 0..<4)
        XCTAssertEqual(found.words.count, 2)
        XCTAssertEqual(found.words.firstGap, 1)
    }

    /// Whether the run from the first token reads on past it, and the run read.
    private func continues(_ text: String) -> (continues: Bool, run: Range<Int>) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let reader = NameReader(tokens: tokens, bytes: bytes)
        let covered = IndexBits(count: tokens.count)
        let keys = TokenKeySet(words: ["of", "for", "the"])
        let continues = reader.mayContinueRun(after: 0, covered: covered, connectors: ["of", "for", "the"], connectorKeys: keys)
        let found = reader.capitalisedRun(from: 0, covered: covered, connectors: ["of", "for", "the"], connectorKeys: keys)
        return (continues, found.run)
    }

    func testARunThatCannotContinueIsItsFirstWordAlone() {
        for text in ["Kishida said", "Tokyo.", "Lone", "Mori, a professor", "Biden\nTrump"] {
            let found = continues(text)
            XCTAssertFalse(found.continues, text)
            XCTAssertEqual(found.run, 0..<1, text)
        }
    }

    func testARunThatReadsOnMayContinue() {
        for text in ["Hana Mori", "Centre for Maritime Studies", "Jean-Luc Picard", "Ana NATO", "Ministry of"] {
            XCTAssertTrue(continues(text).continues, text)
        }
    }

    func testAContinuedRunIsNeverShorterThanOneThatCannotBe() {
        // The test is what the run's first step asks: whenever it says no, the run is one word.
        for text in ["Hana Mori", "Ana NATO", "Ministry of", "Kishida said", "Centre for Maritime Studies said", "Biden, Trump"] {
            let found = continues(text)
            if !found.continues { XCTAssertEqual(found.run.count, 1, text) }
        }
    }

    /// Whether each token of `text` is one of `words`, as the reader asks it.
    private func areListed(_ text: String, _ words: Set<String>) -> [Bool] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let reader = NameReader(tokens: tokens, bytes: bytes)
        let keys = TokenKeySet(words: Array(words))
        return tokens.indices.map { reader.isOne(of: words, keys: keys, at: $0) }
    }

    func testAWordWithOtherLettersIsLowerCasedAsAString() {
        // "ÉMILE" lower-cases to "émile" only as a string: its key, folded in ASCII, keeps "É".
        XCTAssertEqual(areListed("ÉMILE said", ["émile"]), [true, false])
        XCTAssertEqual(areListed("said ÉMILE", ["émile"]), [false, true], "a word at the end of the text")
        XCTAssertEqual(areListed("HOCHSCHULEÉ now", ["hochschuleé"]), [true, false], "a letter past the eighth byte")
        XCTAssertEqual(areListed("UNIVERSITIES and Institute", ["universities", "institute"]), [true, false, true])
        XCTAssertEqual(areListed("the Institute", ["the", "institute"]), [true, true])
    }
}
