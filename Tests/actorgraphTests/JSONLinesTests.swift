@testable import actorgraph
import ActorExtraction
import Foundation
import TestSupport
import XCTest

/// The direct reader of JSON Lines articles, which must agree with `JSONDecoder` on every
/// line it reads and leave it every line it does not.
final class JSONLinesTests: XCTestCase {
    private let commonShapes = [
        #"{"id": "a-1", "title": "Summit", "date": "2023-01-14", "source": "Ledger", "text": "Japan met China."}"#,
        #"{"text":"Japan met China.","id":17}"#,
        #"  {"id": -4, "text": "x", "url": "https://example.org/a", "draft": false, "lead": null}  "#,
        #"{"id": null, "title": null, "text": "line\nbreak, \"quotes\", tab\t, slash \/ and \\ backslash"}"#,
        #"{"text": "Tōkyō — Москва \u2014 \u00e9 \u0041 and é"}"#,
        #"{"text": ""}"#,
        #"{"id": "0", "text": "zero"}"#,
        #"{"text": "plain ASCII for a good while, then an é late, and \"quotes\" after sixteen bytes"}"#,
    ]

    /// Lines the direct reader leaves to `JSONDecoder`, valid or not.
    private let otherShapes = [
        #"{"id": 1.5, "text": "a fraction"}"#,
        #"{"id": 1e3, "text": "an exponent"}"#,
        #"{"id": 012, "text": "a leading zero"}"#,
        #"{"id": 12345678901234567890123, "text": "too long"}"#,
        #"{"text": "surrogates \ud83c\uddef\ud83c\uddf5"}"#,
        #"{"text": "a", "text": "repeated"}"#,
        #"{"title": "no text"}"#,
        #"{"text": null}"#,
        #"{"text": "x", "tags": ["a", "b"]}"#,
        #"{"text": "x", "meta": {"a": 1}}"#,
        #"{"text": "x", "count": 3}"#,
        #"{"te\u0078t": "an escaped key"}"#,
        #"{"text": "a raw control \#u{01} character"}"#,
        #"{"text": "bad escape \q"}"#,
        #"{"text": "unfinished"#,
        #"{"text": "x"} trailing"#,
        #"["text"]"#,
        #"{"title": 3, "text": "a number title"}"#,
        "",
    ]

    func testCommonShapesAreReadAsJSONDecoderReadsThem() throws {
        for line in commonShapes {
            let bytes = Array(line.utf8)
            let direct = try XCTUnwrap(JSONLinesRecordReader.read(bytes), line)
            let decoded = try JSONDecoder().decode(JSONLinesArticle.self, from: Data(bytes))
            XCTAssertEqual(fields(direct), fields(decoded), line)
        }
    }

    func testOtherShapesAreLeftToJSONDecoder() {
        for line in otherShapes {
            XCTAssertNil(JSONLinesRecordReader.read(Array(line.utf8)), line)
        }
    }

