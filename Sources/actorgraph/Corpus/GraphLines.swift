import ActorGraph
import ArgumentParser
import Foundation

/// The reduce step of a cluster run: graph JSON lines (from `extract --jsonl` or from
/// earlier merges) and graph files merged into one graph, streaming, so that memory grows
/// with the merged graph and not with the number of lines.
///
/// Merging is associative and commutative, so any reduce tree over the same lines (one
/// merge per partition, then a merge of the partial results) gives identical bytes.
struct GraphLineMerge {
    /// Graph JSON lines: `-`, `.jsonl` and `.ndjson` inputs; the others are graph files,
    /// articles or folders, read as `merge` always did.
    let inputs: [String]
    let extraction: ExtractionOptions

    /// Whether `path` holds graph JSON lines.
    static func isLines(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return path == "-" || lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson")
    }

    /// The merged graph (`nil` when the input held no graph at all) and how many inputs failed.
    func merged() throws -> (graph: Graph?, failures: Int) {
        var accumulator = GraphAccumulator()
        var graphs = 0
        var failures = 0
        for path in inputs where Self.isLines(path) {
            try readLines(path) { result in
                switch result {
                case .success(let graph): accumulator.add(graph); graphs += 1
                case .failure(let failure):
                    failures += 1
                    FileHandle.standardError.write(Data("actorgraph: \(failure.message)\n".utf8))
                }
            }
        }
        let others = try InputPaths.expand(inputs.filter { !Self.isLines($0) })
        if !others.isEmpty {
            let (graph, failed) = try GraphInputs(extraction: extraction).graph(of: others, acceptGraphJSON: true)
            accumulator.add(graph)
            graphs += 1
            failures += failed
        }
        return (graphs == 0 ? nil : accumulator.graph(), failures)
    }

    private func readLines(_ path: String, _ body: (Result<Graph, CommandFailure>) -> Void) throws {
        let reader = try LineReader(path: path)
        do {
            while let line = try reader.nextLine() {
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                do {
                    body(.success(try Graph(jsonData: Data(line))))
                } catch let error as GraphDecodingError {
                    body(.failure(CommandFailure("\(path):\(reader.lineNumber): \(error.description)")))
                }
            }
        } catch let failure as CommandFailure {
            throw CommandFailure("\(path): \(failure.message)")
        }
    }
}
