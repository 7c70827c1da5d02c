import ArgumentParser

/// `actorgraph extract`: articles in, graph JSON out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the graph of one or more articles as JSON (schema v1); several articles are merged.",
        discussion: """
        Examples:
          actorgraph extract article.txt -o graph.json
          actorgraph extract a.md b.md --date 2023-01-12 > merged.json
          actorgraph extract article.txt --actors extra-actors.json
        """
    )

    @Argument(help: ArgumentHelp("Article files (.txt, .md); - reads standard input.", valueName: "article"))
    var articles: [String]

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file. Default: standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Print every edge with the sentences that state it, the cue, rule, modality, tense and speaker; the graph goes to -o only.")
    var explain = false

    func run() throws {
        let (loaded, failures) = try GraphInputs(extraction: extraction).loaded(articles, acceptGraphJSON: false)
        let graph = try filters.apply(to: GraphInputs.merged(loaded))
        if explain { Explanation.print(graph, texts: loaded.texts) }
        if !explain || output != nil { try OutputWriter.write(graph.jsonData(), to: output) }
        if failures > 0 { throw CommandFailure("some inputs failed", exitCode: 1) }
    }
}
