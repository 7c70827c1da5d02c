import ActorGraph
import Foundation

/// The actors the extractor knows by name, and the phrases that name them.
///
/// Built from the JSON files under `Resources/gazetteer/` and, optionally, a user's file
/// of extra actors that add to or override the built-in ones (`--actors`).
///
/// ```swift
/// let gazetteer = try Gazetteer.builtIn()
/// gazetteer.entry(id: "JPN")?.name  // "Japan"
/// ```
public struct Gazetteer: Sendable {
    /// How a phrase names its actor; decides how sure a mention is.
    enum Form: UInt8, Sendable, Comparable {
        case name, metonym, demonym, surname, role, stranger
        static func < (lhs: Form, rhs: Form) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Surface: Sendable {
        var actor: Int32
        var form: Form
        var ambiguous: Bool
    }

    /// The tables below, in one object shared by every copy: each article copies the
    /// gazetteer into the values it works with (its actor table, the mention finder), and a
    /// copy of nine arrays and two tries retained and released each of them.
    private final class Tables: Sendable {
        let entries: [GazetteerEntry]
        let indexByID: [String: Int32]
        let countryIndex: [Int32?]
        let officeCountryIndex: [[Int32?]]
        let kinds: [ActorKind]
        let phrases: TokenTrie<Surface>
        let bestPhrases: [Surface]
        let surnames: TokenTrie<Surface>
        let officeHolders: [String: [(actor: Int32, office: Office)]]
        let officesByCountry: [[(role: String, holders: [(actor: Int32, office: Office)])]]
        let phraseStarts: KeyFilter
        let idKeys: KeyFilter
        /// Whether every id is ASCII, which the filter of ids then answers for exactly.
        let asciiIDs: Bool
        /// Each entry's ``Gazetteer/idPrefix(_:)``, in id order; used when ``asciiIDs``.
        let idPrefixes: [UInt64]

        init(
            entries: [GazetteerEntry], indexByID: [String: Int32], countryIndex: [Int32?], officeCountryIndex: [[Int32?]], kinds: [ActorKind],
            phrases: TokenTrie<Surface>, bestPhrases: [Surface], surnames: TokenTrie<Surface>, officeHolders: [String: [(actor: Int32, office: Office)]],
            officesByCountry: [[(role: String, holders: [(actor: Int32, office: Office)])]]
        ) {
            self.entries = entries
            self.indexByID = indexByID
            self.countryIndex = countryIndex
            self.officeCountryIndex = officeCountryIndex
            self.kinds = kinds
            self.phrases = phrases
            self.bestPhrases = bestPhrases
            self.surnames = surnames
            self.officeHolders = officeHolders
            self.officesByCountry = officesByCountry
            phraseStarts = Gazetteer.exactStarts(of: phrases.firstKeyFilter)
            var idKeys = KeyFilter()
            for entry in entries { idKeys.insert(Gazetteer.idKey(entry.id)) }
            self.idKeys = idKeys
            asciiIDs = entries.allSatisfy { Gazetteer.isASCII($0.id) }
            idPrefixes = entries.map { Gazetteer.idPrefix($0.id) }
        }
    }

    private let tables: Tables

    /// Every entry, in id order.
    public var entries: [GazetteerEntry] { tables.entries }
    var indexByID: [String: Int32] { tables.indexByID }
    /// The index of each entry's country, where the gazetteer lists it, by entry index.
    var countryIndex: [Int32?] { tables.countryIndex }
    /// The index of the state or organisation of each of an entry's offices, where the
    /// gazetteer lists it, by entry index and then in the order of `offices`.
    var officeCountryIndex: [[Int32?]] { tables.officeCountryIndex }
    /// Each entry's kind, by entry index: rules ask it of most mentions, and reading it
    /// from the entries, a few hundred bytes apart, missed the cache.
    var kinds: [ActorKind] { tables.kinds }
    var phrases: TokenTrie<Surface> { tables.phrases }
    /// The phrases' first keys as tokens have them (``Token/exact``), with "The" for
    /// "the": asked of every token, it spares the token's name key for the few that pass.
    var phraseStarts: KeyFilter { tables.phraseStarts }
    /// The surface that wins among the phrases ending at each node of `phrases` (see
    /// ``best(_:)``), chosen once: reading a node's list at each match missed the cache.
    var bestPhrases: [Surface] { tables.bestPhrases }
    var surnames: TokenTrie<Surface> { tables.surnames }
    /// Who held each office of a state or organisation the gazetteer does not list, keyed
    /// by "role|country"; those of listed ones are in ``officesByCountry``.
    var officeHolders: [String: [(actor: Int32, office: Office)]] { tables.officeHolders }
    /// Who held each office of each listed state or organisation, by its entry index, a
    /// list for each role (a few a state, each holder in entry order):
    /// ``holder(of:inEntry:on:)`` reads them without making and hashing the string key of
    /// ``officeHolders``.
    var officesByCountry: [[(role: String, holders: [(actor: Int32, office: Office)])]] { tables.officesByCountry }

