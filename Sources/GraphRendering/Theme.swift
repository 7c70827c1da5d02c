import ActorGraph

/// How each relation kind and actor kind looks: colour, line style, arrowheads, shapes.
///
/// The sign of an edge shows before its label is read: alliance, cooperation and support
/// are blues (alliance darkest and thickest), neutral kinds are grey or muted, and the
/// negative kinds run in a warm ramp from orange (dispute) to deep red (hostility, the
/// thickest). Symmetric kinds have no arrowheads. An edge the article does not assert in
/// its own voice is dashed and faded, and its label carries a `?` or the speaker.
public struct Theme: Sendable {
    /// The look of one relation kind.
    public struct EdgeStyle: Sendable, Equatable {
        /// Stroke and label colour, `#rrggbb`.
        public var color: String
        /// Graphviz line style: `solid`, `dotted` or `dashed`.
        public var style: String
        /// Graphviz arrowhead at the target; `none` for symmetric kinds.
        public var arrowhead: String
        /// Pen width of an edge stated once; more sentences widen it.
        public var baseWidth: Double
        /// A short line drawn in text for the legend, e.g. `───▶`.
        public var legendSample: String
    }

    /// The look of one actor kind.
    public struct NodeStyle: Sendable, Equatable {
        /// Graphviz shape.
        public var shape: String
        /// Graphviz style list, e.g. `filled,rounded`.
        public var style: String
        /// Fill colour, `#rrggbb`.
        public var fillColor: String
        /// Border and text colour, `#rrggbb`.
        public var borderColor: String
        /// Words for the legend ("state", "person").
        public var legendName: String
    }

    /// The font Graphviz measures labels with. DejaVu Sans ships with Debian's fontconfig,
    /// so label boxes fit their text; SVG names Verdana next, whose metrics are close.
    public var fontName = "DejaVu Sans"

    /// The font list written into SVG, for viewers that lack the measuring font.
    public var svgFontFamily = "DejaVu Sans,Verdana,Geneva,sans-serif"

    /// Opacity, as two hex digits, of an edge the article does not assert itself.
    public var hedgedOpacity = "a6"

    /// The default theme.
    public static let standard = Theme()

    /// Creates the default theme.
    public init() {}

    /// The look of a relation kind.
    public func edge(_ kind: RelationKind) -> EdgeStyle {
        switch kind {
        case .alliance: EdgeStyle(color: "#1b3f8b", style: "solid", arrowhead: "none", baseWidth: 3.4, legendSample: "━━━━")
        case .cooperation: EdgeStyle(color: "#4a8fd4", style: "solid", arrowhead: "none", baseWidth: 1.6, legendSample: "────")
        case .support: EdgeStyle(color: "#2a6fb0", style: "solid", arrowhead: "normal", baseWidth: 1.8, legendSample: "───▶")
        case .dependence: EdgeStyle(color: "#7a6aa8", style: "dotted", arrowhead: "empty", baseWidth: 1.8, legendSample: "┈┈┈▷")
        case .contact: EdgeStyle(color: "#8f969c", style: "solid", arrowhead: "none", baseWidth: 1.0, legendSample: "────")
        case .dispute: EdgeStyle(color: "#f0a030", style: "solid", arrowhead: "none", baseWidth: 1.8, legendSample: "────")
        case .criticism: EdgeStyle(color: "#e8692a", style: "solid", arrowhead: "vee", baseWidth: 1.8, legendSample: "───❯")
        case .threat: EdgeStyle(color: "#cf2a1d", style: "solid", arrowhead: "normal", baseWidth: 2.2, legendSample: "───▶")
        case .hostility: EdgeStyle(color: "#7a0a0a", style: "solid", arrowhead: "normal", baseWidth: 3.8, legendSample: "━━━▶")
        case .affiliation: EdgeStyle(color: "#a9adb2", style: "solid", arrowhead: "odot", baseWidth: 0.9, legendSample: "───○")
        }
    }

    /// The look of an actor kind.
    public func node(_ kind: ActorKind) -> NodeStyle {
        switch kind {
        case .state: NodeStyle(shape: "box", style: "filled,rounded", fillColor: "#dfe9f6", borderColor: "#1d3557", legendName: "state")
        case .person: NodeStyle(shape: "ellipse", style: "filled", fillColor: "#fcefd4", borderColor: "#7a4f00", legendName: "person")
        case .organisation: NodeStyle(shape: "hexagon", style: "filled", fillColor: "#e1f0e1", borderColor: "#2f6b35", legendName: "organisation")
        case .group: NodeStyle(shape: "octagon", style: "filled", fillColor: "#f0e2f2", borderColor: "#6b2f6b", legendName: "group")
        }
    }

    /// The pen width of an edge stated in `weight` sentences: wider with more evidence,
    /// at most two and a half times the kind's base so that thin kinds stay thinner than
    /// alliance and hostility.
    public func penWidth(_ kind: RelationKind, weight: Int) -> Double {
        let base = edge(kind).baseWidth
        let grown = base + 0.6 * Double(max(0, weight - 1))
        return min(grown, base * 2.5)
    }
}
