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

    /// Every file the merge reads: the line files and the others, folders expanded.
    func files() throws -> [String] {
        try inputs.filter(Self.isLines) + InputPaths.expand(inputs.filter { !Self.isLines($0) })
    }

    /// How many inputs (graph lines and other files) the last ``merged()`` read.
    private(set) var inputCount = 0

    /// The merged graph (`nil` when the input held no graph at all) and the inputs that
    /// failed (`file:line` for a graph line).
    mutating func merged() throws -> (graph: Graph?, failures: [String]) {
        var accumulator = GraphAccumulator()
        var graphs = 0
        var failures: [String] = []
        inputCount = 0
        for path in inputs where Self.isLines(path) {
            try readLines(path) { result in
                inputCount += 1
                switch result {
                case .success(let graph): accumulator.add(graph); graphs += 1
                case .failure(let failure):
                    failures.append(failure.origin)
                    Console.error(failure.message)
                }
            }
        }
        let others = try InputPaths.expand(inputs.filter { !Self.isLines($0) })
        if !others.isEmpty {
            let (graph, failed) = try GraphInputs(extraction: extraction).graph(of: others, acceptGraphJSON: true)
            accumulator.add(graph)
            graphs += 1
            failures += failed
            inputCount += others.count
        }
        return (graphs == 0 ? nil : accumulator.graph(), failures)
    }

    private struct LineFailure: Error {
        let origin: String
        let message: String
    }

    private func readLines(_ path: String, _ body: (Result<Graph, LineFailure>) -> Void) throws {
        do {
            _ = try LineReader.forEachLine(of: path, origin: path) { line, number, fileWarnings in
                let origin = "\(path):\(number)"
                do {
                    let (json, warnings) = try ArticleLoader.decode(line, origin: origin)
                    body(.success(try Graph(jsonData: Data(json.utf8))))
                    for warning in fileWarnings + warnings { Console.warning(warning) }
                } catch let error as GraphDecodingError {
                    body(.failure(LineFailure(origin: origin, message: "\(origin): \(error.description)")))
                } catch let failure as CommandFailure {
                    body(.failure(LineFailure(origin: origin, message: failure.message)))
                }
                return true
            }
        } catch let failure as CommandFailure {
            throw failure.message.hasPrefix(path) ? failure : CommandFailure("\(path): \(failure.message)")
        }
    }
}
