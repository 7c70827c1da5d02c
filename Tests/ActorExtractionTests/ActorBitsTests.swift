@testable import ActorExtraction
import XCTest

final class ActorBitsTests: XCTestCase {
    func testAnInsertedActorIsContained() {
        var bits = ActorBits(count: 200)
        bits.insert(130)
        XCTAssertTrue(bits.contains(130))
    }

    func testAnActorNotInsertedIsNotContained() {
        var bits = ActorBits(count: 200)
        bits.insert(130)
        XCTAssertFalse(bits.contains(131))
        XCTAssertFalse(bits.contains(66))
    }

    func testAnIndexPastTheCountIsNotContained() {
        let bits = ActorBits(count: 10)
        XCTAssertFalse(bits.contains(1000))
        XCTAssertFalse(bits.contains(-1))
    }
}
