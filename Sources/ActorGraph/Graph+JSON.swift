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
        var writer = JSONWriter()
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
        return writer.text + "\n"
    }

    /// The JSON of ``jsonString()`` as UTF-8 bytes.
    public func jsonData() -> Data { Data(jsonString().utf8) }

    /// Reads a graph from JSON of schema v1 and puts it into canonical order.
    ///
    /// - Throws: ``GraphDecodingError`` naming what is missing or malformed.
    public init(jsonData data: Data) throws {
        let document: GraphDocument
        do {
            document = try JSONDecoder().decode(GraphDocument.self, from: data)
        } catch let error as DecodingError {
            throw GraphDecodingError(description: Self.describe(error))
        } catch {
            throw GraphDecodingError(description: "not graph JSON: \(error.localizedDescription)")
        }
        guard document.schemaVersion == Graph.schemaVersion else {
            throw GraphDecodingError(description: "unsupported schemaVersion \(document.schemaVersion) (this version reads \(Graph.schemaVersion))")
        }
        self.init(articles: document.articles, actors: document.actors, relations: document.relations)
    }

    private struct GraphDocument: Decodable {
        var schemaVersion: Int
        var articles: [Article]
        var actors: [Actor]
        var relations: [Relation]
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "at the top level" : "at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "malformed value \(path(context))"
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "not graph JSON"
        }
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
