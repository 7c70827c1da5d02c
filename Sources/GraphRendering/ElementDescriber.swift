import ActorGraph

/// The hover text of nodes and edges: for an edge, every stating sentence with its cue,
/// modality and speaker; for a node, how the article names the actor and its relations.
///
/// Drawings carry it as tooltips (SVG `<title>`), so that hovering explains the edge.
struct ElementDescriber {
    let graph: Graph
    let texts: ArticleTexts
    /// Evidence items quoted per edge; the rest are counted.
    var quotedItems = 4

    private let namesByID: [String: String]
    /// The indices of each actor's relations, in the graph's order, so that describing
    /// every actor does not scan every relation once per actor.
    private let relationsByActor: [String: [Int]]

    init(graph: Graph, texts: ArticleTexts) {
        self.graph = graph
        self.texts = texts
        namesByID = Dictionary(graph.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var relationsByActor: [String: [Int]] = [:]
        for (index, relation) in graph.relations.enumerated() {
            relationsByActor[relation.source, default: []].append(index)
            if relation.target != relation.source { relationsByActor[relation.target, default: []].append(index) }
        }
        self.relationsByActor = relationsByActor
    }

    /// The display name of an actor id; the id itself for a speaker outside the graph.
    func name(of id: String) -> String {
        namesByID[id] ?? id
    }

    /// `Russia → Japan: threat, 2 sentences`, then one block per sentence.
    func title(of relation: Relation) -> String {
        let arrow = relation.directed ? "→" : "—"
        let count = relation.weight == 1 ? "1 sentence" : "\(relation.weight) sentences"
        var lines = ["\(name(of: relation.source)) \(arrow) \(name(of: relation.target)): \(relation.kind.rawValue), \(count)"]
        for item in relation.evidence.prefix(quotedItems) {
            lines.append(quote(item))
            lines.append("   " + circumstances(of: item))
        }
        if relation.evidence.count > quotedItems {
            lines.append("… and \(relation.evidence.count - quotedItems) more")
        }
        return lines.joined(separator: "\n")
    }

    /// `Japan — state (JPN)`, how it is named, and its relations.
    func title(of actor: Actor) -> String {
        var header = "\(actor.name) — \(actor.kind.rawValue) (\(actor.id))"
        if let country = actor.country, actor.kind != .state { header += ", \(name(of: country))" }
        var lines = [header]
        if !actor.mentions.isEmpty {
            lines.append("named \(actor.mentions.count) time\(actor.mentions.count == 1 ? "" : "s"): \(namings(of: actor))")
        }
        let relations = (relationsByActor[actor.id] ?? []).map { graph.relations[$0] }
        for relation in relations.prefix(8) {
            lines.append("• " + phrase(relation, from: actor.id))
        }
        if relations.count > 8 { lines.append("… and \(relations.count - 8) more relations") }
        return lines.joined(separator: "\n")
    }

    /// The stating sentence with its cue in brackets, or where it is when the text is unknown.
    func quote(_ item: Evidence) -> String {
        if let quote = texts.quote(of: item) { return "“\(quote.marked())”" }
        return "sentence at \(item.sentence.start)–\(item.sentence.end) of \(item.article) (text not loaded)"
    }

    /// `hypothetical · per Ingrid Vellacourt · present · rule noun-threat-to · confidence 0.7`
    func circumstances(of item: Evidence) -> String {
        let voice = item.attributedTo.map { "per \(name(of: $0))" } ?? "article's own voice"
        return [item.modality.rawValue, voice, item.tense.rawValue, "rule \(item.rule)", "confidence \(item.confidence)"]
            .joined(separator: " · ")
    }

    private func namings(of actor: Actor) -> String {
        var counts: [String: Int] = [:]
        for mention in actor.mentions { counts[mention.text, default: 0] += 1 }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let shown = ordered.prefix(5).map { $0.value > 1 ? "\($0.key) ×\($0.value)" : $0.key }
        return shown.joined(separator: ", ") + (ordered.count > 5 ? ", …" : "")
    }

    private func phrase(_ relation: Relation, from actorID: String) -> String {
        let kind = relation.kind.rawValue
        if !relation.directed {
            let other = relation.source == actorID ? relation.target : relation.source
            return "\(kind) with \(name(of: other))"
        }
        return relation.source == actorID ? "\(kind) → \(name(of: relation.target))" : "\(kind) ← \(name(of: relation.source))"
    }
}
