import ActorGraph

/// The `--explain` text: for every edge, each sentence that states it with the cue
/// marked, and the rule, modality, tense, speaker and confidence, for a person reading in
/// a terminal.
///
/// ```text
/// Japan — United States: alliance, 2 sentences
///   “The two leaders pledged to strengthen the [alliance] between Japan and the United States …”
///      asserted · article's own voice · present · rule noun-between · confidence 0.9
/// ```
public struct ExplanationWriter: Sendable {
    /// The graph to explain.
    public let graph: Graph
    /// The article texts the evidence quotes come from.
    public let texts: ArticleTexts

    /// Creates a writer.
    public init(graph: Graph, texts: ArticleTexts) {
        self.graph = graph
        self.texts = texts
    }

    /// The explanation, one block per relation in the graph's order; with `emphasis`, the
    /// cue is set in bold (ANSI) instead of brackets, for a terminal.
    public func text(emphasis: Bool = false) -> String {
        var describer = ElementDescriber(graph: graph, texts: texts)
        describer.quotedItems = Int.max
        var blocks: [String] = []
        for relation in graph.relations {
            var lines = describer.title(of: relation).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for index in lines.indices.dropFirst() { lines[index] = "  " + lines[index] }
            var block = lines.joined(separator: "\n")
            if emphasis { block = Self.embolden(block) }
            blocks.append(block)
        }
        if blocks.isEmpty { return "No relations found.\n" }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Turns the first "[cue]" of each quoted line into bold text.
    private static func embolden(_ block: String) -> String {
        block.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("“"), let open = line.firstIndex(of: "["), let close = line[open...].firstIndex(of: "]") else {
                return String(line)
            }
            return line[..<open] + "\u{1B}[1m" + line[line.index(after: open)..<close] + "\u{1B}[0m" + line[line.index(after: close)...]
        }.joined(separator: "\n")
    }
}
