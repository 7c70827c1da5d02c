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
    /// The strings the records name (actors' ids, names and countries, rules), each record
    /// by its place here; a string may come more than once.
    package var strings: [String]
    /// The actors, in id order, without their mentions.
    package var actors: [Node]
    /// The mentions of all actors, each actor's after the one's before.
    package var mentions: [TextMention]
    /// The relations, in key order, without their evidence.
    package var relations: [Edge]
    /// The evidence of all relations, each relation's after the one's before.
    package var evidence: [Item]
    /// Whether the lists are in the order of the article's ``Graph``, each actor's mentions
    /// too, so that the graph's JSON can be written from them (``jsonData(compact:)``).
    package var isInGraphOrder = false

    // The records hold no strings, only places in `strings`: records with strings in them
    // were freed field by field, through the generic destroy of their lists, and each string
    // was counted in and out again; a list of a few dozen strings costs a fraction of that.
    // `Node` and `Edge` are two types, not one generic over its record: made in the
    // extracting module, a generic one looked up its type's metadata at every record,
    // 16K instructions an article.

    /// An actor without its mentions, and where its mentions end in ``mentions``.
    package struct Node: Sendable {
        package var id: Int32
        package var name: Int32
        /// -1: none.
        package var country: Int32
        package var kind: ActorKind
        package var mentionEnd: Int32

        package init(id: Int32, name: Int32, country: Int32, kind: ActorKind, mentionEnd: Int32) {
            self.id = id
            self.name = name
            self.country = country
            self.kind = kind
            self.mentionEnd = mentionEnd
        }
    }

    /// A relation, by the places of its ends' ids, and where its evidence ends in ``evidence``.
    package struct Edge: Sendable {
        package var source: Int32
        package var target: Int32
        package var kind: RelationKind
        package var evidenceEnd: Int32

        package init(source: Int32, target: Int32, kind: RelationKind, evidenceEnd: Int32) {
            self.source = source
            self.target = target
            self.kind = kind
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

    /// An item of evidence in the article: its speaker (-1: none) and rule by their places in
    /// ``strings``.
    package struct Item: Sendable {
        package var sentence, source, target, cue: Span
        package var confidence: Double
        package var speaker: Int32
        package var rule: Int32
        package var modality: Modality
        package var tense: Tense

        package init(sentence: Span, source: Span, target: Span, cue: Span, modality: Modality, speaker: Int32, tense: Tense, rule: Int32, confidence: Double) {
            self.sentence = sentence
            self.source = source
            self.target = target
            self.cue = cue
            self.confidence = confidence
            self.speaker = speaker
            self.rule = rule
            self.modality = modality
            self.tense = tense
        }
    }

    package init(article: Article, text: [UInt8], strings: [String], actors: [Node], mentions: [TextMention], relations: [Edge], evidence: [Item]) {
        self.article = article
        self.text = text
        self.strings = strings
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
        var strings = StringPlaces()
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
            actors.append(Node(
                id: strings.place(of: actor.id), name: strings.place(of: actor.name), country: actor.country.map { strings.place(of: $0) } ?? -1,
                kind: actor.kind, mentionEnd: Int32(mentions.count)
            ))
        }
        var evidence: [Item] = []
        var relations: [Edge] = []
        for relation in graph.relations {
            for item in relation.evidence {
                guard item.article == article.id else { return nil }
                evidence.append(Item(
                    sentence: item.sentence, source: item.source, target: item.target, cue: item.cue, modality: item.modality,
                    speaker: item.attributedTo.map { strings.place(of: $0) } ?? -1, tense: item.tense, rule: strings.place(of: item.rule),
                    confidence: item.confidence
                ))
            }
            relations.append(Edge(
                source: strings.place(of: relation.source), target: strings.place(of: relation.target), kind: relation.kind,
                evidenceEnd: Int32(evidence.count)
            ))
        }
        self.init(article: article, text: text, strings: strings.list, actors: actors, mentions: mentions, relations: relations, evidence: evidence)
    }

    /// The article's `Graph`: each actor with its mentions, each relation with its evidence.
    package var graph: Graph {
        var start = 0
        let graphActors = actors.map { node in
            let mentionList = mentions[start..<Int(node.mentionEnd)].map { mention in
                Mention(article: article.id, span: mention.span, text: String(decoding: text[Int(mention.text.lowerBound)..<Int(mention.text.upperBound)], as: UTF8.self))
            }
            start = Int(node.mentionEnd)
            return Actor(
                id: strings[Int(node.id)], name: strings[Int(node.name)], kind: node.kind,
                country: node.country < 0 ? nil : strings[Int(node.country)], mentions: mentionList
            )
        }
        start = 0
        let graphRelations = relations.map { edge in
            let items = evidence[start..<Int(edge.evidenceEnd)].map { item in
                Evidence(
                    article: article.id, sentence: item.sentence, source: item.source, target: item.target, cue: item.cue,
                    modality: item.modality, attributedTo: item.speaker < 0 ? nil : strings[Int(item.speaker)], tense: item.tense,
                    rule: strings[Int(item.rule)], confidence: item.confidence
                )
            }
            start = Int(edge.evidenceEnd)
            return Relation(canonicalSource: strings[Int(edge.source)], target: strings[Int(edge.target)], kind: edge.kind, evidence: items)
        }
        return Graph(articles: [article], actors: graphActors, relations: graphRelations)
    }
}

/// Strings listed once each, by their places in the list, as an extraction lists them: a
/// relation's ends and speaker at the place of the actor's id. Found by their bytes: a
/// `Dictionary` of `String`s would take one spelling for another `==` to it.
private struct StringPlaces {
    private(set) var list: [String] = []
    private var places: [[UInt8]: Int32] = [:]

    mutating func place(of string: String) -> Int32 {
        let bytes = Array(string.utf8)
        if let place = places[bytes] { return place }
        list.append(string)
        places[bytes] = Int32(list.count - 1)
        return Int32(list.count - 1)
    }
}
