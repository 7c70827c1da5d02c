/// A file format actorgraph writes.
public enum RenderFormat: String, Sendable, CaseIterable {
    case json, dot, svg, png, pdf

    /// The format an output path's extension names (`.gv` is DOT), if any.
    public init?(pathExtension: String) {
        let lowered = pathExtension.lowercased()
        if lowered == "gv" { self = .dot; return }
        self.init(rawValue: lowered)
    }

    /// Whether Graphviz lays the graph out to produce this format.
    public var needsLayout: Bool {
        switch self {
        case .svg, .png, .pdf: true
        case .json, .dot: false
        }
    }
}
