import ActorGraph
import XCTest

/// Reading numbers and strings from JSON bytes.
final class JSONScannerTests: XCTestCase {
    func testWholeNumbersReadAsIntReadsTheirText() {
        // Plain ones are read from their bytes; the rest as `Int` reads their text.
        let texts = ["0", "-0", "007", "42", "-17", "123456789012345678", "1234567890123456789", "9223372036854775807",
                     "-9223372036854775808", "9223372036854775808", "+5", "1.5", "1e3", "-", "12-3"]
        for text in texts {
            var scanner = JSONScanner(Array("[ \(text) ]".utf8))
            var read: Int?
            try? scanner.readArray { read = try $0.readInt() }
            XCTAssertEqual(read, Int(text), text)
        }
    }

    func testANumberReadAsIntLeavesTheScannerAfterIt() throws {
        var scanner = JSONScanner(Array(#"{"start": 12, "end": -3}"#.utf8))
        var values: [String: Int] = [:]
        try scanner.readObject { scanner, key in values[key] = try scanner.readInt() }
        XCTAssertEqual(values, ["start": 12, "end": -3])
        XCTAssertTrue(scanner.atEnd())
    }

    func testStringsReadWithAndWithoutEscapes() throws {
        let texts = [#""""#, #""Tōkyō""#, #""a\"b\\c\nd""#, #""\u00e9\ud83c\uddef""#, #""plain text, longer than a word""#]
        let expected = ["", "Tōkyō", "a\"b\\c\nd", "é\u{1F1EF}", "plain text, longer than a word"]
        for (text, value) in zip(texts, expected) {
            var scanner = JSONScanner(Array(text.utf8))
            XCTAssertEqual(try scanner.readString(), value, text)
            XCTAssertTrue(scanner.atEnd())
        }
        var unfinished = JSONScanner(Array(#""no end"#.utf8))
        XCTAssertThrowsError(try unfinished.readString())
    }
}
