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

    /// Every office, in file order.
    public let roles: [Role]
    let rolePhrases: TokenTrie<Int32>
    let titles: TokenTrie<Bool>

    /// Builds the lexicon from offices and honorifics.
    public init(roles: [Role], titles: [String]) {
        self.roles = roles
        var phrases = TokenTrie<Int32>()
        for (index, role) in roles.enumerated() {
            for phrase in Set(role.phrases.map { $0.lowercased() }) {
                phrases.insert(CueLexicon.foldedKeys(phrase), Int32(index))
            }
        }
        rolePhrases = phrases
        var titleTrie = TokenTrie<Bool>()
        for title in Set(titles) { titleTrie.insert(Gazetteer.keys(of: title), true) }
        self.titles = titleTrie
    }

    /// The lexicon shipped with the library.
    public static func builtIn() throws -> RoleLexicon {
        let file = try ResourceFiles.decode(File.self, named: "gazetteer/roles.json")
        return RoleLexicon(roles: file.roles, titles: file.titles)
    }
}
