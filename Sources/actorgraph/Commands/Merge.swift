import ArgumentParser

/// `actorgraph merge`: several graphs (or articles, or folders) in, one graph JSON out.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge graph JSON files, graph JSON lines, articles or folders of them into one graph JSON, keeping each piece of evidence's article.",
        discussion: """
        Merging is associative and commutative: the same inputs in any order or grouping \
        give identical bytes, so partial merges can be merged again. .jsonl inputs (and - \
        with --jsonl) hold one graph JSON per line, as `extract --jsonl` writes them.

        Examples:
          actorgraph merge g1.json g2.json g3.json -o merged.json
          actorgraph merge corpus/ --since 2023-01-01 -o since-january.json
          actorgraph extract --jsonl < part1.jsonl | actorgraph merge --jsonl > partial.jsonl
          actorgraph merge partial-*.jsonl -o merged.json

        Exit status: 0 on success, 1 when some inputs failed (the rest is merged), 2 when \
        nothing could be read.
        """
    )

    @Argument(help: ArgumentHelp("Graph JSON files, graph JSON lines (.jsonl), articles (.txt, .md) or folders of them; - reads an article from standard input (graph lines with --jsonl, the default there).", valueName: "input"))
    var inputs: [String] = []

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file. Default: standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Reduce mode: read graph JSON lines (standard input when no input is named) and write the merged graph as one line; no input, no output.")
    var jsonl = false

    func validate() throws {
        if inputs.isEmpty, !jsonl { throw ValidationError("Missing expected argument '<input> ...'") }
    }

    func run() throws {
        if jsonl || inputs.contains(where: { $0 != "-" && GraphLineMerge.isLines($0) }) {
            try mergeLines()
            return
        }
        let paths = try InputPaths.expand(inputs)
        try InputFiles(paths + [extraction.actors]).check(output: output)
        let (graph, failures) = try GraphInputs(extraction: extraction).graph(of: paths, acceptGraphJSON: true)
        try OutputWriter.write(try filters.apply(to: graph).jsonData(), to: output)
        if !failures.isEmpty { throw CommandFailure.someFailed(failures, of: paths.count) }
    }

    private func mergeLines() throws {
        var merge = GraphLineMerge(inputs: inputs.isEmpty ? ["-"] : inputs, extraction: extraction)
        try InputFiles(try merge.files() + [extraction.actors]).check(output: output)
        let (graph, failures) = try merge.merged()
        if let graph {
            let filtered = try filters.apply(to: graph)
            try OutputWriter.write(jsonl ? filtered.jsonLine() : filtered.jsonData(), to: output)
        } else if !jsonl || !failures.isEmpty {
            throw failures.isEmpty ? CommandFailure("no graph could be read") : .noneRead(failures)
        }
        if !failures.isEmpty { throw CommandFailure.someFailed(failures, of: merge.inputCount) }
    }
}
