import ActorGraph

/// Collects the actors, mentions and evidence of one article into a ``Graph``.
///
/// Everything is kept by actor index until the graph is built, and handed over in the
/// graph's own order (actors by id, relations by key, mentions by position), so that the
/// graph's canonical sort finds it sorted.
struct GraphBuilder {
    let article: Article
    let bytes: [UInt8]
    let tokens: [Token]
    let actors: ActorTable
    let offsets: CodePointOffsets
    let sentences: [Range<Int>]
    /// The nodes: each one's actor index, in the order first named.
    private var nodes = NodeIndex()
    /// The mentions, in text order: each one's node and tokens.
    private var mentions: [(node: Int32, tokens: Range<Int>)] = []
    private var edges = EdgeIndex()
    /// The evidence of every edge, in the order stated; each edge's items are chained from
    /// `firstItem` (by the edge's position in `edges`) through `nextItem`, -1 ending the chain.
    /// `Evidence` records are made once, when the graph is: growing an array of them for each
    /// edge cost more than the records.
    private var items: [PendingEvidence] = []
    private var firstItem: [Int32] = []
    private var nextItem: [Int32] = []

    /// An evidence item before it has its strings: the speaker by actor index (-1: none).
    private struct PendingEvidence {
        var sentence, source, target, cue: Span
        var modality: Modality
        var tense: Tense
        var speaker: Int32
        var rule: String
        var confidence: Double
    }

    init(article: Article, bytes: [UInt8], tokens: [Token], actors: ActorTable, offsets: CodePointOffsets, sentences: [Range<Int>]) {
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        self.actors = actors
        self.offsets = offsets
        self.sentences = sentences
        items.reserveCapacity(32)
        firstItem.reserveCapacity(32)
        nextItem.reserveCapacity(32)
    }

    mutating func add(_ found: [FoundMention]) {
        mentions.reserveCapacity(mentions.count + found.count)
        for index in found.indices {
            mentions.append((Int32(node(found[index].actor)), found[index].tokens))
        }
    }

    /// Ties stated by office phrases: "Japanese Prime Minister Fumio Kishida".
    mutating func add(_ affiliations: [StatedAffiliation]) {
        for affiliation in affiliations {
            addEvidence(
                from: affiliation.person, to: affiliation.organisation, kind: .affiliation, cue: affiliation.cue,
                sentence: sentence(containing: affiliation.cue.lowerBound), modality: .asserted, tense: .present,
                speaker: nil, rule: affiliation.rule, confidence: 0.9
            )
        }
    }

    /// A listed person's state, from the office held on the article's date or else the
    /// gazetteer's country; stated once, at the first mention, unless the text states it.
    ///
    /// Every mention's actor is a node by now (``add(_:)-([FoundMention])`` came first), so
    /// the actors seen are kept by node.
    mutating func addOfficeAffiliations(_ mentions: [FoundMention]) {
        var seen = [Bool](repeating: false, count: nodes.count)
        for mention in mentions {
            guard let node = nodes.node(of: mention.actor), node < seen.count else { continue }
            guard !seen[node] else { continue }
            seen[node] = true
            let kind = actors.kind(of: mention.actor)
            guard !actors.isLocal(mention.actor), kind == .person || kind == .organisation,
                  let countryIndex = affiliation(of: mention.actor),
                  edges.position(of: Edge(source: mention.actor, target: countryIndex, kind: .affiliation)) == nil else { continue }
            var target = mention
            target.actor = countryIndex
            addEvidence(
                from: mention, to: target, kind: .affiliation, cue: mention.tokens, sentence: sentence(containing: mention.tokens.lowerBound),
                modality: .asserted, tense: .present, speaker: nil, rule: Self.gazetteerRule, confidence: 0.95
            )
        }
    }

    /// The rule named on affiliations known from the gazetteer rather than stated.
    static let gazetteerRule = "gazetteer-office"

    /// The actor index of a listed actor's state. Read in place from the gazetteer:
    /// copying whole entries for it cost more than the rest.
    private func affiliation(of index: Int32) -> Int32? {
        if let date = article.date, let offices = actors.gazetteer.entries[Int(index)].offices,
           let held = offices.firstIndex(where: { $0.isHeld(on: date) }),
           let country = actors.gazetteer.officeCountryIndex[Int(index)][held] ?? actors.index(of: offices[held].country) {
            return country
        }
        if let country = actors.gazetteer.countryIndex[Int(index)] { return country }
        return actors.gazetteer.entries[Int(index)].country.flatMap { actors.index(of: $0) }
    }

    mutating func add(_ relations: [FoundRelation]) {
        for index in relations.indices {
            let source = relations[index].source
            let target = relations[index].target
            guard source.actor != target.actor, !isOwnState(source.actor, target.actor, relations[index].kind) else { continue }
            addEvidence(
                from: source, to: target, kind: relations[index].kind, cue: relations[index].cue, sentence: relations[index].sentence,
                modality: relations[index].modality, tense: relations[index].tense, speaker: relations[index].speaker,
                rule: relations[index].rule, confidence: relations[index].confidence * strangerFactor(source, target)
            )
        }
    }

