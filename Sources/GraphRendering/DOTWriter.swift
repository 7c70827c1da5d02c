import ActorGraph

/// DOT text together with what SVG post-processing needs to know about it.
public struct DOTDocument: Sendable, Equatable {
    /// The DOT text, ending in a newline.
    public var text: String
    /// The graph's `id`, which Graphviz puts in front of its automatic SVG ids and which
    /// starts every id the writer assigns.
    public var idPrefix: String
    /// The hover text of each node and edge, by the SVG id the writer gave it; SVG output
    /// carries it as the element's `<title>`.
    public var titles: [String: String]
}

/// Writes a graph as Graphviz DOT text, in pure Swift.
///
/// The output uses only attributes known to be safe with Graphviz 2.42 (no
/// `concentrate`), escapes every string, and is deterministic. Every node and edge gets
/// an explicit id that starts with the graph's id prefix, so that two drawings inlined in
/// one page never share an id.
///
/// ```swift
/// let dot = DOTWriter().dot(for: graph)
/// ```
public struct DOTWriter: Sendable {
    /// The look of nodes and edges.
    public var theme: Theme
    /// The texts of the articles, so that tooltips can quote the stating sentences.
    public var texts: ArticleTexts
    /// The prefix of every id; `nil` derives one from the graph's content.
    public var idPrefix: String?
    /// Whether nodes and edges carry `tooltip` attributes. SVG output carries the same
    /// text as `<title>` elements instead, so the renderer turns these off.
    public var includesTooltips: Bool
    /// Whether edges carry labels; `nil` labels them while the graph is small enough for
    /// the layered engine, because thousands of labels only hide the lines.
    public var labelsEdges: Bool?

    /// Creates a writer.
    public init(theme: Theme = .standard, texts: ArticleTexts = ArticleTexts(), idPrefix: String? = nil,
                includesTooltips: Bool = true, labelsEdges: Bool? = nil) {
        self.theme = theme
        self.texts = texts
        self.idPrefix = idPrefix
        self.includesTooltips = includesTooltips
        self.labelsEdges = labelsEdges
    }

    /// The DOT text of `graph`, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph.
    public func dot(for graph: Graph) -> String {
        document(for: graph).text
    }

    /// The DOT text of `graph` with its id prefix and the hover text of every element.
    ///
    /// - Complexity: O(n) in the size of the graph and its evidence.
    public func document(for graph: Graph) -> DOTDocument {
        let prefix = idPrefix ?? GraphFingerprint.idPrefix(for: graph)
        let small = LayoutEngine.default(nodes: graph.actors.count, edges: graph.relations.count) == .dot
        let describer = ElementDescriber(graph: graph, texts: texts)
        var titles: [String: String] = [:]
        titles.reserveCapacity(graph.actors.count + graph.relations.count)
        var out = DOTText(capacity: 4096 + 200 * graph.actors.count + 250 * graph.relations.count)
        out.append("digraph actorgraph {\n")
        out.append(graphAttributes(graph, prefix: prefix, small: small))
        out.append("  node [fontname=\(quoted(theme.fontName)), fontsize=12, penwidth=1.4, margin=\"0.12,0.06\"];\n")
        out.append("  edge [fontname=\(quoted(theme.fontName)), fontsize=9, arrowsize=0.8];\n")
        for (index, actor) in graph.actors.enumerated() {
            let id = "\(prefix)_a\(index)"
            let title = describer.title(of: actor)
            titles[id] = title
            writeNode(actor, id: id, title: title, to: &out)
        }
        for (index, relation) in graph.relations.enumerated() {
            let id = "\(prefix)_r\(index)"
            let title = describer.title(of: relation)
            titles[id] = title
            writeEdge(relation, id: id, title: title, labelled: labelsEdges ?? small, names: describer, to: &out)
        }
        out.append("}\n")
        return DOTDocument(text: out.text, idPrefix: prefix, titles: titles)
    }

    private func graphAttributes(_ graph: Graph, prefix: String, small: Bool) -> String {
        var attributes = [
            "id=\(quoted(prefix))", "charset=\"UTF-8\"", "rankdir=LR", "fontname=\(quoted(theme.fontName))",
            "labelloc=t", "labeljust=l", "label=\(Legend(theme: theme).htmlLabel(for: graph))",
            "pad=0.3", "nodesep=0.45", "ranksep=0.9", "bgcolor=\"white\"", "outputorder=edgesfirst",
        ]
        if small { attributes.append("overlap=false") }
        return "  graph [\(attributes.joined(separator: ", "))];\n"
    }

