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

    /// Opens `depth` levels of an object holding an array, as a graph nests its records.
    private func open(_ depth: Int, _ writer: inout JSONWriter) {
        for _ in 0..<depth {
            writer.beginObject()
            writer.key("items")
        }
        writer.beginArray()
    }
}
