import ActorGraph

/// What a drawing or report says about the graph as a whole: its title, its byline and a
/// one-sentence description for screen readers.
///
/// ```swift
/// let caption = GraphCaption(graph)
/// caption.title    // "Tokyo and Washington deepen their alliance…"
/// caption.byline   // "The Meridian Ledger · 2023-01-14"
/// ```
public struct GraphCaption: Sendable, Equatable {
    /// The article's title, its id when it has none, or a count of merged articles.
    public var title: String
    /// Source and date of one article, or the merged articles' titles.
    public var byline: String
    /// Counts of actors and relations and the kinds present, in words.
    public var description: String

    /// Describes `graph`.
    public init(_ graph: Graph) {
        switch graph.articles.count {
        case 0:
            title = "Actor graph"
            byline = ""
        case 1:
            let article = graph.articles[0]
            title = article.title ?? article.id
            byline = [article.source, article.date].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        default:
            title = "\(graph.articles.count) articles"
            byline = graph.articles.map { $0.title ?? $0.id }.joined(separator: " · ")
        }
        let kinds = Set(graph.relations.map(\.kind)).sorted().map(\.rawValue)
        let actorWord = graph.actors.count == 1 ? "actor" : "actors"
        let relationWord = graph.relations.count == 1 ? "relation" : "relations"
        description = "\(graph.actors.count) \(actorWord) and \(graph.relations.count) \(relationWord)"
            + (kinds.isEmpty ? "." : " (\(kinds.joined(separator: ", "))).")
    }
}
