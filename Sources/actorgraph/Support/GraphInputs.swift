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
    ///   reports status 1 through ``failures`` when only some failed.
    func graph(of paths: [String], acceptGraphJSON: Bool) throws -> (graph: Graph, failures: Int) {
        let (inputs, failures) = try loaded(paths, acceptGraphJSON: acceptGraphJSON)
        return (Self.merged(inputs), failures)
    }

    /// Every input that could be read, one graph each, with the article texts that
    /// tooltips and reports quote.
    ///
    /// - Throws: ``CommandFailure`` with status 2 when no input could be read.
    func loaded(_ paths: [String], acceptGraphJSON: Bool) throws -> (inputs: [LoadedInput], failures: Int) {
        var extractor: Extractor?
        var inputs: [LoadedInput] = []
        var failures: [String] = []
        for path in paths {
            do {
                if acceptGraphJSON, path.lowercased().hasSuffix(".json") {
                    inputs.append(LoadedInput(path: path, graph: try readGraph(path), texts: ArticleTexts()))
                } else {
                    if extractor == nil { extractor = try extraction.makeExtractor() }
                    let article = try CorpusArticle.load(path: path, date: extraction.date)
                    let texts = ArticleTexts([article.article.id: article.text])
                    inputs.append(LoadedInput(path: path, graph: extractor!.extract(article), texts: texts))
                }
            } catch let failure as CommandFailure {
                guard paths.count > 1 else { throw failure }
                failures.append(failure.message)
                FileHandle.standardError.write(Data("actorgraph: \(failure.message)\n".utf8))
            }
        }
        if inputs.isEmpty {
            throw CommandFailure("no input could be read (\(failures.count) failed)")
        }
        if !failures.isEmpty {
            FileHandle.standardError.write(Data("actorgraph: \(failures.count) of \(paths.count) inputs failed; wrote the other \(inputs.count)\n".utf8))
        }
        return (inputs, failures.count)
    }

    /// The graphs of `inputs` merged into one.
    static func merged(_ inputs: [LoadedInput]) -> Graph {
        inputs.count == 1 ? inputs[0].graph : Graph.merged(inputs.map(\.graph))
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