    func testInvalidUTF8IsLeftToJSONDecoder() {
        let line = Array(#"{"text": "bad "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        XCTAssertNil(JSONLinesRecordReader.read(line))
    }

    func testInvalidUTF8AmongPlainTextIsLeftToJSONDecoder() {
        // A character cut short (its first three bytes of four) and a stray continuation
        // byte, each between ASCII words and after a valid character: decoding either run
        // alone would replace it with U+FFFD, as many bytes as the cut one.
        for bad: [UInt8] in [[0xF0, 0x90, 0x80], [0xC3, 0xA9, 0x80]] {
            let line = Array(#"{"text": "caf\#u{E9} and "#.utf8) + bad + Array(#" more"}"#.utf8)
            XCTAssertNil(JSONLinesRecordReader.read(line), "\(bad)")
        }
    }

    func testTextWithAFewOtherCharactersKeepsItsBytes() throws {
        let text = "Kyiv\u{2019}s \u{201C}partners\u{201D} met in Tōkyō \u{FFFD} and e\u{301}lan, 🇯🇵 end"
        let line = Array("{\"text\": \"\(text)\", \"title\": \"Caf\u{E9}\\n\u{2014}\"}".utf8)
        let read = try XCTUnwrap(JSONLinesRecordReader.read(line))
        XCTAssertEqual(read.text, Array(text.utf8))
        XCTAssertEqual(Array((read.title ?? "").utf8), Array("Caf\u{E9}\n\u{2014}".utf8))
    }

    func testStopsAndOtherCharactersAreFoundAtEveryPlaceOfASixteenByteBlock() throws {
        // A quote, an escape, a character of several bytes and an invalid byte, at each
        // offset from the start of the text: the scan goes sixteen bytes at a time.
        for offset in 0..<40 {
            let lead = String(repeating: "a", count: offset)
            let escaped = Array(("{\"text\": \"" + lead + "\\\"q\\\" and more words after it\"}").utf8)
            XCTAssertEqual(try XCTUnwrap(JSONLinesRecordReader.read(escaped)).text, Array((lead + "\"q\" and more words after it").utf8), "\(offset)")
            let accented = Array(("{\"text\": \"" + lead + "é and more words after it, twenty more\"}").utf8)
            XCTAssertEqual(try XCTUnwrap(JSONLinesRecordReader.read(accented)).text, Array((lead + "é and more words after it, twenty more").utf8), "\(offset)")
            let invalid = Array(("{\"text\": \"" + lead).utf8) + [0xE9] + Array(" and more words after it, twenty more\"}".utf8)
            XCTAssertNil(JSONLinesRecordReader.read(invalid), "\(offset)")
            let control = Array(("{\"text\": \"" + lead).utf8) + [0x01] + Array(" and more words after it, twenty more\"}".utf8)
            XCTAssertNil(JSONLinesRecordReader.read(control), "\(offset)")
        }
    }

    func testAWellFormedLineIsReadWithoutWarnings() throws {
        let line = Array(#"{"id": "a", "text": "Tōkyō — Москва and \"quotes\""}"#.utf8)
        let loaded = try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: nil)
        XCTAssertEqual(loaded.article.text, "Tōkyō — Москва and \"quotes\"")
        XCTAssertEqual(loaded.warnings, [])
    }

    func testALineTheReaderRefusesIsStillDecodedAndWarnedAbout() throws {
        // "café" in Windows-1252: not UTF-8, so the direct reader refuses it and decoding repairs it.
        let line = Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#" talks"}"#.utf8)
        let loaded = try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: nil)
        XCTAssertEqual(loaded.article.text, "café talks")
        XCTAssertEqual(loaded.warnings, ["c.jsonl:1: not UTF-8; read as Windows-1252"])
    }

    func testALineWithNULIsRefusedAsBinary() {
        let line = Array(#"{"text": "a"#.utf8) + [0x00] + Array(#""}"#.utf8)
        XCTAssertThrowsError(try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: nil))
    }

    private func fields(_ record: JSONLinesArticle) -> [[UInt8]?] {
        [record.id, record.title, record.date, record.source].map { $0.map { Array($0.utf8) } } + [record.text]
    }

    func testLineParsedAheadGivesTheArticleTheWorkerWouldHaveRead() throws {
        let line = CorpusItem(sequence: 0, byteCount: 60, payload: .line(Array(#"{"id": "a-1", "date": "2020-02-02", "text": "Japan met China."}"#.utf8), origin: "c.jsonl:1", fallbackID: "c-1"))
        let direct = try line.article(date: "2023-01-14")
        let ahead = try line.parsed(date: "2023-01-14").article(date: nil)
        XCTAssertEqual(ahead.article.article, direct.article.article)
        XCTAssertEqual(ahead.article.article.date, "2023-01-14")
        XCTAssertEqual(ahead.article.text, direct.article.text)
    }

    func testLinePreparedAheadCarriesTheFirstStepsOfItsExtraction() throws {
        let extractor = try Extractor()
        let line = CorpusItem(sequence: 0, byteCount: 60, payload: .line(Array(#"{"id": "a-1", "date": "2020-02-02", "text": "Japan met China."}"#.utf8), origin: "c.jsonl:1", fallbackID: "c-1"))
        let ahead = try line.prepared(date: "2023-01-14", by: extractor).article(date: nil)
        let prepared = try XCTUnwrap(ahead.prepared)
        XCTAssertEqual(ahead.article.article.date, "2023-01-14")
        XCTAssertEqual(extractor.extract(prepared), extractor.extract(try line.article(date: "2023-01-14").article))
        XCTAssertNil(try line.parsed(date: nil).article(date: nil).prepared)
    }

    func testFilePreparedAheadGivesTheArticleTheWorkerWouldHaveRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prepared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("summit.html").path
        try Data("<html><body><p>Japan met China in Tokyo.</p><script>var x = 1;</script></body></html>".utf8).write(to: URL(fileURLWithPath: path))
        let extractor = try Extractor()
        let file = CorpusItem(sequence: 0, byteCount: 80, payload: .file(.html(path: path)))
        let ahead = try file.prepared(date: "2023-01-14", by: extractor).article(date: nil)
        let direct = try file.article(date: "2023-01-14")
        XCTAssertEqual(ahead.article.text, direct.article.text)
        XCTAssertEqual(ahead.article.article, direct.article.article)
        XCTAssertEqual(extractor.extract(try XCTUnwrap(ahead.prepared)), extractor.extract(direct.article))
        let large = CorpusItem(sequence: 0, byteCount: CorpusItem.largestFilePreparedAhead + 1, payload: .file(.html(path: path)))
        guard case .file = large.prepared(date: nil, by: extractor).payload else { return XCTFail("a large file is left to the worker") }
    }

    func testFilePreparedAheadKeepsItsFailureForTheWorker() throws {
        let file = CorpusItem(sequence: 0, byteCount: 10, payload: .file(.article(path: "/nonexistent/article.md")))
        var direct: CommandFailure?, ahead: CommandFailure?
        XCTAssertThrowsError(try file.article(date: nil)) { direct = $0 as? CommandFailure }
        XCTAssertThrowsError(try file.prepared(date: nil, by: try Extractor()).article(date: nil)) { ahead = $0 as? CommandFailure }
        XCTAssertNotNil(direct)
        XCTAssertEqual(ahead?.message, direct?.message)
    }

    func testLinePreparedAheadKeepsItsFailureForTheWorker() throws {
        let line = CorpusItem(sequence: 0, byteCount: 20, payload: .line(Array(#"{"title": "no text"}"#.utf8), origin: "c.jsonl:3", fallbackID: "c-3"))
        XCTAssertThrowsError(try line.prepared(date: nil, by: try Extractor()).article(date: nil)) { error in
            XCTAssertEqual((error as? CommandFailure)?.message, #"c.jsonl:3: no "text" field"#)
        }
    }

    func testLineParsedAheadKeepsItsFailureForTheWorker() throws {
        let line = CorpusItem(sequence: 0, byteCount: 20, payload: .line(Array(#"{"title": "no text"}"#.utf8), origin: "c.jsonl:3", fallbackID: "c-3"))
        var direct: CommandFailure?, ahead: CommandFailure?
        XCTAssertThrowsError(try line.article(date: nil)) { direct = $0 as? CommandFailure }
        XCTAssertThrowsError(try line.parsed(date: nil).article(date: nil)) { ahead = $0 as? CommandFailure }
        XCTAssertEqual(ahead?.message, direct?.message)
        XCTAssertEqual(ahead?.message, #"c.jsonl:3: no "text" field"#)
        XCTAssertEqual(line.parsed(date: nil).origin, "c.jsonl:3")
    }

    func testKeysNearTheFieldNamesAreSkipped() throws {
        let line = #"{"i": "1", "ids": "2", "texts": "3", "sourced": "4", "titles": "5", "Text": "6", "text": "seven", "dat": "8"}"#
        let read = try XCTUnwrap(JSONLinesRecordReader.read(Array(line.utf8)))
        XCTAssertEqual(fields(read), fields(JSONLinesArticle(id: nil, title: nil, date: nil, source: nil, text: Array("seven".utf8))))
    }

    func testEscapesInEveryFieldAndInSkippedOnesAreRead() throws {
        let line = #"{"id": "a\/1", "title": "\u00e9t\u00E9 \"hot\"", "date": "2023\u002d01-14", "source": "L\u2014M", "note": "skip \" \\ \u2014 é", "text": "\u0041\tb\\\u20ac"}"#
        let bytes = Array(line.utf8)
        let direct = try XCTUnwrap(JSONLinesRecordReader.read(bytes))
        XCTAssertEqual(fields(direct), fields(try JSONDecoder().decode(JSONLinesArticle.self, from: Data(bytes))))
        XCTAssertEqual(direct.title, "été \"hot\"")
        XCTAssertEqual(direct.date, "2023-01-14")
        XCTAssertEqual(direct.text, Array("A\tb\\€".utf8))
    }

    func testRandomBytesInAFieldAreReadOnlyWhenTheyAreUTF8WithoutStops() throws {
        var generator = SeededGenerator(seed: 11)
        // Bytes around the boundaries of well-formed UTF-8, and control bytes, which stop a string.
        let pool: [UInt8] = [0x01, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5]
        for round in 0..<20_000 {
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            let plain = String(validating: bytes, as: UTF8.self) != nil && !bytes.contains { $0 < 0x20 }
            let field = round % 2 == 0 ? "text" : "title"
            let rest = field == "text" ? #""}"# : #"", "text": "x"}"#
            let read = JSONLinesRecordReader.read(Array("{\"\(field)\": \"".utf8) + bytes + Array(rest.utf8))
            XCTAssertEqual(read != nil, plain, "\(bytes)")
            guard let read else { continue }
            if field == "text" {
                XCTAssertEqual(read.text, bytes)
            } else {
                XCTAssertEqual(read.title.map { Array($0.utf8) }, bytes)
            }
        }
    }

    func testALineWithAByteOrderMarkIsLeftToDecoding() throws {
        let line = [0xEF, 0xBB, 0xBF] + Array(#"{"id": "b", "text": "Japan met China."}"#.utf8)
        XCTAssertNil(JSONLinesRecordReader.read(line))
        let loaded = try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: nil)
        XCTAssertEqual(loaded.article.article.id, "b")
        XCTAssertEqual(loaded.article.text, "Japan met China.")
    }

    func testANULAnywhereIsRefusedByTheDirectReader() {
        let line = Array(#"{"id": "a", "text": "x"}"#.utf8)
        for position in 0...line.count {
            var damaged = line
            damaged.insert(0x00, at: position)
            XCTAssertNil(JSONLinesRecordReader.read(damaged), "\(position)")
        }
    }

    func testAnArticlePreparedAsItIsMadeIsTheOneMadeThenPrepared() throws {
        let extractor = try Extractor()
        let line = Array(#"{"id": "a", "title": "T", "text": "Japan met China in Tokyo."}"#.utf8)
        let made = try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: "2023-01-14")
        let prepared = try JSONLinesArticle.article(line: line, origin: "c.jsonl:1", fallbackID: "f", date: "2023-01-14", preparedBy: extractor)
        XCTAssertNil(made.prepared)
        XCTAssertEqual(prepared.article.article, made.article.article)
        XCTAssertEqual(extractor.extract(try XCTUnwrap(prepared.prepared)), extractor.extract(made.article))
    }

    func testALineIsNamedByItsFileAndNumber() {
        XCTAssertEqual(CorpusReader.numbered("corpus.jsonl", ":", 17), "corpus.jsonl:17")
        XCTAssertEqual(CorpusReader.numbered("corpus", "-", 0), "corpus-0")
        XCTAssertEqual(CorpusReader.numbered("", "-", 1_234_567_890), "-1234567890")
        XCTAssertEqual(CorpusReader.numbered("Tōkyō", ":", Int.max), "Tōkyō:\(Int.max)")
    }

    func testAParsedLineIsPreparedLaterAsOnTheReadingThread() throws {
        let extractor = try Extractor()
        let line = CorpusItem(sequence: 3, byteCount: 60, payload: .line(Array(#"{"id": "a-1", "text": "Japan met China."}"#.utf8), origin: "c.jsonl:1", fallbackID: "c-1"), warnings: ["w"])
        let later = line.parsed(date: nil).prepared(date: nil, by: extractor)
        let ahead = line.prepared(date: nil, by: extractor)
        XCTAssertEqual(later.sequence, 3)
        XCTAssertEqual(later.warnings, ["w"])
        let prepared = try XCTUnwrap(try later.article(date: nil).prepared)
        XCTAssertEqual(extractor.extract(prepared), extractor.extract(try XCTUnwrap(try ahead.article(date: nil).prepared)))
    }
}
