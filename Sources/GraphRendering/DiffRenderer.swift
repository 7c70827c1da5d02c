import ActorGraph
import Foundation

/// A format `actorgraph diff` writes.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, dot, svg, png, pdf

    /// The format an output path's extension names (`.txt` is text, `.gv` is DOT), if any.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt": self = .text
        case "gv": self = .dot
        case let other: self.init(rawValue: other)
        }
    }
}

/// Renders a diff to any of its formats; the drawings go through Graphviz like any graph.
///
/// ```swift
/// let svg = try DiffRenderer().render(tokyo.diff(to: moscow), as: .svg)
/// ```
public struct DiffRenderer: Sendable {
    /// Writes the overlay graph.
    public var dotWriter: DiffDOTWriter
    /// Writes the text summary.
    public var textWriter: DiffTextWriter
    /// The layout engine; `nil` picks one by the overlay's size.
    public var engine: LayoutEngine?

    /// Creates a renderer.
    public init(dotWriter: DiffDOTWriter = DiffDOTWriter(), textWriter: DiffTextWriter = DiffTextWriter(), engine: LayoutEngine? = nil) {
        self.dotWriter = dotWriter
        self.textWriter = textWriter
        self.engine = engine
    }

    /// The bytes of `diff` in `format`.
    ///
    /// - Throws: ``RenderError`` when Graphviz fails.
    public func render(_ diff: GraphDiff, as format: DiffFormat) throws -> Data {
        switch format {
        case .text:
            return Data(textWriter.text(for: diff).utf8)
        case .json:
            return Data(diff.jsonString().utf8)
        case .dot:
            return Data(dotWriter.dot(for: diff).utf8)
        case .svg, .png, .pdf:
            let engine = engine ?? .default(nodes: diff.actors.count + 1, edges: diff.relations.count)
            return try GraphvizRenderer.shared.render(dot: dotWriter.dot(for: diff), format: format.rawValue, engine: engine)
        }
    }
}
