import ActorGraph
import ArgumentParser
import Foundation
import GraphRendering

/// `actorgraph render`: a graph JSON file (or an article) in, a drawing or export out.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a graph JSON file (or an article) as a drawing (SVG, PNG, PDF), an export (DOT, GraphML, GEXF, Mermaid, CSV, JSON) or an HTML page.",
        discussion: """
        Examples:
          actorgraph render graph.json -o graph.svg
          actorgraph render graph.json --format dot
          actorgraph render graph.json -o graph.graphml       # yEd, Gephi, networkx
          actorgraph render graph.json --format svg --embed   # for inlining in HTML
          actorgraph render article.txt --engine neato -o graph.png
        """
    )

    @Argument(help: ArgumentHelp("A graph JSON file or an article; - reads an article from standard input.", valueName: "input"))
    var input: String

    @OptionGroup var extraction: ExtractionOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let format = try output.resolvedFormat(fallback: .svg)
        try InputFiles([input, extraction.actors]).check(output: output.output)
        let (inputs, _) = try GraphInputs(extraction: extraction).loaded([input], acceptGraphJSON: true)
        try RenderCommandSupport.write(try filters.apply(to: GraphInputs.merged(inputs)), format: format, output: output, texts: inputs.texts)
    }
}

/// Rendering shared by the commands that write drawings.
enum RenderCommandSupport {
    /// The name of the hidden subcommand that serves renders in a child process.
    static let workerCommand = "render-worker"

    static func write(_ graph: Graph, format: RenderFormat, output: OutputOptions, texts: ArticleTexts = ArticleTexts()) throws {
        var renderer = try makeRenderer(output: output)
        renderer.texts = texts
        let data: Data
        do {
            data = try renderer.render(graph, as: format)
        } catch let error as RenderError {
            throw CommandFailure("\(output.output ?? "standard output"): \(error.description)")
        }
        try OutputWriter.write(data, to: output.output)
    }

    /// A renderer with the user's engine and time limit, isolating risky renders in a
    /// worker process of this binary.
    static func makeRenderer(output: OutputOptions, isolatesEveryRender: Bool = false) throws -> GraphRenderer {
        GraphRenderer(
            engine: try output.resolvedEngine(), embedsSVG: output.embed,
            isolatedRenderer: isolatedRenderer(timeLimit: output.timeLimit), isolatesEveryRender: isolatesEveryRender
        )
    }

    /// A worker of this very binary, found through `/proc/self/exe` where there is one
    /// (argv[0] may be a bare name found on PATH).
    static func isolatedRenderer(timeLimit: Double) -> IsolatedRenderer? {
        let candidates = ["/proc/self/exe", Bundle.main.executablePath].compactMap { $0 }
        for candidate in candidates {
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            if FileManager.default.isExecutableFile(atPath: resolved) {
                return IsolatedRenderer(executable: resolved, arguments: [workerCommand], timeLimit: timeLimit)
            }
        }
        return nil
    }
}
