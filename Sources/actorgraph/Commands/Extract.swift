import ArgumentParser

/// `actorgraph extract`: articles in, graph JSON out.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the graph of one or more articles as JSON (schema v1); several articles are merged.",
        discussion: """
        Inputs are articles (.txt, .md), HTML pages (.html, reduced to their text), JSON Lines \
        corpora (.jsonl: one article per line with id, title, date, source, text), folders \
        (searched recursively) and shell patterns ('corpus/*.md'). Articles run on all cores; \
        the output is the same for any --jobs.

        Examples:
          actorgraph extract article.txt -o graph.json
          actorgraph extract a.md b.md --date 2023-01-12 > merged.json
          actorgraph extract article.txt --actors extra-actors.json
          actorgraph extract corpus/ archive.jsonl -o merged.json --per-article graphs/
          actorgraph extract --jsonl < corpus.jsonl > graphs.jsonl     (a mapper)
        """
    )

    @Argument(help: ArgumentHelp("Articles, HTML pages, JSON Lines corpora, folders or patterns; - reads standard input (JSON Lines with --jsonl, the default there).", valueName: "article"))
    var articles: [String] = []

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var corpus: CorpusOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file for the merged graph. Default: standard output (none with only --per-article).", valueName: "file"))
    var output: String?

    @Flag(help: "Print every edge with the sentences that state it, the cue, rule, modality, tense and speaker; the graph goes to -o only.")
    var explain = false

    func validate() throws {
        if articles.isEmpty, !corpus.jsonl { throw ValidationError("Missing expected argument '<article> ...'") }
        if corpus.jsonl, output != nil { throw ValidationError("--jsonl writes graph lines to standard output; it does not take -o") }
        if corpus.jsonl, explain { throw ValidationError("--explain quotes whole articles; it does not go with --jsonl") }
        if corpus.jsonl, !filters.keepsEverything {
            throw ValidationError("--jsonl writes every article's whole graph, so that merges stay exact; filter the merged graph instead")
        }
    }

    func run() throws {
        if explain { return try runExplained() }
        let sources = try CorpusSource.expand(articles.isEmpty ? ["-"] : articles, stdinIsJSONLines: corpus.jsonl)
        let inputs = InputFiles(sources.map(\.path) + [extraction.actors])
        try inputs.check(output: output)
        let mergedOutput: String?? = corpus.perArticle != nil && output == nil ? .none : .some(output)
        try CorpusExtraction(
            sources: sources, extractor: try extraction.makeExtractor(), date: extraction.date,
            options: corpus, mergedOutput: mergedOutput, filters: filters, inputs: inputs
        ).run()
    }

    /// `--explain` reads the articles whole, since it quotes their sentences.
    private func runExplained() throws {
        try InputFiles(articles + [extraction.actors]).check(output: output)
        let (loaded, failures) = try GraphInputs(extraction: extraction).loaded(articles, acceptGraphJSON: false)
        let graph = try filters.apply(to: GraphInputs.merged(loaded))
        try Explanation.print(graph, texts: loaded.texts)
        if let output { try OutputWriter.write(graph.jsonData(), to: output) }
        if !failures.isEmpty { throw CommandFailure.someFailed(failures, of: articles.count) }
    }
}
