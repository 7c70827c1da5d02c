@testable import ActorExtraction
import XCTest

/// The columns an article view keeps its token facts, quotation flags and index lists in.
final class TokenColumnTests: XCTestCase {
    func testNewStorageHoldsZeroBitsAndFalseFlags() {
        let storage = TokenColumnStorage(tokenCount: 5)
        XCTAssertEqual((0..<5).map { storage.bits[$0] }, [0, 0, 0, 0, 0])
        XCTAssertEqual((0..<5).map { storage.flags[$0] }, [false, false, false, false, false])
    }

    func testColumnsOfOneStorageDoNotOverlap() {
        let storage = TokenColumnStorage(tokenCount: 3)
        let lists = storage.lists
        for index in 0..<3 {
            lists.cueStarts[index] = 1
            lists.reportStarts[index] = 2
            lists.pairLastWords[index] = 3
            lists.quotationEvents[index] = 4
            storage.bits[index] = 0xFFFF
        }
        for index in 0..<3 { storage.flags[index] = true }
        XCTAssertEqual((0..<3).map { lists.cueStarts[$0] }, [1, 1, 1])
        XCTAssertEqual((0..<3).map { lists.quotationEvents[$0] }, [4, 4, 4])
        XCTAssertEqual((0..<3).map { storage.bits[$0] }, [0xFFFF, 0xFFFF, 0xFFFF])
        XCTAssertEqual((0..<3).map { lists.reportStarts[$0] + lists.pairLastWords[$0] }, [5, 5, 5])
    }

    func testAColumnReadsTheValuesItWasGiven() {
        let storage = TokenColumnStorage(tokenCount: 4)
        for index in 0..<4 { storage.bits[index] = UInt16(index * 10) }
        let column = TokenColumn(storage.bits, count: 4)
        XCTAssertEqual(column.count, 4)
        XCTAssertEqual(column[3], 30)
        XCTAssertEqual(Array(column.buffer), [0, 10, 20, 30])
    }

    func testAnEmptyArticleHasEmptyColumns() {
        let storage = TokenColumnStorage(tokenCount: 0)
        XCTAssertTrue(TokenColumn(storage.bits, count: 0).isEmpty)
    }

    func testAnArticleViewReadsTheSameFactsAndQuotationsAsTheArrayPasses() throws {
        let lexicon = try CueLexicon.builtIn()
        let text = "Japan signed a treaty with India, officials said.\n“Russia will not attack,” he said. “It is over."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let facts = TokenFact.facts(of: tokens, words: lexicon.wordFacts, pairs: lexicon.cuePairs)
        let quotes = QuotationTracker.insideQuotes(tokens, facts: facts.bits, events: facts.quotationEvents)
        let view = ArticleView(bytes: bytes, tokens: tokens, mentions: [], lexicon: lexicon, actors: ActorTable(gazetteer: TestExtractor.gazetteer))
        XCTAssertEqual(Array(view.facts.buffer), facts.bits)
        XCTAssertEqual(Array(view.cueStarts.buffer), facts.cueStarts)
        XCTAssertEqual(Array(view.reportStarts.buffer), facts.reportStarts)
        XCTAssertEqual(Array(view.pairLastWords.buffer), facts.pairLastWords)
        XCTAssertEqual(Array(view.quoted.buffer), quotes.inside)
        XCTAssertEqual(view.lastQuoted, quotes.last)
    }