    /// Creates a gazetteer from entries; a later entry with the same id replaces an earlier one.
    public init(entries: [GazetteerEntry]) {
        let entries = Self.latestByID(entries)
        var indexByID: [String: Int32] = [:]
        indexByID.reserveCapacity(entries.count)
        for index in entries.indices { indexByID[entries[index].id] = Int32(index) }
        var phrases = TokenTrie<Surface>()
        var surnames = TokenTrie<Surface>()
        // One buffer for every phrase's keys and one for its bytes: new arrays for each of
        // some 12,000 names cost allocations and releases apiece.
        var keys: [UInt64] = [], bytes: [UInt8] = []
        // The entries' fields are read in place: a copy of an entry retains and releases
        // each of its strings and lists.
        for index in entries.indices {
            let actor = Int32(index)
            let ambiguous = Set(entries[index].ambiguous ?? [])
            func add(_ text: String, _ form: Form) {
                Self.keys(of: text, into: &keys, bytes: &bytes)
                phrases.insert(keys, Surface(actor: actor, form: form, ambiguous: ambiguous.contains(text)))
            }
            add(entries[index].name, .name)
            for text in entries[index].aliases ?? [] { add(text, .name) }
            for text in entries[index].metonyms ?? [] { add(text, .metonym) }
            for text in entries[index].demonyms ?? [] { add(text, .demonym) }
            if let surname = entries[index].surname, entries[index].kind == .person {
                Self.keys(of: surname, into: &keys, bytes: &bytes)
                surnames.insert(keys, Surface(actor: actor, form: .surname, ambiguous: false))
            }
        }
        let bestPhrases = (0..<phrases.nodeCount).map { [phrases] node in
            let surfaces = phrases.payloads(at: Int32(node))
            return surfaces.isEmpty ? Surface(actor: -1, form: .name, ambiguous: false) : Self.best(surfaces)
        }
        let officeCountryIndex = entries.indices.map { index in (entries[index].offices ?? []).map { indexByID[$0.country] } }
        // The offices of listed states by the states' indices, found once for
        // `officeCountryIndex`; only the rest are keyed by strings.
        var officeHolders: [String: [(actor: Int32, office: Office)]] = [:]
        var officesByCountry = [[(role: String, holders: [(actor: Int32, office: Office)])]](repeating: [], count: entries.count)
        for index in entries.indices {
            for (position, office) in (entries[index].offices ?? []).enumerated() {
                if let country = officeCountryIndex[index][position] {
                    Self.add(office, of: Int32(index), to: &officesByCountry[Int(country)])
                } else {
                    officeHolders["\(office.role)|\(office.country)", default: []].append((Int32(index), office))
                }
            }
        }
        tables = Tables(
            entries: entries, indexByID: indexByID,
            countryIndex: entries.indices.map { index in entries[index].country.flatMap { indexByID[$0] } },
            officeCountryIndex: officeCountryIndex,
            kinds: entries.indices.map { entries[$0].kind }, phrases: phrases, bestPhrases: bestPhrases, surnames: surnames,
            officeHolders: officeHolders, officesByCountry: officesByCountry
        )
    }

