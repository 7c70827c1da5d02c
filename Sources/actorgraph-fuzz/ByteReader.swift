import ActorGraph
import GraphRendering

/// Spells a small graph out of fuzz bytes: every count, choice and string comes from the
/// input, so libFuzzer steers hostile names, ids and spans straight into the writers
/// without first having to learn JSON syntax.
///
/// Running out of bytes reads zeros, so every input spells some graph.
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// Up to 31 bytes, decoded as UTF-8 with replacement: any scalar, control
    /// characters included.
    mutating func string() -> String {
        let length = Int(byte() % 32)
        let end = min(index + length, bytes.count)
        defer { index = end }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    mutating func optionalString() -> String? {
        byte() & 1 == 0 ? nil : string()
    }

    mutating func choice<T>(_ items: [T]) -> T {
        items[Int(byte()) % items.count]
    }

    /// A span inside the first few hundred code points; now and then a reversed one, as a
    /// hand-edited JSON file may hold.
    mutating func span() -> Span {
        let start = Int(byte()) + Int(byte() % 4) * 256
        let length = Int(byte() % 64)
        return byte() == 0xFF ? Span(start: start, end: start - length - 1) : Span(start: start, end: start + length)
    }

    /// The graph, and the text of its first article (what is left of the input).
    mutating func graph() -> (Graph, ArticleTexts) {
        let articles = (0..<(1 + Int(byte() % 2))).map { number in
            let id = string()
            return Article(id: id.isEmpty ? "article-\(number)" : id, title: optionalString(),
                           date: byte() & 1 == 0 ? "2023-01-12" : optionalString(), source: optionalString())
        }
        let articleIDs = articles.map(\.id)
        var ids: [String] = []
        for number in 0..<(1 + Int(byte() % 6)) {
            let id = string()
            ids.append(id.isEmpty || ids.contains(id) ? "\(id)#\(number)" : id)
        }
        let actors = ids.map { id in
            Actor(
                id: id, name: string(), kind: choice(ActorKind.allCases),
                country: byte() & 1 == 0 ? nil : (byte() & 1 == 0 ? choice(ids) : string()),
                mentions: (0..<Int(byte() % 3)).map { _ in Mention(article: choice(articleIDs), span: span(), text: string()) }
            )
        }
        var relations: [RelationKey: Relation] = [:]
        for _ in 0..<Int(byte() % 8) {
            let (source, target, kind) = (choice(ids), choice(ids), choice(RelationKind.allCases))
            let evidence = (0..<(1 + Int(byte() % 3))).map { _ in
                Evidence(
                    article: choice(articleIDs), sentence: span(), source: span(), target: span(), cue: span(),
                    modality: choice(Modality.allCases), attributedTo: byte() & 1 == 0 ? nil : (byte() & 1 == 0 ? choice(ids) : string()),
                    tense: choice(Tense.allCases), rule: string(), confidence: Double(byte()) / 255
                )
            }
            let relation = Relation(source: source, target: target, kind: kind, evidence: evidence)
            relations[relation.key, default: Relation(source: source, target: target, kind: kind, evidence: [])].evidence += relation.evidence
        }
        let text = String(decoding: bytes[min(index, bytes.count)...], as: UTF8.self)
        return (Graph(articles: articles, actors: actors, relations: Array(relations.values)), ArticleTexts([articleIDs[0]: text]))
    }
}