    /// "Kishida met reporters in Tokyo": a person's tie to their own state is affiliation,
    /// never another kind, so such an edge comes from a misread place name.
    private func isOwnState(_ source: Int32, _ target: Int32, _ kind: RelationKind) -> Bool {
        guard kind != .affiliation else { return false }
        return (actors.kind(of: source) == .person && actors.country(of: source) == actors.id(at: target))
            || (actors.kind(of: target) == .person && actors.country(of: target) == actors.id(at: source))
    }

    /// Edges to actors found only from their context are less sure than to listed ones.
    private func strangerFactor(_ source: FoundMention, _ target: FoundMention) -> Double {
        source.form == .stranger || target.form == .stranger ? 0.8 : 1
    }

    private mutating func addEvidence(
        from source: FoundMention, to target: FoundMention, kind: RelationKind, cue: Range<Int>, sentence: Range<Int>,
        modality: Modality, tense: Tense, speaker: Int32?, rule: String, confidence: Double
    ) {
        _ = node(source.actor)
        _ = node(target.actor)
        if let speaker { _ = node(speaker) }
        var sourceSpan = span(source.tokens)
        var targetSpan = span(target.tokens)
        var key = Edge(source: source.actor, target: target.actor, kind: kind)
        if !kind.isDirected, actors.idPrecedes(target.actor, source.actor) {
            key = Edge(source: target.actor, target: source.actor, kind: kind)
            swap(&sourceSpan, &targetSpan)
        }
        let position = edges.insert(key)
        if position == firstItem.count { firstItem.append(-1) }
        let item = PendingEvidence(
            sentence: span(sentence), source: sourceSpan, target: targetSpan, cue: span(cue), modality: modality, tense: tense,
            speaker: speaker ?? -1, rule: rule, confidence: (confidence * 100).rounded() / 100
        )
        // One item per stating sentence: a second cue in the same sentence ("spoke by
        // phone with") states the same relation again, not a second time.
        // What the sentence states replaces what the gazetteer knows of the same sentence,
        // in its place: an edge's items end up in sentence order whatever their order here.
        var at = firstItem[position]
        while at >= 0 {
            if items[Int(at)].sentence == item.sentence {
                guard items[Int(at)].rule == Self.gazetteerRule, rule != Self.gazetteerRule else { return }
                items[Int(at)] = item
                return
            }
            at = nextItem[Int(at)]
        }
        nextItem.append(firstItem[position])
        firstItem[position] = Int32(items.count)
        items.append(item)
    }

    /// The graph, its parts moved out of the builder.
    ///
    /// Actors come in id order, relations in key order and each one's evidence in sentence
    /// order, which is the graph's canonical order, so the graph need not check it again,
    /// unless an actor's mentions are not in text order without repeats.
    consuming func graph() -> Graph {
        let order = nodesInIDOrder()
        let graphActors = actorsInOrder(order)
        let graphRelations = relationsInOrder(of: order)
        guard mentionsAreInTextOrder() else { return Graph(articles: [article], actors: graphActors, relations: graphRelations) }
        return Graph(canonicalArticles: [article], actors: graphActors, relations: graphRelations)
    }

    /// Whether each node's mentions come each after the one before, by their tokens'
    /// first and then last position: then their spans do, and none repeats.
    private func mentionsAreInTextOrder() -> Bool {
        var last = [Range<Int>?](repeating: nil, count: nodes.count)
        for mention in mentions {
            let node = Int(mention.node)
            if let before = last[node],
               (before.lowerBound, before.upperBound) >= (mention.tokens.lowerBound, mention.tokens.upperBound) { return false }
            last[node] = mention.tokens
        }
        return true
    }

    /// The nodes in the order of their actors' ids, as a stable sort by
    /// ``ActorTable/idPrecedes(_:_:)`` puts them, comparing few strings: each node sorts by
    /// its place among the gazetteer's ids (which are in order), and only two actors of the
    /// article's own at the same place compare their ids.
    private func nodesInIDOrder() -> [Int] {
        let nodeActors = nodes.actors, actors = self.actors
        var places = [Int](repeating: 0, count: nodeActors.count)
        for node in nodeActors.indices { places[node] = Self.place(of: nodeActors[node], in: actors) }
        return Self.stableOrder(of: nodeActors.count) { a, b in
            if places[a] != places[b] { return places[a] < places[b] }
            return actors.idPrecedes(nodeActors[a], nodeActors[b])
        }
    }

    /// The positions `0..<count` in the order a stable sort by `precedes` gives. A graph's
    /// few nodes and edges are put in order by insertion, which costs a fraction of the
    /// general sort's setting up for so few.
    private static func stableOrder(of count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count <= 32 else { return (0..<count).sorted(by: precedes) }
        return [Int](unsafeUninitializedCapacity: count) { order, initialized in
            for end in 0..<count {
                var place = end
                while place > 0, precedes(end, order[place - 1]) {
                    order[place] = order[place - 1]
                    place -= 1
                }
                order[place] = end
            }
            initialized = count
        }
    }

