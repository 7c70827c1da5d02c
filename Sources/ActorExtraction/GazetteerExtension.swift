import ActorGraph
import Foundation
import Yams

/// A user's addition to the gazetteer, read from `--actors FILE` (YAML or JSON).
///
/// An entry whose id the gazetteer knows adds its aliases, demonyms and metonyms to that
/// actor and replaces the name, kind and country it gives; an entry with a new id adds an
/// actor and must give its name and kind.
///
/// ```yaml
/// actors:
///   - id: JPN
///     aliases: ["the island monarchy"]
///   - id: hana-mori
///     name: Hana Mori
///     kind: person
///     country: JPN
/// ```
public struct ActorExtension: Codable, Sendable, Equatable {
    /// The actor's id: a built-in id to extend that actor, a new one to add an actor.
    public var id: String
    /// The display name; required for a new actor, replaces a built-in one's.
    public var name: String?
    /// The kind; required for a new actor.
    public var kind: ActorKind?
    /// The state (alpha-3 id) a person, agency or group belongs to.
    public var country: String?
    /// Names that refer to the actor, added to any built-in ones.
    public var aliases: [String]?
    /// Words for its people or used as adjectives ("Japanese").
    public var demonyms: [String]?
    /// Places and institutions that stand for it ("Tokyo", "the Kremlin").
    public var metonyms: [String]?
    /// For a collective, the ids of the actors it stands for.
    public var members: [String]?
    /// A person's surname, which alone refers to them once the full name has been used.
    public var surname: String?
    /// A person's dated offices.
    public var offices: [Office]?

    struct File: Codable {
        var actors: [ActorExtension]
    }

    /// Reads a file of extensions; `.yaml` and `.yml` files are YAML, anything else JSON.
    ///
    /// - Throws: ``ResourceError`` naming the file and what is wrong with it.
    public static func load(_ url: URL) throws -> [ActorExtension] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ResourceError(description: "\(url.path): cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), yaml: isYAML(url.path), origin: url.path)
    }

    /// The extensions in the text of a file, YAML or JSON.
    ///
    /// - Parameter origin: how messages name the file.
    /// - Throws: ``ResourceError`` naming `origin` and what is wrong with the text.
    public static func parse(_ text: String, yaml: Bool, origin: String) throws -> [ActorExtension] {
        do {
            if yaml { return try YAMLDecoder().decode(File.self, from: text).actors }
            return try JSONDecoder().decode(File.self, from: Data(text.utf8)).actors
        } catch {
            throw ResourceError(description: "\(origin): not an actors file (\(ResourceFiles.describe(error)))")
        }
    }

    /// Whether a file of extensions is YAML (`.yaml`, `.yml`) rather than JSON.
    public static func isYAML(_ path: String) -> Bool {
        ["yaml", "yml"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}

extension Gazetteer {
    /// This gazetteer with a user's extensions applied.
    ///
    /// - Throws: ``ResourceError`` when a new actor lacks a name or a kind.
    public func extended(with extensions: [ActorExtension]) throws -> Gazetteer {
        var byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        for patch in extensions {
            if var entry = byID[patch.id] {
                entry.name = patch.name ?? entry.name
                entry.kind = patch.kind ?? entry.kind
                entry.country = patch.country ?? entry.country
                entry.aliases = Self.union(entry.aliases, patch.aliases)
                entry.demonyms = Self.union(entry.demonyms, patch.demonyms)
                entry.metonyms = Self.union(entry.metonyms, patch.metonyms)
                entry.members = patch.members ?? entry.members
                entry.surname = patch.surname ?? entry.surname
                entry.offices = Self.union(entry.offices, patch.offices)
                // A user who names an alias means it, so it is no longer held back as ambiguous.
                entry.ambiguous = entry.ambiguous?.filter { !(patch.aliases ?? []).contains($0) }
                byID[patch.id] = entry
            } else {
                guard let name = patch.name, let kind = patch.kind else {
                    throw ResourceError(description: "actor '\(patch.id)' is not built in, so it needs a name and a kind")
                }
                byID[patch.id] = GazetteerEntry(
                    id: patch.id, name: name, kind: kind, country: patch.country, aliases: patch.aliases,
                    demonyms: patch.demonyms, metonyms: patch.metonyms, members: patch.members,
                    surname: patch.surname, offices: patch.offices
                )
            }
        }
        return Gazetteer(entries: Array(byID.values))
    }

    private static func union<T: Equatable>(_ a: [T]?, _ b: [T]?) -> [T]? {
        guard let b else { return a }
        var result = a ?? []
        for item in b where !result.contains(item) { result.append(item) }
        return result
    }
}
