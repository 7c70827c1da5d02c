@testable import ActorGraph
import TestSupport
import XCTest

/// The pieces of a merge's JSON write: the check that skips sorting lists already in
/// canonical order, and the pieces the writer hands over.
final class MergeWriteTests: XCTestCase {
    private typealias S = GraphBuilders.Statement

    func testAListWhoseItemsEachComeBeforeTheNextIsStrictlyIncreasing() {
        XCTAssertTrue(GraphAccumulator.isStrictlyIncreasing([1, 2, 5, 9], by: <))
    }

    func testAListWithEqualNeighboursIsNotStrictlyIncreasing() {
        XCTAssertFalse(GraphAccumulator.isStrictlyIncreasing([1, 2, 2, 9], by: <))
    }

    func testAListWithAnItemOutOfOrderIsNotStrictlyIncreasing() {
        XCTAssertFalse(GraphAccumulator.isStrictlyIncreasing([1, 3, 2], by: <))
    }

    func testEmptyAndOneItemListsAreStrictlyIncreasing() {
        XCTAssertTrue(GraphAccumulator.isStrictlyIncreasing([Int](), by: <))
        XCTAssertTrue(GraphAccumulator.isStrictlyIncreasing([7], by: <))
    }

    func testRecordsAddedTwiceInCanonicalOrderAreWrittenOnceAsTheMergedGraphIs() {
        let graph = GraphBuilders.graph(article: "a", relations: [S("JPN", "USA", .alliance), S("RUS", "JPN", .threat)])
        var accumulator = GraphAccumulator()
        accumulator.add(graph)
        accumulator.add(graph)
        var bytes: [UInt8] = []
        accumulator.writeJSONBytes(pieceSize: 64) { bytes += $0 }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Graph.merged([graph, graph]).jsonString())
    }

    func testActorsAndRelationsAddedOutOfOrderAreWrittenInTheMergedGraphsOrder() {
        let graphs = [
            GraphBuilders.graph(article: "z", relations: [S("USA", "RUS", .threat), S("USA", "CHN", .threat)]),
            GraphBuilders.graph(article: "b", relations: [S("USA", "CHN", .criticism), S("CHN", "USA", .threat), S("AUS", "JPN", .alliance)]),
        ]
        var accumulator = GraphAccumulator()
        for graph in graphs { accumulator.add(graph) }
        var bytes: [UInt8] = []
        accumulator.writeJSONBytes { bytes += $0 }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Graph.merged(graphs).jsonString())
    }

    func testArticlesAreWrittenInTheOrderOfTheirIdsWhetherOrNotTheirRecordsNameThem() {
        // Ids whose `String` order is not their bytes' order, added out of order; the last
        // articles have no records, so their ids are not in the strings of the records.
        let ids = ["b10", "B2", "caf\u{E9}", "\u{6771}", "a", "\u{4EAC}", "b9"]
        var graphs = ids.dropLast(2).map { GraphBuilders.graph(article: $0, relations: [S("JPN", "USA", .alliance)]) }
        graphs += ids.suffix(2).map { Graph(articles: [Article(id: $0)]) }
        for order in [graphs, graphs.reversed(), Array(graphs.dropLast(2))] {
            var accumulator = GraphAccumulator()
            for graph in order { accumulator.add(graph) }
            var bytes: [UInt8] = []
            accumulator.writeJSONBytes { bytes += $0 }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), Graph.merged(order).jsonString())
        }
    }

    func testTheAccumulatorHandsOverAnEmptyPieceAfterTheLast() {
        var accumulator = GraphAccumulator()
        accumulator.add(GraphBuilders.graph(article: "a", relations: [S("JPN", "USA", .alliance)]))
        var sizes: [Int] = []
        accumulator.writeJSONBytes(pieceSize: 64) { sizes.append($0.count) }
        XCTAssertEqual(sizes.last, 0)
        XCTAssertTrue(sizes.dropLast().allSatisfy { $0 > 0 })
    }

    func testFlushedBytesStayAsTheyAreUntilTheNextFlushHasReturned() {
        var writer = JSONWriter(capacity: 64)
        writer.int(123_456)
        var lent: UnsafeRawBufferPointer?
        writer.flush { lent = $0 }
        writer.int(987_654)
        XCTAssertEqual(Array(lent!), Array("123456".utf8))
        writer.flush { _ in XCTAssertEqual(Array(lent!), Array("123456".utf8)) }
    }

    func testFlushingInTurnsGivesEveryPieceWhole() {
        var writer = JSONWriter(capacity: 64)
        var text: [UInt8] = []
        writer.beginArray()
        for value in 0..<500 {
            writer.int(value)
            if writer.count >= 100 { writer.flush { text += $0 } }
        }
        writer.endArray()
        writer.flush { text += $0 }
        var whole = JSONWriter()
        whole.beginArray()
        for value in 0..<500 { whole.int(value) }
        whole.endArray()
        XCTAssertEqual(text, whole.bytes)
    }

    func testPiecesWriteEachPieceAsGiven() {
        let pieces = Pieces([Array("ab".utf8), [], Array("cde".utf8)])
        var writer = JSONWriter()
        for index in [2, 0, 1, 2] { pieces.write(index, to: &writer) }
        XCTAssertEqual(writer.text, "cdeabcde")
    }

    func testAConfidenceSlotHoldsUpToEightBytes() {
        let slot = ConfidenceSlot(bits: 7, bytes: Array("0.123456".utf8))
        XCTAssertEqual(slot?.count, 8)
        XCTAssertEqual(slot?.word, UInt64(littleEndian: Array("0.123456".utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }))
        XCTAssertNil(ConfidenceSlot(bits: 7, bytes: Array("0.1234567".utf8)))
        XCTAssertNil(ConfidenceSlot(bits: 7, bytes: []))
    }

    func testManyConfidencesSharingSlotsAreEachWrittenAsTheGeneralWriterWritesThem() {
        var general = JSONWriter(), laidOut = JSONWriter()
        var table = StringTable()
        let rule = table.index(of: "rule")
        let encoded = EncodedStrings(table, writer: laidOut)
        general.beginArray()
        laidOut.beginArray()
        var layout: EvidenceLayout?
        let span = Span(start: 1, end: 2)
        let confidences = (0..<300).map { Double($0 % 150) / 149 } + [1e-300, 0.5, 123_456.75, -0.25]
        for confidence in confidences {
            Graph.writeEvidence(
                article: "rule", sentence: span, source: span, target: span, cue: span, modality: .asserted, attributedTo: nil,
                tense: .past, rule: "rule", confidence: confidence, to: &general
            )
            let depth = laidOut.beginFlatObject()
            if layout == nil { layout = EvidenceLayout(depth: depth, writer: laidOut) }
            layout!.write(
                article: rule, sentence: span, source: span, target: span, cue: span, modality: .asserted, attributedTo: -1,
                tense: .past, rule: rule, confidence: confidence, strings: encoded, to: &laidOut
            )
        }
        XCTAssertEqual(laidOut.text, general.text)
    }

    func testItemsAfterTheFirstOpenedFromTheLayoutsAreTheGeneralWritersBytes() {
        for compact in [false, true] {
            var general = JSONWriter(compact: compact), laidOut = JSONWriter(compact: compact)
            var table = StringTable()
            let article = table.index(of: "a"), text = table.index(of: "Japan")
            let encoded = EncodedStrings(table, writer: laidOut)
            general.beginArray()
            laidOut.beginArray()
            var layout: MentionLayout?
            for offset in 0..<3 {
                let span = Span(start: offset * 10, end: offset * 10 + 5)
                Graph.writeMention(article: "a", span: span, text: "Japan", to: &general)
                if let layout {
                    laidOut.raw(layout.next)
                } else {
                    layout = MentionLayout(depth: laidOut.beginFlatObject(), writer: laidOut)
                }
                layout!.write(article: article, span: span, text: text, strings: encoded, to: &laidOut)
            }
            general.endArray()
            laidOut.endArray()
            XCTAssertEqual(laidOut.text, general.text, "compact \(compact)")
        }
    }
}
