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
}
