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

final class MentionOrderTests: XCTestCase {
    private func mention(_ tokens: Range<Int>, _ actor: Int32) -> FoundMention {
        FoundMention(tokens: tokens, actor: actor, form: .name)
    }

    private func sortedSum(_ a: [FoundMention], _ b: [FoundMention]) -> [FoundMention] {
        (a + b).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    private func shape(_ mentions: [FoundMention]) -> [String] {
        mentions.map { "\($0.tokens)#\($0.actor)" }
    }

    func testListsInOrderAreMergedAsAStableSortWouldOrderThem() {
        let mentions = [mention(0..<1, 1), mention(4..<6, 2), mention(9..<10, 3)]
        let added = [mention(2..<3, 4), mention(4..<5, 5), mention(12..<14, 6)]
        XCTAssertEqual(shape(RoleResolver.inTokenOrder(mentions, added)), shape(sortedSum(mentions, added)))
    }

    func testOnATieTheFoundMentionComesBeforeTheAddedOne() {
        let merged = RoleResolver.inTokenOrder([mention(3..<5, 1)], [mention(3..<4, 2)])
        XCTAssertEqual(merged.map(\.actor), [1, 2])
    }

    func testMergingInPlaceOrdersAsAStableSortWould() {
        var mentions = [mention(0..<1, 1), mention(4..<6, 2), mention(4..<5, 3), mention(9..<10, 4)]
        let added = [mention(0..<2, 5), mention(4..<5, 6), mention(7..<8, 7), mention(12..<14, 8)]
        let expected = shape(sortedSum(mentions, added))
        MentionFinder.merge(added, into: &mentions)
        XCTAssertEqual(shape(mentions), expected)
    }

    func testMergingInPlaceBeforeEveryMentionPutsTheAddedFirst() {
        var mentions = [mention(5..<6, 1), mention(8..<9, 2)]
        MentionFinder.merge([mention(1..<2, 3), mention(2..<3, 4)], into: &mentions)
        XCTAssertEqual(mentions.map(\.actor), [3, 4, 1, 2])
    }

    func testMergingInPlaceIntoNoMentionsGivesTheAdded() {
        var mentions: [FoundMention] = []
        MentionFinder.merge([mention(1..<2, 3)], into: &mentions)
        XCTAssertEqual(mentions.map(\.actor), [3])
    }

    func testRemovingPositionsKeepsTheRestInOrder() {
        let mentions = (0..<6).map { mention($0..<($0 + 1), Int32($0)) }
        XCTAssertEqual(MentionFinder.removing([0, 2, 3, 5], from: mentions).map(\.actor), [1, 4])
        XCTAssertEqual(MentionFinder.removing([], from: mentions).map(\.actor), [0, 1, 2, 3, 4, 5])
    }

    func testRemovingInPlaceKeepsTheRestInOrderAndTheStorage() {
        let all = (0..<8).map { mention($0..<($0 + 1), Int32($0)) }
        for positions in [[0], [7], [1, 2], [0, 3, 7], [0, 1, 2, 3, 4, 5, 6, 7], [2, 5]] {
            var mentions = all
            mentions.reserveCapacity(32)
            let capacity = mentions.capacity
            MentionFinder.remove(positions, from: &mentions)
            XCTAssertEqual(mentions.map(\.actor), all.indices.filter { !positions.contains($0) }.map { Int32($0) }, "\(positions)")
            XCTAssertEqual(mentions.capacity, capacity, "\(positions)")
        }
    }

    func testAddedMentionsOutOfOrderAreSorted() {
        let mentions = [mention(0..<1, 1), mention(8..<9, 2)]
        let added = [mention(10..<11, 3), mention(2..<4, 4)]
        XCTAssertEqual(shape(RoleResolver.inTokenOrder(mentions, added)), shape(sortedSum(mentions, added)))
    }
}
