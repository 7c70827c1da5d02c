@testable import ActorGraph
import XCTest

/// The writer's shortcuts (whole hundredths, strings scanned by the word, the one article
/// id encoded once) write what the general paths write.
final class JSONWriterQuickPathTests: XCTestCase {
    func testWholeHundredthsAreWrittenAsStringWritesThem() {
        for hundredths in Array(-20_000...20_000) + [99_999_999, -99_999_999, 12_345_601] {
            let value = Double(hundredths) / 100
            var writer = JSONWriter()
            writer.flatNumber(value)
            let expected = value == value.rounded() ? String(Int(value)) : String(value)
            XCTAssertEqual(writer.text, expected)
        }
    }

    func testAValueThatIsNoWholeHundredthIsLeftToString() {
        for value in [0.8 * 0.9, 0.001, 1.0 / 3, 0.015, 2.5e-7, 1e300] {
            XCTAssertNil(JSONWriter.wholeHundredths(value).flatMap { Double($0) / 100 == value ? nil : $0 })
            var writer = JSONWriter()
            writer.flatNumber(value)
            XCTAssertEqual(writer.text, String(value))
        }
    }

    func testAWordIsFlaggedForEveryByteThatMayNeedAnEscapeAtEveryPosition() {
        let flagged: [UInt8] = Array(0..<0x20) + [0x22, 0x26, 0x3C, 0x3E, 0x5C, 0xE2, 0x80, 0xFF]
        for byte in flagged {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                XCTAssertTrue(JSONWriter.wordMayEscape(word(bytes)), "byte \(byte) at \(position)")
            }
        }
    }

    func testAWordOfPlainASCIIIsNotFlagged() {
        let plain = (0x20..<0x7F).map(UInt8.init).filter { ![0x22, 0x26, 0x3C, 0x3E, 0x5C].contains($0) }
        for start in stride(from: 0, to: plain.count, by: 3) {
            let bytes = (0..<8).map { plain[(start + $0) % plain.count] }
            XCTAssertFalse(JSONWriter.wordMayEscape(word(bytes)), "\(bytes)")
        }
    }

    func testStringsOfEveryLengthAndEscapeAreWrittenAsTheEscapingPathWritesThem() {
        let pieces = ["abcdefgh", "<", "\"", "\u{2028}", "é", "\n", "x"]
        for length in 0..<40 {
            for piece in pieces {
                let text = String(repeating: "m", count: length) + piece + String(repeating: "n", count: length % 9)
                var writer = JSONWriter()
                writer.flatValue(text)
                var scanner = JSONScanner(writer.bytes)
                XCTAssertEqual(try scanner.readString(), text)
                XCTAssertEqual(writer.text, escapedReference(text))
            }
        }
    }

    func testAStringWrittenAgainFromItsKeptJSONIsWrittenAsTheStringItself() {
        // Strings that need escapes, a long one and short ones, each written twice, and more
        // strings than the cache has slots, so that some give way to others.
        let strings = ["art <1> \"q\"", "other", String(repeating: "long é ", count: 20), ""] + (0..<100).map { "name \($0)" }
        var direct = JSONWriter(), cached = JSONWriter()
        let document = DocumentStrings()
        for string in strings + strings.reversed() + strings {
            direct.flatValue(string)
            withUnsafePointer(to: string) { document.write($0, to: &cached) }
        }
        XCTAssertEqual(cached.text, direct.text)
    }

    func testStringsPastTheCachesLimitAreStillWrittenAsThemselves() {
        // More JSON than the cache keeps (64 KB), each string written twice, some far apart.
        let strings = (0..<3000).map { "a name long enough to pass the small-string form, number \($0)" }
        var direct = JSONWriter(), cached = JSONWriter()
        let document = DocumentStrings()
        for string in strings + strings.reversed() {
            direct.flatValue(string)
            withUnsafePointer(to: string) { document.write($0, to: &cached) }
        }
        XCTAssertGreaterThan(direct.count, 2 * 64 * 1024)
        XCTAssertEqual(cached.text, direct.text)
    }

    func testEqualStringsOfDifferentStorageAreEachWrittenAsThemselves() {
        // The same text in two strings of their own, and a decomposed spelling `==` to it:
        // each is written as its own bytes.
        let composed = "Caf\u{E9} de la Paix, a long name", decomposed = "Cafe\u{301} de la Paix, a long name"
        let copy = String(decoding: Array(composed.utf8), as: UTF8.self)
        var direct = JSONWriter(), cached = JSONWriter()
        let document = DocumentStrings()
        for string in [composed, copy, decomposed, composed, decomposed] {
            direct.flatValue(string)
            withUnsafePointer(to: string) { document.write($0, to: &cached) }
        }
        XCTAssertEqual(Array(cached.text.utf8), Array(direct.text.utf8))
    }

    private func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    /// The escapes the writer's byte-by-byte path makes, written out here independently.
    private func escapedReference(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
    func testRawPiecesOfEveryLengthAreCopiedWholeAfterWhatCameBefore() {
        // Around every bound of the copy's cases (8, 16, 32, 64), at odd offsets.
        var writer = JSONWriter(capacity: 16)
        var expected: [UInt8] = []
        for length in 0...140 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: 33 + ($0 * 7 + length) % 90) }
            writer.raw(piece)
            expected += piece
        }
        XCTAssertEqual(writer.bytes, expected)
    }
}
