@testable import ActorGraph
import Foundation
import XCTest

/// The JSON writer's string escapes, which every graph file depends on.
final class JSONWriterTests: XCTestCase {
    func testStringsEscapeQuotesControlsMarkupAndLineSeparatorsAndKeepTheRest() throws {
        let value = "a\"b\\c\nd\re\tf<g>h&i\u{2028}j\u{2029}k\u{01}l é 東京 🇯🇵 \u{2027}"
        var writer = JSONWriter()
        writer.string(value)
        XCTAssertEqual(writer.text, #""a\"b\\c\nd\re\tf\u003cg\u003eh\u0026i\u2028j\u2029k\u0001l é 東京 🇯🇵 ‧""#)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(writer.text.utf8), options: .fragmentsAllowed) as? String, value)
    }

    func testIntegersOfEveryLengthAndSignAreWrittenAsTheirDescription() {
        var values = [0, 1, -1, 9, 10, 99, 100, 101, 999, 1000, 4096, 65_535, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var writer = JSONWriter()
        writer.beginArray()
        for value in values { writer.int(value) }
        writer.endArray()
        XCTAssertEqual(writer.text, "[\n  " + values.map(String.init).joined(separator: ",\n  ") + "\n]")
    }

    func testStringsOfEveryLengthAreCopiedWhole() {
        // Short pieces are copied eight bytes at a time, the last eight overlapping.
        for length in 0...80 {
            let value = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            var writer = JSONWriter(capacity: 64)
            writer.string(value)
            XCTAssertEqual(writer.text, "\"\(value)\"", "length \(length)")
        }
    }
}
