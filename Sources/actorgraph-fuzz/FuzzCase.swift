import ActorExtraction
import ActorGraph
import Foundation
import GraphRendering

/// A property that an input broke, with what was expected.
struct PropertyFailure: Error, CustomStringConvertible {
    let description: String
}

/// One fuzz input: its first byte chooses what the rest drives, so that one corpus
/// covers every entry point and libFuzzer learns each one's format.
///
/// - `article`: the bytes are an article; its graph must keep the invariants, point at
///   its own text, survive a JSON round trip and give DOT that Graphviz reads.
/// - `graphJSON`: the bytes are a graph JSON document; reading must either throw
///   ``GraphDecodingError`` or give a sound graph that writes back to itself.
/// - `builtGraph`: the bytes spell a small graph with arbitrary strings in every field;
///   JSON, DOT and SVG must carry them without breaking, and merging it with a second
///   such graph must not depend on order.
/// - `articlePair`: the bytes are two articles; merging their graphs must not depend on
///   order, and their diff must be sound.
enum FuzzCase {
    case article([UInt8])
    case graphJSON([UInt8])
    case builtGraph([UInt8])
    case articlePair([UInt8], split: Int)

    init(_ bytes: [UInt8]) {
        let rest = Array(bytes.dropFirst())
        switch (bytes.first ?? 0) % 4 {
        case 0: self = .article(rest)
        case 1: self = .graphJSON(rest)
        case 2: self = .builtGraph(rest)
        default:
            let split = rest.firstIndex(of: 0) ?? rest.count / 2
            self = .articlePair(rest, split: split)
        }
    }

    /// The built-in extractor, loaded once: its resources take longer to read than a run.
    static let extractor = try! Extractor()

    func check() throws {
        switch self {
        case .article(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            let graph = Self.extractor.extract(ArticleText(parsing: text, fallbackID: "fuzz"))
            try GraphChecks.sound(graph, from: "the article")
            try GraphChecks.pointsIntoText(graph, text: text)
            try GraphChecks.roundTrips(graph)
            try GraphChecks.drawable(graph, texts: ArticleTexts([graph.articles.first?.id ?? "fuzz": text]), rendering: false)
        case .graphJSON(let bytes):
            let graph: Graph
            do {
                graph = try Graph(jsonData: Data(bytes))
            } catch is GraphDecodingError {
                return
            } catch {
                throw PropertyFailure(description: "reading JSON threw \(type(of: error)), not GraphDecodingError: \(error)")
            }
            try GraphChecks.sound(graph, from: "the JSON reader")
            try GraphChecks.roundTrips(graph)
            try GraphChecks.drawable(graph, texts: ArticleTexts(), rendering: false)
        case .builtGraph(let bytes):
            var reader = ByteReader(bytes)
            let (graph, texts) = reader.graph()
            try GraphChecks.sound(graph, from: "the built graph")
            try GraphChecks.roundTrips(graph)
            try GraphChecks.mergesWithItself(graph)
            try GraphChecks.drawable(graph, texts: texts, rendering: true)
            // A second graph from the back half shares some strings with the first.
            var back = ByteReader(Array(bytes.dropFirst(bytes.count / 2)))
            let other = back.graph().0
            try GraphChecks.mergeCommutes(graph, other)
            try GraphChecks.diffIsSound(graph, other)
        case .articlePair(let bytes, let split):
            let first = String(decoding: bytes[..<split], as: UTF8.self)
            let second = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
            let a = Self.extractor.extract(ArticleText(parsing: first, fallbackID: "a"))
            let b = Self.extractor.extract(ArticleText(parsing: second, fallbackID: "b"))
            try GraphChecks.mergeCommutes(a, b)
            try GraphChecks.diffIsSound(a, b)
        }
    }
}
