@testable import ActorExtraction
import XCTest

final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer().tokens(in: bytes).map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    }

    /// Each token's hashes against ``TokenHash``'s, computed from its bytes.
    private func assertHashesMatchBytes(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        for token in Tokenizer().tokens(in: bytes) {
            let spelling = bytes[Int(token.start)..<Int(token.end)]
            XCTAssertEqual(token.exact, TokenHash.exact(spelling), String(decoding: spelling, as: UTF8.self), file: file, line: line)
            XCTAssertEqual(token.folded, TokenHash.folded(spelling), String(decoding: spelling, as: UTF8.self), file: file, line: line)
        }
    }

    func testLowercaseWordBytesAreTheLowerCaseLettersAndDigitsThemselves() {
        for byte in 0...255 {
            let expected = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) ? UInt8(byte) : 0
            XCTAssertEqual(Tokenizer.lowercaseWordBytes[byte], expected, String(byte))
        }
    }

    func testWordTablesHoldWordBytesLowercaseWordBytesPlainStopsAndPunctuationKindsInTurn() {
        XCTAssertEqual(Tokenizer.wordTables.count, 1024)
        for byte in 0...255 {
            XCTAssertEqual(Tokenizer.wordTables[byte], UInt64(Tokenizer.asciiWordBytes[byte]), String(byte))
            XCTAssertEqual(Tokenizer.wordTables[256 + byte], UInt64(Tokenizer.lowercaseWordBytes[byte]), String(byte))
            XCTAssertEqual(Tokenizer.wordTables[512 + byte], Tokenizer.stopEntry(UInt8(byte)), String(byte))
            XCTAssertEqual(Tokenizer.wordTables[768 + byte], UInt64(Tokenizer.punctuationKind(of: UInt8(byte)).rawValue), String(byte))
            // A space is passed, with the next token spaced; any other plain stop is not, and the next token is attached.
            let expected: UInt64 = !Tokenizer.isPlainStop(UInt8(byte)) ? 0 : byte == 0x20 ? 1 : 0x1_0000
            XCTAssertEqual(Tokenizer.stopEntry(UInt8(byte)), expected, String(byte))
        }
    }

    func testNoByteWithAStopEntryIsAWordByteButADigit() {
        // The word scan ends a lower-case run at a byte with a stop entry without asking
        // whether it is a capital; digits, taken by the run itself, never end it.
        for byte in 0...255 where Tokenizer.stopEntry(UInt8(byte)) != 0 {
            XCTAssertEqual(Tokenizer.asciiWordBytes[byte] != 0, (0x30...0x39).contains(byte), String(byte))
        }
    }

    func testOneBytePunctuationIsADashAStraightQuoteOrPlainPunctuation() {
        let kinds = Tokenizer().tokens(in: Array("a - b \" c , d ; e".utf8)).filter { !$0.isWord }.map(\.kind)
        XCTAssertEqual(kinds, [.dash, .straightQuote, .punctuation, .punctuation])
    }

    func testWordHashesMatchTheirBytesInAnyMixOfCase() {
        // Long enough for the array path; words in lower case, capitalised, in capitals,
        // with capitals inside, with digits, and one at the very end.
        assertHashesMatchBytes("the talks in Tokyo with NATO and iPhone makers, McDonald and g7 ran 2023 to 42x, said Putin")
    }

    func testWordHashesMatchTheirBytesInAShortText() {
        assertHashesMatchBytes("iPhone")
        assertHashesMatchBytes("a")
        assertHashesMatchBytes("A")
        assertHashesMatchBytes("aB")
        assertHashesMatchBytes("Ab.")
    }

    func testEveryAbbreviationPassesTheFirstByteAndLengthTest() {
        for spelling in Tokenizer.abbreviationSpellings {
            XCTAssertTrue(Tokenizer.mayBeAbbreviation(first: spelling.utf8.first!, length: spelling.utf8.count), spelling)
        }
    }

    func testFirstByteAndLengthTestPassesOnlyTheAbbreviationsFirstBytesAndLengths() {
        for length in 0...12 {
            for byte in UInt8(ascii: "A")...UInt8(ascii: "z") where UTF8Scalar.isASCIILetter(byte) {
                let listed = Tokenizer.abbreviationSpellings.contains { $0.utf8.count == length && $0.utf8.first! & 63 == byte & 63 }
                XCTAssertEqual(Tokenizer.mayBeAbbreviation(first: byte, length: length), listed, "\(length) \(byte)")
            }
        }
    }

    func testAbbreviationAtTheEndOfALongTextKeepsItsDotAndHash() {
        let text = String(repeating: "the talks went on ", count: 5) + "with Mr."
        XCTAssertEqual(words(text).last, "Mr.")
        assertHashesMatchBytes(text)
    }

    func testSpacingFlagsAreAdjacentBytesOfATokenInMemoryOrder() {
        // The tokenizer stores both flags with one little-endian 16-bit store.
        let afterNewline = MemoryLayout<Token>.offset(of: \Token.afterNewline)
        XCTAssertNotNil(afterNewline)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \Token.attached), afterNewline.map { $0 + 1 })
        XCTAssertEqual(UInt16(1).littleEndian, 1)
    }

    func testSpacingMarksTokensAttachedOrAfterANewline() {
        let bytes = Array((String(repeating: "word ", count: 14) + "Japan, China\nand  “Korea”").utf8)
        let tokens = Tokenizer().tokens(in: bytes).suffix(7)
        let spellings = tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        XCTAssertEqual(spellings, ["Japan", ",", "China", "and", "“", "Korea", "”"])
        XCTAssertEqual(tokens.map(\.attached), [false, true, false, false, false, true, true])
        XCTAssertEqual(tokens.map(\.afterNewline), [false, false, false, true, false, false, false])
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

    /// A word before a full stop is written in the word loop unless it may be an initial
    /// or an abbreviation: the dot stays a token of its own, hashes and spacing as ever.
    func testWordBeforeAFullStopKeepsItsDotApart() {
        let text = "Tokyo met Seoul. Then Japan.Russia, I. Dr. Lee and Co. left at No. 10.\nOct. talks end."
        XCTAssertEqual(
            words(text),
            ["Tokyo", "met", "Seoul", ".", "Then", "Japan", ".", "Russia", ",", "I", ".", "Dr.", "Lee", "and", "Co.", "left", "at", "No.",
             "10", ".", "Oct.", "talks", "end", "."]
        )
        assertHashesMatchBytes(text)
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let dot = tokens.firstIndex { $0.kind == .punctuation }!
        XCTAssertTrue(tokens[dot].attached)
        XCTAssertFalse(tokens[dot + 1].attached)
        XCTAssertTrue(tokens.first { bytes[Int($0.start)] == UInt8(ascii: "O") }!.afterNewline)
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

    func testSentenceEndsAreFoundWhereverTheyFallInARunOfWords() {
        for length in 1...9 {
            let run = Array(repeating: "word", count: length).joined(separator: " ")
            XCTAssertEqual(sentences("Japan \(run). China left."), ["Japan \(run).", "China left."], String(length))
        }
    }

    func testLineBreakBeforeTheLastTokenEndsAHeadline() {
        XCTAssertEqual(sentences("Japan and China\nTalks"), ["Japan and China", "Talks"])
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
