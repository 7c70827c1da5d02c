import ActorGraph
import Foundation
import GraphRendering

/// Prints `--explain` output: every edge with its sentences, cues and rules.
enum Explanation {
    static func print(_ graph: Graph, texts: ArticleTexts) throws {
        let terminal = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        try Console.writeOutput(Data(ExplanationWriter(graph: graph, texts: texts).text(emphasis: terminal).utf8))
    }
}
