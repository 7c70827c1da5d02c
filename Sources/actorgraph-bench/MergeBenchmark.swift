import ActorGraph
import Foundation

/// Measures the merge side of a corpus run, the calling thread's work while one worker
/// extracts: adding each article's graph to a ``GraphAccumulator`` (packed, as a corpus
/// run hands it over, and as a `Graph`, as `actorgraph merge` does), and writing the merged
/// JSON to a sink that only counts the bytes. Times are the thread's CPU time, not wall
/// time, and the least of 5 runs, since other work on a shared machine only ever adds to
/// them; the baseline walks every mention and evidence item
/// once, the least any merge does.
///
/// The graphs are an extraction of the generated corpus (`actorgraph extract --jsonl`), or
/// the graph JSON lines of `actorgraph-bench merge FILE`.
enum MergeBenchmark {
    /// The size of the generated corpus the graphs come from.
    static let corpusBytes = 10 * 1_000_000

    static func report(lines path: String?) {
        guard let graphs = path.map({ try? graphs(fromLines: $0) }) ?? extractedGraphs() else {
            print("merge: skipped, no graphs (a graph JSON lines file, or the actorgraph binary built beside actorgraph-bench)\n")
            return
        }
        let mentions = graphs.reduce(0) { $0 + $1.actors.reduce(0) { $0 + $1.mentions.count } }
        let evidence = graphs.reduce(0) { $0 + $1.relations.reduce(0) { $0 + $1.evidence.count } }
        let size = "\(graphs.count) graphs, \(mentions) mentions, \(evidence) evidence"
        let walk = leastCPUSeconds { walkChecksum(graphs) }
        // A corpus run hands each article's graph to the merge packed; `merge` adds graphs.
        let packed = graphs.compactMap(PackedArticleGraph.init)
        let addPacked = leastCPUSeconds {
            var accumulator = GraphAccumulator()
            for graph in packed { accumulator.add(graph) }
            return accumulator.actorCount
        }
        let add = leastCPUSeconds { merged(graphs).actorCount }
        var bytes = 0
        let write = leastCPUSeconds(prepare: { merged(graphs) }) { accumulator in
            bytes = 0
            accumulator.writeJSONBytes { bytes += $0.count }
            return bytes
        }
        printTable("merge: the corpus run's merge thread, one core (least CPU time of 5 runs)", [
            BenchmarkRow(name: "walk every mention and evidence item (baseline)", size: size, seconds: walk, baseline: walk),
            BenchmarkRow(name: "GraphAccumulator.add, every graph packed", size: "\(packed.count) of the \(graphs.count) graphs", seconds: addPacked, baseline: walk),
            BenchmarkRow(name: "GraphAccumulator.add, every Graph", size: size, seconds: add, baseline: walk),
            BenchmarkRow(name: "GraphAccumulator.writeJSONBytes", size: megabytes(bytes), seconds: write, baseline: walk,
                         note: String(format: "%.0f MB/s", Double(bytes) / 1_000_000 / write)),
        ])
    }

    private static func merged(_ graphs: [Graph]) -> GraphAccumulator {
        var accumulator = GraphAccumulator()
        for graph in graphs { accumulator.add(graph) }
        return accumulator
    }

    private static func walkChecksum(_ graphs: [Graph]) -> Int {
        var sum = 0
        for graph in graphs {
            for actor in graph.actors {
                for mention in actor.mentions { sum &+= mention.start &+ mention.text.utf8.count }
            }
            for relation in graph.relations {
                for item in relation.evidence { sum &+= item.sentence.start &+ item.rule.utf8.count }
            }
        }
        return sum
    }

    private static func extractedGraphs() -> [Graph]? {
        guard let binary = BenchPaths.actorgraph else { return nil }
        let folder = BenchPaths.scratch("merge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.jsonl").path
        let lines = folder.appendingPathComponent("graphs.jsonl").path
        guard (try? BenchCorpus.write(to: URL(fileURLWithPath: corpus), minimumBytes: corpusBytes)) != nil,
              ChildRun.run(binary, ["extract", "--quiet", "--jsonl"], input: corpus, output: lines)?.status == 0 else { return nil }
        return try? graphs(fromLines: lines)
    }

    private static func graphs(fromLines path: String) throws -> [Graph] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.split(separator: UInt8(ascii: "\n")).map { try Graph(jsonData: Data($0)) }
    }

    /// The least CPU time of this thread over 5 runs of `work` on what `prepare` makes,
    /// after one warm-up; preparing is not timed.
    private static func leastCPUSeconds<Input>(prepare: () -> Input, _ work: (inout Input) -> Int) -> Double {
        var sink = 0
        var times: [Double] = []
        for run in 0..<6 {
            var input = prepare()
            let start = threadCPUSeconds()
            sink &+= work(&input)
            if run > 0 { times.append(threadCPUSeconds() - start) }
        }
        if sink == Int.min { print("") }  // keeps the work from being optimised away
        return times.min()!
    }

    private static func leastCPUSeconds(_ work: () -> Int) -> Double {
        leastCPUSeconds(prepare: {}) { _ in work() }
    }

    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
