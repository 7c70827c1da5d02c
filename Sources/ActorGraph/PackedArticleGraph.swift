/// One article's graph as a corpus run hands it from the extracting thread to the merge:
/// the same records as the article's ``Graph``, in a handful of flat lists.
///
/// A `Graph` gives each actor its own list of mentions, each mention its own text, and each
/// relation its own list of evidence: some forty lists and strings for a news article, each
/// made on the extracting thread and freed there again once merged, where a
/// ``GraphAccumulator`` keeps none of them. Here the mentions and the evidence of all
/// actors and relations lie end to end, and a mention's text is a stretch of the article's
/// bytes, which the graph holds anyway.
///
/// ``GraphAccumulator/add(_:)-(PackedArticleGraph)`` merges it exactly as it merges the
/// article's `Graph`.
package struct PackedArticleGraph: Sendable {
    package var article: Article
    /// The article's text in UTF-8, which ``TextMention/text`` ranges point into.
    package var text: [UInt8]
    /// The actors, in id order, without their mentions.
    package var actors: [Node]
    /// The mentions of all actors, each actor's after the one's before.
    package var mentions: [TextMention]
    /// The relations, in key order, without their evidence.
    package var relations: [Edge]
    /// The evidence of all relations, each relation's after the one's before.
    package var evidence: [Evidence]

    // `Node` and `Edge` are two types, not one generic over its record: made in the
    // extracting module, a generic one looked up its type's metadata at every record,
    // 16K instructions an article.

    /// An actor, with an empty list of mentions, and where its mentions end in ``mentions``.
    package struct Node: Sendable {
        package var actor: Actor
        package var mentionEnd: Int

        package init(actor: Actor, mentionEnd: Int) {
            self.actor = actor
            self.mentionEnd = mentionEnd
        }
    }

    /// A relation, with an empty list of evidence, and where its evidence ends in ``evidence``.
    package struct Edge: Sendable {
        package var relation: Relation
        package var evidenceEnd: Int

        package init(relation: Relation, evidenceEnd: Int) {
            self.relation = relation
            self.evidenceEnd = evidenceEnd
        }
    }

    /// A mention whose text is the bytes `text` of the article's text.
    package struct TextMention: Sendable {
        package var span: Span
        package var text: Range<Int32>

        package init(span: Span, text: Range<Int32>) {
            self.span = span
            self.text = text
        }
    }

    package init(article: Article, text: [UInt8], actors: [Node], mentions: [TextMention], relations: [Edge], evidence: [Evidence]) {
        self.article = article
        self.text = text
        self.actors = actors
        self.mentions = mentions
        self.relations = relations
        self.evidence = evidence
    }

    /// The packed form of the graph of one article, `nil` for a graph of none or several,
    /// or one whose records name another article: the mentions' texts are written end to
    /// end as the article's text.
    package init?(_ graph: Graph) {
        guard graph.articles.count == 1, let article = graph.articles.first else { return nil }
        var text: [UInt8] = []
        var mentions: [TextMention] = []
        var actors: [Node] = []
        for actor in graph.actors {
            for mention in actor.mentions {
                guard mention.article == article.id else { return nil }
                let start = Int32(text.count)
                text += mention.text.utf8
                mentions.append(TextMention(span: mention.span, text: start..<Int32(text.count)))
            }
            var bare = actor
            bare.mentions = []
            actors.append(Node(actor: bare, mentionEnd: mentions.count))
        }
        var evidence: [Evidence] = []
        var relations: [Edge] = []
        for relation in graph.relations {
            guard relation.evidence.allSatisfy({ $0.article == article.id }) else { return nil }
            evidence += relation.evidence
            var bare = relation
            bare.evidence = []
            relations.append(Edge(relation: bare, evidenceEnd: evidence.count))
        }
        self.init(article: article, text: text, actors: actors, mentions: mentions, relations: relations, evidence: evidence)
    }

    /// The article's `Graph`: each actor with its mentions, each relation with its evidence.
    package var graph: Graph {
        var start = 0
        let graphActors = actors.map { node in
            var actor = node.actor
            actor.mentions = mentions[start..<node.mentionEnd].map { mention in
                Mention(article: article.id, span: mention.span, text: String(decoding: text[Int(mention.text.lowerBound)..<Int(mention.text.upperBound)], as: UTF8.self))
            }
            start = node.mentionEnd
            return actor
        }
        start = 0
        let graphRelations = relations.map { edge in
            var relation = edge.relation
            relation.evidence = Array(evidence[start..<edge.evidenceEnd])
            start = edge.evidenceEnd
            return relation
        }
        return Graph(articles: [article], actors: graphActors, relations: graphRelations)
    }
}
