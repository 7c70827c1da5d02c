import ActorGraph

/// The key drawn at the top of every drawing: the title, the byline, and a sample of each
/// relation kind, line style and actor kind the graph uses.
///
/// It is a Graphviz HTML-like label on the root graph, so every engine places it and it
/// appears in SVG, PNG and PDF alike. Line samples are box-drawing characters in the
/// kind's colour, which DejaVu Sans carries.
///
/// ```swift
/// let label = Legend(theme: .standard).htmlLabel(for: graph)   // "<TABLE …>"
/// ```
public struct Legend: Sendable {
    /// The look the legend explains.
    public var theme: Theme
    /// Samples per row before the legend wraps.
    public var samplesPerRow = 7

    /// Creates a legend for a theme.
    public init(theme: Theme = .standard) {
        self.theme = theme
    }

    /// The legend entries `graph` needs, as Graphviz HTML-like table cells: first its
    /// relation kinds, then the hedged line style when some edge is hedged and its actor
    /// kinds.
    public func entries(for graph: Graph) -> [String] {
        let groups = entryGroups(for: graph)
        return groups.relations + groups.styles
    }

    private func entryGroups(for graph: Graph) -> (relations: [String], styles: [String]) {
        let relationKinds = Set(graph.relations.map(\.kind)).sorted()
        let hedged = graph.relations.contains { !ModalityMix($0).isAssertedByArticle }
        let actorKinds = Set(graph.actors.map(\.kind)).sorted()
        return (relationKinds.map(relationCell), (hedged ? [hedgedCell()] : []) + actorKinds.map(actorCell))
    }

    /// The whole header as one HTML-like label, `<…>` brackets included.
    public func htmlLabel(for graph: Graph) -> String {
        let caption = GraphCaption(graph)
        var rows = ["<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>\(Self.escaped(caption.title))</B></FONT></TD></TR>"]
        if !caption.byline.isEmpty {
            rows.append("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\" COLOR=\"#5f6368\">\(Self.escaped(caption.byline))</FONT></TD></TR>")
        }
        let groups = entryGroups(for: graph)
        for cells in [groups.relations, groups.styles] where !cells.isEmpty {
            rows.append("<TR><TD ALIGN=\"LEFT\">\(sampleTable(cells))</TD></TR>")
        }
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">\(rows.joined())</TABLE>>"
    }

    private func sampleTable(_ cells: [String]) -> String {
        // Rows of even length read better than a full row and a straggler.
        let rowCount = (cells.count + samplesPerRow - 1) / samplesPerRow
        let perRow = (cells.count + rowCount - 1) / max(1, rowCount)
        let rows = stride(from: 0, to: cells.count, by: max(1, perRow)).map { start in
            "<TR>" + cells[start..<min(start + perRow, cells.count)].joined() + "</TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"6\" CELLPADDING=\"3\">\(rows.joined())</TABLE>"
    }

    private func relationCell(_ kind: RelationKind) -> String {
        let style = theme.edge(kind)
        return "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\"><FONT COLOR=\"\(style.color)\">\(style.legendSample)</FONT>\u{00A0}\(kind.rawValue)</FONT></TD>"
    }

    private func hedgedCell() -> String {
        "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\"><FONT COLOR=\"#8f969c\">╌╌╌╌</FONT>\u{00A0}hedged (?) or reported</FONT></TD>"
    }

    private func actorCell(_ kind: ActorKind) -> String {
        let style = theme.node(kind)
        return "<TD ALIGN=\"CENTER\" BORDER=\"1\" COLOR=\"\(style.borderColor)\" BGCOLOR=\"\(style.fillColor)\"><FONT POINT-SIZE=\"10\">\(style.legendName)</FONT></TD>"
    }

    /// Text for an HTML-like label: markup characters as entities, control characters
    /// dropped, because Graphviz parses these labels as XML.
    static func escaped(_ text: String) -> String {
        XMLEscaping.escaped(text.collapsingWhiteSpace())
    }
}
