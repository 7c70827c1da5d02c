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
    /// The actor index of each node, in the order first named.
    private var nodeActors: [Int32] = []
    /// Each actor's node, by actor index; -1 until it is named.
    private var nodeAt: [Int32]
    /// The mentions, in text order: each one's node and tokens.
    private var mentions: [(node: Int32, tokens: Range<Int>)] = []
    private var edges = EdgeIndex()
    /// The evidence of each edge, by its position in `edges`.
    private var evidence: [[Evidence]] = []

    init(article: Article, bytes: [UInt8], tokens: [Token], actors: ActorTable, offsets: CodePointOffsets, sentences: [Range<Int>]) {
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        self.actors = actors
        self.offsets = offsets
        self.sentences = sentences
        self.nodeAt = [Int32](repeating: -1, count: actors.count)
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
    mutating func addOfficeAffiliations(_ mentions: [FoundMention]) {
        var seen = [Bool](repeating: false, count: actors.count)
        for mention in mentions where !seen[Int(mention.actor)] {
            seen[Int(mention.actor)] = true
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
        let speakerID = speaker.map { nodeID($0) }
        var sourceSpan = span(source.tokens)
        var targetSpan = span(target.tokens)
        var key = Edge(source: source.actor, target: target.actor, kind: kind)
        if !kind.isDirected, actors.idPrecedes(target.actor, source.actor) {
            key = Edge(source: target.actor, target: source.actor, kind: kind)
            swap(&sourceSpan, &targetSpan)
        }
        let position = edges.insert(key)
        if position == evidence.count { evidence.append([]) }
        // One item per stating sentence: a second cue in the same sentence ("spoke by
        // phone with") states the same relation again, not a second time.
        // What the sentence states replaces what the gazetteer knows of the same sentence.
        let sentenceSpan = span(sentence)
        if let same = evidence[position].firstIndex(where: { $0.sentence == sentenceSpan }) {
            guard evidence[position][same].rule == Self.gazetteerRule, rule != Self.gazetteerRule else { return }
            evidence[position].remove(at: same)
        }
        evidence[position].append(Evidence(
            article: article.id, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: span(cue),
            modality: modality, attributedTo: speakerID, tense: tense, rule: rule, confidence: (confidence * 100).rounded() / 100
        ))
    }

    /// The graph, its parts moved out of the builder.
    consuming func graph() -> Graph {
        let order = nodeActors.indices.sorted { actors.idPrecedes(nodeActors[$0], nodeActors[$1]) }
        let graphActors = actorsInOrder(order)
        return Graph(articles: [article], actors: graphActors, relations: relationsInOrder(of: order))
    }

    /// The nodes as the graph's actors, in `order`, each with its mentions.
    private func actorsInOrder(_ order: [Int]) -> [Actor] {
        var lists = mentionLists()
        var result: [Actor] = []
        result.reserveCapacity(order.count)
        for node in order {
            let index = nodeActors[node]
            result.append(Actor(
                id: actors.id(at: index), name: actors.name(at: index), kind: actors.kind(of: index), country: actors.country(of: index),
                mentions: Self.take(&lists[node])
            ))
        }
        return result
    }

    /// The edges as the graph's relations, in the order of their keys (source id, target
    /// id, kind), given the nodes in id order; their evidence is moved out.
    private mutating func relationsInOrder(of order: [Int]) -> [Relation] {
        var rank = [Int32](repeating: 0, count: order.count)
        for (place, node) in order.enumerated() { rank[node] = Int32(place) }
        let keys = edges.edges
        // Each key as one integer, its parts in the order the key sorts by.
        let sortKeys = keys.map { edge in
            UInt64(rank[Int(nodeAt[Int(edge.source)])]) << 40 | UInt64(rank[Int(nodeAt[Int(edge.target)])]) << 8
                | UInt64(Self.kinds.firstIndex(of: edge.kind)!)
        }
        var result: [Relation] = []
        result.reserveCapacity(keys.count)
        for position in keys.indices.sorted(by: { sortKeys[$0] < sortKeys[$1] }) {
            result.append(Relation(
                source: actors.id(at: keys[position].source), target: actors.id(at: keys[position].target), kind: keys[position].kind,
                evidence: Self.take(&evidence[position])
            ))
        }
        return result
    }

    /// The kinds in the order relation keys sort them.
    private static let kinds = RelationKind.allCases

    /// Each node's mentions, with their text, in text order.
    private func mentionLists() -> [[Mention]] {
        var counts = [Int](repeating: 0, count: nodeActors.count)
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
        let at = nodeAt[Int(index)]
        if at >= 0 { return Int(at) }
        nodeActors.append(index)
        nodeAt[Int(index)] = Int32(nodeActors.count - 1)
        return nodeActors.count - 1
    }

    /// The id of an actor, which becomes a node of the graph.
    private mutating func nodeID(_ index: Int32) -> String {
        _ = node(index)
        return actors.id(at: index)
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound - 1].end))
        )
    }
}
