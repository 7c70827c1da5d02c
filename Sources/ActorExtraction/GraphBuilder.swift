import ActorGraph

/// Collects the actors, mentions and evidence of one article into a ``Graph``.
struct GraphBuilder {
    let article: Article
    let bytes: [UInt8]
    let tokens: [Token]
    let actors: ActorTable
    let offsets: CodePointOffsets
    let sentences: [Range<Int>]
    private var nodes: [Int32: Actor] = [:]
    private var evidence: [RelationKey: [Evidence]] = [:]

    init(article: Article, bytes: [UInt8], tokens: [Token], actors: ActorTable, offsets: CodePointOffsets, sentences: [Range<Int>]) {
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        self.actors = actors
        self.offsets = offsets
        self.sentences = sentences
    }

    mutating func add(_ mentions: [FoundMention]) {
        for mention in mentions {
            let text = String(decoding: bytes[Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound - 1].end)], as: UTF8.self)
            let item = Mention(article: article.id, span: span(mention.tokens), text: text)
            node(mention.actor)
            nodes[mention.actor]?.mentions.append(item)
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
        var seen: Set<Int32> = []
        for mention in mentions where !seen.contains(mention.actor) {
            seen.insert(mention.actor)
            let entry = actors.entry(at: mention.actor)
            guard !actors.isLocal(mention.actor), entry.kind == .person || entry.kind == .organisation, let country = affiliation(of: entry),
                  let countryIndex = actors.index(of: country),
                  evidence[RelationKey(source: entry.id, target: country, kind: .affiliation)] == nil else { continue }
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

    private func affiliation(of entry: GazetteerEntry) -> String? {
        if let date = article.date, let office = entry.offices?.first(where: { $0.isHeld(on: date) }),
           actors.index(of: office.country) != nil {
            return office.country
        }
        return entry.country
    }

    mutating func add(_ relations: [FoundRelation]) {
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
        let source = actors.entry(at: relation.source.actor)
        let target = actors.entry(at: relation.target.actor)
        return (source.kind == .person && source.country == target.id) || (target.kind == .person && target.country == source.id)
    }

    /// Edges to actors found only from their context are less sure than to listed ones.
    private func strangerFactor(_ mentions: FoundMention...) -> Double {
        mentions.contains { $0.form == .stranger } ? 0.8 : 1
    }

    private mutating func addEvidence(
        from source: FoundMention, to target: FoundMention, kind: RelationKind, cue: Range<Int>, sentence: Range<Int>,
        modality: Modality, tense: Tense, speaker: Int32?, rule: String, confidence: Double
    ) {
        let sourceID = node(source.actor).id
        let targetID = node(target.actor).id
        let speakerID = speaker.map { node($0).id }
        var sourceSpan = span(source.tokens)
        var targetSpan = span(target.tokens)
        var key = RelationKey(source: sourceID, target: targetID, kind: kind)
        if !kind.isDirected, targetID < sourceID {
            key = RelationKey(source: targetID, target: sourceID, kind: kind)
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
        let relations = evidence.map { key, items in Relation(source: key.source, target: key.target, kind: key.kind, evidence: items) }
        return Graph(articles: [article], actors: Array(nodes.values), relations: relations)
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

    @discardableResult
    private mutating func node(_ index: Int32) -> Actor {
        if let actor = nodes[index] { return actor }
        let entry = actors.entry(at: index)
        let actor = Actor(id: entry.id, name: entry.name, kind: entry.kind, country: entry.country)
        nodes[index] = actor
        return actor
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound - 1].end))
        )
    }
}
