@testable import ActorExtraction
import XCTest

final class NameWordsTests: XCTestCase {
    private func words(_ text: String) -> NameWords {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        return NameWords(0..<tokens.count, reader: NameReader(tokens: tokens, bytes: bytes))
    }

    func testConnectorsAreNoNameWords() {
        let run = words("Centre for Maritime Studies")
        XCTAssertEqual(run.count, 3)
        XCTAssertEqual(run.first, 0)
        XCTAssertEqual(run.firstGap, 1, "the first word that is no name word: 'for'")
    }

    func testARunOfNamesHasNoGapBeforeItsEnd() {
        let run = words("Hana Mori")
        XCTAssertEqual(run.count, 2)
        XCTAssertEqual(run.firstGap, 2)
    }

    func testAnAcronymIsNoNameWord() {
        let run = words("Ana NATO")
        XCTAssertEqual(run.count, 1)
        XCTAssertEqual(run.firstGap, 1)
    }
}
