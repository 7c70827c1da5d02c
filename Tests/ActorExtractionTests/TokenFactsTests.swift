@testable import ActorExtraction
import XCTest

/// The per-token facts the relation finder reads once per article.
final class TokenFactsTests: XCTestCase {
    private let words = TokenKeyMap([
        (TokenHash.folded("signed".utf8), TokenFact.cueStart), (TokenHash.folded("said".utf8), TokenFact.reportStart),
        (TokenHash.folded("while".utf8), TokenFact.subordinator), (TokenHash.folded("countries".utf8), TokenFact.pairLastWord),
    ])

    private func tokens(_ text: String) -> [Token] {
        Tokenizer().tokens(in: Array(text.utf8))
    }

    private func facts(_ text: String) -> (tokens: [Token], facts: TokenFacts) {
        let tokens = tokens(text)
        return (tokens, TokenFact.facts(of: tokens, words: words))
    }

    func testStartsAreListedInTokenOrder() {
        let read = facts("Japan signed it, she said, and signed again; both countries agreed.")
        XCTAssertEqual(read.facts.cueStarts, [1, 8])
        XCTAssertEqual(read.facts.reportStarts, [5])
        XCTAssertEqual(read.facts.pairLastWords, [12])
    }

    func testOnlyAWordStartsACue() {
        let tokens = self.tokens("signed ; signed")
        let words = TokenKeyMap([(tokens[0].folded, TokenFact.cueStart), (tokens[1].folded, TokenFact.cueStart)])
        let read = TokenFact.facts(of: tokens, words: words)
        XCTAssertEqual(read.cueStarts, [0, 2])
        XCTAssertEqual(read.bits[1] & TokenFact.cueStart, 0)
    }

    func testALowercaseSubordinatorClosesAClauseAndACapitalisedOneDoesNot() {
        let read = facts("While Japan talks, while China waits")
        XCTAssertEqual(read.facts.bits[0] & TokenFact.clauseBreak, 0)
        XCTAssertNotEqual(read.facts.bits[4] & TokenFact.clauseBreak, 0)
    }

    func testASpacedDashClosesAClauseAndAnAttachedOneDoesNot() {
        let read = facts("Russia-Japan talks - and more; then")
        let dashes = read.tokens.indices.filter { read.tokens[$0].kind == .dash }
        XCTAssertEqual(dashes.count, 2)
        XCTAssertEqual(read.facts.bits[dashes[0]] & TokenFact.clauseBreak, 0)
        XCTAssertNotEqual(read.facts.bits[dashes[1]] & TokenFact.clauseBreak, 0)
        let semicolon = read.tokens.firstIndex { $0.first == UInt8(ascii: ";") }!
        XCTAssertNotEqual(read.facts.bits[semicolon] & TokenFact.clauseBreak, 0)
    }

    func testAParagraphWhoseFirstMarkClosesIsMarked() {
        let read = facts("\u{201C}It goes on\n and on,\u{201D} he said.\n\u{201C}New\u{201D}")
        let starts = read.tokens.indices.filter { read.tokens[$0].afterNewline }
        XCTAssertEqual(starts.count, 2)
        XCTAssertNotEqual(read.facts.bits[starts[0]] & TokenFact.paragraphClosesFirst, 0)
        XCTAssertEqual(read.facts.bits[starts[1]] & TokenFact.paragraphClosesFirst, 0)
    }

    func testAQuotationCarriesIntoAParagraphThatClosesItFirst() {
        let tokens = self.tokens("\u{201C}It goes on\n and on,\u{201D} he said.\nThen \u{201C}new")
        let read = TokenFact.facts(of: tokens, words: words)
        let inside = QuotationTracker.insideQuotes(tokens, facts: read.bits, events: read.quotationEvents).inside
        let on = tokens.indices.filter { tokens[$0].afterNewline }
        XCTAssertTrue(inside[on[0]], "the paragraph closes the quotation first, so it goes on")
        XCTAssertFalse(inside[on[1]], "the paragraph opens a quotation first, so the break ends the old one")
    }

