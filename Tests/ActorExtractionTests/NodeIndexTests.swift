@testable import ActorExtraction
import XCTest

final class NodeIndexTests: XCTestCase {
    func testAnActorAddedTwiceKeepsItsFirstNode() {
        var index = NodeIndex()
        XCTAssertEqual(index.insert(12_000), 0)
        XCTAssertEqual(index.insert(5), 1)
        XCTAssertEqual(index.insert(12_000), 0)
        XCTAssertEqual(index.actors, [12_000, 5])
    }

    func testAnActorNeverAddedHasNoNode() {
        var index = NodeIndex()
        _ = index.insert(3)
        XCTAssertNil(index.node(of: 4))
        XCTAssertNil(NodeIndex().node(of: 0))
    }

    func testEveryActorIsFoundAtItsNodeAfterTheTableGrows() {
        var index = NodeIndex()
        let actors = (0..<500).map { Int32($0 * 64) }
        for actor in actors { _ = index.insert(actor) }
        for (node, actor) in actors.enumerated() { XCTAssertEqual(index.node(of: actor), node) }
        XCTAssertEqual(index.count, actors.count)
    }

    func testIndexesMadeFromTheSameEmptySlotsKeepTheirOwnActors() {
        var first = NodeIndex()
        var second = NodeIndex()
        _ = first.insert(7)
        XCTAssertNil(second.node(of: 7))
        XCTAssertEqual(second.insert(9), 0)
        XCTAssertNil(first.node(of: 9))
        XCTAssertEqual(first.node(of: 7), 0)
    }

    func testAMentionOfANewActorStartsItsNodesChain() {
        var index = NodeIndex()
        let (node, previous) = index.insert(mention: 0, of: 42)
        XCTAssertEqual(node, 0)
        XCTAssertEqual(previous, -1)
        XCTAssertEqual(index.nodes[0].firstMention, 0)
        XCTAssertEqual(index.nodes[0].mentionCount, 1)
    }

    func testALaterMentionOfAnActorReturnsTheMentionBeforeIt() {
        var index = NodeIndex()
        _ = index.insert(mention: 0, of: 42)
        _ = index.insert(mention: 1, of: 7)
        let (node, previous) = index.insert(mention: 2, of: 42)
        XCTAssertEqual(node, 0)
        XCTAssertEqual(previous, 0)
        XCTAssertEqual(index.nodes[0].firstMention, 0)
        XCTAssertEqual(index.nodes[0].lastMention, 2)
        XCTAssertEqual(index.nodes[0].mentionCount, 2)
    }

    func testAMentionOfAnActorAddedWithoutMentionsStartsItsChain() {
        var index = NodeIndex()
        _ = index.insert(5)
        let (node, previous) = index.insert(mention: 3, of: 5)
        XCTAssertEqual(node, 0)
        XCTAssertEqual(previous, -1)
        XCTAssertEqual(index.nodes[0].firstMention, 3)
        XCTAssertEqual(index.nodes[0].mentionCount, 1)
    }

    func testChainsOutliveTheGrowthOfTheNodesStorage() {
        var index = NodeIndex()
        // Past the first capacity of 32 records and of 64 slots.
        let actors: [Int32] = (0..<100).map { $0 * 37 + 1 }
        for (place, actor) in actors.enumerated() {
            XCTAssertEqual(index.insert(mention: Int32(place), of: actor).node, place)
        }
        for (place, actor) in actors.enumerated() {
            let (node, previous) = index.insert(mention: Int32(100 + place), of: actor)
            XCTAssertEqual(node, place)
            XCTAssertEqual(previous, Int32(place))
        }
        XCTAssertEqual(index.actors, actors)
        for (place, node) in index.nodes.enumerated() {
            XCTAssertEqual(node.firstMention, Int32(place))
            XCTAssertEqual(node.lastMention, Int32(100 + place))
            XCTAssertEqual(node.mentionCount, 2)
            XCTAssertEqual(index.actor(at: place), actors[place])
        }
    }

    func testAnIndexInTheStorageOfAnotherStartsEmpty() {
        var first = NodeIndex()
        for actor in 0..<100 { _ = first.insert(Int32(actor)) }
        var second = NodeIndex(reusing: first.storage)
        XCTAssertEqual(second.count, 0)
        XCTAssertNil(second.node(of: 5))
        XCTAssertEqual(second.insert(5), 0)
        XCTAssertEqual(second.actors, [5])
    }
}
