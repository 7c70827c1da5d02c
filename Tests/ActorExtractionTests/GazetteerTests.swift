@testable import ActorExtraction
import XCTest

final class GazetteerTests: XCTestCase {
    /// Where `id` goes among `ids`, which are sorted, by comparing whole strings.
    private func searched(_ id: String, in ids: [String]) -> Int {
        ids.firstIndex { !($0 < id) } ?? ids.count
    }

    private func gazetteer(_ ids: [String]) -> Gazetteer {
        Gazetteer(entries: ids.map { GazetteerEntry(id: $0, name: "Name \($0)", kind: .organisation) })
    }

    func testTheIDsBeforeAnIDAgreeWithComparingWholeStrings() {
        // Ids sharing their first eight bytes, shorter than eight, and each side of them.
        let ids = ["a", "ab", "abcdefgh", "abcdefgh-1", "abcdefgh-2", "abcdefghz", "b-party", "person-jane", "person-john", "zz"]
        let gazetteer = gazetteer(ids)
        let sorted = gazetteer.entries.map(\.id)
        let asked = ids + ["", "0", "aa", "abcdefg", "abcdefgh-0", "abcdefgh-15", "abcdefgi", "person-j", "person-jo", "zzz", "~", "caf\u{E9}", "abcdefgh\u{E9}"]
        for id in asked {
            XCTAssertEqual(gazetteer.idsBefore(id), searched(id, in: sorted), id)
        }
    }

    func testTheIDsBeforeAnIDOutsideASCIIAreFoundByTheirStrings() {
        let ids = ["cafe", "caf\u{E9}", "person-\u{E9}mile", "zeta"]
        let gazetteer = gazetteer(ids)
        let sorted = gazetteer.entries.map(\.id)
        for id in ids + ["cafe\u{301}", "caf", "person-e", "person-\u{E9}", "\u{E9}"] {
            XCTAssertEqual(gazetteer.idsBefore(id), searched(id, in: sorted), id)
        }
    }

    func testAnIDPrefixOrdersASCIIIDsAsTheirStrings() {
        XCTAssertEqual(Gazetteer.idPrefix("ab"), 0x6162 << 48)
        XCTAssertLessThan(Gazetteer.idPrefix("ab"), Gazetteer.idPrefix("ab-"))
        XCTAssertEqual(Gazetteer.idPrefix("abcdefgh-1"), Gazetteer.idPrefix("abcdefgh-2"))
        XCTAssertEqual(Gazetteer.idPrefix(""), 0)
    }
}
