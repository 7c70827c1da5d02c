import ActorExtraction
import ActorGraph
import Foundation
import GraphRendering

/// Turns the command line's inputs (articles or graph JSON files) into one merged graph,
/// going on past inputs that fail and reporting each on standard error.
struct GraphInputs {
    let extraction: ExtractionOptions

    /// The merged graph of every input that could be read.
    ///
    /// - Throws: ``CommandFailure`` with status 2 when no input could be read; the caller
    ///   reports status 1 through the failed inputs it gets back when only some failed.
    func graph(of paths: [String], acceptGraphJSON: Bool) throws -> (graph: Graph, failures: [String]) {
        let (inputs, failures) = try loaded(paths, acceptGraphJSON: acceptGraphJSON)
        return (Self.merged(inputs), failures)
    }

    /// Every input that could be read, one graph each, with the article texts that
    /// tooltips and reports quote, and the inputs that failed (each named on standard
    /// error as it fails, in input order).
    ///
    /// - Throws: ``CommandFailure`` with status 2 when no input could be read.
    func loaded(_ paths: [String], acceptGraphJSON: Bool) throws -> (inputs: [LoadedInput], failures: [String]) {
        var extractor: Extractor?
        var inputs: [LoadedInput] = []
        var failures: [String] = []
        for path in paths {
            do {
                if acceptGraphJSON, path.lowercased().hasSuffix(".json") {
                    inputs.append(LoadedInput(path: path, graph: try readGraph(path), texts: ArticleTexts()))
                } else {
                    if extractor == nil { extractor = try extraction.makeExtractor() }
                    let loaded = try ArticleLoader(date: extraction.date).load(path: path)
                    loaded.warn()
                    let texts = ArticleTexts([loaded.article.article.id: loaded.article.text])
                    inputs.append(LoadedInput(path: path, graph: extractor!.extract(loaded.article), texts: texts))
                }
            } catch let failure as CommandFailure {
                guard paths.count > 1 else { throw failure }
                failures.append(path == "-" ? "standard input" : path)
                Console.error(failure.message)
            }
        }
        if inputs.isEmpty { throw CommandFailure.noneRead(failures) }
        return (inputs, failures)
    }

    /// The graphs of `inputs` merged into one.
    static func merged(_ inputs: [LoadedInput]) -> Graph {
        inputs.count == 1 ? inputs[0].graph : Graph.merged(inputs.map(\.graph))
    }

    private func readGraph(_ path: String) throws -> Graph {
        // Decoded like an article, so that a byte-order mark or UTF-16 does not stop it.
        let (json, warnings) = try ArticleLoader.decode(InputFile.read(path), origin: path)
        do {
            let graph = try Graph(jsonData: Data(json.utf8))
            // Only a graph that could be read is worth a warning: a failure is one line.
            for warning in warnings { Console.warning(warning) }
            return graph
        } catch let error as GraphDecodingError {
            throw CommandFailure("\(path): \(error.description)")
        }
    }
}

/// One input as read: its path, its graph and the text of its article, if it was one.
struct LoadedInput {
    let path: String
    let graph: Graph
    let texts: ArticleTexts
}

extension Array where Element == LoadedInput {
    /// The texts of every article among the inputs.
    var texts: ArticleTexts {
        var all = ArticleTexts()
        for input in self { all.add(input.texts) }
        return all
    }
}
