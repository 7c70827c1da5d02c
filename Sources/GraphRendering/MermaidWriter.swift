import ActorGraph

/// Writes a graph as a Mermaid flowchart, which GitHub and many Markdown tools draw.
///
/// Nodes get neutral ids (`a0`, `a1`, …) and quoted labels in which every character that
/// Mermaid or HTML could read as syntax is an entity code (`#34;`), so any name passes
/// intact and inert. Line styles follow the theme: `linkStyle` per edge, `classDef` per
/// actor kind.
///
/// ```swift
/// let mermaid = MermaidWriter().mermaid(for: graph)   // "flowchart LR\n  a0(\"Japan\")…"
/// ```
public struct MermaidWriter: Sendable {
    /// The colours and line styles to use.
    public var theme: Theme

    /// Creates a writer.
    public init(theme: Theme = .standard) {
        self.theme = theme
    }

    /// The Mermaid text of `graph`, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph.
    public func mermaid(for graph: Graph) -> String {
        var ids: [String: String] = [:]
        var out = "%% \(Self.escaped(GraphCaption(graph).title))\nflowchart LR\n"
        for (index, actor) in graph.actors.enumerated() {
            ids[actor.id] = "a\(index)"
            out += "  a\(index)\(shaped(Self.escaped(actor.name), actor.kind))\n"
        }
        var styles: [String] = []
        for (index, relation) in graph.relations.enumerated() {
            guard let source = ids[relation.source], let target = ids[relation.target] else { continue }
            let mix = ModalityMix(relation)
            out += "  \(source) \(arrow(relation, mix: mix))|\(Self.escaped(label(relation, mix: mix)))| \(target)\n"
            styles.append("  linkStyle \(index) \(linkStyle(relation, mix: mix))")
        }
        out += styles.map { $0 + "\n" }.joined()
        for kind in ActorKind.allCases {
            let style = theme.node(kind)
            out += "  classDef \(kind.rawValue)Actor fill:\(style.fillColor),stroke:\(style.borderColor),color:#202124\n"
        }
        for kind in ActorKind.allCases {
            let members = graph.actors.filter { $0.kind == kind }.compactMap { ids[$0.id] }
            if !members.isEmpty { out += "  class \(members.joined(separator: ",")) \(kind.rawValue)Actor\n" }
        }
        return out
    }

    private func shaped(_ label: String, _ kind: ActorKind) -> String {
        switch kind {
        case .state: "(\"\(label)\")"
        case .person: "([\"\(label)\"])"
        case .organisation: "{{\"\(label)\"}}"
        case .group: "[[\"\(label)\"]]"
        }
    }

    private func arrow(_ relation: Relation, mix: ModalityMix) -> String {
        let hedged = !mix.isAssertedByArticle || theme.edge(relation.kind).style == "dotted"
        let thick = theme.edge(relation.kind).baseWidth >= 3
        switch (hedged, thick, relation.directed) {
        case (true, _, true): return "-.->"
        case (true, _, false): return "-.-"
        case (false, true, true): return "==>"
        case (false, true, false): return "==="
        case (false, false, true): return "-->"
        case (false, false, false): return "---"
        }
    }

    private func label(_ relation: Relation, mix: ModalityMix) -> String {
        var text = mix.isDenied ? "not \(relation.kind.rawValue)" : relation.kind.rawValue
        if !mix.isDenied && !mix.isAssertedByArticle { text += "?" }
        if relation.weight > 1 { text += " ×\(relation.weight)" }
        return text
    }

    private func linkStyle(_ relation: Relation, mix: ModalityMix) -> String {
        let style = theme.edge(relation.kind)
        var parts = ["stroke:\(style.color)", "stroke-width:\(theme.penWidth(relation.kind, weight: relation.weight))px"]
        if !mix.isAssertedByArticle { parts += ["stroke-dasharray:6 4", "stroke-opacity:0.6"] }
        return parts.joined(separator: ",")
    }

    /// Letters, digits, spaces and harmless punctuation pass; everything else becomes a
    /// Mermaid entity code (`#34;`), which Mermaid turns back into the character as text.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.collapsingWhiteSpace().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-'?".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar.value >= 0x20 {
                out += "#\(scalar.value);"
            }
        }
        return out
    }
}
