import ActorGraph

/// Writes a graph as Graphviz DOT text, in pure Swift.
///
/// The output uses only attributes known to be safe with Graphviz 2.42 (no
/// `concentrate`), escapes every string, and is deterministic.
///
/// ```swift
/// let dot = DOTWriter().dot(for: graph)
/// ```
public struct DOTWriter: Sendable {
    /// The look of nodes and edges.
    public var theme: Theme

    /// Creates a writer with a theme.
    public init(theme: Theme = .standard) {
        self.theme = theme
    }

    /// The DOT text of `graph`, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph.
    public func dot(for graph: Graph) -> String {
        var out = "digraph actorgraph {\n"
        out += "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\(quoted(theme.fontName)), fontsize=16, labelloc=t, "
        out += "label=\(quoted(title(of: graph))), pad=0.3, nodesep=0.45, ranksep=0.9, bgcolor=\"white\"];\n"
        out += "  node [fontname=\(quoted(theme.fontName)), fontsize=12, style=\"filled\", penwidth=1.2];\n"
        out += "  edge [fontname=\(quoted(theme.fontName)), fontsize=9];\n"
        for actor in graph.actors {
            let style = theme.node(actor.kind)
            out += "  \(quoted(actor.id)) [label=\(quoted(actor.name)), shape=\(style.shape), "
            out += "fillcolor=\(quoted(style.fillColor)), color=\(quoted(style.borderColor)), "
            out += "class=\(quoted("actor \(actor.kind.rawValue)")), tooltip=\(quoted(tooltip(for: actor)))];\n"
        }
        for relation in graph.relations {
            out += "  \(quoted(relation.source)) -> \(quoted(relation.target)) [\(edgeAttributes(relation))];\n"
        }
        out += "}\n"
        return out
    }

    private func edgeAttributes(_ relation: Relation) -> String {
        let style = theme.edge(relation.kind)
        let asserted = relation.evidence.contains { $0.modality == .asserted && $0.attributedTo == nil }
        let width = style.baseWidth + min(2.0, Double(relation.weight - 1) * 0.5)
        var attributes = [
            "label=\(quoted(label(for: relation)))",
            "color=\(quoted(style.color))",
            "fontcolor=\(quoted(style.color))",
            "penwidth=\(format(width))",
            "style=\(quoted(asserted ? style.style : "dashed"))",
            "class=\(quoted("relation \(relation.kind.rawValue)\(asserted ? "" : " hedged")"))",
            "tooltip=\(quoted(tooltip(for: relation)))",
        ]
        if relation.directed {
            attributes.append("arrowhead=\(style.arrowhead)")
        } else {
            attributes.append("dir=none")
        }
        return attributes.joined(separator: ", ")
    }

    private func label(for relation: Relation) -> String {
        let hedged = relation.evidence.allSatisfy { $0.modality != .asserted || $0.attributedTo != nil }
        var text = relation.kind.rawValue
        if relation.evidence.allSatisfy({ $0.modality == .negated }) { text = "not " + text } else if hedged { text += "?" }
        if relation.weight > 1 { text += " ×\(relation.weight)" }
        return text
    }

    private func title(of graph: Graph) -> String {
        guard graph.articles.count == 1, let article = graph.articles.first else {
            return graph.articles.isEmpty ? "actorgraph" : "\(graph.articles.count) articles"
        }
        let byline = [article.source, article.date].compactMap { $0 }.joined(separator: " · ")
        return [article.title ?? article.id, byline].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private func tooltip(for actor: Actor) -> String {
        let count = actor.mentions.count
        return "\(actor.name) (\(actor.kind.rawValue)\(actor.country.map { ", \($0)" } ?? "")): \(count) mention\(count == 1 ? "" : "s")"
    }

    private func tooltip(for relation: Relation) -> String {
        let lines = relation.evidence.prefix(5).map { item in
            let voice = item.attributedTo.map { "according to \($0)" } ?? "article's voice"
            return "\(item.modality.rawValue), \(item.tense.rawValue), \(voice) [\(item.rule)]"
        }
        let more = relation.evidence.count > 5 ? ["… \(relation.evidence.count - 5) more"] : []
        return (["\(relation.source) \(relation.kind.rawValue) \(relation.target)"] + lines + more).joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
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
