import Foundation

/// Why a graph JSON document could not be read.
public struct GraphDecodingError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in words a user can act on.
    public let description: String
}

extension Graph {
    /// Encodes the graph as JSON of schema v1 (DESIGN.md), with the schema's field order,
    /// two-space indentation, each article, mention and evidence item on a line of its own,
    /// and a final newline.
    ///
    /// Equal graphs give identical bytes.
    /// - Complexity: O(n) in the size of the graph.
    public func jsonString() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// The JSON of ``jsonString()`` as UTF-8 bytes.
    public func jsonData() -> Data { jsonData(compact: false) }

    /// The graph's JSON on one line with a final newline: the form of JSON Lines, for
    /// mappers and reducers that pass one record per line. The same text as
    /// ``jsonString()`` without its line breaks and indentation, and with a comma alone
    /// between the fields of an article, mention or evidence item.
    public func jsonLine() -> Data { jsonData(compact: true) }

    private func jsonBytes(compact: Bool = false) -> [UInt8] {
        var writer = JSONWriter(capacity: estimatedJSONSize, compact: compact)
        writeDocument(to: &writer)
        return writer.bytes
    }

    /// The document in the writer's own buffer, handed to the `Data` without a copy.
    private func jsonData(compact: Bool) -> Data {
        var writer = JSONWriter(capacity: estimatedJSONSize, compact: compact)
        writeDocument(to: &writer)
        return writer.takeData()
    }

    private var estimatedJSONSize: Int { 1024 + 600 * relations.count + 200 * actors.count }

    /// The whole document. Mentions and evidence, most of it, are written from their
    /// records' layouts, as a merge writes them: copies of the bytes that are the same
    /// from record to record, around the values.
    private func writeDocument(to writer: inout JSONWriter) {
        var layouts = writer.isCompact ? Self.lineLayouts : Self.documentLayouts
        let strings = DocumentStrings()
        writer.beginGraph()
        for article in articles { Self.write(article, to: &writer) }
        writer.beginActors()
        // Records are read in place through pointers: a `for` loop over the lists copied
        // each actor, mention and evidence item, counting its strings in and out again.
        actors.withUnsafeBufferPointer { actors in
            for index in actors.indices {
                let actor = actors.baseAddress! + index
                layouts.beginHeader(in: &writer)
                layouts.header.writeActor(
                    id: actor.pointee.id, name: actor.pointee.name, kind: actor.pointee.kind, country: actor.pointee.country, to: &writer
                )
                actor.pointee.mentions.withUnsafeBufferPointer { mentions in
                    for index in mentions.indices {
                        let mention = UnsafeRawPointer(mentions.baseAddress! + index)
                        layouts.beginMention(in: &writer)
                        layouts.mention.write(
                            article: (mention + Self.mentionArticle).assumingMemoryBound(to: String.self),
                            span: mention.assumingMemoryBound(to: Mention.self).pointee.span,
                            text: (mention + Self.mentionText).assumingMemoryBound(to: String.self), strings: strings, to: &writer
                        )
                    }
                }
                Self.endActor(to: &writer)
            }
        }
        writer.beginRelations()
        relations.withUnsafeBufferPointer { relations in
            for index in relations.indices {
                let relation = relations.baseAddress! + index
                layouts.beginHeader(in: &writer)
                layouts.header.writeRelation(
                    source: relation.pointee.source, target: relation.pointee.target, kind: relation.pointee.kind,
                    weight: relation.pointee.weight, to: &writer
                )
                relation.pointee.evidence.withUnsafeBufferPointer { evidence in
                    for index in evidence.indices {
                        layouts.beginEvidence(in: &writer)
                        Self.write(evidence.baseAddress! + index, layout: &layouts.evidence, strings: strings, to: &writer)
                    }
                }
                Self.endRelation(to: &writer)
            }
        }
        writer.endGraph()
    }

    /// Writes an evidence item read in place, its strings through `strings`.
    @inline(__always)
    private static func write(_ item: UnsafePointer<Evidence>, layout: inout EvidenceLayout, strings: DocumentStrings, to writer: inout JSONWriter) {
        // Most items have no speaker: one that has is copied to be pointed at.
        if let speaker = item.pointee.attributedTo {
            withUnsafePointer(to: speaker) { write(item, speaker: $0, layout: &layout, strings: strings, to: &writer) }
        } else {
            write(item, speaker: nil, layout: &layout, strings: strings, to: &writer)
        }
    }

