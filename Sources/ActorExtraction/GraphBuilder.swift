import ActorGraph

/// Collects the actors, mentions and evidence of one article into a ``Graph``.
struct GraphBuilder {
    let article: Article
    let bytes: [UInt8]
    let tokens: [Token]
    let actors: ActorTable
    let offsets: CodePointOffsets
    let sentences: [Range<Int>]
    /// The actors named so far, in the order first named.
    private var nodes: [Actor] = []
    /// Each actor's place in `nodes`, by actor index; -1 until it is named.
    private var nodeAt: [Int32]
    /// Evidence by edge, the edge keyed by actor index: hashing two ids per item cost more
    /// than building the item.
    private var evidence: [Edge: [Evidence]] = [:]

    private struct Edge: Hashable {
        var source: Int32
        var target: Int32
        var kind: RelationKind
    }

    init(article: Article, bytes: [UInt8], tokens: [Token], actors: ActorTable, offsets: CodePointOffsets, sentences: [Range<Int>]) {
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        self.actors = actors
        self.offsets = offsets
        self.sentences = sentences
        self.nodeAt = [Int32](repeating: -1, count: actors.count)
    }

    mutating func add(_ mentions: [FoundMention]) {
        for mention in mentions {
            let text = String(decoding: bytes[Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound - 1].end)], as: UTF8.self)
            let item = Mention(article: article.id, span: span(mention.tokens), text: text)
            nodes[node(mention.actor)].mentions.append(item)
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
            guard !actors.isLocal(mention.actor), kind == .person || kind == .organisation, let country = affiliation(of: mention.actor),
                  let countryIndex = actors.index(of: country),
                  evidence[Edge(source: mention.actor, target: countryIndex, kind: .affiliation)] == nil else { continue }
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

    /// Read in place from the gazetteer: copying whole entries for it cost more than the rest.
    private func affiliation(of index: Int32) -> String? {
        if let date = article.date, let office = actors.gazetteer.entries[Int(index)].offices?.first(where: { $0.isHeld(on: date) }),
           actors.index(of: office.country) != nil {
            return office.country
        }
        return actors.gazetteer.entries[Int(index)].country
    }

    mutating func add(_ relations: [FoundRelation]) {
        evidence.reserveCapacity(evidence.count + relations.count)
        for relation in relations where relation.source.actor != relation.target.actor && !isOwnState(relation) {
            addEvidence(
                from: relation.source, to: relation.target, kind: relation.kind, cue: relation.cue, sentence: relation.sentence,
                modality: relation.modality, tense: relation.tense, speaker: relation.speaker, rule: relation.rule,
                confidence: relation.confidence * strangerFactor(relation.source, relation.target)
            )
        }
    }

    /// "Kishida met reporters in Tokyo": a person's tie to their own state is affiliation,
    /// never another kind, so such an edge comes from a misread place name.
    private func isOwnState(_ relation: FoundRelation) -> Bool {
        guard relation.kind != .affiliation else { return false }
        let source = relation.source.actor
        let target = relation.target.actor
        return (actors.kind(of: source) == .person && actors.country(of: source) == actors.id(at: target))
            || (actors.kind(of: target) == .person && actors.country(of: target) == actors.id(at: source))
    }

    /// Edges to actors found only from their context are less sure than to listed ones.
    private func strangerFactor(_ mentions: FoundMention...) -> Double {
        mentions.contains { $0.form == .stranger } ? 0.8 : 1
    }

    private mutating func addEvidence(
        from source: FoundMention, to target: FoundMention, kind: RelationKind, cue: Range<Int>, sentence: Range<Int>,
        modality: Modality, tense: Tense, speaker: Int32?, rule: String, confidence: Double
    ) {
        let sourceID = nodes[node(source.actor)].id
        let targetID = nodes[node(target.actor)].id
        let speakerID = speaker.map { nodes[node($0)].id }
        var sourceSpan = span(source.tokens)
        var targetSpan = span(target.tokens)
        var key = Edge(source: source.actor, target: target.actor, kind: kind)
        if !kind.isDirected, targetID < sourceID {
            key = Edge(source: target.actor, target: source.actor, kind: kind)
            swap(&sourceSpan, &targetSpan)
        }
        // One item per stating sentence: a second cue in the same sentence ("spoke by
        // phone with") states the same relation again, not a second time.
        // What the sentence states replaces what the gazetteer knows of the same sentence.
        let sentenceSpan = span(sentence)
        if let same = evidence[key]?.firstIndex(where: { $0.sentence == sentenceSpan }) {
            guard evidence[key]![same].rule == Self.gazetteerRule, rule != Self.gazetteerRule else { return }
            evidence[key]!.remove(at: same)
        }
        evidence[key, default: []].append(Evidence(
            article: article.id, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: span(cue),
            modality: modality, attributedTo: speakerID, tense: tense, rule: rule, confidence: (confidence * 100).rounded() / 100
        ))
    }

    func graph() -> Graph {
        let relations = evidence.map { key, items in
            Relation(source: actors.id(at: key.source), target: actors.id(at: key.target), kind: key.kind, evidence: items)
        }
        return Graph(articles: [article], actors: nodes, relations: relations)
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

    /// The actor's place in `nodes`, adding it when first named.
    private mutating func node(_ index: Int32) -> Int {
        let at = nodeAt[Int(index)]
        if at >= 0 { return Int(at) }
        nodes.append(Actor(id: actors.id(at: index), name: actors.name(at: index), kind: actors.kind(of: index), country: actors.country(of: index)))
        nodeAt[Int(index)] = Int32(nodes.count - 1)
        return nodes.count - 1
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound - 1].end))
        )
    }
}
