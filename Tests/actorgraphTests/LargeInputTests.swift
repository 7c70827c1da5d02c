import ActorGraph
import Foundation
import TestSupport
import XCTest

/// Inputs at the sizes scrapers produce: extraction stays linear however long a sentence
/// is or however many sentences there are, and offsets stay right deep into the text.
final class LargeInputTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Long words with no cue among them, so that the text is large in bytes and the time
    /// goes to one sentence's length, not to a multitude of tokens.
    private static let filler = [
        "intergovernmental", "counterproductive", "notwithstanding", "characteristically", "telecommunications",
        "reconsideration", "disproportionate", "infrastructure", "internationally", "responsibilities",
        "parliamentarians", "misunderstanding", "institutionalised", "unprecedentedly", "confidentiality",
        "reinterpretation", "decentralisation", "circumstantially", "environmentalists", "bureaucratically",
    ].map { Array($0.utf8) }

    func test50MegabyteTextWithNoFullStopIsReadAsOneSentence() throws {
        let size = 50 << 20
        let statement = Array("Russia threatened Japan".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var word = 0
        var statements: [Int] = []
        while bytes.count < size - 64 {
            if word % 100_000 == 50_000 {
                statements.append(bytes.count)
                bytes += statement
            } else {
                bytes += Self.filler[(word * 7 + word / 20) % Self.filler.count]
            }
            bytes.append(0x20)
            word += 1
        }
        try Data(bytes).write(to: folder.appendingPathComponent("dump.txt"))

        let result = try runActorgraph(["extract", "dump.txt", "-o", "dump.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: Data(contentsOf: folder.appendingPathComponent("dump.json")))
        XCTAssertEqual(graph.actors.map(\.id), ["JPN", "RUS"])
        let threat = try XCTUnwrap(graph.relations.first { $0.source == "RUS" && $0.target == "JPN" && $0.kind == .threat })
        // One piece of evidence per stating sentence, however often the sentence states it.
        XCTAssertEqual(threat.evidence.count, 1)
        XCTAssertGreaterThan(statements.count, 1)
        // One sentence: the whole text. The text is ASCII, so code points are bytes.
        XCTAssertEqual(Set(threat.evidence.map(\.sentence)), [Span(start: 0, end: bytes.count - 1)])
        let russia = try XCTUnwrap(graph.actor(id: "RUS"))
        XCTAssertEqual(russia.mentions.map(\.span.start), statements)
        let last = try XCTUnwrap(graph.actor(id: "JPN")?.mentions.last)
        XCTAssertEqual(String(decoding: bytes[last.span.start..<last.span.end], as: UTF8.self), "Japan")
    }

    func testAMillionOneWordSentences() throws {
        let words = ["Yes. ", "No. ", "Perhaps. ", "Later. ", "Agreed. "].map { Array($0.utf8) }
        let name = Array("Japan. ".utf8), statement = Array("Moscow threatened Tokyo. ".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(7_000_000)
        for index in 0..<1_000_000 {
            // Now and then a name, and rarely a statement, to see that each stays in its sentence.
            text += index % 1_000 == 0 ? name : index % 100_000 == 500 ? statement : words[index % words.count]
        }
        try Data(text).write(to: folder.appendingPathComponent("terse.txt"))

        let result = try runActorgraph(["extract", "terse.txt", "-o", "terse.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let graph = try Graph(jsonData: Data(contentsOf: folder.appendingPathComponent("terse.json")))
        XCTAssertEqual(graph.actors.map(\.id), ["JPN", "RUS"])
        XCTAssertEqual(graph.actor(id: "JPN")?.mentions.count, 1_000 + 10)
        let threat = try XCTUnwrap(graph.relations.first { $0.kind == .threat })
        XCTAssertEqual(threat.evidence.count, 10)
        for item in threat.evidence {
            XCTAssertEqual(String(decoding: text[item.sentence.start..<item.sentence.end], as: UTF8.self), "Moscow threatened Tokyo.")
        }
    }
}
