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
        var out = "digraph actorgraph {\n"
        out += graphAttributes(graph, prefix: prefix, small: small)
        out += "  node [fontname=\(quoted(theme.fontName)), fontsize=12, penwidth=1.4, margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\(quoted(theme.fontName)), fontsize=9, arrowsize=0.8];\n"
        for (index, actor) in graph.actors.enumerated() {
            let id = "\(prefix)_a\(index)"
            let title = describer.title(of: actor)
            titles[id] = title
            out += "  \(quotedID(actor.id)) [\(nodeAttributes(actor, id: id, title: title))];\n"
        }
        for (index, relation) in graph.relations.enumerated() {
            let id = "\(prefix)_r\(index)"
            let title = describer.title(of: relation)
            titles[id] = title
            let attributes = edgeAttributes(relation, id: id, title: title, labelled: labelsEdges ?? small, names: describer)
            out += "  \(quotedID(relation.source)) -> \(quotedID(relation.target)) [\(attributes)];\n"
        }
        out += "}\n"
        return DOTDocument(text: out, idPrefix: prefix, titles: titles)
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

    private func nodeAttributes(_ actor: Actor, id: String, title: String) -> String {
        let style = theme.node(actor.kind)
        var attributes = [
            "id=\(quoted(id))", "label=\(quotedText(Self.wrapped(actor.name)))", "shape=\(style.shape)",
            "style=\(quoted(style.style))", "fillcolor=\(quoted(style.fillColor))", "color=\(quoted(style.borderColor))",
            "fontsize=\(format(fontSize(mentions: actor.mentions.count)))",
            "class=\(quoted("actor \(actor.kind.rawValue)"))",
        ]
        if includesTooltips { attributes.append("tooltip=\(quotedText(title))") }
        return attributes.joined(separator: ", ")
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

    private func edgeAttributes(_ relation: Relation, id: String, title: String, labelled: Bool, names: ElementDescriber) -> String {
        let style = theme.edge(relation.kind)
        let mix = ModalityMix(relation)
        let firm = mix.isAssertedByArticle
        let color = firm ? style.color : style.color + theme.hedgedOpacity
        var attributes = [
            "id=\(quoted(id))",
            "color=\(quoted(color))",
            "penwidth=\(format(theme.penWidth(relation.kind, weight: relation.weight)))",
            "style=\(quoted(firm || style.style == "dotted" ? style.style : "dashed"))",
            "class=\(quoted("relation \(relation.kind.rawValue)\(firm ? "" : " hedged")"))",
        ]
        // An affiliation (person of a state, member of a body) is structure, not news: its
        // thin grey line and ring end say enough, and a label would only add clutter.
        if labelled && relation.kind != .affiliation {
            attributes += ["label=\(quotedText(label(for: relation, mix: mix, names: names)))", "fontcolor=\(quoted(style.color))"]
        }
        if includesTooltips { attributes.append("tooltip=\(quotedText(title))") }
        if relation.directed {
            attributes.append("arrowhead=\(style.arrowhead)")
        } else {
            attributes.append("dir=none")
        }
        return attributes.joined(separator: ", ")
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

    /// A DOT string for text that Graphviz shows (labels, tooltips). Graphviz reads entity
    /// references such as `&amp;` and `&#60;` in such text, so each `&` goes in as `&amp;`
    /// and a name that contains an entity reference is shown as written.
    func quotedText(_ text: String) -> String {
        quoted(text.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// A DOT string for a node name, one per actor id: ids that differ only in control
    /// characters stay apart, because each such character is written as `\xHH`, which
    /// no id can spell otherwise (an id's own backslashes are doubled).
    func quotedID(_ id: String) -> String {
        var out = "\""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += (hex.count < 2 ? "\\x0" : "\\x") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A DOT double-quoted string. Quotes and backslashes are escaped, line breaks become
    /// DOT's centred `\n`, other control characters are dropped.
    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