    @inline(__always)
    private static func write(
        _ item: UnsafePointer<Evidence>, speaker: UnsafePointer<String>?, layout: inout EvidenceLayout, strings: DocumentStrings,
        to writer: inout JSONWriter
    ) {
        let raw = UnsafeRawPointer(item)
        layout.write(
            article: (raw + evidenceArticle).assumingMemoryBound(to: String.self), sentence: item.pointee.sentence,
            source: item.pointee.source, target: item.pointee.target, cue: item.pointee.cue, modality: item.pointee.modality,
            speaker: speaker, tense: item.pointee.tense, rule: (raw + evidenceRule).assumingMemoryBound(to: String.self),
            confidence: item.pointee.confidence, strings: strings, to: &writer
        )
    }

    /// Where the strings of mentions and evidence items lie in them.
    private static let mentionArticle = MemoryLayout<Mention>.offset(of: \Mention.article)!
    private static let mentionText = MemoryLayout<Mention>.offset(of: \Mention.text)!
    private static let evidenceArticle = MemoryLayout<Evidence>.offset(of: \Evidence.article)!
    private static let evidenceRule = MemoryLayout<Evidence>.offset(of: \Evidence.rule)!

    /// The layouts of a document's mentions and evidence, at the depth a graph's own lists
    /// put them, made once per process for each style.
    static let documentLayouts = RecordLayouts(headerDepth: 3, compact: false)
    static let lineLayouts = RecordLayouts(headerDepth: 3, compact: true)

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

    /// An article, as a record on one line.
    static func write(_ article: Article, to writer: inout JSONWriter) {
        _ = writer.beginFlatObject()
        writer.recordKey("id", first: true); writer.flatValue(article.id)
        writer.recordKey("title", first: false); writer.flatValue(article.title)
        writer.recordKey("date", first: false); writer.flatValue(article.date)
        writer.recordKey("source", first: false); writer.flatValue(article.source)
        writer.endRecord()
    }

    static func write(_ actor: Actor, to writer: inout JSONWriter) {
        beginActor(actor, to: &writer)
        for mention in actor.mentions { writeMention(article: mention.article, span: mention.span, text: mention.text, to: &writer) }
        endActor(to: &writer)
    }

    /// An actor's fields up to its mentions list, opened; the mentions follow, then
    /// ``endActor(to:)``. The pieces serve a merge written straight from its packed records.
    ///
    /// Written as a flat object, without the general calls' bookkeeping per field: a graph
    /// has an actor for every few mentions.
    static func beginActor(_ actor: Actor, to writer: inout JSONWriter) {
        let depth = writer.beginFlatObject()
        writer.flatKey("id", depth: depth, first: true); writer.flatValue(actor.id)
        writer.flatKey("name", depth: depth, first: false); writer.flatValue(actor.name)
        writer.flatKey("kind", depth: depth, first: false); writer.flatValue(actor.kind.rawValue)
        writer.flatKey("country", depth: depth, first: false); writer.flatValue(actor.country)
        writer.flatKey("mentions", depth: depth, first: false); writer.beginArray(valueOfFlatFieldAt: depth)
    }

    static func endActor(to writer: inout JSONWriter) {
        writer.endArray()
        writer.endObject()
    }

    /// A mention, as a record on one line.
    static func writeMention(article: String, span: Span, text: String, to writer: inout JSONWriter) {
        _ = writer.beginFlatObject()
        writer.recordKey("article", first: true); writer.flatValue(article)
        writer.recordKey("start", first: false); writer.flatValue(span.start)
        writer.recordKey("end", first: false); writer.flatValue(span.end)
        writer.recordKey("text", first: false); writer.flatValue(text)
        writer.endRecord()
    }

    static func write(_ relation: Relation, to writer: inout JSONWriter) {
        beginRelation(relation.key, weight: relation.weight, to: &writer)
        for item in relation.evidence {
            writeEvidence(
                article: item.article, sentence: item.sentence, source: item.source, target: item.target, cue: item.cue,
                modality: item.modality, attributedTo: item.attributedTo, tense: item.tense, rule: item.rule,
                confidence: item.confidence, to: &writer
            )
        }
        endRelation(to: &writer)
    }

    /// A relation's fields up to its evidence list, opened; the evidence follows, then
    /// ``endRelation(to:)``.
    static func beginRelation(_ key: RelationKey, weight: Int, to writer: inout JSONWriter) {
        beginRelation(source: key.source, target: key.target, kind: key.kind, weight: weight, to: &writer)
    }

