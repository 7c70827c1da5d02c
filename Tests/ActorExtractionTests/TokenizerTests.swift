@testable import ActorExtraction
import XCTest

final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer().tokens(in: bytes).map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    }

    func testFirstByteHashesAreOneStepFromTheSeed() {
        for byte in 0...255 {
            let hashes = Tokenizer.firstByteHashes[byte]
            XCTAssertEqual(hashes.exact, TokenHash.exact([UInt8(byte)]), String(byte))
            XCTAssertEqual(hashes.folded, TokenHash.folded([UInt8(byte)]), String(byte))
        }
    }

    func testPlainStopsAreTheASCIIBytesBelow64OtherThanApostropheAndDot() {
        for byte in 0...255 {
            let expected = byte < 64 && byte != 0x27 && byte != 0x2E
            XCTAssertEqual(Tokenizer.isPlainStop(UInt8(byte)), expected, String(byte))
        }
    }

    func testPossessiveIsSplitOffWithStraightAndCurlyApostrophes() {
        XCTAssertEqual(words("Japan's army"), ["Japan", "'s", "army"])
        XCTAssertEqual(words("Russia’s interests"), ["Russia", "’s", "interests"])
    }

    func testHyphenatedCompoundKeepsBothNamesApart() {
        XCTAssertEqual(words("US-Japanese summit"), ["US", "-", "Japanese", "summit"])
        XCTAssertEqual(words("the Russia–Japan dispute"), ["the", "Russia", "–", "Japan", "dispute"])
    }

    func testInitialismKeepsItsDots() {
        XCTAssertEqual(words("the U.S. and the U.K. met"), ["the", "U.S.", "and", "the", "U.K.", "met"])
    }

    func testAbbreviatedTitleKeepsItsDot() {
        XCTAssertEqual(words("Mr. Kishida left."), ["Mr.", "Kishida", "left", "."])
    }

    func testNamesWithInnerApostrophesStayWhole() {
        XCTAssertEqual(words("O'Brien said"), ["O'Brien", "said"])
    }

    func testNegatedContractionIsSplit() {
        XCTAssertEqual(words("Tokyo doesn't"), ["Tokyo", "doesn", "'t"])
    }

    func testNonLatinWordsAreWords() {
        XCTAssertEqual(words("Москва и 東京"), ["Москва", "и", "東京"])
    }

    func testTheKeysAreTheHashesOfTheirWords() {
        XCTAssertEqual(TokenHash.the, TokenHash.exact(Array("the".utf8)))
        XCTAssertEqual(TokenHash.theCapitalised, TokenHash.exact(Array("The".utf8)))
    }

    func testQuickAnswersForLatinLettersAndPunctuationAgreeWithUnicode() {
        for scalar in UInt32(0x80)...0x2FFF {
            XCTAssertEqual(UTF8Scalar.isWordCharacterBeyondASCII(scalar), UTF8Scalar.hasWordProperty(scalar), String(scalar, radix: 16))
        }
    }

    func testWordBytesTableHoldsTheLowerCaseOfLettersAndDigitsOnly() {
        XCTAssertEqual(Tokenizer.asciiWordBytes[Int(UInt8(ascii: "K"))], UInt8(ascii: "k"))
        XCTAssertEqual(Tokenizer.asciiWordBytes[Int(UInt8(ascii: "7"))], UInt8(ascii: "7"))
        XCTAssertEqual(Tokenizer.asciiWordBytes[Int(UInt8(ascii: "-"))], 0)
        XCTAssertEqual(Tokenizer.asciiWordBytes[0xC3], 0)
    }

    func testInvalidUTF8DoesNotStopTokenizing() {
        let bytes: [UInt8] = Array("Japan ".utf8) + [0xFF, 0xFE] + Array(" China".utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        XCTAssertEqual(tokens.filter(\.isWord).count, 2)
    }
}

final class SentenceSplitterTests: XCTestCase {
    private func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        return SentenceSplitter().sentences(tokens, bytes: bytes).map { range in
            String(decoding: bytes[Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)], as: UTF8.self)
        }
    }

    func testSentencesEndAtFullStops() {
        XCTAssertEqual(sentences("Japan met China. Russia did not."), ["Japan met China.", "Russia did not."])
    }

    func testTitleAbbreviationDoesNotEndASentence() {
        XCTAssertEqual(sentences("Mr. Kishida met Dr. Lee. They talked."), ["Mr. Kishida met Dr. Lee.", "They talked."])
    }

    func testClosingQuoteStaysWithItsSentence() {
        XCTAssertEqual(sentences("He said “Japan is safe.” Then he left."), ["He said “Japan is safe.”", "Then he left."])
    }

    func testLineBreakEndsAHeadline() {
        XCTAssertEqual(sentences("Japan and China\n\nThe talks began."), ["Japan and China", "The talks began."])
    }

    func testHardWrappedLineContinuesTheSentence() {
        XCTAssertEqual(sentences("Japan and China held\ntalks today."), ["Japan and China held\ntalks today."])
    }

    func testQuestionMarkEndsASentence() {
        XCTAssertEqual(sentences("Will Japan rearm? Nobody knows."), ["Will Japan rearm?", "Nobody knows."])
    }
}

final class ArticleTextTests: XCTestCase {
    func testFrontMatterGivesIDTitleDateAndSource() {
        let article = ArticleText(parsing: "---\nid: summit\ntitle: \"A summit\"\ndate: 2023-01-14\nsource: Desk\n---\nJapan met China.", fallbackID: "file")
        XCTAssertEqual(article.article.id, "summit")
        XCTAssertEqual(article.article.title, "A summit")
        XCTAssertEqual(article.article.date, "2023-01-14")
        XCTAssertEqual(article.article.source, "Desk")
        XCTAssertEqual(article.bodyStart, "---\nid: summit\ntitle: \"A summit\"\ndate: 2023-01-14\nsource: Desk\n---\n".utf8.count)
    }

    func testFileNameIsTheIDWithoutFrontMatter() {
        let article = ArticleText(parsing: "Japan met China.", fallbackID: "file")
        XCTAssertEqual(article.article.id, "file")
        XCTAssertNil(article.article.date)
        XCTAssertEqual(article.bodyStart, 0)
    }

    func testDateOptionOverridesFrontMatter() {
        let article = ArticleText(parsing: "---\ndate: 2020-01-01\n---\nText", fallbackID: "f", date: "2023-01-12")
        XCTAssertEqual(article.article.date, "2023-01-12")
    }

    func testUnclosedFrontMatterIsReadAsText() {
        let article = ArticleText(parsing: "---\nid: x\nJapan met China.", fallbackID: "f")
        XCTAssertEqual(article.article.id, "f")
        XCTAssertEqual(article.bodyStart, 0)
    }
}
