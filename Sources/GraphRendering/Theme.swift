import ActorGraph

/// How each relation kind and actor kind looks: colour, line style, arrowheads, shapes.
///
/// Positive kinds are blue-green, neutral ones grey, negative ones run from orange to
/// deep red, so a reader sees the sign of an edge before reading its label.
public struct Theme: Sendable {
    /// The look of one relation kind.
    public struct EdgeStyle: Sendable {
        public var color: String
        public var style: String
        public var arrowhead: String
        public var baseWidth: Double
    }

    /// The look of one actor kind.
    public struct NodeStyle: Sendable {
        public var shape: String
        public var fillColor: String
        public var borderColor: String
    }

    /// The font Graphviz measures labels with; DejaVu Sans ships with Debian's fontconfig.
    public var fontName = "DejaVu Sans"

    /// The default theme.
    public static let standard = Theme()

    /// The look of a relation kind.
    public func edge(_ kind: RelationKind) -> EdgeStyle {
        switch kind {
        case .alliance: EdgeStyle(color: "#1f5fa8", style: "solid", arrowhead: "none", baseWidth: 3.0)
        case .cooperation: EdgeStyle(color: "#3b8fd0", style: "solid", arrowhead: "none", baseWidth: 1.6)
        case .support: EdgeStyle(color: "#2a9d8f", style: "solid", arrowhead: "normal", baseWidth: 1.6)
        case .dependence: EdgeStyle(color: "#6c757d", style: "dotted", arrowhead: "empty", baseWidth: 1.6)
        case .contact: EdgeStyle(color: "#9aa0a6", style: "solid", arrowhead: "none", baseWidth: 1.0)
        case .dispute: EdgeStyle(color: "#f4a259", style: "solid", arrowhead: "none", baseWidth: 1.6)
        case .criticism: EdgeStyle(color: "#ee7b30", style: "solid", arrowhead: "vee", baseWidth: 1.4)
        case .threat: EdgeStyle(color: "#d9402b", style: "solid", arrowhead: "normal", baseWidth: 1.8)
        case .hostility: EdgeStyle(color: "#8b0f0f", style: "solid", arrowhead: "normal", baseWidth: 3.0)
        case .affiliation: EdgeStyle(color: "#b0b0b0", style: "solid", arrowhead: "odot", baseWidth: 0.8)
        }
    }

    /// The look of an actor kind.
    public func node(_ kind: ActorKind) -> NodeStyle {
        switch kind {
        case .state: NodeStyle(shape: "box", fillColor: "#e8f0fb", borderColor: "#1f3b5c")
        case .person: NodeStyle(shape: "ellipse", fillColor: "#fdf3e1", borderColor: "#7a5a1e")
        case .organisation: NodeStyle(shape: "hexagon", fillColor: "#eaf5ea", borderColor: "#2f6b35")
        case .group: NodeStyle(shape: "octagon", fillColor: "#f4e8f4", borderColor: "#6b2f6b")
        }
    }
}
