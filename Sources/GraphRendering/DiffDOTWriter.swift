import ActorGraph

/// Writes a diff as one overlay graph in DOT: every actor and relation of either side,
/// relations both sides state the same way in grey, those only side A states in red
/// (dashed), those only side B states in green, those both state differently in orange,
/// with a legend that names A and B.
///
/// Actors keep their theme's shapes; an actor only one side names has that side's
/// colour for its border and label. Output is deterministic.
///
/// ```swift
/// let dot = DiffDOTWriter().dot(for: tokyo.diff(to: moscow))
/// ```
public struct DiffDOTWriter: Sendable {
    /// The colours of the four kinds of difference.
    public struct Palette: Sendable {
        /// Relations both sides state the same way: grey, so the differences stand out.
        public var unchanged = "#9e9e9e"
        /// Only in A: red.
        public var removed = "#d62728"
        /// Only in B: green.
        public var added = "#2ca02c"
        /// Stated differently: orange.
        public var changed = "#f28e2b"

        /// The default colours.
        public init() {}

        /// The colour of a relation or actor with `status`.
        public func color(_ status: RelationStatus) -> String {
            switch status {
            case .unchanged: unchanged
            case .removed: removed
            case .added: added
            case .changed: changed
            }
        }
    }

    /// Shapes of actors and arrowheads of relation kinds.
    public var theme: Theme
    /// Colours of the differences.
    public var palette: Palette

    /// Creates a writer.
    public init(theme: Theme = .standard, palette: Palette = Palette()) {
        self.theme = theme
        self.palette = palette
    }

    /// The DOT text of the overlay, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the diff.
    public func dot(for diff: GraphDiff) -> String {
        let escaper = DOTWriter(theme: theme)
        var out = "digraph actorgraph_diff {\n"
        out += "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\(escaper.quoted(theme.fontName)), fontsize=16, labelloc=t, "
        out += "label=\(escaper.quotedText(title(of: diff))), pad=0.3, nodesep=0.45, ranksep=0.9, bgcolor=\"white\"];\n"
        out += "  node [fontname=\(escaper.quoted(theme.fontName)), fontsize=12, style=\"filled\", penwidth=1.2];\n"
        out += "  edge [fontname=\(escaper.quoted(theme.fontName)), fontsize=9];\n"
        out += legend(for: diff)
        for comparison in diff.actors {
            out += "  \(escaper.quotedID(comparison.id)) [\(nodeAttributes(comparison, escaper: escaper))];\n"
        }
        for comparison in diff.relations {
            let key = comparison.key
            out += "  \(escaper.quotedID(key.source)) -> \(escaper.quotedID(key.target)) [\(edgeAttributes(comparison, escaper: escaper))];\n"
        }
        out += "}\n"
        return out
    }

    private func title(of diff: GraphDiff) -> String {
        "\(diff.a.displayName)  vs  \(diff.b.displayName)\nsimilarity \(DiffScore.format(diff.similarity))"
    }

    private func nodeAttributes(_ comparison: ActorComparison, escaper: DOTWriter) -> String {
        guard let actor = comparison.b ?? comparison.a else { return "" }
        let style = theme.node(actor.kind)
        let status = comparison.status
        let mark = status == .shared ? "" : (status == .added ? "\n(only in B)" : "\n(only in A)")
        let border = status == .shared ? style.borderColor : palette.color(status == .added ? .added : .removed)
        var attributes = [
            "label=\(escaper.quotedText(actor.name + mark))",
            "shape=\(style.shape)",
            "fillcolor=\(escaper.quoted(style.fillColor))",
            "color=\(escaper.quoted(border))",
            "class=\(escaper.quoted("actor \(actor.kind.rawValue) \(status.rawValue)"))",
            "tooltip=\(escaper.quotedText("\(actor.name) (\(actor.id), \(actor.kind.rawValue)): \(describe(status))"))",
        ]
        if status != .shared {
            attributes += ["fontcolor=\(escaper.quoted(border))", "penwidth=2.4"]
        }
        if status == .removed { attributes.append("style=\"filled,dashed\"") }
        return attributes.joined(separator: ", ")
    }

    private func edgeAttributes(_ comparison: RelationComparison, escaper: DOTWriter) -> String {
        let status = comparison.status
        let color = palette.color(status)
        let kind = comparison.key.kind
        var attributes = [
            "label=\(escaper.quotedText(DiffWording.label(comparison)))",
            "color=\(escaper.quoted(color))",
            "fontcolor=\(escaper.quoted(color))",
            "penwidth=\(status == .unchanged ? "1.2" : "2.4")",
            "style=\(escaper.quoted(status == .removed ? "dashed" : "solid"))",
            "class=\(escaper.quoted("relation \(kind.rawValue) \(status.rawValue)"))",
            "tooltip=\(escaper.quotedText(DiffWording.tooltip(comparison)))",
        ]
        attributes.append(kind.isDirected ? "arrowhead=\(theme.edge(kind).arrowhead)" : "dir=none")
        return attributes.joined(separator: ", ")
    }

    private func describe(_ status: DiffStatus) -> String {
        switch status {
        case .shared: "in both"
        case .added: "only in B"
        case .removed: "only in A"
        }
    }

    /// A table naming A and B and the colour of each kind of difference. It is an
    /// HTML-like label, the one way Graphviz colours parts of a label differently.
    private func legend(for diff: GraphDiff) -> String {
        let rows: [(String, String, String)] = [
            ("A", diff.a.displayName, "#333333"),
            ("B", diff.b.displayName, "#333333"),
            ("━━", "in both, stated the same way", palette.unchanged),
            ("╍╍", "only in A", palette.removed),
            ("━━", "only in B", palette.added),
            ("━━", "in both, stated differently", palette.changed),
        ]
        var table = "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">"
        for (mark, text, color) in rows {
            table += "<tr><td align=\"left\"><font color=\"\(color)\"><b>\(XMLEscaping.escaped(mark))</b></font></td>"
            table += "<td align=\"left\"><font color=\"\(color)\">\(XMLEscaping.escaped(text))</font></td></tr>"
        }
        table += "</table>"
        return "  \"actorgraph:legend\" [id=\"legend\", shape=box, style=\"rounded\", color=\"#cccccc\", fontsize=10, class=\"legend\", label=<\(table)>];\n"
    }
}