    /// A listed actor's place is twice its index plus one; an actor of the article's own,
    /// whose id no listed actor has, sorts just before the first listed id after its own,
    /// at twice that one's index.
    private static func place(of actor: Int32, in actors: ActorTable) -> Int {
        guard actors.isLocal(actor) else { return 2 * Int(actor) + 1 }
        let id = actors.id(at: actor)
        var low = 0
        var high = actors.gazetteer.entries.count
        while low < high {
            let mid = (low + high) / 2
            if actors.gazetteer.entries[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return 2 * low
    }

    /// The nodes as the graph's actors, in `order`, each with its mentions.
    private func actorsInOrder(_ order: [Int]) -> [Actor] {
        var lists = mentionLists()
        var result: [Actor] = []
        result.reserveCapacity(order.count)
        for node in order {
            let index = nodes.actors[node]
            result.append(Actor(
                id: actors.id(at: index), name: actors.name(at: index), kind: actors.kind(of: index), country: actors.country(of: index),
                mentions: Self.take(&lists[node])
            ))
        }
        return result
    }

    /// The edges as the graph's relations, in the order of their keys (source id, target
    /// id, kind), given the nodes in id order; each with its evidence in sentence order,
    /// the canonical order of one article's items, whose sentences differ.
    private func relationsInOrder(of order: [Int]) -> [Relation] {
        var rank = [Int32](repeating: 0, count: order.count)
        for (place, node) in order.enumerated() { rank[node] = Int32(place) }
        let keys = edges.edges
        // Locals, so that the closures below capture them and not a copy of the builder.
        let nodes = self.nodes, items = self.items
        // Each key as one integer, its parts in the order the key sorts by.
        let sortKeys = keys.map { edge in
            UInt64(rank[nodes.node(of: edge.source)!]) << 40 | UInt64(rank[nodes.node(of: edge.target)!]) << 8
                | UInt64(Self.kinds.firstIndex(of: edge.kind)!)
        }
        var result: [Relation] = []
        result.reserveCapacity(keys.count)
        for position in Self.stableOrder(of: keys.count, by: { sortKeys[$0] < sortKeys[$1] }) {
            let first = firstItem[position]
            var evidence: [Evidence]
            if nextItem[Int(first)] < 0 {
                // Most edges are stated once.
                evidence = [self.evidence(items[Int(first)])]
            } else {
                var chain: [Int32] = []
                var at = first
                while at >= 0 {
                    chain.append(at)
                    at = nextItem[Int(at)]
                }
                Self.sortBySentence(&chain, items)
                evidence = []
                evidence.reserveCapacity(chain.count)
                for item in chain { evidence.append(self.evidence(items[Int(item)])) }
            }
            result.append(Relation(
                source: actors.id(at: keys[position].source), target: actors.id(at: keys[position].target), kind: keys[position].kind,
                evidence: evidence
            ))
        }
        return result
    }

    /// Puts an edge's few items in sentence order, by insertion.
    private static func sortBySentence(_ chain: inout [Int32], _ items: [PendingEvidence]) {
        guard chain.count > 1 else { return }
        for end in 1..<chain.count {
            let moving = chain[end]
            var place = end
            while place > 0, items[Int(moving)].sentence < items[Int(chain[place - 1])].sentence {
                chain[place] = chain[place - 1]
                place -= 1
            }
            chain[place] = moving
        }
    }

    private func evidence(_ item: PendingEvidence) -> Evidence {
        Evidence(
            article: article.id, sentence: item.sentence, source: item.source, target: item.target, cue: item.cue,
            modality: item.modality, attributedTo: item.speaker < 0 ? nil : actors.id(at: item.speaker), tense: item.tense,
            rule: item.rule, confidence: item.confidence
        )
    }

    /// The kinds in the order relation keys sort them.
    private static let kinds = RelationKind.allCases

    /// Each node's mentions, with their text, in text order.
    private func mentionLists() -> [[Mention]] {
        var counts = [Int](repeating: 0, count: nodes.count)
        for mention in mentions { counts[Int(mention.node)] += 1 }
        var lists = counts.map { count in
            var list: [Mention] = []
            list.reserveCapacity(count)
            return list
        }
        for mention in mentions {
            let start = Int(tokens[mention.tokens.lowerBound].start)
            let end = Int(tokens[mention.tokens.upperBound - 1].end)
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            lists[Int(mention.node)].append(Mention(article: article.id, span: span(mention.tokens), text: text))
        }
        return lists
    }

    /// Moves an array out, leaving an empty one, so that the graph holds the only reference.
    private static func take<Element>(_ array: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &array)
        return taken
    }

    private func sentence(containing token: Int) -> Range<Int> {
        var low = 0
        var high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].upperBound <= token { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count ? sentences[low] : token..<(token + 1)
    }

    /// The actor's node, adding it when first named.
    private mutating func node(_ index: Int32) -> Int {
        nodes.insert(index)
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound - 1].end))
        )
    }
}
