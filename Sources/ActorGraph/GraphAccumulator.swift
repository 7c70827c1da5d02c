/// Merges graphs one at a time into a growing result, for corpora too large to hold as a
/// list of graphs.
///
/// Adding graph after graph and taking ``graph()`` at the end gives exactly
/// ``Graph/merged(_:)`` of the same graphs, in any order: the rules for two records of
/// one article or one actor are order-independent, and the result is put into canonical
/// order once, at the end.
///
/// ```swift
/// var accumulator = GraphAccumulator()
/// for article in corpus { accumulator.add(extractor.extract(article)) }
/// let merged = accumulator.graph()
/// ```
///
/// A corpus's merge keeps every mention and every evidence item of every article, so they
/// are kept packed: the strings they repeat (article ids, mention texts, rule names,
/// speakers) once each in a table, offsets as 32-bit numbers. A mention takes 16 bytes
/// instead of 48, an evidence item 56 instead of 136; the full records are rebuilt one
/// actor or relation at a time as the result is taken or written.
public struct GraphAccumulator: Sendable {
    private var articles: [String: Article] = [:]
    private var actorSlots: [String: Int] = [:]
    private var actors: [ActorRecord] = []
    private var relationSlots: [RelationKey: Int] = [:]
    private var relations: [RelationRecord] = []
    private var strings = StringTable()
    /// Spans whose offsets do not fit the packed form.
    private var wideSpans: [Span] = []

    /// An actor without its mentions, and its mentions packed, in the order added.
    private struct ActorRecord: Sendable {
        var actor: Actor
        var mentions: [PackedMention]
    }

    private struct RelationRecord: Sendable {
        var key: RelationKey
        var evidence: [PackedEvidence]
    }

    /// An empty accumulator.
    public init() {}

    /// How many distinct actors the graphs added so far name.
    public var actorCount: Int { actorSlots.count }
    /// How many distinct relations the graphs added so far state.
    public var relationCount: Int { relationSlots.count }

    /// Merges `graph` into the result.
    ///
    /// - Complexity: O(n) expected in the size of `graph`, independent of what was added
    ///   before, so a corpus of n articles merges in O(total size).
    public mutating func add(_ graph: Graph) {
        for article in graph.articles {
            articles[article.id] = articles[article.id].map { Self.mergeArticle($0, article) } ?? article
        }
        for actor in graph.actors {
            let slot: Int
            if let existing = actorSlots[actor.id] {
                slot = existing
                actors[slot].actor.absorb(actor)
            } else {
                slot = actors.count
                actorSlots[actor.id] = slot
                var bare = actor
                bare.mentions = []
                actors.append(ActorRecord(actor: bare, mentions: []))
            }
            for mention in actor.mentions { actors[slot].mentions.append(pack(mention)) }
        }
        for relation in graph.relations {
            let key = relation.key
            let slot: Int
            if let existing = relationSlots[key] {
                slot = existing
            } else {
                slot = relations.count
                relationSlots[key] = slot
                relations.append(RelationRecord(key: key, evidence: []))
            }
            for item in relation.evidence { relations[slot].evidence.append(pack(item)) }
        }
    }

    /// The merged graph, in canonical order.
    ///
    /// - Complexity: O(n log n) in the size of the result.
    public func graph() -> Graph {
        Graph(
            articles: Array(articles.values), actors: actors.map { unpack($0) }, relations: relations.map { unpack($0) }
        )
    }

    /// The merged graph, leaving the accumulator empty: each actor's and relation's packed
    /// records go as its full ones are made, so the two forms never both exist whole.
    public mutating func takeGraph() -> Graph {
        var fullActors: [Actor] = []
        fullActors.reserveCapacity(actors.count)
        for slot in actors.indices {
            fullActors.append(unpack(actors[slot]))
            actors[slot].mentions = []
        }
        var fullRelations: [Relation] = []
        fullRelations.reserveCapacity(relations.count)
        for slot in relations.indices {
            fullRelations.append(unpack(relations[slot]))
            relations[slot].evidence = []
        }
        let collected = Array(articles.values)
        self = GraphAccumulator()
        return Graph(articles: collected, actors: fullActors, relations: fullRelations)
    }

