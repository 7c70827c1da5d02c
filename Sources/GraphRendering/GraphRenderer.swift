import ActorGraph
import Foundation

/// Renders a graph to any of actorgraph's formats.
///
/// Graphviz lays out SVG, PNG and PDF, in this process for an article's graph and in an
/// ``IsolatedRenderer`` (when one is given) for renders that could crash or run away:
/// large graphs, the `fdp` and `sfdp` engines (whose layouts change after a process's
/// first render), and every render of a batch when ``isolatesEveryRender`` is set. The
/// exports (JSON, DOT, GraphML, GEXF, Mermaid, CSV) are pure Swift.
///
/// ```swift
/// let svg = try GraphRenderer().render(graph, as: .svg)
/// try svg.write(to: URL(fileURLWithPath: "graph.svg"))
/// ```
public struct GraphRenderer: Sendable {
    /// Writes the DOT that Graphviz lays out; its texts feed the tooltips.
    public var dotWriter: DOTWriter
    /// The layout engine; `nil` picks one by graph size.
    public var engine: LayoutEngine?
    /// Whether SVG is made for inlining in HTML: no prolog or DOCTYPE, `width="100%"`.
    public var embedsSVG: Bool
    /// Where renders that could crash or hang run; `nil` renders everything in process.
    public var isolatedRenderer: IsolatedRenderer?
    /// Whether every layout goes to the isolated renderer (batches), not only risky ones.
    public var isolatesEveryRender: Bool

    /// Creates a renderer.
    public init(dotWriter: DOTWriter = DOTWriter(), engine: LayoutEngine? = nil, embedsSVG: Bool = false,
                isolatedRenderer: IsolatedRenderer? = nil, isolatesEveryRender: Bool = false) {
        self.dotWriter = dotWriter
        self.engine = engine
        self.embedsSVG = embedsSVG
        self.isolatedRenderer = isolatedRenderer
        self.isolatesEveryRender = isolatesEveryRender
    }

    /// The texts of the articles, quoted in tooltips and reports.
    public var texts: ArticleTexts {
        get { dotWriter.texts }
        set { dotWriter.texts = newValue }
    }

    /// The bytes of `graph` in `format`.
    ///
    /// - Throws: ``RenderError`` when Graphviz fails, crashes or passes the time limit;
    ///   the message names the graph.
    public func render(_ graph: Graph, as format: RenderFormat) throws -> Data {
        switch format {
        case .json: return graph.jsonData()
        case .dot: return Data(dotWriter.dot(for: graph).utf8)
        case .graphml: return Data(GraphMLWriter().graphML(for: graph).utf8)
        case .gexf: return Data(GEXFWriter().gexf(for: graph).utf8)
        case .mermaid: return Data(MermaidWriter(theme: dotWriter.theme).mermaid(for: graph).utf8)
        case .csv: return Data(CSVWriter().csv(for: graph).utf8)
        case .svg: return try svg(for: graph)
        case .png, .pdf: return try layout(graph, format: format.rawValue).data
        case .html: return try htmlReport(for: graph)
        }
    }

    /// The SVG of `graph`, with evidence in `<title>`s and, if ``embedsSVG``, fit for
    /// inlining.
    public func svg(for graph: Graph) throws -> Data {
        let (data, document) = try layout(graph, format: "svg")
        let processor = SVGPostProcessor(document: document, caption: GraphCaption(graph), theme: dotWriter.theme, embed: embedsSVG)
        return processor.process(data)
    }

    /// The engine used for `graph`: the chosen one, else the default for its size.
    public func engine(for graph: Graph) -> LayoutEngine {
        engine ?? .default(nodes: graph.actors.count, edges: graph.relations.count)
    }

    /// Whether `graph` is laid out in the isolated renderer.
    public func isolates(_ graph: Graph) -> Bool {
        guard isolatedRenderer != nil else { return false }
        let large = LayoutEngine.default(nodes: graph.actors.count, edges: graph.relations.count) != .dot
        return isolatesEveryRender || large || engine(for: graph).keepsStateBetweenRenders
    }

    /// How errors name a graph: its article ids.
    public static func name(of graph: Graph) -> String {
        switch graph.articles.count {
        case 0: "graph"
        case 1: graph.articles[0].id
        default: graph.articles.map(\.id).joined(separator: "+")
        }
    }

    /// The DOT that Graphviz lays out for a drawing of `graph`: the writer's without
    /// tooltips, since SVG carries the same text as `<title>`s.
    public func layoutDocument(for graph: Graph) -> DOTDocument {
        var writer = dotWriter
        writer.includesTooltips = false
        return writer.document(for: graph)
    }

    private func layout(_ graph: Graph, format: String) throws -> (data: Data, document: DOTDocument) {
        let document = layoutDocument(for: graph)
        let engine = engine(for: graph)
        if isolates(graph), let isolatedRenderer {
            let data = try isolatedRenderer.render(dot: document.text, format: format, engine: engine, graphName: Self.name(of: graph))
            return (data, document)
        }
        do {
            return (try GraphvizRenderer.shared.render(dot: document.text, format: format, engine: engine), document)
        } catch let error as RenderError {
            throw RenderError(description: "graph '\(Self.name(of: graph))': \(error.description)")
        }
    }

    private func htmlReport(for graph: Graph) throws -> Data {
        let section = ReportSection(name: Self.name(of: graph), graph: graph, texts: texts)
        let result = HTMLReportWriter(renderer: self).html(for: [section])
        if let failure = result.failures.first { throw RenderError(description: failure) }
        return Data(result.text.utf8)
    }
}
