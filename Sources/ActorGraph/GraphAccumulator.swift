import Foundation

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
    /// Actor slots by the table index of an id's exact bytes (-1: not looked up yet), and
    /// relation slots by the indices of its ends: looking strings up in the table costs a
    /// fraction of hashing them for a `Dictionary`. Ids are still matched with `==` (as the
    /// dictionaries above do) the first time their bytes come.
    private var actorSlotsByIndex: [Int32] = []
    /// Relations by the table indices of their ends, and each one's slot by its position there.
    private var relationEdges = EdgeIndex()
    private var relationSlotsByEdge: [Int32] = []
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
        for article in graph.articles { add(article) }
        // Records are read in place through pointers: a `for` loop over the arrays copies
        // each actor, mention and evidence item, retaining and releasing all its strings,
        // and so does a record read through a buffer and handed to a method that changes
        // the accumulator, which might share its memory for all the compiler knows.
        graph.actors.withUnsafeBufferPointer { actors in
            for actor in actors.indices { add(actors.baseAddress! + actor) }
        }
        graph.relations.withUnsafeBufferPointer { relations in
            for relation in relations.indices { add(relations.baseAddress! + relation) }
        }
    }

    /// Merges one article's graph, handed over packed, exactly as its ``Graph`` would be
    /// merged (``PackedArticleGraph/graph``): the same records, from flat lists.
    package mutating func add(_ graph: PackedArticleGraph) {
        add(graph.article)
        let article = strings.index(of: graph.article.id)
        graph.strings.withUnsafeBufferPointer { names in
            // Each string's index in the table, looked up when a record first needs it (-1: not yet).
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: names.count) { indices in
                indices.initialize(repeating: -1)
                var table = PackedStrings(names: names, indices: indices)
                addActors(of: graph, article: article, &table)
                addRelations(of: graph, article: article, &table)
            }
        }
    }

    /// A packed graph's strings, and their indices in the accumulator's table.
    private struct PackedStrings {
        let names: UnsafeBufferPointer<String>
        let indices: UnsafeMutableBufferPointer<Int32>

        @inline(__always)
        func name(_ place: Int32) -> UnsafePointer<String> { names.baseAddress! + Int(place) }

        @inline(__always)
        mutating func index(_ place: Int32, in strings: inout StringTable) -> Int32 {
            let known = indices[Int(place)]
            if known >= 0 { return known }
            let index = strings.index(of: names[Int(place)])
            indices[Int(place)] = index
            return index
        }
    }

    /// A packed graph's actors and their mentions, read in place through pointers, as in
    /// `add(_: Graph)`.
    private mutating func addActors(of graph: PackedArticleGraph, article: Int32, _ table: inout PackedStrings) {
        graph.text.withUnsafeBufferPointer { text in
            graph.mentions.withUnsafeBufferPointer { mentions in
                graph.actors.withUnsafeBufferPointer { nodes in
                    var start = 0
                    for node in nodes {
                        let end = Int(node.mentionEnd)
                        let slot = actorSlot(for: node, &table)
                        add(UnsafeBufferPointer(rebasing: mentions[start..<end]), toActorAt: slot, article: article, text: text)
                        start = end
                    }
                }
            }
        }
    }

    private mutating func addRelations(of graph: PackedArticleGraph, article: Int32, _ table: inout PackedStrings) {
        graph.evidence.withUnsafeBufferPointer { evidence in
            graph.relations.withUnsafeBufferPointer { edges in
                var start = 0
                for edge in edges {
                    let end = Int(edge.evidenceEnd)
                    let slot = relationSlot(for: edge, &table)
                    add(UnsafeBufferPointer(rebasing: evidence[start..<end]), toRelationAt: slot, article: article, &table)
                    start = end
                }
            }
        }
    }

    private mutating func add(_ article: Article) {
        articles[article.id] = articles[article.id].map { Self.mergeArticle($0, article) } ?? article
    }

    /// Mentions of the actor at `slot`, whose texts are stretches of `text`.
    private mutating func add(
        _ added: UnsafeBufferPointer<PackedArticleGraph.TextMention>, toActorAt slot: Int, article: Int32, text: UnsafeBufferPointer<UInt8>
    ) {
        var mentions: [PackedMention] = []
        swap(&mentions, &actors[slot].mentions)
        for mention in added {
            let bytes = UnsafeBufferPointer(rebasing: text[Int(mention.text.lowerBound)..<Int(mention.text.upperBound)])
            mentions.append(PackedMention(article: article, span: pack(mention.span), text: strings.index(ofText: bytes)))
        }
        swap(&mentions, &actors[slot].mentions)
    }

    /// Evidence of the relation at `slot`, said in `article`.
    private mutating func add(
        _ added: UnsafeBufferPointer<PackedArticleGraph.Item>, toRelationAt slot: Int, article: Int32, _ table: inout PackedStrings
    ) {
        var evidence: [PackedEvidence] = []
        swap(&evidence, &relations[slot].evidence)
        for item in added {
            evidence.append(PackedEvidence(
                confidence: item.confidence, article: article, sentence: pack(item.sentence), source: pack(item.source),
                target: pack(item.target), cue: pack(item.cue), attributedTo: item.speaker < 0 ? -1 : table.index(item.speaker, in: &strings),
                rule: table.index(item.rule, in: &strings), modality: item.modality, tense: item.tense
            ))
        }
        swap(&evidence, &relations[slot].evidence)
    }

    private mutating func add(_ actor: UnsafePointer<Actor>) {
        let slot = actorSlot(for: actor)
        // Appended to a list taken out of its record, so that each append does not check
        // again that the records and the list are not shared.
        var mentions: [PackedMention] = []
        swap(&mentions, &actors[slot].mentions)
        actor.pointee.mentions.withUnsafeBufferPointer { added in
            for mention in added.indices { mentions.append(pack(added[mention])) }
        }
        swap(&mentions, &actors[slot].mentions)
    }

    private mutating func add(_ relation: UnsafePointer<Relation>) {
        relation.pointee.evidence.withUnsafeBufferPointer { add(relation, evidence: $0) }
    }

    /// A relation's record, with `added` for its evidence.
    private mutating func add(_ relation: UnsafePointer<Relation>, evidence added: UnsafeBufferPointer<Evidence>) {
        let slot = relationSlot(for: relation)
        var evidence: [PackedEvidence] = []
        swap(&evidence, &relations[slot].evidence)
        for item in added.indices { evidence.append(pack(added.baseAddress! + item)) }
        swap(&evidence, &relations[slot].evidence)
    }

    /// The record of `actor`'s id, made (without mentions) or merged with `actor`.
    private mutating func actorSlot(for actor: UnsafePointer<Actor>) -> Int {
        actorSlot(index: Int(strings.index(of: actor.pointee.id)), id: actor.pointee.id, absorb: { $0.absorb(actor) }) {
            var bare = actor.pointee
            bare.mentions = []
            return bare
        }
    }

    /// The record of a packed actor's id, made (without mentions) or merged with it.
    private mutating func actorSlot(for node: PackedArticleGraph.Node, _ table: inout PackedStrings) -> Int {
        let id = table.name(node.id), name = table.name(node.name)
        let country = node.country < 0 ? nil : table.name(node.country)
        return actorSlot(index: Int(table.index(node.id, in: &strings)), id: id.pointee, absorb: { $0.absorb(name: name, kind: node.kind, country: country) }) {
            Actor(id: id.pointee, name: name.pointee, kind: node.kind, country: country?.pointee)
        }
    }

    /// The record of the actor whose id is `id`, at `index` in the table, merged by `absorb`
    /// or else made by `make`. Ids are matched with `==`, as a `Dictionary` matches them,
    /// the first time their bytes come.
    @inline(__always)
    private mutating func actorSlot(index: Int, id: String, absorb: (inout Actor) -> Void, make: () -> Actor) -> Int {
        if index < actorSlotsByIndex.count, actorSlotsByIndex[index] >= 0 {
            let slot = Int(actorSlotsByIndex[index])
            absorb(&actors[slot].actor)
            return slot
        }
        let slot: Int
        if let existing = actorSlots[id] {
            absorb(&actors[existing].actor)
            slot = existing
        } else {
            slot = actors.count
            actorSlots[id] = slot
            actors.append(ActorRecord(actor: make(), mentions: []))
        }
        if index >= actorSlotsByIndex.count {
            actorSlotsByIndex += repeatElement(-1, count: strings.count - actorSlotsByIndex.count)
        }
        actorSlotsByIndex[index] = Int32(slot)
        return slot
    }

    private mutating func relationSlot(for relation: UnsafePointer<Relation>) -> Int {
        let edge = Edge(
            source: strings.index(of: relation.pointee.source), target: strings.index(of: relation.pointee.target), kind: relation.pointee.kind
        )
        return relationSlot(for: edge) { relation.pointee.key }
    }

    private mutating func relationSlot(for packed: PackedArticleGraph.Edge, _ table: inout PackedStrings) -> Int {
        let edge = Edge(source: table.index(packed.source, in: &strings), target: table.index(packed.target, in: &strings), kind: packed.kind)
        let source = table.name(packed.source), target = table.name(packed.target)
        return relationSlot(for: edge) { RelationKey(source: source.pointee, target: target.pointee, kind: packed.kind) }
    }

    /// The record of the relation whose ends have the table indices of `edge`, made with
    /// the relation's `key` the first time.
    @inline(__always)
    private mutating func relationSlot(for edge: Edge, key: () -> RelationKey) -> Int {
        let position = relationEdges.insert(edge)
        if position < relationSlotsByEdge.count { return Int(relationSlotsByEdge[position]) }
        let key = key()
        let slot: Int
        if let existing = relationSlots[key] {
            slot = existing
        } else {
            slot = relations.count
            relationSlots[key] = slot
            relations.append(RelationRecord(key: key, evidence: []))
        }
        relationSlotsByEdge.append(Int32(slot))
        return slot
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
    /// Mentions and evidence are put in canonical order and written from their packed
    /// records: their strings are compared by rank in the table's `String` order, which
    /// answers as comparing the strings does, so the order (and which of two equal records
    /// stays) is the graph's. The packed records go as they are written, as copies of the
    /// bytes that are the same from record to record and of each string's JSON, made once.
    ///
    /// Each piece stays as it is until the next has been handed over, and an empty piece
    /// follows the last, so that `write` may have a piece written while the next is made.
    public mutating func writeJSONBytes(pieceSize: Int = 1 << 20, to write: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        // Canonical order compares a missing speaker as the empty string.
        let empty = strings.index(of: "")
        let ranks = strings.ranks()
        var writer = JSONWriter(capacity: pieceSize + pieceSize / 4)
        let encoded = EncodedStrings(strings, writer: writer)
        // Made again for the depth of the first item (the least depth a layout can have
        // until then), and not optional: unwrapping an optional layout copied it, retaining
        // its lists, at every item.
        var layouts = RecordLayouts(headerDepth: 1, compact: writer.isCompact)
        writer.beginGraph()
        for place in articleOrder(ranks: ranks) {
            layouts.header.writeArticle(articles.values[place], to: &writer)
            if writer.count >= pieceSize { try writer.flush(write) }
        }
        writer.beginActors()
        // Spans unpacked from a copy of the wide ones: a method of the accumulator's own, called
        // while it is being changed, copied the whole accumulator for each list.
        let wide = wideSpans
        for slot in actorOrder(ranks: ranks) {
            let mentions = Self.canonical(actors[slot].mentions, ranks: ranks, wide: wide)
            actors[slot].mentions = []
            // The actor's fields from a layout, as the relation's below: the flat calls'
            // keys cost a line of layout each.
            layouts.beginHeader(in: &writer)
            let actor = actors[slot].actor
            layouts.header.writeActor(id: actor.id, name: actor.name, kind: actor.kind, country: actor.country, to: &writer)
            for position in mentions.indices {
                // After the first, an item's opening is the layout's copy of the writer's,
                // with the closing of the item before.
                if position == 0 { layouts.beginMention(in: &writer) }
                let mention = mentions[position]
                layouts.mention.writeFields(
                    article: mention.article, span: Self.unpack(mention.span, wide: wide), text: mention.text, following: position > 0,
                    strings: encoded, to: &writer
                )
                if writer.count >= pieceSize { try writer.flush(write) }
            }
            if !mentions.isEmpty { layouts.mention.writeClose(to: &writer) }
            Graph.endActor(to: &writer)
        }
        writer.beginRelations()
        for slot in relationOrder(ranks: ranks) {
            let evidence = Self.canonical(relations[slot].evidence, ranks: ranks, empty: empty, wide: wide)
            relations[slot].evidence = []
            layouts.beginHeader(in: &writer)
            let key = relations[slot].key
            layouts.header.writeRelation(source: key.source, target: key.target, kind: key.kind, weight: evidence.count, to: &writer)
            for position in evidence.indices {
                if position == 0 { layouts.beginEvidence(in: &writer) }
                let item = evidence[position]
                layouts.evidence.writeFields(
                    article: item.article, sentence: Self.unpack(item.sentence, wide: wide), source: Self.unpack(item.source, wide: wide),
                    target: Self.unpack(item.target, wide: wide), cue: Self.unpack(item.cue, wide: wide), modality: item.modality,
                    speaker: item.attributedTo < 0 ? nil : item.attributedTo, tense: item.tense, rule: item.rule, confidence: item.confidence,
                    following: position > 0, strings: encoded, to: &writer
                )
                if writer.count >= pieceSize { try writer.flush(write) }
            }
            if !evidence.isEmpty { layouts.evidence.writeClose(to: &writer) }
            Graph.endRelation(to: &writer)
        }
        writer.endGraph()
        try writer.flush(write)
        // An empty piece after the last, so that a consumer writing pieces where they are
        // (as ``JSONWriter/flush(_:)`` lets it) has written the last before the writer is gone.
        try write(UnsafeRawBufferPointer(start: nil, count: 0))
        Self.empty(&self)
    }

    /// Empties `accumulator`, freeing what it held on a thread of its own when that is
    /// much: after the lists, written and freed as they go, a corpus's merge still holds
    /// its articles and its string table, some 50,000 strings for 25,000 articles, which
    /// took the writing thread about a hundredth of a second to free before the file
    /// could be closed.
    private static func empty(_ accumulator: inout GraphAccumulator) {
        guard accumulator.articles.count >= 1_000 else {
            accumulator = GraphAccumulator()
            return
        }
        let spent = Spent(accumulator)
        accumulator = GraphAccumulator()
        Thread { spent.free() }.start()
    }

    /// An accumulator handed to another thread to be freed there.
    ///
    /// Safe to share: `accumulator` is read and written by one thread at a time, the one
    /// that made the box until it starts the freeing thread, then that thread.
    private final class Spent: @unchecked Sendable {
        private var accumulator: GraphAccumulator?

        init(_ accumulator: GraphAccumulator) {
            self.accumulator = accumulator
        }

        func free() {
            accumulator = nil
        }
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
            // Most often the same name again: `==` strings have as many characters, and the
            // smaller of two `==` strings is the first.
            if x == y { return x }
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

    /// Packs the item at `evidence`, its fields read in place: an item read through a
    /// buffer's subscript was copied first, its three strings retained and released.
    private mutating func pack(_ evidence: UnsafePointer<Evidence>) -> PackedEvidence {
        PackedEvidence(
            confidence: evidence.pointee.confidence, article: strings.index(of: evidence.pointee.article),
            sentence: pack(evidence.pointee.sentence), source: pack(evidence.pointee.source), target: pack(evidence.pointee.target),
            cue: pack(evidence.pointee.cue), attributedTo: evidence.pointee.attributedTo.map { strings.index(of: $0) } ?? -1,
            rule: strings.index(of: evidence.pointee.rule), modality: evidence.pointee.modality, tense: evidence.pointee.tense
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

// MARK: - Canonical order of packed records

extension GraphAccumulator {
    /// ``Graph/canonical(_:)`` of the mentions, on their packed form: `Mention`'s order
    /// (article, start, end, text) and equality, with strings by rank.
    private static func canonical(_ mentions: [PackedMention], ranks: [Int32], wide: [Span]) -> [PackedMention] {
        ranks.withUnsafeBufferPointer { canonical(mentions, ranks: $0, wide: wide) }
    }

    /// The mentions' canonical order with the ranks read in place, without a check of the
    /// list's bounds at each look-up: every index in a packed record is one of the table's.
    /// With the checks, the order's check cost 24 instructions a mention and 62 an evidence
    /// item (its comparison was not inlined); without, 17 and 14.
    private static func canonical(_ mentions: [PackedMention], ranks: UnsafeBufferPointer<Int32>, wide: [Span]) -> [PackedMention] {
        func unpack(_ span: PackedSpan) -> Span { Self.unpack(span, wide: wide) }
        let precedes = { (a: PackedMention, b: PackedMention) -> Bool in
            if ranks[Int(a.article)] != ranks[Int(b.article)] { return ranks[Int(a.article)] < ranks[Int(b.article)] }
            let first = unpack(a.span), second = unpack(b.span)
            if first.start != second.start { return first.start < second.start }
            if first.end != second.end { return first.end < second.end }
            return ranks[Int(a.text)] < ranks[Int(b.text)]
        }
        if Self.isStrictlyIncreasing(mentions, by: precedes) { return mentions }
        let sorted = mentions.sorted(by: precedes)
        return Self.firstOfEachRun(sorted) { a, b in
            ranks[Int(a.article)] == ranks[Int(b.article)] && unpack(a.span) == unpack(b.span) && ranks[Int(a.text)] == ranks[Int(b.text)]
        }
    }

    /// ``Graph/canonical(_:)`` of the evidence, on its packed form: `Evidence`'s order and
    /// equality field by field, with strings by rank (a missing speaker ordered as `empty`,
    /// the empty string, but equal only to another missing one).
    private static func canonical(_ evidence: [PackedEvidence], ranks: [Int32], empty: Int32, wide: [Span]) -> [PackedEvidence] {
        ranks.withUnsafeBufferPointer { canonical(evidence, ranks: $0, empty: empty, wide: wide) }
    }

    /// The evidence's canonical order with the ranks read in place, as the mentions' is.
    private static func canonical(
        _ evidence: [PackedEvidence], ranks: UnsafeBufferPointer<Int32>, empty: Int32, wide: [Span]
    ) -> [PackedEvidence] {
        func unpack(_ span: PackedSpan) -> Span { Self.unpack(span, wide: wide) }
        func rank(_ index: Int32) -> Int32 { ranks[Int(index)] }
        func speakerRank(_ index: Int32) -> Int32 { rank(index < 0 ? empty : index) }
        func sameSpeaker(_ a: Int32, _ b: Int32) -> Bool { a < 0 || b < 0 ? a == b : rank(a) == rank(b) }
        /// Whether the first span comes first, or `nil` when they are equal.
        func order(_ x: PackedSpan, _ y: PackedSpan) -> Bool? {
            let first = unpack(x), second = unpack(y)
            return first == second ? nil : first < second
        }
        let precedes = { (a: PackedEvidence, b: PackedEvidence) -> Bool in
            if rank(a.article) != rank(b.article) { return rank(a.article) < rank(b.article) }
            if let order = order(a.sentence, b.sentence) ?? order(a.cue, b.cue) ?? order(a.source, b.source) ?? order(a.target, b.target) {
                return order
            }
            if rank(a.rule) != rank(b.rule) { return rank(a.rule) < rank(b.rule) }
            if a.modality != b.modality { return a.modality < b.modality }
            if !sameSpeaker(a.attributedTo, b.attributedTo) { return speakerRank(a.attributedTo) < speakerRank(b.attributedTo) }
            if a.tense != b.tense { return a.tense.rawValue < b.tense.rawValue }
            return a.confidence < b.confidence
        }
        if Self.isStrictlyIncreasing(evidence, by: precedes) { return evidence }
        let sorted = evidence.sorted(by: precedes)
        return Self.firstOfEachRun(sorted) { a, b in
            rank(a.article) == rank(b.article) && unpack(a.sentence) == unpack(b.sentence) && unpack(a.source) == unpack(b.source)
                && unpack(a.target) == unpack(b.target) && unpack(a.cue) == unpack(b.cue) && a.modality == b.modality
                && sameSpeaker(a.attributedTo, b.attributedTo) && a.tense == b.tense && rank(a.rule) == rank(b.rule)
                && a.confidence == b.confidence
        }
    }

    /// The actors' slots in the order of their ids, sorted by the ids' ranks: as their
    /// `String` order (distinct actors' ids are not `==`, so their ranks differ), without
    /// comparing the strings. Every id's bytes are in the table, put there as it was added.
    private mutating func actorOrder(ranks: [Int32]) -> [Int] {
        var idRanks: [Int32] = []
        idRanks.reserveCapacity(actors.count)
        for slot in actors.indices { idRanks.append(ranks[Int(strings.index(of: actors[slot].actor.id))]) }
        return idRanks.indices.sorted { idRanks[$0] < idRanks[$1] }
    }

    /// The articles' places in the order of their ids, sorted by the ids' ranks as
    /// ``actorOrder(ranks:)`` sorts actors (distinct articles' ids are not `==`), or by the
    /// ids themselves if one is not in the table. Each id's rank and place go in one word,
    /// sorted as words: comparing the strings cost 1,800 instructions an article of the
    /// merged write, a sort of places by their ranks and the articles' copies 1,500, this 850.
    private mutating func articleOrder(ranks: [Int32]) -> [Dictionary<String, Article>.Index] {
        let places = Array(articles.indices)
        var keyed: [UInt64] = []
        keyed.reserveCapacity(places.count)
        for (position, place) in places.enumerated() {
            let index = Int(strings.index(of: articles.keys[place]))
            guard index < ranks.count else { return places.sorted { articles.keys[$0] < articles.keys[$1] } }
            keyed.append(UInt64(UInt32(bitPattern: ranks[index])) << 32 | UInt64(position))
        }
        keyed.sort()
        return keyed.map { places[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)] }
    }

    /// The relations' slots in the order of their keys, with the ends compared by rank, as
    /// ``actorOrder(ranks:)`` compares ids.
    private mutating func relationOrder(ranks: [Int32]) -> [Int] {
        var ends: [(source: Int32, target: Int32, kind: RelationKind)] = []
        ends.reserveCapacity(relations.count)
        for slot in relations.indices {
            let key = relations[slot].key
            ends.append((ranks[Int(strings.index(of: key.source))], ranks[Int(strings.index(of: key.target))], key.kind))
        }
        return ends.indices.sorted { ends[$0] < ends[$1] }
    }

    /// The span `span` packs, its wide spans `wide`, as ``unpack(_:)-(PackedSpan)`` gives it.
    @inline(__always)
    private static func unpack(_ span: PackedSpan, wide: [Span]) -> Span {
        span.start == Int32.min ? wide[Int(span.end)] : Span(start: Int(span.start), end: Int(span.end))
    }

    /// Whether each item comes before the next: the list is then its own canonical order,
    /// without two equal items (an item that comes before another differs from it in a
    /// field the equality compares), so sorting it and keeping the first of each run of
    /// equal items would give it back. A corpus's records mostly come so, article by article
    /// in the order of their ids and in order within each article, and the check costs a
    /// fraction of the sort and its copies.
    static func isStrictlyIncreasing<Item>(_ items: [Item], by precedes: (Item, Item) -> Bool) -> Bool {
        items.withUnsafeBufferPointer { items in
            guard items.count > 1 else { return true }
            for index in 1..<items.count where !precedes(items[index - 1], items[index]) { return false }
            return true
        }
    }

    private static func firstOfEachRun<Item>(_ sorted: [Item], equal: (Item, Item) -> Bool) -> [Item] {
        var kept: [Item] = []
        kept.reserveCapacity(sorted.count)
        for item in sorted where kept.last.map({ !equal($0, item) }) ?? true { kept.append(item) }
        return kept
    }
}

private extension Actor {
    /// Takes in another record of the same actor: the preferred name and country, and the
    /// lower kind; the accumulator keeps the mentions.
    /// Read through a pointer, as the accumulator reads the records it is handed.
    mutating func absorb(_ other: UnsafePointer<Actor>) {
        // Most often the same record again, strings and all: a corpus's graphs name the same
        // few actors with the gazetteer's own strings, article after article.
        if kind == other.pointee.kind, name.hasSameStorage(as: other.pointee.name), Self.sameStorage(country, other.pointee.country) { return }
        name = GraphAccumulator.preferred(name, other.pointee.name) ?? name
        kind = min(kind, other.pointee.kind)
        country = GraphAccumulator.preferred(country, other.pointee.country)
    }

    /// Takes in a packed record of the same actor, as ``absorb(_:)`` does.
    mutating func absorb(name other: UnsafePointer<String>, kind otherKind: ActorKind, country otherCountry: UnsafePointer<String>?) {
        if kind == otherKind, name.hasSameStorage(as: other.pointee), Self.sameStorage(country, otherCountry?.pointee) { return }
        name = GraphAccumulator.preferred(name, other.pointee) ?? name
        kind = min(kind, otherKind)
        country = GraphAccumulator.preferred(country, otherCountry?.pointee)
    }

    private static func sameStorage(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return x.hasSameStorage(as: y)
        default: return false
        }
    }
}
