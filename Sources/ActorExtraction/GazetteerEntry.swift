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

// MARK: - Reading the resource files directly

/// Reads the gazetteer's files without Foundation's generic decoder, which took longer
/// than extracting an article each time the program started (a process per article is
/// a common way to run it). Any file this reader does not take as it expects is left to
/// `JSONDecoder`, which reads it as before or says what is wrong with it.
enum GazetteerFileReader {
    /// The actors of a file, or `nil` to leave the file to `JSONDecoder`.
    static func actors(in bytes: [UInt8]) -> [GazetteerEntry]? {
        list(under: "actors", in: bytes, readEntry)
    }

    /// The list under `key` of a resource file `{"schema": 1, key: [...]}`, or `nil` to
    /// leave the file to `JSONDecoder`. The cue file has the same shape.
    static func list<T>(under key: String, in bytes: [UInt8], _ element: (inout JSONScanner) throws -> T) -> [T]? {
        // JSONDecoder refuses text that is not UTF-8; the scanner would repair it.
        guard isUTF8(bytes) else { return nil }
        var scanner = JSONScanner(bytes)
        var items: [T]?
        do {
            try scanner.readObject { scanner, name in
                switch name {
                case "schema": if !scanner.readNull() { _ = try scanner.readInt() }
                case key: items = try readList(&scanner, element)
                default: try scanner.skipValue()
                }
            }
            guard scanner.atEnd() else { return nil }
        } catch {
            return nil
        }
        return items
    }

    private struct Missing: Error {}

    /// Whether `bytes` are UTF-8, as `String(validating:)` says, asked of each stretch of
    /// bytes over 0x7F only: no ASCII byte is part of a longer sequence, so the text is
    /// UTF-8 exactly when each such stretch is. Validating the whole of the files, mostly
    /// ASCII, cost a fifth of reading their JSON.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return true }
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time through the ASCII between the stretches.
                while index + 8 <= bytes.count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < bytes.count else { break }
                guard bytes[index] >= 0x80 else { index += 1; continue }
                let start = index
                while index < bytes.count, bytes[index] >= 0x80 { index += 1 }
                guard String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) != nil else { return false }
            }
            return true
        }
    }

    static func readList<T>(_ scanner: inout JSONScanner, _ element: (inout JSONScanner) throws -> T) throws -> [T] {
        var items: [T] = []
        // Most lists are short: room for a few at once spares the list's first regrowths.
        items.reserveCapacity(4)
        try scanner.readArray { items.append(try element(&$0)) }
        return items
    }

    static func readOptionalStrings(_ scanner: inout JSONScanner) throws -> [String]? {
        scanner.readNull() ? nil : try readList(&scanner) { try $0.readString() }
    }

    private static func readEntry(_ scanner: inout JSONScanner) throws -> GazetteerEntry {
        var id: String?, name: String?, kind: ActorKind?, country: String?, surname: String?
        var aliases: [String]?, demonyms: [String]?, metonyms: [String]?, members: [String]?, ambiguous: [String]?
        var offices: [Office]?
        try scanner.readObject { scanner, key in
            switch key {
            case "id": id = try scanner.readString()
            case "name": name = try scanner.readString()
            case "kind":
                guard let value = ActorKind(rawValue: try scanner.readString()) else { throw Missing() }
                kind = value
            case "country": country = try scanner.readOptionalString()
            case "aliases": aliases = try readOptionalStrings(&scanner)
            case "demonyms": demonyms = try readOptionalStrings(&scanner)
            case "metonyms": metonyms = try readOptionalStrings(&scanner)
            case "members": members = try readOptionalStrings(&scanner)
            case "ambiguous": ambiguous = try readOptionalStrings(&scanner)
            case "surname": surname = try scanner.readOptionalString()
            case "offices": offices = scanner.readNull() ? nil : try readList(&scanner, readOffice)
            default: try scanner.skipValue()
            }
        }
        guard let id, let name, let kind else { throw Missing() }
        return GazetteerEntry(
            id: id, name: name, kind: kind, country: country, aliases: aliases, demonyms: demonyms, metonyms: metonyms,
            members: members, ambiguous: ambiguous, surname: surname, offices: offices
        )
    }

    private static func readOffice(_ scanner: inout JSONScanner) throws -> Office {
        var role: String?, country: String?, from: String?, to: String?
        try scanner.readObject { scanner, key in
            switch key {
            case "role": role = try scanner.readString()
            case "country": country = try scanner.readString()
            case "from": from = try scanner.readString()
            case "to": to = try scanner.readOptionalString()
            default: try scanner.skipValue()
            }
        }
        guard let role, let country, let from else { throw Missing() }
        return Office(role: role, country: country, from: from, to: to)
    }
}
