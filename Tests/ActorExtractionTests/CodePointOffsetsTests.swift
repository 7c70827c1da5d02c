@testable import ActorExtraction
import XCTest

final class CodePointOffsetsTests: XCTestCase {
    /// The code point offset of every byte, counted one byte at a time.
    private func counted(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var count = 0
        for byte in bytes {
            offsets.append(count)
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        return offsets + [count]
    }

    private func assertAgrees(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let offsets = CodePointOffsets(bytes)
        XCTAssertEqual((0...bytes.count).map { offsets.codePoint(atByte: $0) }, counted(bytes), text, file: file, line: line)
    }

    func testOffsetsCountCodePointsNotBytes() {
        let text = "“Tokyo” — 東京 Japan"
        let bytes = Array(text.utf8)
        let offsets = CodePointOffsets(bytes)
        let japanByte = bytes.count - 5
        XCTAssertEqual(offsets.codePoint(atByte: japanByte), text.unicodeScalars.count - 5)
        XCTAssertEqual(offsets.codePoint(atByte: bytes.count), text.unicodeScalars.count)
    }

    func testASCIIOffsetsAreByteOffsets() {
        assertAgrees("Japan and China met in Tokyo.")
    }

    func testMultibyteCharactersCountOnceAcrossWordBoundaries() {
        // Two- to four-byte characters placed so that some straddle each eight-byte word.
        assertAgrees("Russia’s “talks” — Москва и 東京 😀 end")
        assertAgrees("abcdefg’hijklmn—op😀qrstuv")
    }

    func testTextEndingInsideAWordCountsItsLastBytes() {
        for length in 0..<20 {
            assertAgrees(String(repeating: "é", count: length))
            assertAgrees("a" + String(repeating: "—", count: length))
        }
    }

    func testEachByteOfAWordHoldsTheFlaggedBytesBeforeIt() {
        // Flags on bytes 1, 2 and 6: counts before bytes 0...7 are 0, 0, 1, 2, 2, 2, 2, 3.
        let flags: UInt64 = 1 << 8 | 1 << 16 | 1 << 48
        let packed = CodePointOffsets.packedCountsBefore(flags)
        XCTAssertEqual((0..<8).map { packed >> (3 * UInt64($0)) & 7 }, [0, 0, 1, 2, 2, 2, 2, 3])
    }

    func testAWordOfContinuationBytesCountsUpToSevenBeforeItsLastByte() {
        let packed = CodePointOffsets.packedCountsBefore(0x0101_0101_0101_0101)
        XCTAssertEqual((0..<8).map { packed >> (3 * UInt64($0)) & 7 }, [0, 1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(CodePointOffsets.sum(of: 0x0101_0101_0101_0101), 8)
    }
}
