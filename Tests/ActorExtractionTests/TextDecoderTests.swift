import ActorExtraction
import ActorGraph
import XCTest

/// Reading the bytes of whatever an analyst saved as text.
final class TextDecoderTests: XCTestCase {
    private let sentence = "Kyiv’s envoy met Japan’s — and China’s — ministers."

    private func decode(_ bytes: [UInt8]) throws -> DecodedText {
        try TextDecoder().decode(bytes)
    }

    func testWellFormedUTF8IsReadAsItIsWithoutAWarning() throws {
        let decoded = try decode(Array(sentence.utf8))
        XCTAssertEqual(decoded, DecodedText(text: sentence, encoding: .utf8))
        XCTAssertNil(decoded.warning)
    }

    func testByteOrderMarkIsNotPartOfTheText() throws {
        XCTAssertEqual(try decode([0xEF, 0xBB, 0xBF] + Array(sentence.utf8)).text, sentence)
    }

    func testUTF16LittleEndianWithByteOrderMarkIsDecoded() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + sentence.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try decode(bytes), DecodedText(text: sentence, encoding: .utf16LittleEndian))
    }

    func testUTF16BigEndianWithByteOrderMarkIsDecoded() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + sentence.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try decode(bytes), DecodedText(text: sentence, encoding: .utf16BigEndian))
    }

    func testUTF16OutsideTheBasicPlaneKeepsItsSurrogatePairs() throws {
        let text = "Flags 🇯🇵 and 🇺🇸."
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try decode(bytes).text, text)
    }

    func testBrokenUTF16IsReplacedWithAWarning() throws {
        // A lone high surrogate, then half a code unit at the end.
        let decoded = try decode([0xFF, 0xFE, 0x4A, 0x00, 0x00, 0xD8, 0x41, 0x00, 0x42])
        XCTAssertEqual(decoded.text, "J\u{FFFD}A\u{FFFD}")
        XCTAssertEqual(decoded.warning, "invalid UTF-16LE replaced with U+FFFD (2 sequences)")
    }

    func testInvalidUTF8IsReplacedWithAWarningCountingTheSequences() throws {
        var bytes = Array("Kyiv’s envoy met ".utf8)
        bytes += [0xFF] + Array("Japan ".utf8) + [0xE2, 0x80] + Array(" today.".utf8)
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.text, "Kyiv’s envoy met \u{FFFD}Japan \u{FFFD} today.")
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.warning, "invalid UTF-8 replaced with U+FFFD (2 sequences)")
    }

    func testWindows1252IsDetectedAndDecodedWithAWarning() throws {
        // "Japan’s “café” talks – 5 €": every byte above 0x7F breaks UTF-8.
        var bytes = Array("Japan".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("caf".utf8) + [0xE9, 0x94]
        bytes += Array(" talks ".utf8) + [0x96] + Array(" 5 ".utf8) + [0x80]
        let decoded = try decode(bytes)
        XCTAssertEqual(decoded.text, "Japan’s “café” talks – 5 €")
        XCTAssertEqual(decoded.encoding, .windows1252)
        XCTAssertEqual(decoded.warning, "not UTF-8; read as Windows-1252")
    }

    func testAByteUndefinedInWindows1252KeepsTheReadingAsUTF8() throws {
        let decoded = try decode(Array("Japan".utf8) + [0x81] + Array(" met China.".utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.text, "Japan\u{FFFD} met China.")
    }

    func testUTF8WithAByteOrderMarkStaysUTF8HoweverBroken() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("caf".utf8) + [0xE9])
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.text, "caf\u{FFFD}")
    }

    func testNULBytesAreRefusedAsBinary() {
        XCTAssertThrowsError(try decode(Array("%PDF-1.7\n".utf8) + [0x00, 0x01, 0x02])) { error in
            XCTAssertEqual(error as? TextDecodingError, .binary)
            XCTAssertEqual("\(error)", "binary file (NUL bytes), not text")
        }
    }

    func testUTF16WithNULCodeUnitsIsRefusedAsBinary() {
        XCTAssertThrowsError(try decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])) { error in
            XCTAssertEqual(error as? TextDecodingError, .binary)
        }
    }

    func testTextPastTheLimitIsRefusedRatherThanTrapping() {
        XCTAssertThrowsError(try TextDecoder(maximumUTF8Count: 8).decode(Array("Japan met China.".utf8))) { error in
            XCTAssertEqual(error as? TextDecodingError, .tooLarge(utf8Count: 16, limit: 8))
        }
    }

    func testEmptyBytesAreAnEmptyText() throws {
        XCTAssertEqual(try decode([]).text, "")
        XCTAssertEqual(try decode([0xFF, 0xFE]).text, "")
    }
}

/// Offsets count code points of the decoded text, whatever the bytes were.
final class DecodedOffsetTests: XCTestCase {
    private func scalars(_ text: String, _ span: Span) -> String {
        let all = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(all[span.start..<span.end]))
    }

    private func assertSpansSliceTheDecodedText(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try TextDecoder().decode(bytes).text
        let graph = try TestExtractor.make().extract(ArticleText(parsing: text, fallbackID: "t"))
        XCTAssertFalse(graph.relations.isEmpty, "no relation in \(text)", file: file, line: line)
        for actor in graph.actors {
            for mention in actor.mentions {
                XCTAssertEqual(scalars(text, mention.span), mention.text, file: file, line: line)
            }
        }
        for relation in graph.relations {
            for item in relation.evidence {
                let sentence = scalars(text, item.sentence)
                XCTAssertTrue(sentence.contains(scalars(text, item.cue)), sentence, file: file, line: line)
                XCTAssertTrue(sentence.contains(scalars(text, item.source)), sentence, file: file, line: line)
            }
        }
    }

    func testOffsetsStayConsistentAfterInvalidUTF8IsReplaced() throws {
        // Broken sequences of one, two and three bytes before, between and after the
        // names, in a text whose other characters are well-formed UTF-8.
        var bytes: [UInt8] = [0xC3] + Array(" Überblick — café ".utf8) + [0xE2, 0x82] + Array(" über alles’. ".utf8)
        bytes += Array("Russia".utf8) + [0xF0, 0x9F, 0x98] + Array(" threatened Japan".utf8) + [0xFF] + Array(" again.".utf8)
        XCTAssertEqual(try TextDecoder().decode(bytes).replacements, 4)
        try assertSpansSliceTheDecodedText(bytes)
    }

    func testOffsetsOfUTF16TextMatchThoseOfTheSameTextInUTF8() throws {
        let text = "Überblick — Moscow threatened Tokyo. Japan relies on the United States."
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let extractor = try TestExtractor.make()
        let fromUTF8 = extractor.extract(ArticleText(parsing: try TextDecoder().decode(Array(text.utf8)).text, fallbackID: "t"))
        let fromUTF16 = extractor.extract(ArticleText(parsing: try TextDecoder().decode(utf16).text, fallbackID: "t"))
        XCTAssertEqual(fromUTF8, fromUTF16)
        try assertSpansSliceTheDecodedText(utf16)
    }

    func testOffsetsOfWindows1252TextCountItsCharacters() throws {
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" talk ".utf8) + [0x96] + Array(" Russia threatened Japan".utf8)
        bytes += [0x92] + Array("s coast.".utf8)
        try assertSpansSliceTheDecodedText(bytes)
    }
}
