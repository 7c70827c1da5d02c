@testable import ActorGraph
import XCTest

/// The table of strings a corpus merge packs its records with.
final class StringTableTests: XCTestCase {
    func testEveryStringKeepsItsOwnIndexWhateverItsLengthAndShareOfBytes() {
        // Lengths around the eight-byte steps of the hash, prefixes of one another, and
        // strings that differ in one byte only, past the table's first growth.
        var strings = (0...40).map { String(repeating: "a", count: $0) }
        strings += (0..<300).map { "bench-\(String($0, radix: 7))" } + ["bench-0\u{0}", "é", "e\u{301}", "東京", "🇯🇵"]
        var table = StringTable()
        let indices = strings.map { table.index(of: $0) }
        XCTAssertEqual(Set(indices).count, strings.count)
        XCTAssertEqual(strings.map { table.index(of: $0) }, indices)
        XCTAssertEqual(table.count, strings.count)
        for (string, index) in zip(strings, indices) {
            XCTAssertEqual(table.withUTF8(index) { Array($0) }, Array(string.utf8))
        }
    }

    func testCanonicallyEquivalentSpellingsAreTwoStringsWithOneRank() {
        var table = StringTable()
        let composed = table.index(of: "caf\u{E9}"), decomposed = table.index(of: "cafe\u{301}"), other = table.index(of: "cafe")
        XCTAssertNotEqual(composed, decomposed)
        let ranks = table.ranks()
        XCTAssertEqual(ranks[Int(composed)], ranks[Int(decomposed)])
        XCTAssertLessThan(ranks[Int(other)], ranks[Int(composed)])
    }
    func testRanksOfASCIIStringsFollowStringOrder() {
        // Prefixes of one another, NUL bytes, lengths around eight bytes, and case: the
        // ranks read from the bytes must be those of `String` order.
        var strings = ["", "a", "a\u{0}", "a\u{0}\u{0}", "ab", "abcdefgh", "abcdefgh\u{0}", "abcdefghi", "abcdefgg~", "B", "b", "~", "\u{7F}"]
        strings += (0..<500).map { "bench-\(String(($0 * 7919) % 1000, radix: 36))-\($0 % 3 == 0 ? "x" : "")" }
        var table = StringTable()
        for string in strings { _ = table.index(of: string) }
        let ranks = table.ranks()
        let expected = table.strings.indices.sorted { table.strings[$0] < table.strings[$1] }
        XCTAssertEqual(expected.map { ranks[$0] }, (0..<Int32(table.count)).map { $0 })
    }

    func testRanksWithOneStringOutsideASCIIStillFollowStringOrder() {
        var table = StringTable()
        for string in ["b", "a", "é", "e\u{301}", "ab", "z"] { _ = table.index(of: string) }
        let ranks = table.ranks()
        XCTAssertEqual(ranks, [2, 0, 4, 4, 1, 3])
    }

    func testAStringMadeAfterAnotherWasFreedGetsTheIndexOfItsOwnBytes() {
        // Strings past the 15 bytes kept inline, each made afresh and dropped after its
        // look-up, so that a new one could take a freed one's storage, length and flags.
        var table = StringTable()
        func fresh(_ number: Int) -> String { String(decoding: Array("a-longer-identifier-\(number)".utf8), as: UTF8.self) }
        let first = (0..<600).map { table.index(of: fresh($0 % 300)) }
        let second = (0..<600).map { table.index(of: fresh($0 % 300)) }
        XCTAssertEqual(table.count, 300)
        XCTAssertEqual(first, second)
        for (number, index) in first.enumerated() {
            XCTAssertEqual(table.withUTF8(index) { String(decoding: $0, as: UTF8.self) }, fresh(number % 300))
        }
    }

    func testOneStringValueLookedUpAgainKeepsItsIndexAmongOthers() {
        var table = StringTable()
        let id = String(decoding: Array("article-with-a-long-identifier".utf8), as: UTF8.self)
        let index = table.index(of: id)
        let others = (0..<1000).map { table.index(of: "other-\($0)") }
        XCTAssertEqual(table.index(of: id), index)
        XCTAssertFalse(others.contains(index))
    }
    func testTextsLookedUpByTheirBytesGetTheIndexOfTheSameStringEachTime() {
        // Short texts come back from the cache of recent bytes, longer ones from the table;
        // texts that differ past the first word, or only in length (a NUL byte), differ.
        let texts = (0...20).map { String(repeating: "ab", count: $0) } + ["Japan", "Japan\u{0}", "Japanese", "Japanesf", "東京", "🇯🇵🇯🇵🇯🇵🇯🇵"]
            + (0..<400).map { "name-\($0)" }
        var table = StringTable()
        let byString = texts.map { table.index(of: $0) }
        for _ in 0..<2 {
            let byBytes = texts.map { text in Array(text.utf8).withUnsafeBufferPointer { table.index(ofText: $0) } }
            XCTAssertEqual(byBytes, byString)
        }
        XCTAssertEqual(table.count, Set(texts).count)
    }

    func testOnlyTheSameStringValueOrTheSameShortBytesShareStorage() {
        let long = String(decoding: Array("a string too long to be kept inline".utf8), as: UTF8.self)
        let equalCopy = String(decoding: Array(long.utf8), as: UTF8.self)
        XCTAssertTrue(long.hasSameStorage(as: long))
        XCTAssertEqual(long, equalCopy)
        XCTAssertFalse(long.hasSameStorage(as: equalCopy))
        XCTAssertTrue("RUS".hasSameStorage(as: String(decoding: Array("RUS".utf8), as: UTF8.self)))
        XCTAssertFalse("caf\u{E9}".hasSameStorage(as: "cafe\u{301}"))
    }
}
