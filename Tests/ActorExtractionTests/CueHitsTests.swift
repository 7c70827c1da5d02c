@testable import ActorExtraction
import XCTest

/// The buffer the relation finder keeps a sentence's cues in.
final class CueHitsTests: XCTestCase {
    private func hit(_ start: Int, cue: Int32) -> CueHit { CueHit(tokens: start..<(start + 1), cue: cue) }

    func testHitsAreKeptInOrderAndTheLastCanBeDropped() {
        let storage = TokenColumnStorage(tokenCount: 4)
        var hits = CueHits(in: storage.hits, capacity: 4)
        hits.append(hit(0, cue: 7))
        hits.append(hit(2, cue: 8))
        XCTAssertEqual(hits.count, 2)
        XCTAssertEqual(hits[0].cue, 7)
        XCTAssertEqual(hits.last?.cue, 8)
        hits.popLast()
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits.last?.tokens, 0..<1)
    }

    func testEmptiedHitsHaveRoomForAHitAtEveryToken() {
        let storage = TokenColumnStorage(tokenCount: 3)
        var hits = CueHits(in: storage.hits, capacity: 3)
        hits.append(hit(0, cue: 1))
        hits.removeAll()
        XCTAssertNil(hits.last)
        for start in 0..<3 { hits.append(hit(start, cue: Int32(start))) }
        XCTAssertEqual((0..<hits.count).map { hits[$0].cue }, [0, 1, 2])
    }

    func testHitsKeptInAnArticlesMemoryAreReadBack() {
        let storage = TokenColumnStorage(tokenCount: 3)
        var hits = CueHits(in: storage.hits, capacity: 3)
        for start in 0..<3 { hits.append(hit(start, cue: Int32(start + 4))) }
        XCTAssertEqual((0..<hits.count).map { hits[$0].cue }, [4, 5, 6])
        hits.removeAll()
        XCTAssertEqual(hits.count, 0)
    }
}
