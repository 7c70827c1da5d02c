/// The bytes of an actor's fields up to its mentions, and of a relation's up to its
/// evidence, that are the same for every one at one depth, cut where their values go, as
/// ``MentionLayout`` is for mentions; each kind's value is made into bytes once, with the
/// key after it. Made with the writer's own calls, so the bytes are those
/// ``Graph/beginActor(_:to:)`` and ``Graph/beginRelation(source:target:kind:weight:to:)`` write.
struct HeaderLayout: Sendable {
    /// The depth of the fields, as ``JSONWriter/beginFlatObject()`` gives it.
    let depth: Int
    private let actorID, actorName, actorMentions: [UInt8]
    /// The key and value of the kind, and the key of the country, in the order of `ActorKind.allCases`.
    private let actorKind: [[UInt8]]
    private let relationSource, relationTarget, relationEvidence: [UInt8]
    /// The kind and whether it is directed, with their keys, and the key of the weight, in
    /// the order of `RelationKind.allCases`.
    private let relationKind: [[UInt8]]
    /// An article's keys, each after the value before it, and its closing: an article's
    /// line is one record whatever the depth.
    private let articleID, articleTitle, articleDate, articleSource, articleClose: [UInt8]

    init(depth: Int, writer: borrowing JSONWriter) {
        self.depth = depth
        func key(_ name: StaticString, first: Bool = false) -> [UInt8] { writer.flatKeyBytes(name, depth: depth, first: first) }
        actorID = key("id", first: true)
        actorName = key("name")
        let countryKey = key("country")
        actorKind = ActorKind.allCases.map { key("kind") + writer.flatValueBytes($0.rawValue) + countryKey }
        actorMentions = key("mentions")
        relationSource = key("source", first: true)
        relationTarget = key("target")
        let weightKey = key("weight")
        relationKind = RelationKind.allCases.map { kind in
            key("kind") + writer.flatValueBytes(kind.rawValue) + key("directed") + Array((kind.isDirected ? "true" : "false").utf8) + weightKey
        }
        relationEvidence = key("evidence")
        articleID = writer.recordKeyBytes("id", first: true)
        articleTitle = writer.recordKeyBytes("title", first: false)
        articleDate = writer.recordKeyBytes("date", first: false)
        articleSource = writer.recordKeyBytes("source", first: false)
        articleClose = writer.endRecordBytes()
    }

    /// Writes an article as the next item of the current list, as ``Graph/write(_:to:)``
    /// does, its keys copied: the record calls' keys and separators cost 480 instructions
    /// of an article's 1,500 in a corpus's merged write; copied, the line costs 1,170.
    func writeArticle(_ article: Article, to writer: inout JSONWriter) {
        _ = writer.beginFlatObject()
        writer.raw(articleID)
        writer.flatValue(article.id)
        writer.raw(articleTitle)
        writer.flatValue(article.title)
        writer.raw(articleDate)
        writer.flatValue(article.date)
        writer.raw(articleSource)
        writer.flatValue(article.source)
        writer.raw(articleClose)
    }

    /// Writes the fields of an actor opened with ``JSONWriter/beginFlatObject()`` at
    /// ``depth``, and opens its mentions.
    func writeActor(id: String, name: String, kind: ActorKind, country: String?, to writer: inout JSONWriter) {
        writer.raw(actorID)
        writer.flatValue(id)
        writer.raw(actorName)
        writer.flatValue(name)
        writer.raw(actorKind[Self.position(kind)])
        writer.flatValue(country)
        writer.raw(actorMentions)
        writer.beginArray(valueOfFlatFieldAt: depth)
    }

    /// Writes the fields of a relation opened with ``JSONWriter/beginFlatObject()`` at
    /// ``depth``, and opens its evidence.
    func writeRelation(source: String, target: String, kind: RelationKind, weight: Int, to writer: inout JSONWriter) {
        writer.raw(relationSource)
        writer.flatValue(source)
        writer.raw(relationTarget)
        writer.flatValue(target)
        writer.raw(relationKind[Self.position(kind)])
        writer.flatValue(weight)
        writer.raw(relationEvidence)
        writer.beginArray(valueOfFlatFieldAt: depth)
    }

    private static func position(_ kind: ActorKind) -> Int { kind.declarationIndex }

    private static func position(_ kind: RelationKind) -> Int { kind.declarationIndex }
}
