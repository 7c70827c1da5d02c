/// A node of the graph: a state, person, organisation or group, with every mention found.
///
/// ```swift
/// let japan = Actor(id: "JPN", name: "Japan", kind: .state)
/// ```
public struct Actor: Codable, Hashable, Sendable {
    /// ISO 3166-1 alpha-3 for states, a lowercase slug for everything else.
    public var id: String
    /// The name shown to readers.
    public var name: String
    /// What sort of actor this is.
    public var kind: ActorKind
    /// The state a person or agency belongs to, where known.
    // Spelled out rather than `String?`, which gives the stored property an initial `nil`:
    // with it, an actor made in another module was copied and destroyed once more.
    public var country: Optional<String>
    /// Every place the actor is named, in canonical order.
    public var mentions: [Mention]

    /// Creates an actor.
    public init(id: String, name: String, kind: ActorKind, country: String? = nil, mentions: [Mention] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.mentions = mentions
    }
}
