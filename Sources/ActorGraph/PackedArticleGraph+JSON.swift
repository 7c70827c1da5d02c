import Foundation

extension PackedArticleGraph {
    /// The JSON of the article's graph, byte for byte ``Graph/jsonData()`` (or, `compact`,
    /// ``Graph/jsonLine()``) of ``graph``, written from the packed lists: a mapper's run no
    /// longer makes the graph's forty lists and strings to write them and free them again.
    /// `nil` unless the lists are in the graph's order (``isInGraphOrder``).
    package func jsonData(compact: Bool) -> Data? {
        guard isInGraphOrder else { return nil }
        var writer = JSONWriter(capacity: 1024 + 600 * relations.count + 200 * actors.count, compact: compact)
        strings.withUnsafeBufferPointer { strings in
            text.withUnsafeBufferPointer { text in
                withUnsafePointer(to: article.id) { id in
                    var document = PackedDocument(graph: self, strings: strings, text: text, article: id)
                    document.write(to: &writer)
                }
            }
        }
        return writer.takeData()
    }
}

/// A packed graph's JSON document, as ``Graph``'s own is written: its records from their
/// layouts, its strings through ``PackedDocumentStrings``.
private struct PackedDocument {
    let graph: PackedArticleGraph
    let strings: UnsafeBufferPointer<String>
    let text: UnsafeBufferPointer<UInt8>
    let article: UnsafePointer<String>
    var layouts: RecordLayouts

    init(graph: PackedArticleGraph, strings: UnsafeBufferPointer<String>, text: UnsafeBufferPointer<UInt8>, article: UnsafePointer<String>) {
        self.graph = graph
        self.strings = strings
        self.text = text
        self.article = article
        layouts = Graph.lineLayouts
    }

    private func string(_ place: Int32) -> UnsafePointer<String> { strings.baseAddress! + Int(place) }

    mutating func write(to writer: inout JSONWriter) {
        layouts = writer.isCompact ? Graph.lineLayouts : Graph.documentLayouts
        let encoded = PackedDocumentStrings()
        writer.beginGraph()
        Graph.write(graph.article, to: &writer)
        writer.beginActors()
        graph.mentions.withUnsafeBufferPointer { mentions in
            var start = 0
            for node in graph.actors {
                layouts.beginHeader(in: &writer)
                layouts.header.writeActor(
                    id: string(node.id).pointee, name: string(node.name).pointee, kind: node.kind,
                    country: node.country < 0 ? nil : string(node.country).pointee, to: &writer
                )
                for mention in mentions[start..<Int(node.mentionEnd)] {
                    layouts.beginMention(in: &writer)
                    let bytes = UnsafeBufferPointer(rebasing: text[Int(mention.text.lowerBound)..<Int(mention.text.upperBound)])
                    layouts.mention.write(article: .string(article), span: mention.span, text: .utf8(bytes), strings: encoded, to: &writer)
                }
                start = Int(node.mentionEnd)
                Graph.endActor(to: &writer)
            }
        }
        writer.beginRelations()
        graph.evidence.withUnsafeBufferPointer { evidence in
            var start = 0
            for edge in graph.relations {
                layouts.beginHeader(in: &writer)
                let end = Int(edge.evidenceEnd)
                layouts.header.writeRelation(
                    source: string(edge.source).pointee, target: string(edge.target).pointee, kind: edge.kind, weight: end - start, to: &writer
                )
                for item in evidence[start..<end] {
                    layouts.beginEvidence(in: &writer)
                    layouts.evidence.write(
                        article: .string(article), sentence: item.sentence, source: item.source, target: item.target, cue: item.cue,
                        modality: item.modality, speaker: item.speaker < 0 ? nil : .string(string(item.speaker)), tense: item.tense,
                        rule: .string(string(item.rule)), confidence: item.confidence, strings: encoded, to: &writer
                    )
                }
                start = end
                Graph.endRelation(to: &writer)
            }
        }
        writer.endGraph()
    }
}

/// The strings of a packed graph's records: its own strings, through the cache a graph's
/// document writes its strings through, and mention texts, stretches of the article's
/// bytes, written as they are.
private struct PackedDocumentStrings: LayoutStrings {
    enum Handle {
        case string(UnsafePointer<String>)
        case utf8(UnsafeBufferPointer<UInt8>)
    }

    private let strings = DocumentStrings()

    func write(_ handle: Handle, to writer: inout JSONWriter) {
        switch handle {
        case let .string(string): strings.write(string, to: &writer)
        case let .utf8(bytes): writer.flatValue(utf8: bytes)
        }
    }
}
