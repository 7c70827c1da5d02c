@testable import ActorExtraction
import XCTest

final class WordBufferTests: XCTestCase {
    func testANewBufferHoldsZeros() {
        let buffer = WordBuffer.make(count: 700)
        XCTAssertEqual(buffer.count, 700)
        XCTAssertTrue((0..<700).allSatisfy { buffer.word($0) == 0 })
    }

    func testAWrittenWordIsReadBack() {
        let buffer = WordBuffer.make(count: 4)
        buffer.setWord(2, to: 0xDEAD_BEEF)
        XCTAssertEqual(buffer.word(2), 0xDEAD_BEEF)
        XCTAssertEqual(buffer.word(1), 0)
    }

    func testACopyIsNotChangedByWritesToTheOriginal() {
        let buffer = WordBuffer.make(count: 3)
        buffer.setWord(0, to: 7)
        let copy = buffer.copy()
        buffer.setWord(0, to: 9)
        XCTAssertEqual(copy.word(0), 7)
        XCTAssertEqual(copy.count, 3)
    }
}
