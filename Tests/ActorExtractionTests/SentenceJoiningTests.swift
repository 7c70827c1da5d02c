@testable import ActorExtraction
import ActorGraph
import XCTest

/// Sentences that a found name or office phrase runs across are one sentence.
final class SentenceJoiningTests: XCTestCase {
    /// Found by the fuzz harness on a fixture: the dot after the initial in "S. Jaishankar"
    /// ended a sentence, so the office phrase's cue reached past the sentence that was
    /// meant to state it, and the tooltip quoted half a sentence with no cue marked.
    func testNameWithAnInitialStaysInOneSentence() throws {
        let text = "In Delhi the Indian External Affairs Minister S. Jaishankar greeted the Japanese envoy."
        let graph = try Extractor().extract(ArticleText(parsing: text, fallbackID: "initial"))
        let affiliation = try XCTUnwrap(graph.relations.first { $0.source == "s-jaishankar" && $0.kind == .affiliation })
        for item in affiliation.evidence {
            XCTAssertLessThanOrEqual(item.sentence.start, item.cue.start)
            XCTAssertGreaterThanOrEqual(item.sentence.end, item.cue.end, "cue \(item.cue) runs past sentence \(item.sentence)")
        }
        XCTAssertEqual(affiliation.evidence.first?.sentence, Span(start: 0, end: text.unicodeScalars.count))
    }

    func testJoiningMergesOnlySentencesAPhraseRunsAcross() {
        let sentences = [0..<3, 3..<5, 5..<9, 9..<12]
        let splitter = SentenceSplitter()
        XCTAssertEqual(splitter.joining(sentences, across: [2..<4, 10..<12]), [0..<5, 5..<9, 9..<12])
        XCTAssertEqual(splitter.joining(sentences, across: [4..<10]), [0..<3, 3..<12])
        XCTAssertEqual(splitter.joining(sentences, across: [3..<5, 8..<9]), sentences)
    }

    func testASentenceEndingInAnInitialStillEnds() throws {
        let edges = try TestExtractor.edges("Japan backed plan B. Russia condemned Japan.")
        XCTAssertEqual(edges, ["RUS criticism JPN"])
    }
}
