/// A file format actorgraph writes.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// The native graph JSON (schema v1).
    case json
    /// Graphviz DOT, with the theme's styles and tooltips.
    case dot
    /// SVG laid out by Graphviz, with evidence in each element's `<title>`.
    case svg
    /// PNG laid out by Graphviz.
    case png
    /// PDF laid out by Graphviz.
    case pdf
    /// GraphML with typed attributes (yEd, Gephi, networkx).
    case graphml
    /// GEXF 1.2 (Gephi, networkx).
    case gexf
    /// A Mermaid flowchart (GitHub, Markdown tools).
    case mermaid
    /// A CSV edge list for pandas and R.
    case csv
    /// A self-contained HTML report of the graph: drawing and evidence table.
    case html

    /// The format an output path's extension names, if any: the raw values, and `.gv`
    /// (DOT), `.mmd` (Mermaid), `.htm` (HTML).
    public init?(pathExtension: String) {
        let lowered = pathExtension.lowercased()
        switch lowered {
        case "gv": self = .dot
        case "mmd": self = .mermaid
        case "htm": self = .html
        default: self.init(rawValue: lowered)
        }
    }

    /// Whether Graphviz lays the graph out to produce this format.
    public var needsLayout: Bool {
        switch self {
        case .svg, .png, .pdf, .html: true
        case .json, .dot, .graphml, .gexf, .mermaid, .csv: false
        }
    }

    /// Whether the bytes are text (UTF-8) rather than binary.
    public var isText: Bool {
        switch self {
        case .png, .pdf: false
        default: true
        }
    }

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .mermaid: "mmd"
        default: rawValue
        }
    }
}
