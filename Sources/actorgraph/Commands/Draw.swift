import ArgumentParser
import GraphRendering

/// The default command: extract articles and write the graph in the output's format.
struct Draw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Extract the articles' graph and write it in the format -o names: SVG, PNG, PDF, DOT, JSON, GraphML, GEXF, Mermaid, CSV or HTML (the default command).",
        discussion: """
        Examples:
          actorgraph article.txt -o graph.svg
          actorgraph draw article.txt --date 2023-01-12 -o graph.png
          actorgraph a.md b.md -o merged.dot
          actorgraph article.txt -o graph.gexf          # for Gephi
          actorgraph article.txt -o page.html           # drawing and evidence table
        """
    )

    @Argument(help: ArgumentHelp("Article files (.txt, .md) or graph JSON files; - reads standard input.", valueName: "article"))
    var inputs: [String]

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print every edge with the sentences that state it, the cue, rule, modality, tense and speaker; the graph goes to -o only.")
    var explain = false

    func run() throws {
        let format = try output.resolvedFormat(fallback: output.output == nil ? .json : .svg)
        try InputFiles(inputs + [extraction.actors]).check(output: output.output)
        let (loaded, failures) = try GraphInputs(extraction: extraction).loaded(inputs, acceptGraphJSON: true)
        let graph = try filters.apply(to: GraphInputs.merged(loaded))
        if explain { try Explanation.print(graph, texts: loaded.texts) }
        if !explain || output.output != nil {
            try RenderCommandSupport.write(graph, format: format, output: output, texts: loaded.texts)
        }
        if !failures.isEmpty { throw CommandFailure.someFailed(failures, of: inputs.count) }
    }
}
