import ActorExtraction
import ActorGraph
import Foundation

/// Turns the command line's inputs (articles or graph JSON files) into one merged graph,
/// going on past inputs that fail and reporting each on standard error.
struct GraphInputs {
    let extraction: ExtractionOptions

    /// The merged graph of every input that could be read.
    ///
    /// - Throws: ``CommandFailure`` with status 2 when no input could be read; the caller
    ///   reports status 1 through ``failures`` when only some failed.
    func graph(of paths: [String], acceptGraphJSON: Bool) throws -> (graph: Graph, failures: Int) {
        var extractor: Extractor?
        var graphs: [Graph] = []
        var failures: [String] = []
        for path in paths {
            do {
                if acceptGraphJSON, path.lowercased().hasSuffix(".json") {
                    graphs.append(try readGraph(path))
                } else {
                    if extractor == nil { extractor = try extraction.makeExtractor() }
                    graphs.append(extractor!.extract(try CorpusArticle.load(path: path, date: extraction.date)))
                }
            } catch let failure as CommandFailure {
                guard paths.count > 1 else { throw failure }
                failures.append(failure.message)
                FileHandle.standardError.write(Data("actorgraph: \(failure.message)\n".utf8))
            }
        }
        if graphs.isEmpty {
            throw CommandFailure("no input could be read (\(failures.count) failed)")
        }
        if !failures.isEmpty {
            FileHandle.standardError.write(Data("actorgraph: \(failures.count) of \(paths.count) inputs failed; wrote the other \(graphs.count)\n".utf8))
        }
        return (graphs.count == 1 ? graphs[0] : Graph.merged(graphs), failures.count)
    }

    private func readGraph(_ path: String) throws -> Graph {
        let data = try InputFile.read(path)
        do {
            return try Graph(jsonData: data)
        } catch let error as GraphDecodingError {
            throw CommandFailure("\(path): \(error.description)")
        }
    }
}
