/// Which voices of an article a filter keeps.
public enum Voice: String, Sendable, CaseIterable {
    /// Evidence in the article's own voice (`attributedTo` is `nil`).
    case article
    /// Evidence the article reports from someone else (`attributedTo` names them).
    case quoted
    /// Every piece of evidence.
    case all

    /// Whether `evidence` is spoken in this voice.
    public func admits(_ evidence: Evidence) -> Bool {
        switch self {
        case .article: evidence.attributedTo == nil
        case .quoted: evidence.attributedTo != nil
        case .all: true
        }
    }
}

/// What part of a graph to keep: an actor's neighbourhood, some relation kinds, well
/// attested relations, asserted or quoted evidence, a span of publication dates.
///
/// Filters work at two levels. Evidence filters (``assertedOnly``, ``voice``, ``since``,
/// ``until``) drop sentences, so a relation's weight counts only what passed, and a
/// relation left with no evidence goes. Relation filters (``kinds``, ``minimumWeight``,
/// ``focus``) then drop whole edges.
///
/// ```swift
/// var filter = GraphFilter()
/// filter.focus = "Tokyo"
/// filter.kinds = [.alliance, .threat]
/// let view = try graph.filtered(filter)
/// ```
public struct GraphFilter: Sendable, Equatable {
    /// The actor whose neighbourhood to keep, by id, name or a name the text used for it.
    public var focus: String?
    /// How many relations away from ``focus`` an actor may be and stay.
    public var depth: Int
    /// The relation kinds to keep; `nil` keeps every kind.
    public var kinds: Set<RelationKind>?
    /// The fewest stating sentences a relation needs to stay.
    public var minimumWeight: Int
    /// Whether to drop hypothetical, negated and question evidence.
    public var assertedOnly: Bool
    /// Whose voice to keep.
    public var voice: Voice
    /// The earliest article date to keep, `YYYY-MM-DD`, inclusive.
    public var since: String?
    /// The latest article date to keep, `YYYY-MM-DD`, inclusive.
    public var until: String?

    /// Creates a filter; with no arguments it keeps the whole graph.
    public init(
        focus: String? = nil, depth: Int = 1, kinds: Set<RelationKind>? = nil, minimumWeight: Int = 1,
        assertedOnly: Bool = false, voice: Voice = .all, since: String? = nil, until: String? = nil
    ) {
        self.focus = focus
        self.depth = depth
        self.kinds = kinds
        self.minimumWeight = minimumWeight
        self.assertedOnly = assertedOnly
        self.voice = voice
        self.since = since
        self.until = until
    }

    /// Whether the filter keeps every graph as it is.
    public var keepsEverything: Bool { self == GraphFilter() }

    /// Whether the filter selects relations, so that actors no kept relation touches are
    /// left out: a view of alliances should not be crowded with actors in none.
    var selectsRelations: Bool {
        focus != nil || kinds != nil || minimumWeight > 1 || assertedOnly || voice != .all
    }

    /// Whether an article falls within ``since`` and ``until``. An undated article falls
    /// outside any date bound, since nothing says it belongs.
    func admits(_ article: Article) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let date = article.date else { return false }
        // ISO dates compare correctly as strings.
        if let since, date < since { return false }
        if let until, date > until { return false }
        return true
    }

    func admits(_ evidence: Evidence) -> Bool {
        (!assertedOnly || evidence.modality == .asserted) && voice.admits(evidence)
    }
}

/// Why a filter could not be applied.
public enum GraphFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No actor of the graph goes by the name given to `--focus`.
    case unknownActor(String)
    /// Several actors go by the name given to `--focus`.
    case ambiguousActor(String, candidates: [String])

    /// The message a person reads.
    public var description: String {
        switch self {
        case .unknownActor(let name):
            "no actor '\(name)' in the graph (give an id, a name or a name the text uses)"
        case .ambiguousActor(let name, let candidates):
            "'\(name)' names several actors (\(candidates.joined(separator: ", "))); give an id"
        }
    }
}
