import ActorGraph
import GraphRendering
import TestSupport
import XCTest

final class DiffTextWriterTests: XCTestCase {
    func testPlainTextHasNoEscapeCodes() {
        XCTAssertFalse(DiffTextWriter(colored: false).text(for: sampleDiff()).contains("\u{1B}["))
    }

    func testColouredTextPaintsAdditionsGreenAndRemovalsRed() {
        let text = DiffTextWriter(colored: true).text(for: sampleDiff())
        XCTAssertTrue(text.contains("\u{1B}[32m  + State JPN → State USA"), text)
        XCTAssertTrue(text.contains("\u{1B}[31m  - State JPN — State USA"), text)
    }

    func testEveryKindOfDifferenceHasItsSection() {
        let text = DiffTextWriter().text(for: sampleDiff())
        for heading in ["Conflicts of framing", "Only in A", "Only in B", "Stated differently", "Actors only in A", "Actors only in B"] {
            XCTAssertTrue(text.contains("\n\(heading)\n"), "\(heading) missing from\n\(text)")
        }
    }

    func testEachLineSaysWhichRelationAndHow() {
        let lines = DiffTextWriter().text(for: sampleDiff()).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  - State JPN — State USA") && $0.hasSuffix("alliance") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  + State JPN → State USA") && $0.hasSuffix("dependence") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  ~ State RUS → State JPN") && $0.hasSuffix("threat   modality asserted→hypothetical") }, "\(lines)")
        XCTAssertTrue(lines.contains("      B: dependence (State JPN → State USA)"), "\(lines)")
    }

    func testTheSummaryGivesTheSimilarity() {
        XCTAssertTrue(DiffTextWriter().text(for: sampleDiff()).contains("similarity 0.33 (weighted 0.33): 1 relation in both, 2 only in A, 2 only in B, 1 stated differently, 1 conflict of framing"))
    }

    func testAGraphComparedWithItselfSaysThereAreNoDifferences() {
        let graph = SampleGraphs.summit()
        let text = DiffTextWriter().text(for: graph.diff(to: graph))
        XCTAssertTrue(text.contains("No differences: both sides state the same 2 relations between the same 3 actors."), text)
    }
}
