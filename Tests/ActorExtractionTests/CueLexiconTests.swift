@testable import ActorExtraction
import Foundation
import XCTest

/// The direct reader of `cues.json`, which must read it as `JSONDecoder` does.
final class CueLexiconTests: XCTestCase {
    func testBuiltInCuesReadAsJSONDecoderReadsThem() throws {
        let data = try Data(contentsOf: try ResourceFiles.directory().appendingPathComponent("cues.json"))
        let direct = try XCTUnwrap(CueFile.read(Array(data)))
        XCTAssertEqual(direct, try JSONDecoder().decode(CueFile.self, from: data).cues)
    }

    func testCuesOfAnotherShapeAreLeftToJSONDecoder() {
        let files = [
            #"{"cues": [{"id": "x", "kind": "friendship", "pos": "noun", "forms": ["x"]}]}"#,
            #"{"cues": [{"id": "x", "kind": "alliance", "pos": "noun"}]}"#,
            #"{"cues": [{"id": "x", "kind": "alliance", "pos": "noun", "forms": ["x"], "reverse": "yes"}]}"#,
            #"{"cues": []} trailing"#,
        ]
        for file in files { XCTAssertNil(CueFile.read(Array(file.utf8)), file) }
    }
}