    /// `  "JPN" [id=…, label=…, …];` and a line break.
    private func writeNode(_ actor: Actor, id: String, title: String, to out: inout DOTText) {
        let style = theme.node(actor.kind)
        out.append("  ")
        out.appendQuotedID(actor.id)
        out.append(" [id=")
        out.appendQuoted(id)
        out.appendAttribute("label")
        out.appendQuotedText(Self.wrapped(actor.name))
        out.appendAttribute("shape")
        out.append(style.shape)
        out.appendAttribute("style", quoted: style.style)
        out.appendAttribute("fillcolor", quoted: style.fillColor)
        out.appendAttribute("color", quoted: style.borderColor)
        out.appendAttribute("fontsize")
        out.append(format(fontSize(mentions: actor.mentions.count)))
        out.appendAttribute("class", quoted: "actor \(actor.kind.rawValue)")
        if includesTooltips {
            out.appendAttribute("tooltip")
            out.appendQuotedText(title)
        }
        out.append("];\n")
    }

    /// Actors named often are drawn a little larger, so the article's protagonists stand out.
    private func fontSize(mentions: Int) -> Double {
        switch mentions {
        case ..<3: 12
        case 3..<8: 13
        case 8..<16: 14
        default: 15
        }
    }

    /// `  "RUS" -> "JPN" [id=…, color=…, …];` and a line break.
    private func writeEdge(_ relation: Relation, id: String, title: String, labelled: Bool, names: ElementDescriber, to out: inout DOTText) {
        let style = theme.edge(relation.kind)
        let mix = ModalityMix(relation)
        let firm = mix.isAssertedByArticle
        out.append("  ")
        out.appendQuotedID(relation.source)
        out.append(" -> ")
        out.appendQuotedID(relation.target)
        out.append(" [id=")
        out.appendQuoted(id)
        out.appendAttribute("color", quoted: firm ? style.color : style.color + theme.hedgedOpacity)
        out.appendAttribute("penwidth")
        out.append(format(theme.penWidth(relation.kind, weight: relation.weight)))
        out.appendAttribute("style", quoted: firm || style.style == "dotted" ? style.style : "dashed")
        out.appendAttribute("class", quoted: "relation \(relation.kind.rawValue)\(firm ? "" : " hedged")")
        // An affiliation (person of a state, member of a body) is structure, not news: its
        // thin grey line and ring end say enough, and a label would only add clutter.
        if labelled && relation.kind != .affiliation {
            out.appendAttribute("label")
            out.appendQuotedText(label(for: relation, mix: mix, names: names))
            out.appendAttribute("fontcolor", quoted: style.color)
        }
        if includesTooltips {
            out.appendAttribute("tooltip")
            out.appendQuotedText(title)
        }
        if relation.directed {
            out.appendAttribute("arrowhead")
            out.append(style.arrowhead)
        } else {
            out.append(", dir=none")
        }
        out.append("];\n")
    }

    /// The kind's name (the word `--kinds` takes), `?` when only hedged, `not` when
    /// denied, `×n` for n sentences, and the speaker when only reported.
    private func label(for relation: Relation, mix: ModalityMix, names: ElementDescriber) -> String {
        var text = relation.kind.rawValue
        if mix.isDenied {
            text = "not " + text
        } else if !mix.isAssertedByArticle && (mix.hypothetical + mix.question > 0 || mix.asserted == 0) {
            text += "?"
        }
        if relation.weight > 1 { text += " ×\(relation.weight)" }
        if !mix.isAssertedByArticle, let first = mix.speakers.first {
            let others = mix.speakers.count > 1 ? " +\(mix.speakers.count - 1)" : ""
            text += "\nper \(names.name(of: first))\(others)"
        }
        return text
    }

    private func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }

    /// Long names break at a space near the middle, so boxes stay compact.
    static func wrapped(_ name: String, width: Int = 22) -> String {
        guard name.count > width, !name.contains("\n") else { return name }
        let characters = Array(name)
        let middle = characters.count / 2
        let spaces = characters.indices.filter { characters[$0] == " " }
        guard let split = spaces.min(by: { abs($0 - middle) < abs($1 - middle) }) else { return name }
        return String(characters[..<split]) + "\n" + String(characters[(split + 1)...])
    }

    /// A DOT string for text that Graphviz shows (labels, tooltips): each `&` goes in as
    /// `&amp;` (``DOTText/appendQuotedText(_:)``).
    func quotedText(_ text: String) -> String {
        var out = DOTText()
        out.appendQuotedText(text)
        return out.text
    }

    /// A DOT string for a node name, one per actor id (``DOTText/appendQuotedID(_:)``).
    func quotedID(_ id: String) -> String {
        var out = DOTText()
        out.appendQuotedID(id)
        return out.text
    }

    /// A DOT double-quoted string (``DOTText/appendQuoted(_:)``).
    func quoted(_ text: String) -> String {
        var out = DOTText()
        out.appendQuoted(text)
        return out.text
    }
}
