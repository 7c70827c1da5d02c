@testable import actorgraph
import TestSupport
import XCTest

/// The reader's own check of UTF-8, which must take exactly the byte sequences the standard
/// library's decoding takes without repair.
final class UTF8CheckTests: XCTestCase {
    private func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(UTF8Check.isValid)
    }

    func testASCIIAndWellFormedCharactersAreValid() {
        for text in ["", "plain", "Tōkyō — Москва", "e\u{301}lan 🇯🇵 \u{FFFD}", String(repeating: "abcdefgh", count: 5) + "é"] {
            XCTAssertTrue(isValid(Array(text.utf8)), text)
        }
    }

    func testSequencesTheStandardCallsIllFormedAreNot() {
        let illFormed: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xC3, 0x28],
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE2, 0x82],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xF0, 0x90, 0x80], [0xFE], [0xFF],
        ]
        for bytes in illFormed {
            XCTAssertFalse(isValid(Array("ok ".utf8) + bytes + Array(" ok".utf8)), "\(bytes)")
            XCTAssertFalse(isValid(bytes), "\(bytes) alone")
        }
    }

    func testACharacterCutAtTheEndIsNotValid() {
        let dash = Array("—".utf8)
        for cut in 1..<dash.count {
            XCTAssertFalse(isValid(Array("eight by".utf8) + dash.prefix(cut)), "\(cut) bytes")
        }
    }

    func testASequenceIsMeasuredWhereItStands() {
        func width(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { UTF8Check.sequenceWidth($0.baseAddress!, available: $0.count) } }
        XCTAssertEqual(width(Array("é and more".utf8)), 2)
        XCTAssertEqual(width(Array("—".utf8)), 3)
        XCTAssertEqual(width(Array("🇯🇵".utf8)), 4)
        XCTAssertNil(width([0x80, 0x41]))
        XCTAssertNil(width(Array(Array("—".utf8).prefix(2))))
        XCTAssertNil(width([0xE2, 0x80, 0x22]))
    }

    func testAgreesWithTheStandardLibraryOnRandomBytes() {
        var generator = SeededGenerator(seed: 7)
        // Bytes drawn mostly from the ranges around the boundaries of the table.
        let pool: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 12)
            let bytes = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(isValid(bytes), expected, "\(bytes)")
        }
    }
}
