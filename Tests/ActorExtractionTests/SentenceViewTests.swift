@testable import ActorExtraction
import XCTest

final class SentenceViewTests: XCTestCase {
    private func view(_ text: String) throws -> SentenceView { try TestExtractor.sentenceView(text) }

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
