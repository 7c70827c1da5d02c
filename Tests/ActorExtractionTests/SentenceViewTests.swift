@testable import ActorExtraction
import XCTest

final class SentenceViewTests: XCTestCase {
    /// The view of `text` as one sentence, over the test gazetteer's mentions.
    private func view(_ text: String) throws -> SentenceView {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let found = MentionFinder(gazetteer: TestExtractor.gazetteer, roles: TestExtractor.roles).mentions(in: tokens, bytes: bytes, date: nil)
        let article = ArticleView(bytes: bytes, tokens: tokens, mentions: found.mentions, lexicon: try CueLexicon.builtIn(), actors: found.actors)
        return SentenceView(
            article: article, range: 0..<tokens.count, mentions: 0..<found.mentions.count, earlier: 0..<0, reportPosition: 0, pairWordPosition: 0
        )
    }

    /// The first token of each mention in `list`.
    private func starts(_ list: [FoundMention]) -> [Int] { list.map(\.tokens.lowerBound) }

    func testCoordinatedWithReplacesWhatTheListHeld() throws {
        // Tokens: Mali , Canada and Kenya became allies .
        let view = try view("Mali, Canada and Kenya became allies.")
        var list = [view.mentions.last!, view.mentions.last!]
        view.coordinated(with: view.mentions[view.mentions.startIndex + 1], into: &list)
        XCTAssertEqual(starts(list), [0, 2, 4])
    }

    func testNextInListIsNilWithoutACommaOrConjunctionAfter() throws {
        let view = try view("Japan met Russia.")
        XCTAssertNil(view.nextInList(after: view.mentions.first!))
    }

    func testPreviousInListIsNilWithoutACommaOrConjunctionBefore() throws {
        let view = try view("Japan met Russia.")
        XCTAssertNil(view.previousInList(before: view.mentions.last!))
    }

    func testPreviousInListStepsOverTheArticleOfTheNextName() throws {
        // Tokens: Japan and the United States signed …
        let view = try view("Japan and the United States signed a pact.")
        XCTAssertEqual(view.previousInList(before: view.mentions.last!)?.tokens.lowerBound, 0)
    }

    func testIsObliqueIsFalseForAMentionOpeningTheSentence() throws {
        let view = try view("Russia attacked Ukraine.")
        XCTAssertFalse(view.isOblique(view.mentions.first!))
    }

    func testIsObliqueIsTrueAfterAPreposition() throws {
        let view = try view("Troops massed in Russia.")
        XCTAssertTrue(view.isOblique(view.mentions.first!))
    }

    func testAppositiveHeadOfANameIsTheName() throws {
        let view = try view("Japan met its counterpart, Joe Biden.")
        XCTAssertEqual(view.appositiveHead(of: view.mentions.first!).tokens, view.mentions.first!.tokens)
    }

    func testAppositiveHeadOfADemonymIsThePersonItIntroduces() throws {
        // Tokens: He met his American ally , Joe Biden , today .
        let view = try view("He met his American ally, Joe Biden, today.")
        XCTAssertEqual(view.appositiveHead(of: view.mentions.first!).tokens, 6..<8)
    }
}
