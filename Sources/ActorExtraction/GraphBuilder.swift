import ActorGraph

/// Collects the actors, mentions and evidence of one article into a ``Graph``.
struct GraphBuilder {
    let article: Article
    let bytes: [UInt8]
    let tokens: [Token]
    let gazetteer: Gazetteer
    let offsets: CodePointOffsets
    private var actors: [Int32: Actor] = [:]
    private var evidence: [RelationKey: [Evidence]] = [:]

    init(article: Article, bytes: [UInt8], tokens: [Token], gazetteer: Gazetteer, offsets: CodePointOffsets) {
        self.article = article
        self.bytes = bytes
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.offsets = offsets
    }

    mutating func add(_ mentions: [FoundMention]) {
        for mention in mentions {
            let span = self.span(mention.tokens)
            let text = String(decoding: bytes[Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound - 1].end)], as: UTF8.self)
            ensureActor(mention.actor)
            actors[mention.actor]?.mentions.append(Mention(article: article.id, span: span, text: text))
        }
    }

    /// A person's state, from the office the person held on the article's date, else the
    /// gazetteer's country; stated once, at the person's first mention.
    mutating func addAffiliations(_ mentions: [FoundMention], sentences: [Range<Int>]) {
        var seen: Set<Int32> = []
        for mention in mentions where !seen.contains(mention.actor) {
            let entry = gazetteer.entry(at: mention.actor)
            guard entry.kind == .person || entry.kind == .organisation, let country = affiliation(of: entry),
                  let countryIndex = gazetteer.index(of: country) else { continue }
            seen.insert(mention.actor)
            let sentence = sentences.first { $0.contains(mention.tokens.lowerBound) } ?? mention.tokens
            ensureActor(countryIndex)
            let span = self.span(mention.tokens)
            let key = RelationKey(source: entry.id, target: country, kind: .affiliation)
            evidence[key, default: []].append(Evidence(
                article: article.id, sentence: self.span(sentence), source: span, target: span, cue: span,
                modality: .asserted, attributedTo: nil, tense: .present, rule: "gazetteer-affiliation", confidence: 0.95
            ))
        }
    }

    private func affiliation(of entry: GazetteerEntry) -> String? {
        if let date = article.date, let office = entry.offices?.first(where: { $0.isHeld(on: date) }),
           gazetteer.entry(id: office.country)?.kind == .state {
            return office.country
        }
        return entry.country
    }

    mutating func add(_ relations: [FoundRelation]) {
        for relation in relations where relation.source.actor != relation.target.actor {
            let source = ensureActor(relation.source.actor).id
            let target = ensureActor(relation.target.actor).id
            let speaker = relation.speaker.map { ensureActor($0).id }
            var sourceSpan = span(relation.source.tokens)
            var targetSpan = span(relation.target.tokens)
            var key = RelationKey(source: source, target: target, kind: relation.kind)
            if !relation.kind.isDirected, target < source {
                key = RelationKey(source: target, target: source, kind: relation.kind)
                swap(&sourceSpan, &targetSpan)
            }
            evidence[key, default: []].append(Evidence(
                article: article.id, sentence: span(relation.sentence), source: sourceSpan, target: targetSpan,
                cue: span(relation.cue), modality: relation.modality, attributedTo: speaker, tense: relation.tense,
                rule: relation.rule, confidence: (relation.confidence * 100).rounded() / 100
            ))
        }
    }

    func graph() -> Graph {
        let relations = evidence.map { key, items in Relation(source: key.source, target: key.target, kind: key.kind, evidence: items) }
        return Graph(articles: [article], actors: Array(actors.values), relations: relations)
    }

    @discardableResult
    private mutating func ensureActor(_ index: Int32) -> Actor {
        if let actor = actors[index] { return actor }
        let entry = gazetteer.entry(at: index)
        let actor = Actor(id: entry.id, name: entry.name, kind: entry.kind, country: entry.country)
        actors[index] = actor
        return actor
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(
            start: offsets.codePoint(atByte: Int(tokens[range.lowerBound].start)),
            end: offsets.codePoint(atByte: Int(tokens[range.upperBound - 1].end))
        )
    }
}
