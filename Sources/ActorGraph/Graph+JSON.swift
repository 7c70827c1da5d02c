import Foundation

/// Why a graph JSON document could not be read.
public struct GraphDecodingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in words a user can act on.
    public let description: String
}

extension Graph {
    /// Encodes the graph as JSON of schema v1 (DESIGN.md), with the schema's field order,
    /// two-space indentation and a final newline.
    ///
    /// Equal graphs give identical bytes.
    /// - Complexity: O(n) in the size of the graph.
    public func jsonString() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// The JSON of ``jsonString()`` as UTF-8 bytes.
    public func jsonData() -> Data { Data(jsonBytes()) }

    private func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 1024 + 600 * relations.count + 200 * actors.count)
        writer.beginObject()
        writer.key("schemaVersion"); writer.int(Graph.schemaVersion)
        writer.key("articles"); writer.beginArray()
        for article in articles { write(article, to: &writer) }
        writer.endArray()
        writer.key("actors"); writer.beginArray()
        for actor in actors { write(actor, to: &writer) }
        writer.endArray()
        writer.key("relations"); writer.beginArray()
        for relation in relations { write(relation, to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes + [UInt8(ascii: "\n")]
    }

    /// Reads a graph from JSON of schema v1 and puts it into canonical order.
    ///
    /// Unknown fields are ignored; `null` stands for an absent optional field.
    /// - Throws: ``GraphDecodingError`` naming what is missing or malformed, and where.
    /// - Complexity: O(n) in the size of the document.
    public init(jsonData data: Data) throws {
        var scanner = JSONScanner(Array(data))
        guard scanner.peek() == UInt8(ascii: "{") else { throw GraphDecodingError(description: "not valid JSON") }
        var version: Int?
        var articles: [Article]?
        var actors: [Actor]?
        var relations: [Relation]?
        try scanner.readObject { scanner, key in
            switch key {
            case "schemaVersion": version = try scanner.readInt()
            case "articles": articles = try Self.readList(&scanner, Self.readArticle)
            case "actors": actors = try Self.readList(&scanner, Self.readActor)
            case "relations": relations = try Self.readList(&scanner, Self.readRelation)
            default: try scanner.skipValue()
            }
        }
        guard scanner.atEnd() else { throw scanner.error("not valid JSON: text after the graph") }
        guard let version else { throw GraphDecodingError(description: "missing field 'schemaVersion' at the top level") }
        guard version == Graph.schemaVersion else {
            throw GraphDecodingError(description: "unsupported schemaVersion \(version) (this version reads \(Graph.schemaVersion))")
        }
        try Self.checkSoundness(articles: articles ?? [], actors: actors ?? [], relations: relations ?? [])
        self.init(articles: articles ?? [], actors: actors ?? [], relations: relations ?? [])
    }

    /// What the rest of actorgraph takes for granted of a graph, checked where a file comes
    /// in: a repeated id, a relation to an actor the file does not list, or one without
    /// evidence would otherwise be drawn, merged and compared as if the graph were sound.
    /// Positions are the file's own, before canonical ordering.
    private static func checkSoundness(articles: [Article], actors: [Actor], relations: [Relation]) throws {
        var articleIDs = Set<String>()
        for (index, article) in articles.enumerated() where !articleIDs.insert(article.id).inserted {
            throw GraphDecodingError(description: "article id '\(article.id)' appears twice (at articles[\(index)])")
        }
        var actorIDs = Set<String>()
        for (index, actor) in actors.enumerated() where !actorIDs.insert(actor.id).inserted {
            throw GraphDecodingError(description: "actor id '\(actor.id)' appears twice (at actors[\(index)])")
        }
        var keys = Set<RelationKey>()
        for (index, relation) in relations.enumerated() {
            for id in [relation.source, relation.target] where !actorIDs.contains(id) {
                throw GraphDecodingError(description: "relations[\(index)] names '\(id)', which is not one of the actors")
            }
            if relation.evidence.isEmpty {
                throw GraphDecodingError(description: "relations[\(index)] has no evidence; every relation needs at least one item")
            }
            if !keys.insert(relation.key).inserted {
                throw GraphDecodingError(
                    description: "relations[\(index)] repeats the \(relation.kind.rawValue) relation of '\(relation.source)' and '\(relation.target)'")
            }
        }
    }

    private static func readList<T>(_ scanner: inout JSONScanner, _ element: (inout JSONScanner) throws -> T) throws -> [T] {
        var items: [T] = []
        try scanner.readArray { items.append(try element(&$0)) }
        return items
    }

    private static func required<T>(_ value: T?, _ name: String, _ scanner: JSONScanner) throws -> T {
        guard let value else { throw scanner.error("missing field '\(name)'") }
        return value
    }

    private static func readArticle(_ scanner: inout JSONScanner) throws -> Article {
        var article = Article(id: "")
        var id: String?
        try scanner.readObject { scanner, key in
            switch key {
            case "id": id = try scanner.readString()
            case "title": article.title = try scanner.readOptionalString()
            case "date": article.date = try scanner.readOptionalString()
            case "source": article.source = try scanner.readOptionalString()
            default: try scanner.skipValue()
            }
        }
        article.id = try required(id, "id", scanner)
        return article
    }

    private static func readActor(_ scanner: inout JSONScanner) throws -> Actor {
        var id: String?
        var name: String?
        var kind: ActorKind?
        var country: String?
        var mentions: [Mention] = []
        try scanner.readObject { scanner, key in
            switch key {
            case "id": id = try scanner.readString()
            case "name": name = try scanner.readString()
            case "kind": kind = try readEnum(&scanner, ActorKind.self)
            case "country": country = try scanner.readOptionalString()
            case "mentions": mentions = try readList(&scanner, readMention)
            default: try scanner.skipValue()
            }
        }
        return Actor(id: try required(id, "id", scanner), name: try required(name, "name", scanner),
                     kind: try required(kind, "kind", scanner), country: country, mentions: mentions)
    }

    private static func readMention(_ scanner: inout JSONScanner) throws -> Mention {
        var article: String?
        var start: Int?
        var end: Int?
        var text: String?
        try scanner.readObject { scanner, key in
            switch key {
            case "article": article = try scanner.readString()
            case "start": start = try scanner.readInt()
            case "end": end = try scanner.readInt()
            case "text": text = try scanner.readString()
            default: try scanner.skipValue()
            }
        }
        return Mention(article: try required(article, "article", scanner),
                       span: Span(start: try required(start, "start", scanner), end: try required(end, "end", scanner)),
                       text: try required(text, "text", scanner))
    }

    private static func readRelation(_ scanner: inout JSONScanner) throws -> Relation {
        var source: String?
        var target: String?
        var kind: RelationKind?
        var evidence: [Evidence]?
        try scanner.readObject { scanner, key in
            switch key {
            case "source": source = try scanner.readString()
            case "target": target = try scanner.readString()
            case "kind": kind = try readEnum(&scanner, RelationKind.self)
            case "evidence": evidence = try readList(&scanner, readEvidence)
            default: try scanner.skipValue()
            }
        }
        return Relation(source: try required(source, "source", scanner), target: try required(target, "target", scanner),
                        kind: try required(kind, "kind", scanner), evidence: try required(evidence, "evidence", scanner))
    }

    private static func readEvidence(_ scanner: inout JSONScanner) throws -> Evidence {
        var article: String?
        var sentence: Span?, source: Span?, target: Span?, cue: Span?
        var modality: Modality?
        var attributedTo: String?
        var tense: Tense?
        var rule: String?
        var confidence: Double?
        try scanner.readObject { scanner, key in
            switch key {
            case "article": article = try scanner.readString()
            case "sentence": sentence = try readSpan(&scanner)
            case "source": source = try readSpan(&scanner)
            case "target": target = try readSpan(&scanner)
            case "cue": cue = try readSpan(&scanner)
            case "modality": modality = try readEnum(&scanner, Modality.self)
            case "attributedTo": attributedTo = try scanner.readOptionalString()
            case "tense": tense = try readEnum(&scanner, Tense.self)
            case "rule": rule = try scanner.readString()
            case "confidence": confidence = try scanner.readDouble()
            default: try scanner.skipValue()
            }
        }
        return Evidence(
            article: try required(article, "article", scanner), sentence: try required(sentence, "sentence", scanner),
            source: try required(source, "source", scanner), target: try required(target, "target", scanner),
            cue: try required(cue, "cue", scanner), modality: try required(modality, "modality", scanner),
            attributedTo: attributedTo, tense: try required(tense, "tense", scanner), rule: try required(rule, "rule", scanner),
            confidence: try required(confidence, "confidence", scanner)
        )
    }

    private static func readSpan(_ scanner: inout JSONScanner) throws -> Span {
        var start: Int?
        var end: Int?
        try scanner.readObject { scanner, key in
            switch key {
            case "start": start = try scanner.readInt()
            case "end": end = try scanner.readInt()
            default: try scanner.skipValue()
            }
        }
        return Span(start: try required(start, "start", scanner), end: try required(end, "end", scanner))
    }

    private static func readEnum<T: RawRepresentable>(_ scanner: inout JSONScanner, _ type: T.Type) throws -> T where T.RawValue == String {
        let text = try scanner.readString()
        guard let value = T(rawValue: text) else { throw scanner.error("unknown value '\(text)'") }
        return value
    }

    func write(_ article: Article, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id"); writer.string(article.id)
        writer.key("title"); writer.string(article.title)
        writer.key("date"); writer.string(article.date)
        writer.key("source"); writer.string(article.source)
        writer.endObject()
    }

    func write(_ actor: Actor, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id"); writer.string(actor.id)
        writer.key("name"); writer.string(actor.name)
        writer.key("kind"); writer.string(actor.kind.rawValue)
        writer.key("country"); writer.string(actor.country)
        writer.key("mentions"); writer.beginArray()
        for mention in actor.mentions {
            writer.beginObject()
            writer.key("article"); writer.string(mention.article)
            writer.key("start"); writer.int(mention.start)
            writer.key("end"); writer.int(mention.end)
            writer.key("text"); writer.string(mention.text)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    func write(_ relation: Relation, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("source"); writer.string(relation.source)
        writer.key("target"); writer.string(relation.target)
        writer.key("kind"); writer.string(relation.kind.rawValue)
        writer.key("directed"); writer.bool(relation.directed)
        writer.key("weight"); writer.int(relation.weight)
        writer.key("evidence"); writer.beginArray()
        for item in relation.evidence { write(item, to: &writer) }
        writer.endArray()
        writer.endObject()
    }

    private func write(_ evidence: Evidence, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("article"); writer.string(evidence.article)
        writer.key("sentence"); write(evidence.sentence, to: &writer)
        writer.key("source"); write(evidence.source, to: &writer)
        writer.key("target"); write(evidence.target, to: &writer)
        writer.key("cue"); write(evidence.cue, to: &writer)
        writer.key("modality"); writer.string(evidence.modality.rawValue)
        writer.key("attributedTo"); writer.string(evidence.attributedTo)
        writer.key("tense"); writer.string(evidence.tense.rawValue)
        writer.key("rule"); writer.string(evidence.rule)
        writer.key("confidence"); writer.number(evidence.confidence)
        writer.endObject()
    }

    private func write(_ span: Span, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("start"); writer.int(span.start)
        writer.key("end"); writer.int(span.end)
        writer.endObject()
    }
}
