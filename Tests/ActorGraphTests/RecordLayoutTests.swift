@testable import ActorGraph
import XCTest

/// The fixed bytes of mention and evidence records that a corpus merge copies, which must
/// be the bytes the general writer writes.
final class RecordLayoutTests: XCTestCase {
    private let awkward = ["a", "", "quote \" back \\ <b> & line\nbreak \u{2028}", "caf\u{E9}", "cafe\u{301}", "東京"]

    func testMentionsWrittenFromTheLayoutAreTheGeneralWritersBytesAtAnyDepthAndLayout() {
        for compact in [false, true] {
            for nesting in 0..<3 {
                var general = JSONWriter(compact: compact), laidOut = JSONWriter(compact: compact)
                var table = StringTable()
                let indices = awkward.map { table.index(of: $0) }
                open(nesting, &general)
                open(nesting, &laidOut)
                let encoded = EncodedStrings(table, writer: laidOut)
                for (offset, text) in awkward.enumerated() {
                    let span = Span(start: offset * 1000 - 3, end: Int.max - offset)
                    Graph.writeMention(article: awkward[(offset + 1) % awkward.count], span: span, text: text, to: &general)
                    let layout = MentionLayout(depth: laidOut.beginFlatObject(), writer: laidOut)
                    layout.write(article: indices[(offset + 1) % awkward.count], span: span, text: indices[offset], strings: encoded, to: &laidOut)
                }
                XCTAssertEqual(laidOut.text, general.text, "compact \(compact), nesting \(nesting)")
            }
        }
    }

