import ActorGraph
import GraphRendering
import TestSupport
import XCTest

final class DiffDOTWriterTests: XCTestCase {
    private let palette = DiffDOTWriter.Palette()

    private func edgeLine(_ from: String, _ to: String, _ kind: String) -> String {
        let dot = DiffDOTWriter().dot(for: sampleDiff())
        return dot.split(separator: "\n").map(String.init).first { $0.contains("\"\(from)\" -> \"\(to)\"") && $0.contains("relation \(kind)") } ?? ""
    }

    /// The fuzzer's finding in the article drawing holds for the diff drawing too: a
    /// label with an entity reference in it is drawn as written.
    func testEntityReferencesInALabelAreDrawnAsWritten() throws {
        let svg = try DiffRenderer().render(sampleDiff(labelA: "notes &amp; drafts.md"), as: .svg)
        let summary = parseSVG(svg)
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertTrue(summary.texts.contains { $0.hasPrefix("notes &amp; drafts.md") && $0.hasSuffix("moscow.md") }, "\(summary.texts)")
    }

    func testARelationBothSidesStateAlikeIsGrey() {
        XCTAssertTrue(edgeLine("CHN", "RUS", "cooperation").contains("color=\"\(palette.unchanged)\""))
    }

    func testARelationOnlyInAIsRedAndDashed() {
        let line = edgeLine("JPN", "USA", "alliance")
        XCTAssertTrue(line.contains("color=\"\(palette.removed)\""), line)
        XCTAssertTrue(line.contains("style=\"dashed\""), line)
    }

    func testARelationOnlyInBIsGreen() {
        XCTAssertTrue(edgeLine("JPN", "USA", "dependence").contains("color=\"\(palette.added)\""))
    }

    func testAChangedRelationIsOrangeAndLabelledWithTheChange() {
        let line = edgeLine("RUS", "JPN", "threat")
        XCTAssertTrue(line.contains("color=\"\(palette.changed)\""), line)
        XCTAssertTrue(line.contains("label=\"threat asserted→hypothetical\""), line)
    }

    func testAnActorOnlyOneSideNamesIsMarkedWithThatSide() {
        let dot = DiffDOTWriter().dot(for: sampleDiff())
        XCTAssertTrue(dot.contains("Dmitry-Peskov\\n(only in B)"), dot)
        XCTAssertTrue(dot.contains("Rishi-Sunak\\n(only in A)"), dot)
    }

    func testTheOverlaySVGIsWellFormedAndItsLegendNamesBothSides() throws {
        let summary = parseSVG(try DiffRenderer().render(sampleDiff(), as: .svg))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        for text in ["tokyo.md", "moscow.md", "only in A", "only in B", "in both, stated differently"] {
            XCTAssertTrue(summary.texts.contains(text), "\(text) not in \(summary.texts)")
        }
        XCTAssertTrue(summary.classes.contains("edge relation threat changed"), "\(summary.classes)")
        XCTAssertTrue(summary.ids.contains("legend"))
    }

    func testMarkupInASideLabelIsEscapedInTheLegend() throws {
        let label = "<b>Fish & Chips</b>"
        let summary = parseSVG(try DiffRenderer().render(sampleDiff(labelA: label), as: .svg))
        XCTAssertTrue(summary.wellFormed, summary.error ?? "")
        XCTAssertTrue(summary.texts.contains(label), "\(summary.texts)")
    }

    func testTheSameDiffGivesIdenticalSVG() throws {
        XCTAssertEqual(try DiffRenderer().render(sampleDiff(), as: .svg), try DiffRenderer().render(sampleDiff(), as: .svg))
    }
}
