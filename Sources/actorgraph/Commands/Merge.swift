import ArgumentParser

/// `actorgraph merge`: several graphs (or articles, or folders) in, one graph JSON out.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge graph JSON files, articles or folders of them into one graph JSON, keeping each piece of evidence's article.",
        discussion: """
        Merging is associative and commutative: the same inputs in any order or grouping \
        give identical bytes, so partial merges can be merged again.

        Examples:
          actorgraph merge g1.json g2.json g3.json -o merged.json
          actorgraph merge corpus/ --since 2023-01-01 -o since-january.json

        Exit status: 0 on success, 1 when some inputs failed (the rest is merged), 2 when \
        nothing could be read.
        """
    )

    @Argument(help: ArgumentHelp("Graph JSON files, articles (.txt, .md) or folders of them; - reads an article from standard input.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The output file. Default: standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let paths = try InputPaths.expand(inputs)
        let (graph, failures) = try GraphInputs(extraction: extraction).graph(of: paths, acceptGraphJSON: true)
        try OutputWriter.write(try filters.apply(to: graph).jsonData(), to: output)
        if failures > 0 { throw CommandFailure("some inputs failed", exitCode: 1) }
    }
}
