@testable import ActorExtraction
import XCTest

/// The side-by-side index lists the facts pass writes its starts into.
final class IndexListsTests: XCTestCase {
    func testEachListKeepsItsOwnIndexesInOrder() {
        let lists = IndexLists(capacity: 3)
        var counts = IndexLists.Counts()
        IndexLists.append(0, to: lists.start(of: .cueStarts), &counts.cueStarts)
        IndexLists.append(2, to: lists.start(of: .cueStarts), &counts.cueStarts)
        IndexLists.append(1, to: lists.start(of: .quotationEvents), &counts.quotationEvents)
        XCTAssertEqual(lists.array(.cueStarts, counts), [0, 2])
        XCTAssertEqual(lists.array(.quotationEvents, counts), [1])
        XCTAssertEqual(lists.array(.reportStarts, counts), [])
    }

    func testAListCanHoldAnEntryForEveryToken() {
        let lists = IndexLists(capacity: 2)
        var counts = IndexLists.Counts()
        for index in 0..<2 { IndexLists.append(index, to: lists.start(of: .pairLastWords), &counts.pairLastWords) }
        for index in 0..<2 { IndexLists.append(index + 5, to: lists.start(of: .quotationEvents), &counts.quotationEvents) }
        XCTAssertEqual(lists.array(.pairLastWords, counts), [0, 1])
        XCTAssertEqual(lists.array(.quotationEvents, counts), [5, 6])
    }
}
