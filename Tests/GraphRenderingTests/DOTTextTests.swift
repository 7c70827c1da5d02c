import ActorGraph
@testable import GraphRendering
import TestSupport
import XCTest

/// Quoting DOT strings by bytes, and the hover text that the DOT writer hands on.
final class DOTTextTests: XCTestCase {
    private let writer = DOTWriter()

    func testQuotedStringEscapesQuotesAndBackslashesAndDropsControlCharacters() {
        XCTAssertEqual(writer.quoted("a\"b\\c\nd\re\tf\u{1}\u{7F}é東"), #""a\"b\\c\nd e fé東""#)
    }

    func testQuotedIDWritesControlCharactersAsTwoUppercaseHexDigits() {
        XCTAssertEqual(writer.quotedID("a\u{1}\u{1F}\u{7F}\t\"\\é"), #""a\x01\x1F\x7F\x09\"\\é""#)
    }

    func testQuotedTextSpellsEachAmpersandAsAnEntity() {
        XCTAssertEqual(writer.quotedText("L & B &amp; \"C\""), #""L &amp; B &amp;amp; \"C\"""#)
        XCTAssertEqual(writer.quotedText("no ampersand\n"), #""no ampersand\n""#)
    }

    func testNodeTitleListsEachOfItsRelationsOnceInTheGraphsOrder() {
        let graph = Graph(
            actors: [Actor(id: "A", name: "Alpha", kind: .state), Actor(id: "B", name: "Beta", kind: .state), Actor(id: "C", name: "Gamma", kind: .state)],
            relations: [
                Relation(source: "B", target: "A", kind: .threat, evidence: [SampleGraphs.evidence()]),
                Relation(source: "B", target: "C", kind: .support, evidence: [SampleGraphs.evidence()]),
                Relation(source: "A", target: "C", kind: .alliance, evidence: [SampleGraphs.evidence()]),
                Relation(source: "A", target: "A", kind: .contact, evidence: [SampleGraphs.evidence()]),
            ]
        )
        let lines = ElementDescriber(graph: graph, texts: ArticleTexts()).title(of: graph.actors[0]).split(separator: "\n")
        // A graph keeps its relations sorted by source, target and kind.
        XCTAssertEqual(lines.dropFirst(), ["• contact with Alpha", "• alliance with Gamma", "• threat ← Beta"])
    }
}
