import ActorGraph

/// Writes a graph's relations as a CSV edge list, one row per relation, for pandas and R.
///
/// Columns: `source,target,source_name,target_name,kind,directed,weight,asserted,`
/// `hypothetical,negated,question,attributed,modalities,speakers,confidence,articles`.
/// Fields are quoted as RFC 4180 says (quotes doubled) whenever they hold a comma, quote,
/// line break or surrounding space; values are otherwise written as they are, so names
/// read back intact.
///
/// ```swift
/// let csv = CSVWriter().csv(for: graph)
/// ```
/// ```python
/// pandas.read_csv("graph.csv").groupby("kind").weight.sum()
/// ```
public struct CSVWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The column names, in order.
    public static let columns = [
        "source", "target", "source_name", "target_name", "kind", "directed", "weight", "asserted",
        "hypothetical", "negated", "question", "attributed", "modalities", "speakers", "confidence", "articles",
    ]

    /// The CSV text of `graph`'s relations, header first, ending in a newline.
    ///
    /// - Complexity: O(n) in the size of the graph and its evidence.
    public func csv(for graph: Graph) -> String {
        let names = Dictionary(graph.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var out = Self.columns.joined(separator: ",") + "\n"
        for relation in graph.relations {
            let mix = ModalityMix(relation)
            let fields = [
                relation.source, relation.target, names[relation.source] ?? "", names[relation.target] ?? "",
                relation.kind.rawValue, relation.directed ? "true" : "false", String(relation.weight),
                String(mix.asserted), String(mix.hypothetical), String(mix.negated), String(mix.question),
                String(mix.attributed), mix.summary, mix.speakers.joined(separator: ";"),
                String(relation.meanConfidence), relation.articleIDs.joined(separator: ";"),
            ]
            out += fields.map(Self.field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// One field, quoted when it must be.
    static func field(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