    func testAViewOverAFactsPassReadAheadReadsWhatAViewReadingItselfReads() throws {
        let lexicon = try CueLexicon.builtIn()
        let bytes = Array("Chile warned Peru, diplomats said.\n“Bolivia backs us,” she said. “We agree.".utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let actors = ActorTable(gazetteer: TestExtractor.gazetteer)
        let itself = withUnsafePointer(to: actors) { ArticleView(bytes: bytes, tokens: tokens, mentions: [], lexicon: lexicon, actorTable: $0) }
        let pass = TokenFactsPass(tokens, lexicon: lexicon)
        let ahead = withUnsafePointer(to: actors) { ArticleView(bytes: bytes, tokens: tokens, mentions: [], lexicon: lexicon, actorTable: $0, pass: pass) }
        XCTAssertFalse(itself.cueStarts.isEmpty)
        XCTAssertFalse(itself.reportStarts.isEmpty)
        XCTAssertEqual(Array(ahead.facts.buffer), Array(itself.facts.buffer))
        XCTAssertEqual(Array(ahead.cueStarts.buffer), Array(itself.cueStarts.buffer))
        XCTAssertEqual(Array(ahead.reportStarts.buffer), Array(itself.reportStarts.buffer))
        XCTAssertEqual(Array(ahead.pairLastWords.buffer), Array(itself.pairLastWords.buffer))
        XCTAssertEqual(Array(ahead.quoted.buffer), Array(itself.quoted.buffer))
        XCTAssertEqual(ahead.lastQuoted, itself.lastQuoted)
    }

    func testAPreparedArticleExtractedTwiceGivesTheSameGraphBothTimes() throws {
        // The second search writes its cue hits over the first's in the same facts pass.
        let extractor = try Extractor()
        let text = "Chile signed a trade pact with Peru. Bolivia accused Chile of threatening Peru, officials said."
        let prepared = extractor.prepare(ArticleText(parsing: text, fallbackID: "twice"))
        let first = extractor.extract(prepared)
        XCTAssertFalse(first.relations.isEmpty)
        XCTAssertEqual(extractor.extract(prepared), first)
        XCTAssertEqual(first, extractor.extract(ArticleText(parsing: text, fallbackID: "twice")))
    }

    private func bitsColumn(_ values: [UInt16], in storage: borrowing TokenColumnStorage) -> TokenColumn<UInt16> {
        for (index, value) in values.enumerated() { storage.bits[index] = value }
        return TokenColumn(storage.bits, count: values.count)
    }

    func testFirstIndexSharingBitsFindsTheFirstInTheRange() {
        let storage = TokenColumnStorage(tokenCount: 11)
        let column = bitsColumn([0, 4, 0, 0, 0, 0, 1, 0, 4, 0, 4], in: storage)
        XCTAssertEqual(column.firstIndex(sharing: 4, in: 0..<11), 1)
        XCTAssertEqual(column.firstIndex(sharing: 4, in: 2..<11), 8)
        XCTAssertEqual(column.firstIndex(sharing: 5, in: 2..<11), 6)
        XCTAssertEqual(column.firstIndex(sharing: 4, in: 9..<11), 10)
    }

    func testFirstIndexSharingBitsIsNilWhenNoEntryOfTheRangeHasThem() {
        let storage = TokenColumnStorage(tokenCount: 9)
        let column = bitsColumn([0, 2, 0, 0, 0, 0, 0, 0, 2], in: storage)
        XCTAssertNil(column.firstIndex(sharing: 2, in: 2..<8))
        XCTAssertNil(column.firstIndex(sharing: 1, in: 0..<9))
        XCTAssertNil(column.firstIndex(sharing: 2, in: 3..<3))
    }

    func testFirstIndexSharingBitsAgreesWithAScanOfEveryRange() {
        let values: [UInt16] = [0, 0x8000, 0, 0x100, 0, 0, 0, 0x8100, 0, 0, 0, 0, 0, 0x100, 0]
        let storage = TokenColumnStorage(tokenCount: values.count)
        let column = bitsColumn(values, in: storage)
        for bits: UInt16 in [0x8000, 0x100, 0x8100] {
            for start in 0...values.count {
                for end in start...values.count {
                    XCTAssertEqual(column.firstIndex(sharing: bits, in: start..<end), (start..<end).first { values[$0] & bits != 0 })
                }
            }
        }
    }
}
