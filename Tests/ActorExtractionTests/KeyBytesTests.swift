@testable import ActorExtraction
import XCTest

final class KeyBytesTests: XCTestCase {
    private func filter(_ words: [String]) -> KeyFilter {
        var filter = KeyFilter()
        for word in words { filter.insert(TokenHash.folded(word.utf8)) }
        return filter
    }

    func testAnInsertedKeyMayBeHeld() {
        let bytes = KeyBytes(filter(["minister", "president"]))
        XCTAssertTrue(bytes.mayHold(TokenHash.folded("minister".utf8)))
        XCTAssertTrue(bytes.mayHold(TokenHash.folded("president".utf8)))
    }

    func testEveryByteAgreesWithTheFilterBit() {
        let source = filter(["minister", "president", "the", "of"])
        let bytes = KeyBytes(source)
        for low in 0..<65_536 {
            XCTAssertEqual(UInt64(bytes.bytes[low]), source.bit(of: UInt64(low)), String(low))
        }
    }

    func testHigherBitsOfAKeyAreIgnored() {
        let key = TokenHash.folded("minister".utf8)
        let bytes = KeyBytes(filter(["minister"]))
        bytes.bytes.withUnsafeBufferPointer { table in
            XCTAssertEqual(KeyBytes.bit(of: key, in: table), 1)
            XCTAssertEqual(KeyBytes.bit(of: key & 0xFFFF, in: table), 1)
            XCTAssertEqual(KeyBytes.bit(of: key ^ 0xFFFF_0000, in: table), 1)
        }
    }

    func testAnEmptyFilterHoldsNothing() {
        let bytes = KeyBytes(KeyFilter())
        XCTAssertFalse(bytes.bytes.contains(1))
    }
}
