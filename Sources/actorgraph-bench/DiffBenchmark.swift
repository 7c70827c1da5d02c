import ActorGraph
import Foundation

/// Measures `Graph.diff(to:)` on two graphs of 100,000 relations each, against baselines
/// measured in the same run, so the figures compare across machines: walking both graphs
/// once (the least any diff must do), decoding both from JSON (what the command line does
/// before diffing), and merging them.
///
/// The two sides share about 70 % of their relations; of the shared ones, about one in
/// seven is stated differently in B (an extra sentence, or a hedge), and each side has
/// relations of its own.
enum DiffBenchmark {
    /// How many relations each side has.
    static let relationsPerSide = 100_000

    static func run() -> [BenchmarkRow] {
        let (a, b) = sides(relations: relationsPerSide)
        let jsonA = a.jsonData()
        let jsonB = b.jsonData()
        let walk = measure { walkChecksum(a) &+ walkChecksum(b) }
        let decode = measure(runs: 3) { (try! Graph(jsonData: jsonA)).relations.count + (try! Graph(jsonData: jsonB)).relations.count }
        let merge = measure { Graph.merged([a, b]).relations.count }
        let diff = measure { a.diff(to: b).relations.count }
        let result = a.diff(to: b)
        let encode = measure(runs: 3) { result.jsonString().utf8.count }
        let size = "\(a.relations.count) + \(b.relations.count) relations"
        var rows = [
            BenchmarkRow(name: "walk both graphs (baseline)", size: size, seconds: walk, baseline: walk),
            BenchmarkRow(name: "decode both from JSON", size: size, seconds: decode, baseline: walk),
            BenchmarkRow(name: "Graph.merged([a, b])", size: size, seconds: merge, baseline: walk),
            BenchmarkRow(name: "a.diff(to: b)", size: size, seconds: diff, baseline: walk),
            BenchmarkRow(name: "diff → JSON", size: "\(result.relations.count) keys", seconds: encode, baseline: walk),
        ]
        rows += linearity(largest: diff)
        return rows
    }

    /// Diff time per relation at a quarter and half the size, against the full size: a
    /// linear diff keeps the ratio near 1.
    private static func linearity(largest: Double) -> [BenchmarkRow] {
        [relationsPerSide / 4, relationsPerSide / 2].map { count in
            let (a, b) = sides(relations: count)
            let seconds = measure { a.diff(to: b).relations.count }
            let perRelationBaseline = largest / Double(relationsPerSide) * Double(count)
            return BenchmarkRow(name: "a.diff(to: b), smaller (vs. full size per relation)", size: "\(count) + \(count) relations", seconds: seconds, baseline: perRelationBaseline)
        }
    }

    /// The least work any comparison does: touch every relation and evidence item once.
    private static func walkChecksum(_ graph: Graph) -> Int {
        var sum = 0
        for relation in graph.relations {
            sum &+= relation.source.utf8.count &+ relation.target.utf8.count &+ relation.weight
            for item in relation.evidence { sum &+= item.sentence.start }
        }
        return sum
    }

    /// The median wall time of `runs` runs, after one warm-up.
    private static func measure(runs: Int = 5, _ work: () -> Int) -> Double {
        var sink = work()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            sink &+= work()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        if sink == Int.min { print("") }  // keeps the work from being optimised away
        return times.sorted()[runs / 2]
    }

    // MARK: - Generated sides

    /// Two graphs of `relations` relations each over `relations / 5` actors.
    static func sides(relations count: Int) -> (Graph, Graph) {
        var random = SplitMix(seed: 42)
        let actorCount = max(10, count / 5)
        let ids = (0..<actorCount).map { "actor-\(String($0, radix: 36))" }
        let pool = relationPool(count: count * 13 / 10 + 100, ids: ids, random: &random)
        // A: the first 100 % of the pool; B: 70 % of the same keys (some stated differently) plus the 30 % A lacks.
        let sharedEnd = count * 7 / 10
        let a = pool[0..<count].map { relation(for: $0, article: "a", random: &random, hedged: false) }
        var b = pool[0..<sharedEnd].map { relation(for: $0, article: "b", random: &random, hedged: false) }
        for index in b.indices where random.next(below: 7) == 0 {
            b[index].evidence.append(evidence(article: "b", at: 1_000_000 + index, modality: .hypothetical, random: &random))
        }
        b += pool[count..<(count + count - sharedEnd)].map { relation(for: $0, article: "b", random: &random, hedged: true) }
        return (graph(a, ids: ids, article: "a"), graph(b, ids: ids, article: "b"))
    }

    private static func relationPool(count: Int, ids: [String], random: inout SplitMix) -> [RelationKey] {
        var seen: Set<RelationKey> = []
        var keys: [RelationKey] = []
        while keys.count < count {
            let source = ids[random.next(below: ids.count)]
            let target = ids[random.next(below: ids.count)]
            let kind = RelationKind.allCases[random.next(below: RelationKind.allCases.count)]
            guard source != target else { continue }
            let key = kind.isDirected || source < target
                ? RelationKey(source: source, target: target, kind: kind)
                : RelationKey(source: target, target: source, kind: kind)
            if seen.insert(key).inserted { keys.append(key) }
        }
        return keys
    }

    private static func relation(for key: RelationKey, article: String, random: inout SplitMix, hedged: Bool) -> Relation {
        let weight = 1 + random.next(below: 3)
        let items = (0..<weight).map { item in
            evidence(article: article, at: item * 1000 + random.next(below: 1000), modality: hedged && item == 0 ? .hypothetical : .asserted, random: &random)
        }
        return Relation(source: key.source, target: key.target, kind: key.kind, evidence: items)
    }

    private static func evidence(article: String, at offset: Int, modality: Modality, random: inout SplitMix) -> Evidence {
        Evidence(
            article: article, sentence: Span(start: offset, end: offset + 120), source: Span(start: offset, end: offset + 6),
            target: Span(start: offset + 40, end: offset + 46), cue: Span(start: offset + 20, end: offset + 30),
            modality: modality, attributedTo: random.next(below: 5) == 0 ? "actor-speaker" : nil, tense: .present,
            rule: "bench", confidence: 0.8
        )
    }

    private static func graph(_ relations: [Relation], ids: [String], article: String) -> Graph {
        let actors = ids.map { Actor(id: $0, name: $0.uppercased(), kind: .organisation) }
        return Graph(articles: [Article(id: article)], actors: actors, relations: relations)
    }
}

/// A small, fast, seeded generator (SplitMix64), so every run measures the same graphs.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
