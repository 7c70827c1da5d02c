import ActorExtraction
import ActorGraph
import Foundation
import GraphRendering

/// Measures rendering to SVG through the library: a generated graph of 1,000 actors and
/// 3,000 relations with the engine chosen by size, against the Graphviz program with the
/// same engine on the same DOT, the one the library lays out (the baseline), and one
/// article's graph over the examples.
enum RenderBenchmark {
    static let actorCount = 1_000
    static let relationCount = 3_000

    static func report() {
        let graph = generatedGraph()
        let engine = LayoutEngine.default(nodes: graph.actors.count, edges: graph.relations.count)
        let size = "\(graph.actors.count) actors, \(graph.relations.count) relations"
        let library = median(runs: 3) { _ = try? GraphRenderer().render(graph, as: .svg) }
        var rows: [BenchmarkRow] = []
        var notes: [String] = []
        // The program gets the very DOT the library lays out (no tooltips), not the
        // `--format dot` export: the export's tooltips make the program's work larger.
        if let program = programSeconds(dot: GraphRenderer().layoutDocument(for: graph).text, engine: engine) {
            rows.append(BenchmarkRow(name: "dot -K\(engine.rawValue) -Tsvg (baseline)", size: size, seconds: program, baseline: program))
            rows.append(BenchmarkRow(name: "GraphRenderer → SVG (\(engine.rawValue))", size: size, seconds: library, baseline: program))
        } else {
            notes.append("  skipped the Graphviz program: `dot` is not on the PATH (Debian package graphviz)")
            rows.append(BenchmarkRow(name: "GraphRenderer → SVG (\(engine.rawValue))", size: size, seconds: library, baseline: library))
        }
        if let (mean, articles, actors) = articleMean() {
            rows.append(BenchmarkRow(name: "one article's graph → SVG, mean", size: "\(articles) examples, \(actors) actors on average", seconds: mean, baseline: rows[0].seconds))
        }
        printTable("render: SVG through libgvc (median of 3; the article mean of 5 runs each)", rows)
        notes.forEach { print($0) }
        if !notes.isEmpty { print("") }
    }

    /// The Graphviz program's median wall time on `dot`, or `nil` when it is not installed.
    private static func programSeconds(dot: String, engine: LayoutEngine) -> Double? {
        guard ChildRun.isInstalled("dot") else { return nil }
        let folder = BenchPaths.scratch("render")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.dot")
        guard (try? dot.write(to: file, atomically: true, encoding: .utf8)) != nil else { return nil }
        var failed = false
        let seconds = median(runs: 3) {
            let run = ChildRun.run("dot", ["-K\(engine.rawValue)", "-Tsvg", file.path])
            failed = failed || run?.status != 0
        }
        return failed ? nil : seconds
    }

    /// The mean time to render one example article's graph, the number of examples and
    /// their mean number of actors.
    private static func articleMean() -> (Double, Int, Int)? {
        guard let extractor = try? Extractor() else { return nil }
        let graphs = BenchPaths.examples().compactMap { url -> Graph? in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return extractor.extract(ArticleText(parsing: text, fallbackID: url.deletingPathExtension().lastPathComponent))
        }
        guard !graphs.isEmpty else { return nil }
        let times = graphs.map { graph in median(runs: 5) { _ = try? GraphRenderer().render(graph, as: .svg) } }
        let actors = graphs.map(\.actors.count).reduce(0, +) / graphs.count
        return (times.reduce(0, +) / Double(times.count), graphs.count, actors)
    }

    /// The median wall time of `runs` runs, after one warm-up.
    private static func median(runs: Int, _ work: () -> Void) -> Double {
        work()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[runs / 2]
    }

    /// A seeded graph of states, people and organisations with labelled relations of every kind.
    static func generatedGraph() -> Graph {
        var random = SplitMix(seed: 1_000)
        let kinds: [ActorKind] = [.state, .person, .organisation, .group]
        let actors = (0..<actorCount).map { index in
            Actor(id: "actor-\(index)", name: "Actor \(index)", kind: kinds[random.next(below: kinds.count)])
        }
        var keys: Set<RelationKey> = []
        var relations: [Relation] = []
        while relations.count < relationCount {
            let source = actors[random.next(below: actorCount)].id
            let target = actors[random.next(below: actorCount)].id
            let kind = RelationKind.allCases[random.next(below: RelationKind.allCases.count)]
            guard source != target else { continue }
            let (from, to) = kind.isDirected || source < target ? (source, target) : (target, source)
            guard keys.insert(RelationKey(source: from, target: to, kind: kind)).inserted else { continue }
            let offset = relations.count * 200
            let evidence = Evidence(
                article: "bench", sentence: Span(start: offset, end: offset + 120), source: Span(start: offset, end: offset + 6),
                target: Span(start: offset + 40, end: offset + 46), cue: Span(start: offset + 20, end: offset + 30),
                modality: .asserted, attributedTo: nil, tense: .present, rule: "bench", confidence: 0.8
            )
            relations.append(Relation(source: from, target: to, kind: kind, evidence: [evidence]))
        }
        return Graph(articles: [Article(id: "bench")], actors: actors, relations: relations)
    }
}
