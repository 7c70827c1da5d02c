@testable import ActorGraph
import XCTest

/// The fields of actors and relations ahead of their lists, written flat or from a
/// layout, which must be the bytes the general writer's keys and values write.
final class HeaderLayoutTests: XCTestCase {
    private let awkward = ["a", "", "quote \" back \\ <b> & line\nbreak \u{2028}", "caf\u{E9}", "東京"]

    func testActorFieldsFromTheLayoutAndFlatAreTheGeneralWritersBytesForEveryKind() {
        for compact in [false, true] {
            var general = opened(compact: compact), flat = opened(compact: compact), laidOut = opened(compact: compact)
            var layout: HeaderLayout?
            for (offset, kind) in ActorKind.allCases.enumerated() {
                let actor = Actor(id: awkward[offset % awkward.count], name: awkward[(offset + 1) % awkward.count], kind: kind,
                                  country: offset % 2 == 0 ? nil : awkward[(offset + 2) % awkward.count])
                general.beginObject()
                general.key("id"); general.string(actor.id)
                general.key("name"); general.string(actor.name)
                general.key("kind"); general.string(actor.kind.rawValue)
                general.key("country"); general.string(actor.country)
                general.key("mentions"); general.beginArray()
                Graph.beginActor(actor, to: &flat)
                let depth = laidOut.beginFlatObject()
                if layout == nil { layout = HeaderLayout(depth: depth, writer: laidOut) }
                layout!.writeActor(id: actor.id, name: actor.name, kind: actor.kind, country: actor.country, to: &laidOut)
                Graph.writeMention(article: "x", span: Span(start: offset, end: offset + 1), text: actor.name, to: &general)
                Graph.writeMention(article: "x", span: Span(start: offset, end: offset + 1), text: actor.name, to: &flat)
                Graph.writeMention(article: "x", span: Span(start: offset, end: offset + 1), text: actor.name, to: &laidOut)
                Graph.endActor(to: &general)
                Graph.endActor(to: &flat)
                Graph.endActor(to: &laidOut)
            }
            XCTAssertEqual(flat.text, general.text, "compact \(compact)")
            XCTAssertEqual(laidOut.text, general.text, "compact \(compact)")
        }
    }

    func testArticlesFromTheLayoutAreTheGraphsArticleLinesAtAnyDepth() {
        for compact in [false, true] {
            for depth in [1, 2, 5] {
                var general = JSONWriter(capacity: 1, compact: compact), laidOut = JSONWriter(capacity: 1, compact: compact)
                for _ in 0..<depth { general.beginArray(); laidOut.beginArray() }
                let layout = HeaderLayout(depth: depth, writer: laidOut)
                for (offset, id) in awkward.enumerated() {
                    let article = Article(
                        id: id, title: offset % 2 == 0 ? nil : awkward[(offset + 1) % awkward.count],
                        date: offset % 3 == 0 ? nil : "2024-01-0\(offset)", source: offset % 4 == 1 ? nil : awkward[(offset + 2) % awkward.count]
                    )
                    Graph.write(article, to: &general)
                    layout.writeArticle(article, to: &laidOut)
                }
                for _ in 0..<depth { general.endArray(); laidOut.endArray() }
                XCTAssertEqual(laidOut.text, general.text, "compact \(compact), depth \(depth)")
            }
        }
    }

    func testRelationFieldsFromTheLayoutAndFlatAreTheGeneralWritersBytesForEveryKind() {
        for compact in [false, true] {
            var general = opened(compact: compact), flat = opened(compact: compact), laidOut = opened(compact: compact)
            var layout: HeaderLayout?
            for (offset, kind) in RelationKind.allCases.enumerated() {
                let source = awkward[offset % awkward.count], target = awkward[(offset + 1) % awkward.count], weight = offset * 4_321
                general.beginObject()
                general.key("source"); general.string(source)
                general.key("target"); general.string(target)
                general.key("kind"); general.string(kind.rawValue)
                general.key("directed"); general.bool(kind.isDirected)
                general.key("weight"); general.int(weight)
                general.key("evidence"); general.beginArray()
                Graph.beginRelation(RelationKey(source: source, target: target, kind: kind), weight: weight, to: &flat)
                let depth = laidOut.beginFlatObject()
                if layout == nil { layout = HeaderLayout(depth: depth, writer: laidOut) }
                layout!.writeRelation(source: source, target: target, kind: kind, weight: weight, to: &laidOut)
                Graph.endRelation(to: &general)
                Graph.endRelation(to: &flat)
                Graph.endRelation(to: &laidOut)
            }
            XCTAssertEqual(flat.text, general.text, "compact \(compact)")
            XCTAssertEqual(laidOut.text, general.text, "compact \(compact)")
        }
    }

    /// A writer inside an object's array, where the records under test stand.
    private func opened(compact: Bool) -> JSONWriter {
        var writer = JSONWriter(compact: compact)
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        return writer
    }
}
