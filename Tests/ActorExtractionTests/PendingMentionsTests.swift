@testable import ActorExtraction
import ActorGraph
import XCTest

/// The graph builder's list of mentions, made once at its number.
final class PendingMentionsTests: XCTestCase {
    private func mention(_ index: Int) -> GraphBuilder.PendingMention {
        GraphBuilder.PendingMention(
            span: Span(start: index, end: index + 1), byteStart: Int32(index), byteEnd: Int32(index + 1), firstToken: Int32(index),
            endToken: Int32(index + 1), node: Int32(index % 2)
        )
    }

    func testNoneIsEmpty() {
        let none = GraphBuilder.PendingMentions()
        XCTAssertTrue(none.isEmpty)
        XCTAssertEqual(none.count, 0)
        XCTAssertEqual(none.withUnsafeBufferPointer(\.count), 0)
        XCTAssertTrue(GraphBuilder.PendingMentions(count: 0) { _ in XCTFail("nothing to fill") }.isEmpty)
    }

    func testFilledMentionsAreReadBackInOrder() {
        let mentions = GraphBuilder.PendingMentions(count: 5) { list in
            for index in 0..<5 { (list + index).initialize(to: mention(index)) }
        }
        XCTAssertFalse(mentions.isEmpty)
        XCTAssertEqual(mentions.count, 5)
        for index in 0..<5 {
            XCTAssertEqual(mentions[index].span, Span(start: index, end: index + 1))
            XCTAssertEqual(mentions[index].node, Int32(index % 2))
            XCTAssertEqual(mentions[index].next, -1)
        }
        XCTAssertEqual(mentions.withUnsafeBufferPointer { $0.map(\.byteStart) }, [0, 1, 2, 3, 4])
    }

    /// A copy shares the one buffer, which is never written after it is made.
    func testACopyReadsTheSameMentions() {
        let mentions = GraphBuilder.PendingMentions(count: 2) { list in
            for index in 0..<2 { (list + index).initialize(to: mention(index)) }
        }
        let copy = mentions
        XCTAssertEqual(copy[1].firstToken, mentions[1].firstToken)
    }

    func testMentionsGoInAReusedStorageWithRoomForThem() {
        let first = GraphBuilder.PendingMentions(count: 4) { list in
            for index in 0..<4 { (list + index).initialize(to: mention(index)) }
        }
        let second = GraphBuilder.PendingMentions(count: 3, reusing: first.reusableStorage) { list in
            for index in 0..<3 { (list + index).initialize(to: mention(index + 10)) }
        }
        XCTAssertTrue(second.reusableStorage === first.reusableStorage)
        XCTAssertEqual(second.withUnsafeBufferPointer { $0.map(\.byteStart) }, [10, 11, 12])
    }

    func testMoreMentionsThanAReusedStorageHoldsGetStorageOfTheirOwn() {
        let first = GraphBuilder.PendingMentions(count: 1) { $0.initialize(to: mention(0)) }
        let count = 1 + (first.reusableStorage?.capacity ?? 0)
        let second = GraphBuilder.PendingMentions(count: count, reusing: first.reusableStorage) { list in
            for index in 0..<count { (list + index).initialize(to: mention(index)) }
        }
        XCTAssertFalse(second.reusableStorage === first.reusableStorage)
        XCTAssertEqual(second.count, count)
    }
}
