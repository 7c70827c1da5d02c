@testable import ActorExtraction
import XCTest

final class MentionIndexTests: XCTestCase {
    private let mentions = [
        FoundMention(tokens: 0..<2, actor: 1, form: .name),
        FoundMention(tokens: 3..<4, actor: 2, form: .demonym, isModifier: true),
        FoundMention(tokens: 5..<7, actor: 3, form: .name),
    ]

    func testAMentionIsFoundByItsFirstToken() {
        XCTAssertEqual(MentionIndex(mentions).starting(at: 5), 2)
        XCTAssertEqual(MentionIndex(mentions).starting(at: 0), 0)
    }

    func testAMentionIsFoundByTheTokenAfterIt() {
        XCTAssertEqual(MentionIndex(mentions).ending(at: 7), 2)
        XCTAssertEqual(MentionIndex(mentions).ending(at: 2), 0)
    }

    func testATokenNoMentionStartsAtFindsNone() {
        XCTAssertNil(MentionIndex(mentions).starting(at: 1))
        XCTAssertNil(MentionIndex(mentions).starting(at: 100))
        XCTAssertNil(MentionIndex(mentions).starting(at: -1))
    }

    func testAModifierIsLeftOut() {
        XCTAssertNil(MentionIndex(mentions).starting(at: 3))
        XCTAssertNil(MentionIndex(mentions).ending(at: 4))
    }
}

final class MentionIndexSharedSlotTests: XCTestCase {
    func testAMentionEndingWhereAnotherStartsKeepsBoth() {
        let index = MentionIndex([FoundMention(tokens: 0..<2, actor: 1, form: .name), FoundMention(tokens: 2..<3, actor: 2, form: .name)])
        XCTAssertEqual(index.ending(at: 2), 0)
        XCTAssertEqual(index.starting(at: 2), 1)
    }

    func testAnEmptyListIndexesNothing() {
        let index = MentionIndex([])
        XCTAssertNil(index.starting(at: 0))
        XCTAssertNil(index.ending(at: 0))
    }

    func testALaterMentionAtTheSameStartReplacesTheEarlier() {
        let index = MentionIndex([FoundMention(tokens: 4..<5, actor: 1, form: .name), FoundMention(tokens: 4..<6, actor: 2, form: .name)])
        XCTAssertEqual(index.starting(at: 4), 1)
        XCTAssertEqual(index.ending(at: 5), 0)
        XCTAssertEqual(index.ending(at: 6), 1)
    }
}