    /// ``beginRelation(_:weight:to:)`` from the relation's fields, without making its key;
    /// written as a flat object, as ``beginActor(_:to:)`` is.
    static func beginRelation(source: String, target: String, kind: RelationKind, weight: Int, to writer: inout JSONWriter) {
        let depth = writer.beginFlatObject()
        writer.flatKey("source", depth: depth, first: true); writer.flatValue(source)
        writer.flatKey("target", depth: depth, first: false); writer.flatValue(target)
        writer.flatKey("kind", depth: depth, first: false); writer.flatValue(kind.rawValue)
        writer.flatKey("directed", depth: depth, first: false); writer.flatValue(kind.isDirected)
        writer.flatKey("weight", depth: depth, first: false); writer.flatValue(weight)
        writer.flatKey("evidence", depth: depth, first: false); writer.beginArray(valueOfFlatFieldAt: depth)
    }

    static func endRelation(to writer: inout JSONWriter) {
        writer.endArray()
        writer.endObject()
    }

    static func writeEvidence(
        article: String, sentence: Span, source: Span, target: Span, cue: Span, modality: Modality, attributedTo: String?,
        tense: Tense, rule: String, confidence: Double, to writer: inout JSONWriter
    ) {
        let depth = writer.beginFlatObject()
        writer.recordKey("article", first: true); writer.flatValue(article)
        writer.recordKey("sentence", first: false); write(sentence, at: depth, to: &writer)
        writer.recordKey("source", first: false); write(source, at: depth, to: &writer)
        writer.recordKey("target", first: false); write(target, at: depth, to: &writer)
        writer.recordKey("cue", first: false); write(cue, at: depth, to: &writer)
        writer.recordKey("modality", first: false); writer.flatValue(modality.rawValue)
        writer.recordKey("attributedTo", first: false); writer.flatValue(attributedTo)
        writer.recordKey("tense", first: false); writer.flatValue(tense.rawValue)
        writer.recordKey("rule", first: false); writer.flatValue(rule)
        writer.recordKey("confidence", first: false); writer.flatNumber(confidence)
        writer.endRecord()
    }

    /// A span as the value of the record field just written at `depth`, on the record's line.
    private static func write(_ span: Span, at depth: Int, to writer: inout JSONWriter) {
        _ = writer.beginFlatObject(valueAt: depth)
        writer.recordKey("start", first: true); writer.flatValue(span.start)
        writer.recordKey("end", first: false); writer.flatValue(span.end)
        writer.endRecord()
    }
}

/// The frame of a graph document, for writers that produce its items one at a time: a
/// graph's own lists, or a corpus's merge as it is taken apart.
extension JSONWriter {
    /// Opens the document and its articles list.
    mutating func beginGraph() {
        beginObject()
        key("schemaVersion"); int(Graph.schemaVersion)
        key("articles"); beginArray()
    }

    /// Closes the articles and opens the actors.
    mutating func beginActors() {
        endArray()
        key("actors"); beginArray()
    }

    /// Closes the actors and opens the relations.
    mutating func beginRelations() {
        endArray()
        key("relations"); beginArray()
    }

    /// Closes the relations and the document, with a final line break.
    mutating func endGraph() {
        endArray()
        endObject()
        endLine()
    }
}

/// The record layouts of one style: actors' and relations' fields at `headerDepth`, and
/// their mentions' and evidence's two levels deeper, inside their lists.
struct RecordLayouts: Sendable {
    var header: HeaderLayout
    var mention: MentionLayout
    var evidence: EvidenceLayout

    init(headerDepth: Int, compact: Bool) {
        let writer = JSONWriter(capacity: 64, compact: compact)
        header = HeaderLayout(depth: headerDepth, writer: writer)
        mention = MentionLayout(depth: headerDepth + 2, writer: writer)
        evidence = EvidenceLayout(depth: headerDepth + 2, writer: writer)
    }

    /// Opens an actor or a relation, with the layouts made again if it is at another depth.
    mutating func beginHeader(in writer: inout JSONWriter) {
        let depth = writer.beginFlatObject()
        if header.depth != depth { self = RecordLayouts(headerDepth: depth, compact: writer.isCompact) }
    }

    /// Opens a mention, with the layouts made again if it is at another depth.
    mutating func beginMention(in writer: inout JSONWriter) {
        let depth = writer.beginFlatObject()
        if mention.depth != depth { self = RecordLayouts(headerDepth: depth - 2, compact: writer.isCompact) }
    }

    /// Opens an evidence item, with the layouts made again if it is at another depth.
    mutating func beginEvidence(in writer: inout JSONWriter) {
        let depth = writer.beginFlatObject()
        if evidence.depth != depth { self = RecordLayouts(headerDepth: depth - 2, compact: writer.isCompact) }
    }
}
