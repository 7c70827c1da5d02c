import ActorGraph

/// Writes a graph as GraphML with typed attributes, for yEd, Gephi and networkx.
///
/// The graph is directed (`edgedefault="directed"`); symmetric relations keep their
/// canonical source and target and say `directed=false` in a boolean attribute, because
/// networkx refuses an undirected edge in a directed graph. Two kinds between one pair are
/// two parallel edges (networkx returns a `MultiDiGraph`).
///
/// ```swift
/// let graphml = GraphMLWriter().graphML(for: graph)
/// ```
/// ```python
/// g = networkx.read_graphml("graph.graphml")
/// g.nodes["JPN"]["kind"]   # 'state'
/// ```
public struct GraphMLWriter: Sendable {
    /// Creates a writer.
    public init() {}

    private struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
    }

    private static let keys: [Key] = [
        Key(id: "n_name", domain: "node", name: "name", type: "string"),
        Key(id: "n_kind", domain: "node", name: "kind", type: "string"),
        Key(id: "n_country", domain: "node", name: "country", type: "string"),
        Key(id: "n_mentions", domain: "node", name: "mentions", type: "int"),
        Key(id: "e_kind", domain: "edge", name: "kind", type: "string"),
        Key(id: "e_directed", domain: "edge", name: "directed", type: "boolean"),
        Key(id: "e_weight", domain: "edge", name: "weight", type: "int"),
        Key(id: "e_polarity", domain: "edge", name: "polarity", type: "string"),
        Key(id: "e_asserted", domain: "edge", name: "asserted", type: "int"),
        Key(id: "e_hypothetical", domain: "edge", name: "hypothetical", type: "int"),
        Key(id: "e_negated", domain: "edge", name: "negated", type: "int"),
        Key(id: "e_question", domain: "edge", name: "question", type: "int"),
        Key(id: "e_attributed", domain: "edge", name: "attributed", type: "int"),
        Key(id: "e_modalities", domain: "edge", name: "modalities", type: "string"),
        Key(id: "e_speakers", domain: "edge", name: "speakers", type: "string"),
        Key(id: "e_confidence", domain: "edge", name: "confidence", type: "double"),
        Key(id: "e_articles", domain: "edge", name: "articles", type: "string"),
    ]

    /// The GraphML document of `graph`, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph and its evidence.
    public func graphML(for graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for key in Self.keys {
            out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" attr.type=\"\(key.type)\"/>\n"
        }
        out += "  <graph id=\"actorgraph\" edgedefault=\"directed\">\n"
        for actor in graph.actors { out += node(actor) }
        for (index, relation) in graph.relations.enumerated() { out += edge(relation, index: index) }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private func node(_ actor: Actor) -> String {
        var out = "    <node id=\"\(escaped(actor.id))\">\n"
        out += data("n_name", actor.name)
        out += data("n_kind", actor.kind.rawValue)
        if let country = actor.country { out += data("n_country", country) }
        out += data("n_mentions", String(actor.mentions.count))
        return out + "    </node>\n"
    }

    private func edge(_ relation: Relation, index: Int) -> String {
        let mix = ModalityMix(relation)
        var out = "    <edge id=\"e\(index)\" source=\"\(escaped(relation.source))\" target=\"\(escaped(relation.target))\">\n"
        out += data("e_kind", relation.kind.rawValue)
        out += data("e_directed", relation.directed ? "true" : "false")
        out += data("e_weight", String(relation.weight))
        out += data("e_polarity", relation.kind.polarity.rawValue)
        out += data("e_asserted", String(mix.asserted))
        out += data("e_hypothetical", String(mix.hypothetical))
        out += data("e_negated", String(mix.negated))
        out += data("e_question", String(mix.question))
        out += data("e_attributed", String(mix.attributed))
        out += data("e_modalities", mix.summary)
        out += data("e_speakers", mix.speakers.joined(separator: ";"))
        out += data("e_confidence", String(relation.meanConfidence))
        out += data("e_articles", relation.articleIDs.joined(separator: ";"))
        return out + "    </edge>\n"
    }

    private func data(_ key: String, _ value: String) -> String {
        "      <data key=\"\(key)\">\(escaped(value))</data>\n"
    }

    private func escaped(_ text: String) -> String {
        XMLEscaping.escaped(text)
    }
}

extension Relation {
    /// The mean confidence of the evidence, rounded to three decimals so that exports are
    /// stable and readable.
    var meanConfidence: Double {
        guard !evidence.isEmpty else { return 0 }
        let mean = evidence.map(\.confidence).reduce(0, +) / Double(evidence.count)
        return (mean * 1000).rounded() / 1000
    }

    /// The ids of the articles stating the relation, sorted and unique.
    var articleIDs: [String] {
        Array(Set(evidence.map(\.article))).sorted()
    }
}