    func testEvidenceWrittenFromTheLayoutIsTheGeneralWritersBytesForEveryModalityTenseAndConfidence() {
        for compact in [false, true] {
            var general = JSONWriter(compact: compact), laidOut = JSONWriter(compact: compact)
            var table = StringTable()
            let indices = awkward.map { table.index(of: $0) }
            open(2, &general)
            open(2, &laidOut)
            let encoded = EncodedStrings(table, writer: laidOut)
            var layout: EvidenceLayout?
            let confidences = [0.8, 1, 0, 0.1 + 0.2, -2.5e-7, .nan, .infinity, 1e300, 0.8]
            for (offset, confidence) in confidences.enumerated() {
                let modality = Modality.allCases[offset % Modality.allCases.count], tense = Tense.allCases[offset % Tense.allCases.count]
                let spans = (0..<4).map { Span(start: offset * 100 + $0, end: offset * 100 + $0 * 7) }
                let speaker = offset % 3 == 0 ? nil : offset % awkward.count
                Graph.writeEvidence(
                    article: awkward[offset % awkward.count], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3],
                    modality: modality, attributedTo: speaker.map { awkward[$0] }, tense: tense, rule: awkward[(offset + 2) % awkward.count],
                    confidence: confidence, to: &general
                )
                let depth = laidOut.beginFlatObject()
                if layout == nil { layout = EvidenceLayout(depth: depth, writer: laidOut) }
                layout!.write(
                    article: indices[offset % awkward.count], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3],
                    modality: modality, attributedTo: speaker.map { indices[$0] } ?? -1, tense: tense, rule: indices[(offset + 2) % awkward.count],
                    confidence: confidence, strings: encoded, to: &laidOut
                )
            }
            XCTAssertEqual(laidOut.text, general.text, "compact \(compact)")
        }
    }

    func testEvidenceWrittenAgainFromTheLayoutsKeptTailsIsTheGeneralWritersBytes() {
        let confidences = [0.8, 0.1 + 0.2, 1e300]
        let items = (0..<24).map { (offset: Int) -> EvidenceItem in
            let speaker: Int? = offset % 4 == 0 ? offset % 6 : nil
            return EvidenceItem(speaker: speaker, rule: offset % 3, confidence: confidences[offset % 3], offset: offset)
        }
        assertEvidenceMatchesTheGeneralWriter(items + items, compact: false)
    }

    func testManyEvidenceTailsSharingSlotsAreEachTheGeneralWritersBytes() {
        // More tails than slots and than the bytes kept, so that slots give way and stop keeping.
        let items = (0..<3000).map { (offset: Int) -> EvidenceItem in
            let speaker: Int? = offset % 5 == 0 ? offset % 6 : nil
            return EvidenceItem(speaker: speaker, rule: offset % 6, confidence: Double(offset % 500) / 7, offset: offset)
        }
        assertEvidenceMatchesTheGeneralWriter(items + items.reversed(), compact: true)
    }

    func testAMentionsSpanAndTextKeyAreWrittenInOneCopyAsInPiecesForSmallAndLargeNumbers() {
        for numbers in [(12, 9999), (10_000, 3), (-1, Int.max)] {
            var joined = JSONWriter(capacity: 1), pieces = JSONWriter(capacity: 1)
            let opening = Array("{\"s\":".utf8), between = Array(",\"e\":".utf8), closing = Array(",\"text\":".utf8)
            joined.raw(opening, numbers.0, between, numbers.1, closing)
            pieces.raw(opening, numbers.0, between, numbers.1)
            pieces.raw(closing)
            XCTAssertEqual(joined.text, pieces.text)
        }
    }

    func testMentionsWrittenInOneRoomFromTheTableAreTheGeneralWritersBytesAtAnyDepth() {
        // Deep enough that the opening after the first mention outgrows a short piece.
        let long = String(repeating: "x", count: 40), strings = awkward + [long, String(repeating: "y", count: 16)]
        let numbers = [0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, -7, Int.max, Int.min]
        compareInEveryFrame(list: "mentions", strings: strings) { general, laidOut, indices, encoded in
            var layout = MentionLayout(depth: laidOut.beginFlatObject(), writer: laidOut)
            for offset in numbers.indices {
                let span = Span(start: numbers[offset], end: numbers[(offset * 5 + 1) % numbers.count])
                let article = offset % strings.count, text = (offset * 3 + 1) % strings.count
                Graph.writeMention(article: strings[article], span: span, text: strings[text], to: &general)
                layout.writeFields(
                    article: indices[article], span: span, text: indices[text], following: offset > 0, strings: encoded, to: &laidOut
                )
            }
            layout.writeClose(to: &laidOut)
        }
    }

    func testEvidenceWrittenInOneRoomFromTheTableIsTheGeneralWritersBytesAtAnyDepth() {
        let strings = awkward + [String(repeating: "x", count: 40)]
        let numbers = [0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, -7, Int.max, Int.min]
        compareInEveryFrame(list: "evidence", strings: strings) { general, laidOut, indices, encoded in
            var layout = EvidenceLayout(depth: laidOut.beginFlatObject(), writer: laidOut)
            for offset in 0..<(2 * numbers.count) {
                let spans = (0..<4).map { Span(start: numbers[(offset + $0) % numbers.count], end: numbers[(offset * 3 + $0) % numbers.count]) }
                let article = offset % strings.count, rule = (offset + 3) % strings.count
                let speaker: Int? = offset % 3 == 0 ? nil : (offset * 5) % strings.count
                let modality = Modality.allCases[offset % Modality.allCases.count], tense = Tense.allCases[offset % Tense.allCases.count]
                let confidence = [0.8, 1, 0.1 + 0.2][offset % 3]
                Graph.writeEvidence(
                    article: strings[article], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3], modality: modality,
                    attributedTo: speaker.map { strings[$0] }, tense: tense, rule: strings[rule], confidence: confidence, to: &general
                )
                layout.writeFields(
                    article: indices[article], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3], modality: modality,
                    speaker: speaker.map { indices[$0] }, tense: tense, rule: indices[rule], confidence: confidence, following: offset > 0,
                    strings: encoded, to: &laidOut
                )
            }
            layout.writeClose(to: &laidOut)
        }
    }

    /// Runs `write` with the general writer and the layouts' one at each nesting, compact
    /// and not, inside a list named `list`, and checks that both wrote the same bytes.
    private func compareInEveryFrame(
        list: StaticString, strings: [String],
        _ write: (_ general: inout JSONWriter, _ laidOut: inout JSONWriter, _ indices: [Int32], _ encoded: EncodedStrings) -> Void
    ) {
        for compact in [false, true] {
            for nesting in [0, 1, 2, 9, 20] {
                var general = JSONWriter(capacity: 1, compact: compact), laidOut = JSONWriter(capacity: 1, compact: compact)
                var table = StringTable()
                let indices = strings.map { table.index(of: $0) }
                open(nesting, &general)
                open(nesting, &laidOut)
                let encoded = EncodedStrings(table, writer: laidOut)
                general.beginObject(); general.key(list); general.beginArray()
                laidOut.beginObject(); laidOut.key(list); laidOut.beginArray()
                write(&general, &laidOut, indices, encoded)
                general.endArray(); general.endObject()
                laidOut.endArray(); laidOut.endObject()
                XCTAssertEqual(laidOut.text, general.text, "\(list), compact \(compact), nesting \(nesting)")
            }
        }
    }

    func testATablesStringIsStoredWholeAndGivesThePlaceAfterIt() {
        let strings = (0..<40).map { String(repeating: "s", count: $0) } + awkward
        var table = StringTable()
        let indices = strings.map { table.index(of: $0) }
        let encoded = EncodedStrings(table, writer: JSONWriter())
        for (index, string) in zip(indices, strings) {
            var general = JSONWriter()
            general.flatValue(string)
            let json = encoded.json(index)
            var room = [UInt8](repeating: 0, count: json.count + EncodedJSON.overRead)
            let count = room.withUnsafeMutableBufferPointer { room in json.store(at: room.baseAddress!) - room.baseAddress! }
            XCTAssertEqual(count, json.count)
            XCTAssertEqual(Array(room[..<count]), general.bytes, string)
        }
    }

    func testDigitsWrittenAtAPlaceAreTheFlatValuesDigitsAndTheirCount() {
        let values = Array(-12...1_100) + [9999, 10_000, 10_001, 99_999, 123_456_789, Int.min, Int.max, Int.min + 1]
        for value in values {
            var general = JSONWriter(capacity: 1)
            general.flatValue(value)
            var room = [UInt8](repeating: 0, count: 24)
            let count = room.withUnsafeMutableBufferPointer { JSONWriter.digits(value, at: $0.baseAddress!) }
            XCTAssertEqual(Array(room[..<count]), general.bytes, "\(value)")
        }
    }

    func testAShortPieceStoresItsBytesAndGivesThePlaceAfterThem() {
        for length in 0...ShortPiece.stored {
            let bytes = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            let piece = ShortPiece(bytes)
            XCTAssertEqual(piece.bytes, bytes)
            var room = [UInt8](repeating: 0xFF, count: ShortPiece.stored + 1)
            room.withUnsafeMutableBufferPointer { room in
                XCTAssertEqual(piece.store(at: room.baseAddress!) - room.baseAddress!, length)
            }
            XCTAssertEqual(Array(room[..<length]), bytes)
            XCTAssertEqual(room[ShortPiece.stored], 0xFF, "nothing stored past the room")
        }
    }

    func testEvidenceWithWideAndNegativeSpansIsTheGeneralWritersBytes() {
        let numbers = [0, 9, 10, 99, 100, 999, 1000, 9999, 10_000, -1, Int.max, Int.min, 123_456]
        for compact in [false, true] {
            var general = JSONWriter(capacity: 1, compact: compact), laidOut = JSONWriter(capacity: 1, compact: compact)
            var table = StringTable()
            let article = table.index(of: "art"), rule = table.index(of: "rule")
            open(1, &general)
            open(1, &laidOut)
            let encoded = EncodedStrings(table, writer: laidOut)
            var layout: EvidenceLayout?
            for offset in numbers.indices {
                let spans = (0..<4).map { Span(start: numbers[(offset + $0) % numbers.count], end: numbers[(offset + 2 * $0 + 1) % numbers.count]) }
                Graph.writeEvidence(
                    article: "art", sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3], modality: .asserted,
                    attributedTo: nil, tense: .past, rule: "rule", confidence: 0.5, to: &general
                )
                let depth = laidOut.beginFlatObject()
                if layout == nil { layout = EvidenceLayout(depth: depth, writer: laidOut) }
                layout!.write(
                    article: article, sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3], modality: .asserted,
                    attributedTo: -1, tense: .past, rule: rule, confidence: 0.5, strings: encoded, to: &laidOut
                )
            }
            XCTAssertEqual(laidOut.text, general.text, "compact \(compact)")
        }
    }

    /// An evidence item's values for ``assertEvidenceMatchesTheGeneralWriter(_:compact:file:line:)``:
    /// indices of ``awkward`` for speaker and rule, and an offset the other values follow.
    private struct EvidenceItem {
        let speaker: Int?
        let rule: Int
        let confidence: Double
        let offset: Int
    }

    /// Writes `items` (indices of ``awkward`` for speaker and rule) with one evidence layout
    /// and with the general writer, and compares the bytes.
    private func assertEvidenceMatchesTheGeneralWriter(
        _ items: [EvidenceItem], compact: Bool, file: StaticString = #filePath, line: UInt = #line
    ) {
        var general = JSONWriter(compact: compact), laidOut = JSONWriter(compact: compact)
        var table = StringTable()
        let indices = awkward.map { table.index(of: $0) }
        open(1, &general)
        open(1, &laidOut)
        let encoded = EncodedStrings(table, writer: laidOut)
        var layout: EvidenceLayout?
        for item in items {
            let modality = Modality.allCases[item.offset % Modality.allCases.count], tense = Tense.allCases[item.offset % Tense.allCases.count]
            let spans = (0..<4).map { Span(start: item.offset + $0, end: item.offset * 3 + $0) }
            Graph.writeEvidence(
                article: awkward[item.offset % awkward.count], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3],
                modality: modality, attributedTo: item.speaker.map { awkward[$0] }, tense: tense, rule: awkward[item.rule],
                confidence: item.confidence, to: &general
            )
            let depth = laidOut.beginFlatObject()
            if layout == nil { layout = EvidenceLayout(depth: depth, writer: laidOut) }
            layout!.write(
                article: indices[item.offset % awkward.count], sentence: spans[0], source: spans[1], target: spans[2], cue: spans[3],
                modality: modality, attributedTo: item.speaker.map { indices[$0] } ?? -1, tense: tense, rule: indices[item.rule],
                confidence: item.confidence, strings: encoded, to: &laidOut
            )
        }
        XCTAssertEqual(laidOut.text, general.text, file: file, line: line)
    }

    /// Opens `depth` levels of an object holding an array, as a graph nests its records.
    private func open(_ depth: Int, _ writer: inout JSONWriter) {
        for _ in 0..<depth {
            writer.beginObject()
            writer.key("items")
        }
        writer.beginArray()
    }
}