    /// The last entry given for each id, in id order. The ids are unique, so the order is
    /// the same however it is reached; positions are sorted rather than entries, whose
    /// moves cost more than the comparisons of their ids, and in the order given, not the
    /// dictionary's: the built-in files are each in id order, runs the sort merges.
    static func latestByID(_ entries: [GazetteerEntry]) -> [GazetteerEntry] {
        var latest: [String: Int] = [:]
        latest.reserveCapacity(entries.count)
        var replaced = [Bool](repeating: false, count: entries.count)
        for index in entries.indices {
            if let earlier = latest.updateValue(index, forKey: entries[index].id) { replaced[earlier] = true }
        }
        var order = entries.indices.filter { !replaced[$0] }
        order.sort { entries[$0].id < entries[$1].id }
        return order.map { entries[$0] }
    }

    /// `filter`, which holds name keys (``TokenHash/nameKey(_:)``), made to hold the keys of
    /// the tokens that have them: with "the", "The" too.
    static func exactStarts(of filter: KeyFilter) -> KeyFilter {
        var starts = filter
        if filter.mayHold(TokenHash.the) { starts.insert(TokenHash.theCapitalised) }
        return starts
    }

    /// Prefers a full name over a metonym over a demonym; among equals, the first listed.
    static func best(_ surfaces: [Surface]) -> Surface {
        surfaces.min { ($0.ambiguous ? 1 : 0, $0.form) < ($1.ambiguous ? 1 : 0, $1.form) }!
    }

    /// Whether an entry may have this id: `false` means none has. A name found only in the
    /// article is looked up before it is added, and its id is almost never listed: the
    /// bit test of its bytes' hash spares most of them the dictionary's hashing of the id.
    ///
    /// The dictionary matches ids as `String`s do, canonically equivalent spellings as one
    /// ("A\u{30A}" is "\u{C5}", and the Kelvin sign is "K"), which the bytes' hash cannot:
    /// the filter answers only when both ids are ASCII, which has one spelling of each.
    func mayList(_ id: String) -> Bool {
        guard tables.asciiIDs else { return true }
        // The id's hash and whether it is ASCII in one pass over its bytes, where a pass
        // for each cost some 120 instructions more for each name an article adds.
        let answer = id.utf8.withContiguousStorageIfAvailable { bytes in
            var hash = TokenHash.seed
            var high: UInt8 = 0
            for byte in bytes {
                hash = TokenHash.step(hash, byte)
                high |= byte
            }
            return high >= 0x80 || tables.idKeys.mayHold(hash)
        }
        return answer ?? (!Self.isASCII(id) || tables.idKeys.mayHold(Self.idKey(id)))
    }

    static func isASCII(_ id: String) -> Bool {
        id.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? id.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The first eight bytes of an id as one integer, the first byte highest, zeros past
    /// its end: of two ASCII ids, one whose prefix is lower comes first.
    static func idPrefix(_ id: String) -> UInt64 {
        id.utf8.withContiguousStorageIfAvailable(idPrefix(of:)) ?? Array(id.utf8).withUnsafeBufferPointer(idPrefix(of:))
    }

    private static func idPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<Swift.min(8, bytes.count) { prefix |= UInt64(bytes[index]) &<< (56 &- 8 &* UInt64(index)) }
        return prefix
    }

    /// The number of entries whose ids come before `id`: where it would go among them.
    ///
    /// For ASCII ids the entries are first narrowed to those with the same first eight
    /// bytes, as integers (for ASCII, `<` on strings is the order of their bytes, and the
    /// ids are in that order): eleven comparisons of strings for a search of the whole
    /// list cost more than the rest of the graph's ordering.
    func idsBefore(_ id: String) -> Int {
        var range = 0..<entries.count
        if tables.asciiIDs, Self.isASCII(id) {
            let key = Self.idPrefix(id)
            range = tables.idPrefixes.withUnsafeBufferPointer { prefixes in
                let first = Self.boundary(in: 0..<prefixes.count) { prefixes[$0] < key }
                return first..<Self.boundary(in: first..<prefixes.count) { prefixes[$0] <= key }
            }
        }
        let entries = entries
        return Self.boundary(in: range) { entries[$0].id < id }
    }

