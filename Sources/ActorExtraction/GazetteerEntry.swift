import ActorGraph

/// One actor as the gazetteer's resource files describe it.
///
/// The schema is shared by the built-in files under `Resources/gazetteer/` and by the
/// files users pass with `--actors`.
public struct GazetteerEntry: Codable, Sendable, Equatable {
    /// ISO 3166-1 alpha-3 for states, a lowercase slug otherwise.
    public var id: String
    /// The name shown in graphs.
    public var name: String
    /// The kind of actor.
    public var kind: ActorKind
    /// The state a person or agency belongs to.
    public var country: String?
    /// Names as written in news ("the United States", "U.S.").
    public var aliases: [String]?
    /// Adjectives and nouns for a state's people ("Japanese", "Americans").
    public var demonyms: [String]?
    /// Capitals and seats of power standing for a government ("Tokyo", "the Kremlin").
    public var metonyms: [String]?
    /// Actors a collective stands for ("the Anglo-Saxons": USA, GBR).
    public var members: [String]?
    /// Aliases that are also common words or other places; they count only when the
    /// article names the actor unambiguously too.
    public var ambiguous: [String]?
    /// A person's family name, which names them once the article has named them in full.
    public var surname: String?
    /// Offices a person held, with dates.
    public var offices: [Office]?

    /// Creates an entry.
    public init(
        id: String, name: String, kind: ActorKind, country: String? = nil, aliases: [String]? = nil,
        demonyms: [String]? = nil, metonyms: [String]? = nil, members: [String]? = nil,
        ambiguous: [String]? = nil, surname: String? = nil, offices: [Office]? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.aliases = aliases
        self.demonyms = demonyms
        self.metonyms = metonyms
        self.members = members
        self.ambiguous = ambiguous
        self.surname = surname
        self.offices = offices
    }
}

/// An office a person held: a role in a state or organisation between two dates.
public struct Office: Codable, Sendable, Equatable {
    /// The role, from the vocabulary of `roles.json` ("prime minister", "foreign minister").
    public var role: String
    /// The state's ISO code or the organisation's id.
    public var country: String
    /// First day in office, `YYYY-MM-DD`.
    public var from: String
    /// The day the office passed to a successor (not itself a day in office), or `nil`
    /// while in office.
    public var to: String?

    /// Whether the office was held on `date` (`YYYY-MM-DD`; ISO dates compare as strings).
    /// On a handover day the successor holds it.
    public func isHeld(on date: String) -> Bool {
        from <= date && (to.map { date < $0 } ?? true)
    }
}

/// The file format of gazetteer resources: `{"schema": 1, "actors": [...]}`.
struct GazetteerFile: Codable {
    var schema: Int?
    var actors: [GazetteerEntry]
}
