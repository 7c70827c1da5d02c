import ActorGraph

/// The actors one article can refer to: the gazetteer's, plus the names found only in
/// this article (a titled stranger, a research centre) appended after them.
struct ActorTable {
    let gazetteer: Gazetteer
    /// This article's own actors, after the gazetteer's. Their four fields only, not whole
    /// entries: an entry of eleven fields, seven of them always `nil` here, was copied and
    /// destroyed for each name added, some 400 instructions.
    private var local: [LocalActor] = []
    /// This article's own actors by id, made once there are more than
    /// ``searchedLocals``: an article finds about one, which a search finds quicker than a
    /// dictionary costs to make, but a long list of names of its own made the search
    /// grow with the square of their number.
    private var localsByID: [String: Int32]?
    private static let searchedLocals = 8
    /// The room made in ``local`` at the first name added.
    private static let reservedLocals = 4
    /// The gazetteer's number of entries, where this article's own start: asked of every
    /// actor looked up.
    private let base: Int32

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        base = Int32(gazetteer.entries.count)
    }

    func entry(at index: Int32) -> GazetteerEntry {
        return index < base ? gazetteer.entry(at: index) : local[Int(index - base)].entry
    }

    /// The number of actors: the gazetteer's and this article's own.
    var count: Int { Int(base) + local.count }

    /// The id of the actor at `index`, without copying its entry.
    func id(at index: Int32) -> String {
        return index < base ? gazetteer.entries[Int(index)].id : local[Int(index - base)].id
    }

    /// The name of the actor at `index`, without copying its entry.
    func name(at index: Int32) -> String {
        return index < base ? gazetteer.entries[Int(index)].name : local[Int(index - base)].name
    }

    /// Whether the id of the actor at `a` sorts before that of the actor at `b`.
    ///
    /// The gazetteer's entries are in id order, so two of them compare by index, without
    /// comparing strings.
    func idPrecedes(_ a: Int32, _ b: Int32) -> Bool {
        if a < base, b < base { return a < b }
        return id(at: a) < id(at: b)
    }

    /// Whether the actor was found in this article rather than listed in the gazetteer.
    func isLocal(_ index: Int32) -> Bool { index >= base }

    func index(of id: String) -> Int32? {
        gazetteer.index(of: id) ?? localIndex(of: id)
    }

    /// The index of this article's own actor with this id.
    private func localIndex(of id: String) -> Int32? {
        if let localsByID { return localsByID[id] }
        for (position, entry) in local.enumerated() where entry.id == id { return base + Int32(position) }
        return nil
    }

    /// Adds an actor the gazetteer does not know, or returns the one added before. An
    /// article's own actor keeps the entry's id, name, kind and country, and no more: its
    /// aliases, demonyms, members and offices are not looked up within an article.
    mutating func addLocal(_ entry: GazetteerEntry) -> Int32 {
        addLocal(id: entry.id, name: entry.name, kind: entry.kind, country: entry.country)
    }

    /// ``addLocal(_:)`` for an actor of these fields, made only when the actor is new.
    mutating func addLocal(id: String, name: String, kind: ActorKind, country: String? = nil) -> Int32 {
        if let existing = existingIndex(of: id) { return existing }
        // Room for a few at the first: grown one at a time, the list was made again at
        // nearly every name an article added.
        if local.isEmpty { local.reserveCapacity(Self.reservedLocals) }
        local.append(LocalActor(id: id, name: name, kind: kind, country: country))
        return indexAdded(id: id)
    }

    /// The index of the actor listed or added before with this id.
    private func existingIndex(of id: String) -> Int32? {
        // The gazetteer's dictionary only for an id its filter may hold: most are new.
        (gazetteer.mayList(id) ? gazetteer.index(of: id) : nil) ?? localIndex(of: id)
    }

    /// The index of the actor just appended to `local`, whose id is `id`, entered in the
    /// dictionary of ids when there is one or when the list has grown long enough for it.
    private mutating func indexAdded(id: String) -> Int32 {
        let index = base + Int32(local.count - 1)
        if localsByID != nil {
            localsByID![id] = index
        } else if local.count > Self.searchedLocals {
            var byID: [String: Int32] = [:]
            for (position, entry) in local.enumerated() { byID[entry.id] = base + Int32(position) }
            localsByID = byID
        }
        return index
    }

    /// Gives an actor found in this article the state of the organisation the text ties it
    /// to ("Professor Itsuro Nakamura of the University of Tsukuba" is Japanese).
    mutating func inferCountry(of person: Int32, from organisation: Int32) {
        guard person >= base, local[Int(person - base)].country == nil, let state = state(of: organisation) else { return }
        local[Int(person - base)].country = id(at: state)
    }

    /// The kind of the actor at `index`, without copying its entry: rules ask it of most
    /// mentions they look at.
    func kind(of index: Int32) -> ActorKind {
        return index < base ? gazetteer.kinds[Int(index)] : local[Int(index - base)].kind
    }

    /// The country of the actor at `index`, without copying its entry.
    func country(of index: Int32) -> String? {
        return index < base ? gazetteer.entries[Int(index)].country : local[Int(index - base)].country
    }

    /// The one person who held `role` in the actor at `country` on `date`, if exactly one did.
    func holder(of role: String, in country: Int32, on date: String) -> Int32? {
        guard country < base else { return gazetteer.holder(of: role, in: local[Int(country - base)].id, on: date) }
        return gazetteer.holder(of: role, inEntry: country, on: date)
    }

    /// The state an actor stands for: itself for a state, its country for anyone else.
    func state(of index: Int32) -> Int32? {
        guard index < base else {
            if local[Int(index - base)].kind == .state { return index }
            return local[Int(index - base)].country.flatMap { self.index(of: $0) }
        }
        if gazetteer.kinds[Int(index)] == .state { return index }
        if let country = gazetteer.countryIndex[Int(index)] { return country }
        return gazetteer.entries[Int(index)].country.flatMap { localIndex(of: $0) }
    }
}

/// An actor found only in one article: a titled stranger, a research centre.
struct LocalActor {
    var id: String
    var name: String
    var kind: ActorKind
    var country: String?

    /// The actor as a gazetteer entry, for callers that read entries.
    var entry: GazetteerEntry { GazetteerEntry(id: id, name: name, kind: kind, country: country) }
}
