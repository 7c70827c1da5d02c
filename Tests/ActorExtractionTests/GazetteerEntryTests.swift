@testable import ActorExtraction
import Foundation
import XCTest

/// The direct reader of gazetteer files, which must read every built-in file as
/// `JSONDecoder` does and leave it whatever it does not read the same way.
final class GazetteerEntryTests: XCTestCase {
    func testBuiltInFilesReadAsJSONDecoderReadsThem() throws {
        let folder = try ResourceFiles.directory().appendingPathComponent("gazetteer")
        for name in ["states", "organisations", "groups", "people"] {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
            let direct = try XCTUnwrap(GazetteerFileReader.actors(in: Array(data)), name)
            XCTAssertEqual(direct, try JSONDecoder().decode(GazetteerFile.self, from: data).actors, name)
        }
    }

    func testFilesOfAnotherShapeAreLeftToJSONDecoder() {
        let files = [
            #"{"actors": [{"id": "x", "name": "X", "kind": "planet"}]}"#,
            #"{"actors": [{"id": "x", "kind": "state"}]}"#,
            #"{"actors": [{"id": "x", "name": "X", "kind": "state", "aliases": ["a", null]}]}"#,
            #"{"actors": [{"id": "x", "name": "X", "kind": "state", "offices": [{"role": "president"}]}]}"#,
            #"{"actors": []} trailing"#,
            #"{"schema": "one", "actors": []}"#,
        ]
        for file in files { XCTAssertNil(GazetteerFileReader.actors(in: Array(file.utf8)), file) }
        XCTAssertNil(GazetteerFileReader.actors(in: Array(#"{"actors": [{"id": ""#.utf8) + [0xFF] + Array(#"", "name": "X", "kind": "state"}]}"#.utf8)))
    }

    func testNullsAndUnknownFieldsReadAsJSONDecoderReadsThem() throws {
        let file = #"{"schema": null, "note": {"a": [1, true]}, "actors": [{"id": "x", "name": "X", "kind": "group", "country": null, "aliases": null, "extra": 3.5, "offices": [{"role": "r", "country": "c", "from": "2020-01-01", "to": null}]}]}"#
        let direct = try XCTUnwrap(GazetteerFileReader.actors(in: Array(file.utf8)))
        XCTAssertEqual(direct, try JSONDecoder().decode(GazetteerFile.self, from: Data(file.utf8)).actors)
    }

    func testUTF8CheckAcceptsWhatStringAccepts() {
        let texts = ["", "plain ASCII text longer than eight bytes", "Erdoğan", "a\u{1F600}b and more words", "ü", "São Tomé and Príncipe, Côte d’Ivoire"]
        for text in texts { XCTAssertTrue(GazetteerFileReader.isUTF8(Array(text.utf8)), text) }
    }

    func testUTF8CheckRejectsWhatStringRejects() {
        let bad: [[UInt8]] = [
            [0xFF], [0x80], Array("abcdefghij".utf8) + [0xC3], [0xC3, 0x41], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
            Array("twelve bytes".utf8) + [0xE2, 0x80] + Array("more text".utf8), [0xF4, 0x90, 0x80, 0x80],
        ]
        for bytes in bad {
            XCTAssertNil(String(validating: bytes, as: UTF8.self), "\(bytes)")
            XCTAssertFalse(GazetteerFileReader.isUTF8(bytes), "\(bytes)")
        }
    }
}
