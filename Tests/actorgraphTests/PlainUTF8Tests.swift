@testable import actorgraph
import XCTest

final class PlainUTF8Tests: XCTestCase {
    private func holds(_ bytes: [UInt8]) -> Bool { PlainUTF8.holds(bytes) }

    func testWellFormedTextHolds() {
        XCTAssertTrue(holds(Array(#"{"text": "Tōkyō — Москва 東京 😀, and plain ASCII for a while"}"#.utf8)))
        XCTAssertTrue(holds([]))
    }

    func testNULByteOrderMarkAndBrokenSequencesDoNot() {
        XCTAssertFalse(holds(Array("sixteen bytes of\u{0}text".utf8)))
        XCTAssertFalse(holds([0x41, 0x00]))
        XCTAssertFalse(holds([0xEF, 0xBB, 0xBF] + Array("{}".utf8)))
        XCTAssertFalse(holds([0xC0, 0x80]), "overlong")
        XCTAssertFalse(holds([0xE0, 0x80, 0x80]), "overlong")
        XCTAssertFalse(holds([0xED, 0xA0, 0x80]), "surrogate")
        XCTAssertFalse(holds([0xF4, 0x90, 0x80, 0x80]), "past U+10FFFF")
        XCTAssertFalse(holds([0x41, 0xE2, 0x80]), "cut short")
        XCTAssertFalse(holds([0x80, 0x41]), "lone continuation")
        XCTAssertFalse(holds(Array("Windows-1252 caf".utf8) + [0xE9]))
    }

    /// Random bytes, mostly ASCII with multi-byte leads and continuations mixed in, agree
    /// with the standard library's validation.
    func testAgreesWithStringValidationOnRandomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [[0x41], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x94], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xE2], [0xF4, 0x8F], [0xED, 0x9F, 0xBF], [0xFF], [0x00]]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 24) { bytes += next() % 3 == 0 ? pieces[Int(next() % UInt64(pieces.count))] : [0x61] }
            let expected = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains(0) && !bytes.starts(with: [0xEF, 0xBB, 0xBF])
            XCTAssertEqual(holds(bytes), expected, "\(bytes)")
        }
    }
}