    func testAWordStartingOnlyLongerCuesIsListedWhereTheNextWordMakesAListedPair() {
        let tokens = self.tokens("security pact and security council")
        let words = TokenKeyMap([(tokens[0].folded, TokenFact.cueStart)])
        let pairs = TokenKeySet([TokenFact.pairKey(tokens[0].folded, tokens[1].folded)])
        XCTAssertEqual(TokenFact.facts(of: tokens, words: words, pairs: pairs).cueStarts, [0])
    }

    func testAWholeCueIsListedWhateverFollows() {
        let tokens = self.tokens("treaty talks")
        let words = TokenKeyMap([(tokens[0].folded, TokenFact.cueStart | TokenFact.wholeCue)])
        XCTAssertEqual(TokenFact.facts(of: tokens, words: words, pairs: TokenKeySet([])).cueStarts, [0])
    }

    func testQuotationEventsAreParagraphStartsAndQuotationMarks() {
        let tokens = self.tokens("He said \u{201C}yes\u{201D}.\nThen \"no\" came")
        let events = TokenFact.facts(of: tokens, words: words).quotationEvents.map(Int.init)
        let expected = tokens.indices.filter { tokens[$0].afterNewline || tokens[$0].isQuotationMark }
        XCTAssertEqual(events, expected)
        XCTAssertEqual(events.count, 5)
    }

    func testTheWordsOfAQuotationAreInsideItAndTheReportingWordsAreNot() {
        let text = "\u{201C}It goes on\n and on,\u{201D} he said.\nThen \u{201C}new words"
        let tokens = self.tokens(text)
        let read = TokenFact.facts(of: tokens, words: words)
        let atEvents = QuotationTracker.insideQuotes(tokens, facts: read.bits, events: read.quotationEvents)
        let bytes = Array(text.utf8)
        let words = tokens.indices.filter { tokens[$0].isWord }
        let insideWords = words.filter { atEvents.inside[$0] }.map { String(decoding: bytes[Int(tokens[$0].start)..<Int(tokens[$0].end)], as: UTF8.self) }
        XCTAssertEqual(insideWords, ["It", "goes", "on", "and", "on", "new", "words"])
        XCTAssertEqual(atEvents.last, tokens.count - 1, "the last quotation is left open to the end")
    }

    func testTheLastQuotedTokenIsTheOneBeforeTheClosingRunEnds() {
        let tokens = self.tokens("\u{201C}Yes\u{201D} he said")
        let read = TokenFact.facts(of: tokens, words: words)
        let atEvents = QuotationTracker.insideQuotes(tokens, facts: read.bits, events: read.quotationEvents)
        XCTAssertEqual(atEvents.last, atEvents.inside.lastIndex(of: true))
        XCTAssertEqual(QuotationTracker.insideQuotes(self.tokens("no quotes here"), facts: [0, 0, 0], events: []).last, -1)
    }

    func testFullStopsQuestionAndExclamationMarksAreSentenceMarksAndCommasAreNot() {
        let read = facts("Yes, no? Maybe! So.")
        let marked = read.tokens.indices.filter { read.facts.bits[$0] & TokenFact.sentenceMark != 0 }
        XCTAssertEqual(marked.map { read.tokens[$0].first }, [UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ".")])
    }

    func testTheKindAndLineBreakOfATokenLieTwoBytesApartInOneWord() {
        // `isWordInLine` reads both with one load of four bytes from the kind on.
        let kind = MemoryLayout<Token>.offset(of: \Token.kind)
        XCTAssertNotNil(kind)
        XCTAssertEqual(MemoryLayout<Token>.offset(of: \Token.afterNewline), kind.map { $0 + 2 })
        XCTAssertLessThanOrEqual((kind ?? .max) + 4, MemoryLayout<Token>.size)
    }

    func testAWordInALineIsTheOnlyTokenReadAsOne() {
        let tokens = tokens("Talks, said \"Kishida\"\nagain")
        let inLine = tokens.withUnsafeBufferPointer { buffer in buffer.indices.map { TokenFact.isWordInLine(buffer.baseAddress! + $0) } }
        XCTAssertEqual(inLine, tokens.map { $0.kind == .word && !$0.afterNewline })
        XCTAssertEqual(inLine, [true, false, true, false, true, false, false])
    }
}
