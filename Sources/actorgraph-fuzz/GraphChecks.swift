import ActorGraph
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphRendering

/// The properties the fuzzer holds every graph to. Each throws a ``PropertyFailure``
/// that says what broke, so that a saved input explains itself when replayed.
enum GraphChecks {
    static func sound(_ graph: Graph, from origin: String) throws {
        if let problem = graph.invariantViolations().first {
            throw PropertyFailure(description: "\(origin) gave a graph that breaks an invariant: \(problem)")
        }
    }

    /// Every span of an extracted graph lies in the text, and every mention's text is
    /// what its span covers, counted in code points as DESIGN.md promises.
    static func pointsIntoText(_ graph: Graph, text: String) throws {
        let scalars = Array(text.unicodeScalars)
        func covered(_ span: Span) throws -> String {
            guard span.start >= 0, span.start <= span.end, span.end <= scalars.count else {
                throw PropertyFailure(description: "span \(span.start)..<\(span.end) lies outside the text of \(scalars.count) code points")
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span.start..<span.end])
            return String(view)
        }
        for actor in graph.actors {
            for mention in actor.mentions {
                let found = try covered(mention.span)
                guard found.unicodeScalars.elementsEqual(mention.text.unicodeScalars) else {
                    throw PropertyFailure(description: "mention of \(actor.id) says \(mention.text.debugDescription) but its span covers \(found.debugDescription)")
                }
            }
        }
        for relation in graph.relations {
            for item in relation.evidence {
                for span in [item.sentence, item.source, item.target, item.cue] { _ = try covered(span) }
                guard item.sentence.start <= item.cue.start, item.cue.end <= item.sentence.end else {
                    throw PropertyFailure(description: "cue \(item.cue) of \(relation.key) lies outside its sentence \(item.sentence)")
                }
            }
        }
    }

    /// Writing JSON and reading it back gives the same graph, and writing that gives the
    /// same bytes.
    static func roundTrips(_ graph: Graph) throws {
        let data = graph.jsonData()
        let back: Graph
        do {
            back = try Graph(jsonData: data)
        } catch {
            throw PropertyFailure(description: "the JSON the writer made does not read back: \(error)")
        }
        guard back == graph else {
            throw PropertyFailure(description: "JSON round trip changed the graph: \(firstDifference(graph, back))")
        }
        guard back.jsonData() == data else { throw PropertyFailure(description: "JSON of the read-back graph has other bytes") }
    }

    static func mergesWithItself(_ graph: Graph) throws {
        let merged = Graph.merged([graph, graph])
        guard merged == graph else {
            throw PropertyFailure(description: "merging a graph with itself changed it: \(firstDifference(graph, merged))")
        }
    }

    /// DESIGN.md: merging is commutative, and output is deterministic.
    static func mergeCommutes(_ a: Graph, _ b: Graph) throws {
        let ab = Graph.merged([a, b])
        let ba = Graph.merged([b, a])
        try sound(ab, from: "merging")
        guard ab.jsonData() == ba.jsonData() else {
            throw PropertyFailure(description: "merge depends on order: \(firstDifference(ab, ba))")
        }
    }

    static func diffIsSound(_ a: Graph, _ b: Graph) throws {
        if let problem = a.diff(to: b).invariantViolations().first {
            throw PropertyFailure(description: "diff broke an invariant: \(problem)")
        }
        if !a.diff(to: a).isEmpty { throw PropertyFailure(description: "a graph differs from itself") }
    }

    /// The DOT has one node per actor and one edge per relation once Graphviz has read
    /// it; small graphs are also drawn as SVG, which must be well-formed XML that shows
    /// every actor's name.
    static func drawable(_ graph: Graph, texts: ArticleTexts, rendering: Bool) throws {
        let dot = DOTWriter(texts: texts).dot(for: graph)
        let counts = try GraphvizSyntax.counts(of: dot)
        guard counts.nodes == graph.actors.count, counts.edges == graph.relations.count else {
            throw PropertyFailure(description: "Graphviz read \(counts.nodes) nodes and \(counts.edges) edges from the DOT of \(graph.actors.count) actors and \(graph.relations.count) relations")
        }
        // Layouts of large graphs can take minutes; the small ones are where names matter.
        guard rendering, graph.actors.count <= 8, graph.relations.count <= 12 else { return }
        let svg: Data
        do {
            svg = try GraphRenderer(dotWriter: DOTWriter(texts: texts), engine: .dot).svg(for: graph)
        } catch {
            throw PropertyFailure(description: "a small sound graph did not render: \(error)")
        }
        let reading = SVGReading(svg)
        guard reading.wellFormed else { throw PropertyFailure(description: "the SVG is not well-formed XML: \(reading.error ?? "?")") }
        let shown = visible(reading.texts.joined())
        for actor in graph.actors where !visible(actor.name).isEmpty && !shown.contains(visible(actor.name)) {
            throw PropertyFailure(description: "the SVG does not show the name \(actor.name.debugDescription) (it shows \(shown.debugDescription))")
        }
    }

    /// What a reader sees of a name: no white space, nothing XML cannot carry.
    private static func visible(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && scalar.value >= 0x20 && scalar.value != 0x7F
            && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
            view.append(scalar)
        }
        return String(view)
    }

    private static func firstDifference(_ a: Graph, _ b: Graph) -> String {
        if a.articles != b.articles { return "articles \(a.articles) became \(b.articles)" }
        for (x, y) in zip(a.actors, b.actors) where x != y { return "actor \(x) became \(y)" }
        if a.actors.count != b.actors.count { return "\(a.actors.count) actors became \(b.actors.count)" }
        for (x, y) in zip(a.relations, b.relations) where x != y { return "relation \(x) became \(y)" }
        return "\(a.relations.count) relations became \(b.relations.count)"
    }
}

/// The text of an SVG document as an XML parser reads it.
struct SVGReading {
    var wellFormed = false
    var error: String?
    var texts: [String] = []

    init(_ data: Data) {
        let collector = TextCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        wellFormed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        texts = collector.texts
    }

    private final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "text" { inText = true; texts.append("") }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1] += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }
    }
}
