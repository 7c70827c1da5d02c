import ActorGraph
import Foundation

/// Renders a graph to any of actorgraph's formats.
///
/// ```swift
/// let svg = try GraphRenderer().render(graph, as: .svg)
/// try svg.write(to: URL(fileURLWithPath: "graph.svg"))
/// ```
public struct GraphRenderer: Sendable {
    /// Writes the DOT that Graphviz lays out.
    public var dotWriter: DOTWriter
    /// The layout engine; `nil` picks one by graph size.
    public var engine: LayoutEngine?

    /// Creates a renderer.
    public init(dotWriter: DOTWriter = DOTWriter(), engine: LayoutEngine? = nil) {
        self.dotWriter = dotWriter
        self.engine = engine
    }

    /// The bytes of `graph` in `format`.
    ///
    /// - Throws: ``RenderError`` when Graphviz fails.
    public func render(_ graph: Graph, as format: RenderFormat) throws -> Data {
        switch format {
        case .json:
            return graph.jsonData()
        case .dot:
            return Data(dotWriter.dot(for: graph).utf8)
        case .svg, .png, .pdf:
            let engine = engine ?? .default(nodes: graph.actors.count, edges: graph.relations.count)
            return try GraphvizRenderer.shared.render(dot: dotWriter.dot(for: graph), format: format.rawValue, engine: engine)
        }
    }
}
