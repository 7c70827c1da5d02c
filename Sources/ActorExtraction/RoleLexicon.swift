import Foundation

/// Office names ("prime minister", "Secretary of State") and honorifics ("Mr.",
/// "Professor") as listed in `roles.json`.
public struct RoleLexicon: Sendable {
    /// One office and the phrases news uses for it.
    public struct Role: Codable, Sendable {
        /// The office, as used in the gazetteer's `offices` ("prime minister").
        public var role: String
        /// The phrases that name it ("prime minister", "premier", "PM").
        public var phrases: [String]
    }

    struct File: Codable {
        var schema: Int?
        var roles: [Role]
        var titles: [String]
    }

    /// The tables in one object shared by every copy: each article copies the lexicon into
    /// its mention finder and role resolver, and a copy of two tries retained each of
    /// their arrays.
    private final class Tables: Sendable {
        let roles: [Role]
        let rolePhrases: TokenTrie<Int32>
        let titles: TokenTrie<Bool>
        let roleStartBytes: KeyBytes
        let titleStartBytes: KeyBytes

        init(roles: [Role], rolePhrases: TokenTrie<Int32>, titles: TokenTrie<Bool>) {
            self.roles = roles
            self.rolePhrases = rolePhrases
            self.titles = titles
            roleStartBytes = KeyBytes(rolePhrases.firstKeyFilter)
            titleStartBytes = KeyBytes(Gazetteer.exactStarts(of: titles.firstKeyFilter))
        }
    }

    private let tables: Tables

    /// Every office, in file order.
    public var roles: [Role] { tables.roles }
    var rolePhrases: TokenTrie<Int32> { tables.rolePhrases }
    var titles: TokenTrie<Bool> { tables.titles }
    /// The office phrases' first keys, a byte each: every token of every article is marked
    /// with them (``TokenMarks/roles``).
    var roleStartBytes: KeyBytes { tables.roleStartBytes }
    /// The honorifics' first keys as tokens have them (``Gazetteer/exactStarts(of:)``), a
    /// byte each: asked at every capitalised token, before its name key is made.
    var titleStartBytes: KeyBytes { tables.titleStartBytes }

    /// The longest office phrase from `start`, as ``TokenTrie/longestMatchEnd(from:firstKey:key:)``
    /// finds it in ``rolePhrases``: read in the shared tables, where a copy of the trie
    /// retained and released each of its arrays.
    @inline(__always)
    func longestRolePhrase(from start: Int, firstKey: UInt64, key: (Int) -> UInt64?) -> (length: Int, node: Int32)? {
        tables.rolePhrases.longestMatchEnd(from: start, firstKey: firstKey, key: key)
    }

    /// The office (``Role/role``) of the first phrase that ends at `node` of ``rolePhrases``.
    func role(endingAt node: Int32) -> String {
        tables.roles[Int(tables.rolePhrases.payloads(at: node)[0])].role
    }

    /// Builds the lexicon from offices and honorifics.
    public init(roles: [Role], titles: [String]) {
        var phrases = TokenTrie<Int32>()
        for (index, role) in roles.enumerated() {
            for phrase in Set(role.phrases.map { $0.lowercased() }) {
                phrases.insert(CueLexicon.foldedKeys(phrase), Int32(index))
            }
        }
        var titleTrie = TokenTrie<Bool>()
        for title in Set(titles) { titleTrie.insert(Gazetteer.keys(of: title), true) }
        tables = Tables(roles: roles, rolePhrases: phrases, titles: titleTrie)
    }

    /// The lexicon shipped with the library.
    public static func builtIn() throws -> RoleLexicon {
        let file = try ResourceFiles.decode(File.self, named: "gazetteer/roles.json")
        return RoleLexicon(roles: file.roles, titles: file.titles)
    }
}
