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

    func testAnASCIIOpeningOfAnyLengthIsSkippedByTheTable() {
        // The first character outside ASCII at every place across several words, and ASCII
        // again after it: the table starts at its word, the bytes before count themselves.
        for prefix in 0..<80 {
            assertAgrees(String(repeating: "a", count: prefix) + "é" + String(repeating: "b", count: 40))
            assertAgrees(String(repeating: "a", count: prefix) + "—")
            assertAgrees(String(repeating: "a", count: prefix))
        }
    }

    func testEachByteOfAWordCountsTheFlaggedBytesUpToIt() {
        // Flags on bytes 1, 2 and 6: counts through bytes 0...7 are 0, 1, 2, 2, 2, 2, 3, 3.
        let flags: UInt64 = 1 << 8 | 1 << 16 | 1 << 48
        let counts = CodePointOffsets.countsThrough(flags)
        XCTAssertEqual((0..<8).map { counts >> (8 * UInt64($0)) & 0xFF }, [0, 1, 2, 2, 2, 2, 3, 3])
    }

    func testAWordOfContinuationBytesCountsEightInItsTopByte() {
        let flags = CodePointOffsets.continuationFlags(in: 0x8080_8080_8080_8080)
        XCTAssertEqual(flags, 0x0101_0101_0101_0101)
        XCTAssertEqual(CodePointOffsets.countsThrough(flags) >> 56, 8)
    }

    func testLeadAndASCIIBytesAreNotFlagged() {
        // "é" is C3 A9: only its second byte continues a code point.
        XCTAssertEqual(CodePointOffsets.continuationFlags(in: 0x41_A9C3), 0x0100)
    }

    func testFourASCIIWordsPassedTogetherKeepTheCountForTheWordsAfter() {
        assertAgrees(String(repeating: "Tokyo an", count: 4) + "— 東京 " + String(repeating: "Japan, S", count: 5) + "é")
    }

    func testAMultibyteCharacterInAnyOfFourWordsIsCounted() {
        for word in 0..<4 {
            var words = Array(repeating: "Kishida ", count: 5)
            words[word] = "Kishidé "
            assertAgrees(words.joined())
        }
    }

    func testOffsetsInTheTableOfAnotherTextCountCodePoints() {
        let longer = CodePointOffsets(Array(String(repeating: "東京 Tokyo ", count: 20).utf8))
        let text = "Kyiv — Київ, “Tokyo”"
        let bytes = Array(text.utf8)
        let offsets = CodePointOffsets(bytes, reusing: longer.reusableTable)
        XCTAssertTrue(offsets.reusableTable === longer.reusableTable)
        XCTAssertEqual((0...bytes.count).map { offsets.codePoint(atByte: $0) }, counted(bytes))
    }
}
