import ActorGraph

/// Writes a graph as GEXF 1.2, for Gephi and networkx.
///
/// Like ``GraphMLWriter``, every edge is directed in the file and symmetric relations say
/// so in a `directed` attribute, because networkx rejects mixed graphs. The relation kind
/// is each edge's `label` and an attribute, so Gephi can colour or filter by it.
///
/// ```swift
/// let gexf = GEXFWriter().gexf(for: graph)
/// ```
/// ```python
/// g = networkx.read_gexf("graph.gexf")
/// ```
public struct GEXFWriter: Sendable {
    /// Creates a writer.
    public init() {}

    private static let nodeAttributes: [(id: String, title: String, type: String)] = [
        ("0", "kind", "string"), ("1", "country", "string"), ("2", "mentions", "integer"),
    ]
    private static let edgeAttributes: [(id: String, title: String, type: String)] = [
        ("0", "kind", "string"), ("1", "directed", "boolean"), ("2", "polarity", "string"),
        ("3", "modalities", "string"), ("4", "attributed", "integer"), ("5", "speakers", "string"),
        ("6", "confidence", "double"), ("7", "articles", "string"),
    ]

    /// The GEXF document of `graph`, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph and its evidence.
    public func gexf(for graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
        out += "  <meta>\n    <creator>actorgraph</creator>\n"
        out += "    <description>\(escaped(GraphCaption(graph).title))</description>\n  </meta>\n"
        out += "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
        out += attributeDeclarations("node", Self.nodeAttributes)
        out += attributeDeclarations("edge", Self.edgeAttributes)
        out += "    <nodes>\n"
        for actor in graph.actors { out += node(actor) }
        out += "    </nodes>\n    <edges>\n"
        for (index, relation) in graph.relations.enumerated() { out += edge(relation, index: index) }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    private func attributeDeclarations(_ domain: String, _ attributes: [(id: String, title: String, type: String)]) -> String {
        var out = "    <attributes class=\"\(domain)\">\n"
        for attribute in attributes {
            out += "      <attribute id=\"\(attribute.id)\" title=\"\(attribute.title)\" type=\"\(attribute.type)\"/>\n"
        }
        return out + "    </attributes>\n"
    }

    private func node(_ actor: Actor) -> String {
        var values = [("0", actor.kind.rawValue)]
        if let country = actor.country { values.append(("1", country)) }
        values.append(("2", String(actor.mentions.count)))
        return "      <node id=\"\(escaped(actor.id))\" label=\"\(escaped(actor.name))\">\n"
            + attributeValues(values) + "      </node>\n"
    }

    private func edge(_ relation: Relation, index: Int) -> String {
        let mix = ModalityMix(relation)
        let values = [
            ("0", relation.kind.rawValue), ("1", relation.directed ? "true" : "false"),
            ("2", relation.kind.polarity.rawValue), ("3", mix.summary), ("4", String(mix.attributed)),
            ("5", mix.speakers.joined(separator: ";")), ("6", String(relation.meanConfidence)),
            ("7", relation.articleIDs.joined(separator: ";")),
        ]
        return "      <edge id=\"\(index)\" source=\"\(escaped(relation.source))\" target=\"\(escaped(relation.target))\" "
            + "label=\"\(relation.kind.rawValue)\" weight=\"\(relation.weight)\">\n"
            + attributeValues(values) + "      </edge>\n"
    }

    private func attributeValues(_ values: [(String, String)]) -> String {
        var out = "        <attvalues>\n"
        for (id, value) in values {
            out += "          <attvalue for=\"\(id)\" value=\"\(escaped(value))\"/>\n"
        }
        return out + "        </attvalues>\n"
    }

    private func escaped(_ text: String) -> String {
        XMLEscaping.escaped(text)
    }
}
