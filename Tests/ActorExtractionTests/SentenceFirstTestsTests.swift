@testable import ActorExtraction
import XCTest

final class SentenceFirstTestsTests: XCTestCase {
    private func view(_ text: String) throws -> SentenceView { try TestExtractor.sentenceView(text) }

    func testFirstCompoundDashIsTheAttachedDashAfterAMention() throws {
        // Tokens: The Russia – Japan dispute …
        XCTAssertEqual(SentenceFirstTests.firstCompoundDash(in: try view("The Russia–Japan dispute has lasted decades.")), 2)
    }

    func testFirstCompoundDashIsIntMaxWithoutADashAfterAMention() throws {
        XCTAssertEqual(SentenceFirstTests.firstCompoundDash(in: try view("Japan and Russia signed a well-known treaty.")), Int.max)
    }

    func testFirstCompoundDashIsIntMaxForASpacedDash() throws {
        XCTAssertEqual(SentenceFirstTests.firstCompoundDash(in: try view("Russia – Japan talks resumed.")), Int.max)
    }

    func testFirstConjoinedStartIsTheFirstMentionAfterAnd() throws {
        // Tokens: Japan and Russia signed …
        XCTAssertEqual(SentenceFirstTests.firstConjoinedStart(in: try view("Japan and Russia signed a treaty.")), 2)
    }

    func testFirstConjoinedStartIsIntMaxWithoutAConjunctionBeforeAMention() throws {
        XCTAssertEqual(SentenceFirstTests.firstConjoinedStart(in: try view("Japan signed a treaty with Russia.")), Int.max)
    }

    func testMentionBoundsAreTheLastStartAndAFirstEndAtOrBeforeTheFirstMentionsEnd() throws {
        // Tokens: Japan signed a treaty with Russia .
        let bounds = SentenceFirstTests.mentionBounds(in: try view("Japan signed a treaty with Russia."))
        XCTAssertEqual(bounds.lastStart, 5)
        XCTAssertEqual(bounds.firstEnd, 1)
    }

    func testMentionBoundsWithoutAMentionAdmitNoCue() throws {
        let bounds = SentenceFirstTests.mentionBounds(in: try view("The treaty was signed."))
        XCTAssertEqual(bounds.lastStart, -2)
        XCTAssertEqual(bounds.firstEnd, Int.max)
    }

    func testAReadIsKeptForTheSentencesOtherCues() throws {
        let view = try view("Japan and Russia signed a treaty.")
        var tests = SentenceFirstTests()
        XCTAssertEqual(tests.firstConjoinedStart(in: view), 2)
        XCTAssertEqual(tests.firstConjoinedStart(in: view), 2)
        XCTAssertEqual(tests.firstCompoundDash(in: view), Int.max)
    }
}
