import ActorGraph
import Foundation

/// One input of a report: its graph and, where known, its article's text.
///
/// ```swift
/// let section = ReportSection(name: "summit.md", graph: graph, texts: texts)
/// ```
public struct ReportSection: Sendable {
    /// How the report and its errors name the input (a file name or article id).
    public var name: String
    /// The input's graph.
    public var graph: Graph
    /// The article texts, for quoting sentences; may be empty for graph JSON inputs.
    public var texts: ArticleTexts

    /// Creates a section.
    public init(name: String, graph: Graph, texts: ArticleTexts = ArticleTexts()) {
        self.name = name
        self.graph = graph
        self.texts = texts
    }

    /// One row per evidence item, relations in canonical order.
    func evidenceRows() -> [EvidenceRow] {
        let describer = ElementDescriber(graph: graph, texts: texts)
        return graph.relations.flatMap { relation in
            relation.evidence.map { item in
                EvidenceRow(
                    relation: relation, evidence: item, quote: texts.quote(of: item),
                    sourceName: describer.name(of: relation.source), targetName: describer.name(of: relation.target),
                    speaker: item.attributedTo.map(describer.name(of:))
                )
            }
        }
    }
}

/// One line of a report's evidence table.
struct EvidenceRow {
    let relation: Relation
    let evidence: Evidence
    /// The sentence split at its cue; `nil` when the article's text is not at hand.
    let quote: EvidenceQuote?
    let sourceName: String
    let targetName: String
    /// The display name of whoever the sentence reports; `nil` for the article's voice.
    let speaker: String?

    /// `Russia → Japan` or `Japan — United States`.
    var pair: String {
        "\(sourceName) \(relation.directed ? "→" : "—") \(targetName)"
    }

    /// Where the sentence is, for inputs whose text is not at hand.
    var location: String {
        "sentence at \(evidence.sentence.start)–\(evidence.sentence.end) of \(evidence.article)"
    }
}

/// What one graph has that another lacks, relation by relation and actor by actor.
///
/// A report shows it for the first input against each other input. It compares keys
/// (source, target, kind) only; it stands in until the model's own diff arrives.
struct ReportComparison {
    let first: ReportSection
    let other: ReportSection
    /// Relations only the first graph states.
    let onlyFirst: [Relation]
    /// Relations only the other graph states.
    let onlyOther: [Relation]
    /// Relations both graphs state.
    let shared: [Relation]
    /// Actors only the first graph names.
    let actorsOnlyFirst: [Actor]
    /// Actors only the other graph names.
    let actorsOnlyOther: [Actor]

    /// - Complexity: O(n log n) in the sizes of both graphs.
    init(_ first: ReportSection, _ other: ReportSection) {
        self.first = first
        self.other = other
        let firstKeys = Set(first.graph.relations.map(\.key))
        let otherKeys = Set(other.graph.relations.map(\.key))
        onlyFirst = first.graph.relations.filter { !otherKeys.contains($0.key) }
        onlyOther = other.graph.relations.filter { !firstKeys.contains($0.key) }
        shared = first.graph.relations.filter { otherKeys.contains($0.key) }
        let firstActors = Set(first.graph.actors.map(\.id))
        let otherActors = Set(other.graph.actors.map(\.id))
        actorsOnlyFirst = first.graph.actors.filter { !otherActors.contains($0.id) }
        actorsOnlyOther = other.graph.actors.filter { !firstActors.contains($0.id) }
    }

    /// Display name of an actor id in either graph.
    func name(of id: String) -> String {
        first.graph.actor(id: id)?.name ?? other.graph.actor(id: id)?.name ?? id
    }

    /// `Russia → Japan: threat`
    func phrase(_ relation: Relation) -> String {
        "\(name(of: relation.source)) \(relation.directed ? "→" : "—") \(name(of: relation.target)): \(relation.kind.rawValue)"
    }
}

/// What a report writer produced.
public struct ReportOutput: Sendable {
    /// The report itself (HTML or Markdown).
    public var text: String
    /// Files that go beside the report (the Markdown report's SVGs).
    public var attachments: [ReportAttachment]
    /// One line per input whose drawing failed; the report says so in its place.
    public var failures: [String]
}

/// A file that goes beside a report, named relative to it.
public struct ReportAttachment: Sendable, Equatable {
    /// The file name, without folders.
    public var name: String
    /// The file's bytes.
    public var data: Data
}