    /// The first index of `range` where `isBefore` turns false, for a test that holds up
    /// to some index of the range and not after it.
    @inline(__always)
    private static func boundary(in range: Range<Int>, _ isBefore: (Int) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low &+ high) &>> 1
            if isBefore(mid) { low = mid &+ 1 } else { high = mid }
        }
        return low
    }

    /// The key of an id in ``mayList(_:)``'s filter: the hash of its bytes.
    static func idKey(_ id: String) -> UInt64 {
        id.utf8.withContiguousStorageIfAvailable { TokenHash.exact($0) } ?? TokenHash.exact(id.utf8)
    }

    /// The entry with this id, if any.
    public func entry(id: String) -> GazetteerEntry? {
        indexByID[id].map { entries[Int($0)] }
    }

    func entry(at index: Int32) -> GazetteerEntry { entries[Int(index)] }

    /// The one person who held `role` in `country` on `date`, if exactly one did.
    func holder(of role: String, in country: String, on date: String) -> Int32? {
        if let listed = indexByID[country] { return holder(of: role, inEntry: listed, on: date) }
        guard let holders = officeHolders["\(role)|\(country)"] else { return nil }
        // One pass, no lists: the first holder on the date, unless another person held it too.
        var only: Int32?
        for holder in holders where holder.office.isHeld(on: date) {
            if let only, only != holder.actor { return nil }
            only = holder.actor
        }
        return only
    }

    /// ``holder(of:in:on:)`` for the entry at `country`: its roles are compared, a few an
    /// entry, where the key of the dictionary cost a string made and hashed.
    func holder(of role: String, inEntry country: Int32, on date: String) -> Int32? {
        guard let holders = officesByCountry[Int(country)].first(where: { $0.role == role })?.holders else { return nil }
        var only: Int32?
        for holder in holders where holder.office.isHeld(on: date) {
            if let only, only != holder.actor { return nil }
            only = holder.actor
        }
        return only
    }

    /// Adds a holder of an office to its role's list among a state's `roles`.
    private static func add(_ office: Office, of actor: Int32, to roles: inout [(role: String, holders: [(actor: Int32, office: Office)])]) {
        if let at = roles.firstIndex(where: { $0.role == office.role }) {
            roles[at].holders.append((actor, office))
        } else {
            roles.append((office.role, [(actor, office)]))
        }
    }

    /// The token keys of a phrase, tokenised as article text is.
    static func keys(of text: String) -> [UInt64] {
        var keys: [UInt64] = [], bytes: [UInt8] = []
        Self.keys(of: text, into: &keys, bytes: &bytes)
        return keys
    }

    /// The token keys of a phrase, as ``keys(of:)`` has them, in place of what `keys` held;
    /// `bytes` holds the phrase's bytes for the tokenizer, a buffer reused like `keys`.
    static func keys(of text: String, into keys: inout [UInt64], bytes: inout [UInt8]) {
        keys.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: text.utf8)
        for token in Tokenizer().tokens(in: bytes) { keys.append(TokenHash.nameKey(token)) }
    }
}

// MARK: - Loading

/// A resource or user file that could not be read.
public struct ResourceError: Error, Sendable, CustomStringConvertible {
    /// The file and what is wrong with it.
    public let description: String
}

extension Gazetteer {
    /// The gazetteer built from the files shipped with the library.
    public static func builtIn() throws -> Gazetteer {
        let directory = try ResourceFiles.directory().appendingPathComponent("gazetteer")
        var entries: [GazetteerEntry] = []
        for name in ["states", "organisations", "groups", "people"] {
            entries += try load(directory.appendingPathComponent("\(name).json"))
        }
        return Gazetteer(entries: entries)
    }

    /// Reads one of the gazetteer's JSON files: `{"schema": 1, "actors": [...]}`.
    public static func load(_ url: URL) throws -> [GazetteerEntry] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ResourceError(description: "\(url.path): cannot read the file")
        }
        if let actors = GazetteerFileReader.actors(in: Array(data)) { return actors }
        do {
            return try JSONDecoder().decode(GazetteerFile.self, from: data).actors
        } catch {
            throw ResourceError(description: "\(url.path): not an actors file (\(ResourceFiles.describe(error)))")
        }
    }
}

/// Where the library's resource files are.
enum ResourceFiles {
    static func directory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw ResourceError(description: "the actorgraph resource bundle is missing")
        }
        return url
    }

    static func decode<T: Decodable>(_ type: T.Type, named name: String) throws -> T {
        let url = try directory().appendingPathComponent(name)
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: url))
        } catch {
            throw ResourceError(description: "\(url.path): \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }
}