    /// Writes the merged graph's JSON, byte for byte ``takeGraph()``'s
    /// ``Graph/writeJSONBytes(pieceSize:to:)``, leaving the accumulator empty.
    ///
    /// Only one actor's or one relation's full records exist at a time, so a corpus's
    /// merge is written out in little more memory than it was kept in.
    public mutating func writeJSONBytes(pieceSize: Int = 1 << 20, to write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var writer = JSONWriter(capacity: pieceSize + pieceSize / 4)
        writer.beginGraph()
        for article in articles.values.sorted(by: { $0.id < $1.id }) {
            Graph.write(article, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.beginActors()
        for slot in actors.indices.sorted(by: { actors[$0].actor.id < actors[$1].actor.id }) {
            var actor = unpack(actors[slot])
            actors[slot].mentions = []
            actor.mentions = Graph.canonical(actor.mentions)
            Graph.write(actor, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.beginRelations()
        for slot in relations.indices.sorted(by: { relations[$0].key < relations[$1].key }) {
            var relation = unpack(relations[slot])
            relations[slot].evidence = []
            relation.evidence = Graph.canonical(relation.evidence)
            Graph.write(relation, to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.endGraph()
        try writer.flush(write)
        self = GraphAccumulator()
    }

    private static func mergeArticle(_ a: Article, _ b: Article) -> Article {
        Article(id: a.id, title: preferred(a.title, b.title), date: preferred(a.date, b.date), source: preferred(a.source, b.source))
    }

    /// An order-independent choice between two optional strings: present beats absent,
    /// longer beats shorter, then the smaller string.
    static func preferred(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let x?, nil), (nil, let x?): return x
        case (let x?, let y?):
            if x.count != y.count { return x.count > y.count ? x : y }
            return min(x, y)
        }
    }
}

// MARK: - Packed records

/// A span in two 32-bit offsets, or, for offsets outside their range, a place in the
/// accumulator's list of wide spans (`start` is then `Int32.min`).
private struct PackedSpan: Sendable {
    var start: Int32
    var end: Int32
}

private struct PackedMention: Sendable {
    var article: Int32
    var span: PackedSpan
    var text: Int32
}

private struct PackedEvidence: Sendable {
    var confidence: Double
    var article: Int32
    var sentence: PackedSpan
    var source: PackedSpan
    var target: PackedSpan
    var cue: PackedSpan
    /// A string index, or -1 for the article's own voice.
    var attributedTo: Int32
    var rule: Int32
    var modality: Modality
    var tense: Tense
}

extension GraphAccumulator {
    private mutating func pack(_ span: Span) -> PackedSpan {
        if span.start > Int(Int32.min), span.start <= Int(Int32.max), let end = Int32(exactly: span.end) {
            return PackedSpan(start: Int32(span.start), end: end)
        }
        wideSpans.append(span)
        return PackedSpan(start: Int32.min, end: Int32(wideSpans.count - 1))
    }

    private func unpack(_ span: PackedSpan) -> Span {
        span.start == Int32.min ? wideSpans[Int(span.end)] : Span(start: Int(span.start), end: Int(span.end))
    }

    private mutating func pack(_ mention: Mention) -> PackedMention {
        PackedMention(article: strings.index(of: mention.article), span: pack(mention.span), text: strings.index(of: mention.text))
    }

    private mutating func pack(_ evidence: Evidence) -> PackedEvidence {
        PackedEvidence(
            confidence: evidence.confidence, article: strings.index(of: evidence.article),
            sentence: pack(evidence.sentence), source: pack(evidence.source), target: pack(evidence.target), cue: pack(evidence.cue),
            attributedTo: evidence.attributedTo.map { strings.index(of: $0) } ?? -1, rule: strings.index(of: evidence.rule),
            modality: evidence.modality, tense: evidence.tense
        )
    }

    private func unpack(_ record: ActorRecord) -> Actor {
        var actor = record.actor
        actor.mentions = record.mentions.map { mention in
            Mention(article: strings[mention.article], span: unpack(mention.span), text: strings[mention.text])
        }
        return actor
    }

    private func unpack(_ record: RelationRecord) -> Relation {
        let evidence = record.evidence.map { item in
            Evidence(
                article: strings[item.article], sentence: unpack(item.sentence), source: unpack(item.source), target: unpack(item.target),
                cue: unpack(item.cue), modality: item.modality, attributedTo: item.attributedTo < 0 ? nil : strings[item.attributedTo],
                tense: item.tense, rule: strings[item.rule], confidence: item.confidence
            )
        }
        // As it was added: a relation keeps its ends as they are, even out of canonical order.
        var relation = Relation(source: record.key.source, target: record.key.target, kind: record.key.kind, evidence: [])
        relation.source = record.key.source
        relation.target = record.key.target
        relation.evidence = evidence
        return relation
    }
}

private extension Actor {
    /// Takes in another record of the same actor: the preferred name and country, and the
    /// lower kind; the accumulator keeps the mentions.
    mutating func absorb(_ other: Actor) {
        name = GraphAccumulator.preferred(name, other.name) ?? name
        kind = min(kind, other.kind)
        country = GraphAccumulator.preferred(country, other.country)
    }
}
