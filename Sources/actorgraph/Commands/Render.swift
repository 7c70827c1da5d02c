import ActorGraph
import ArgumentParser
import Foundation
import GraphRendering

/// `actorgraph render`: a graph JSON file (or an article) in, a drawing or export out.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a graph JSON file (or an article) as SVG, PNG, PDF, DOT or JSON.",
        discussion: """
        Examples:
          actorgraph render graph.json -o graph.svg
          actorgraph render graph.json --format dot
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
        let (graph, _) = try GraphInputs(extraction: extraction).graph(of: [input], acceptGraphJSON: true)
        try RenderCommandSupport.write(try filters.apply(to: graph), format: format, output: output)
    }
}

/// Rendering shared by the commands that write drawings.
enum RenderCommandSupport {
    static func write(_ graph: Graph, format: RenderFormat, output: OutputOptions) throws {
        let renderer = GraphRenderer(engine: try output.resolvedEngine())
        let data: Data
        do {
            data = try renderer.render(graph, as: format)
        } catch let error as RenderError {
            throw CommandFailure("\(output.output ?? "standard output"): \(error.description)")
        }
        try OutputWriter.write(data, to: output.output)
    }
}
