@testable import ActorExtraction
import ActorGraph

/// A small gazetteer written for the tests, so that each rule's test states exactly the
/// actors it relies on and does not change when the built-in lists grow.
enum TestExtractor {
    static let entries: [GazetteerEntry] = [
        GazetteerEntry(id: "JPN", name: "Japan", kind: .state, aliases: ["Japan"], demonyms: ["Japanese"], metonyms: ["Tokyo"]),
        GazetteerEntry(id: "USA", name: "United States", kind: .state, aliases: ["the United States", "the U.S.", "US", "America", "the States"],
                       demonyms: ["American", "Americans"], metonyms: ["Washington", "the White House"]),
        GazetteerEntry(id: "RUS", name: "Russia", kind: .state, aliases: ["Russia"], demonyms: ["Russian", "Russians", "Russo"], metonyms: ["Moscow", "the Kremlin"]),
        GazetteerEntry(id: "CHN", name: "China", kind: .state, aliases: ["China"], demonyms: ["Chinese", "Sino"], metonyms: ["Beijing"]),
        GazetteerEntry(id: "GBR", name: "United Kingdom", kind: .state, aliases: ["the United Kingdom", "Britain", "the UK"], demonyms: ["British"], metonyms: ["London"]),
        GazetteerEntry(id: "GEO", name: "Georgia", kind: .state, aliases: ["Georgia"], demonyms: ["Georgian"], metonyms: ["Tbilisi"], ambiguous: ["Georgia"]),
        GazetteerEntry(id: "china-daily", name: "China Daily", kind: .organisation, country: "CHN", aliases: ["China Daily"]),
        GazetteerEntry(id: "fumio-kishida", name: "Fumio Kishida", kind: .person, country: "JPN", aliases: ["Fumio Kishida"], surname: "Kishida",
                       offices: [Office(role: "prime minister", country: "JPN", from: "2021-10-04", to: "2024-10-01")]),
        GazetteerEntry(id: "joe-biden", name: "Joe Biden", kind: .person, country: "USA", aliases: ["Joe Biden"], surname: "Biden"),
        GazetteerEntry(id: "shinzo-abe", name: "Shinzo Abe", kind: .person, country: "JPN", aliases: ["Shinzo Abe"], surname: "Abe"),
        GazetteerEntry(id: "nato", name: "NATO", kind: .organisation, aliases: ["NATO"]),
        GazetteerEntry(id: "MLI", name: "Mali", kind: .state, aliases: ["Mali"], metonyms: ["Bamako"]),
        GazetteerEntry(id: "NER", name: "Niger", kind: .state, aliases: ["Niger"], demonyms: ["Nigerien"], ambiguous: ["Niger"]),
        GazetteerEntry(id: "TCD", name: "Chad", kind: .state, aliases: ["Chad"], ambiguous: ["Chad"]),
        GazetteerEntry(id: "KEN", name: "Kenya", kind: .state, aliases: ["Kenya"], demonyms: ["Kenyan"]),
        GazetteerEntry(id: "IRQ", name: "Iraq", kind: .state, aliases: ["Iraq"], demonyms: ["Iraqi"]),
        GazetteerEntry(id: "TUR", name: "Turkey", kind: .state, aliases: ["Turkey"], demonyms: ["Turkish"], metonyms: ["Ankara"]),
        GazetteerEntry(id: "CAN", name: "Canada", kind: .state, aliases: ["Canada"], demonyms: ["Canadian"], metonyms: ["Ottawa"]),
        GazetteerEntry(id: "IRN", name: "Iran", kind: .state, aliases: ["Iran"], demonyms: ["Iranian"], metonyms: ["Tehran"]),
        GazetteerEntry(id: "ISR", name: "Israel", kind: .state, aliases: ["Israel"], demonyms: ["Israeli"]),
        GazetteerEntry(id: "FIN", name: "Finland", kind: .state, aliases: ["Finland"], demonyms: ["Finnish"]),
        GazetteerEntry(id: "houthis", name: "Houthis", kind: .group, country: "YEM", aliases: ["the Houthis", "Houthi rebels"]),
        GazetteerEntry(id: "the-west", name: "the West", kind: .group, aliases: ["the West"], ambiguous: ["the West"]),
        GazetteerEntry(id: "wagner-group", name: "Wagner Group", kind: .group, country: "RUS", aliases: ["the Wagner Group", "Wagner"], ambiguous: ["Wagner"]),
        GazetteerEntry(id: "pkk", name: "Kurdistan Workers' Party", kind: .group, aliases: ["Kurdistan Workers' Party", "PKK"]),
        GazetteerEntry(id: "mary-okoth", name: "Mary Okoth", kind: .person, country: "KEN", aliases: ["Mary Okoth"], surname: "Okoth",
                       offices: [Office(role: "prime minister", country: "KEN", from: "2022-01-01", to: "2026-01-01")]),
    ]

    static let gazetteer = Gazetteer(entries: entries)

    static let roles = RoleLexicon(
        roles: [
            RoleLexicon.Role(role: "prime minister", phrases: ["prime minister", "premier"]),
            RoleLexicon.Role(role: "president", phrases: ["president"]),
        ],
        titles: ["Mr.", "Mrs.", "Dr.", "Professor", "Prof."]
    )

    /// An extractor over the test gazetteer and the built-in cue lists.
    static func make() throws -> Extractor {
        Extractor(gazetteer: gazetteer, lexicon: try CueLexicon.builtIn(), roles: roles)
    }

    static func graph(_ text: String, date: String? = nil) throws -> Graph {
        try make().extract(ArticleText(parsing: text, fallbackID: "test", date: date))
    }

    /// Edges as "SOURCE kind TARGET", sorted, for compact assertions.
    static func edges(_ text: String, date: String? = nil) throws -> [String] {
        try graph(text, date: date).relations.filter { $0.kind != .affiliation }.map { "\($0.source) \($0.kind.rawValue) \($0.target)" }.sorted()
    }

    /// The view of `text` as one sentence, over the test gazetteer's mentions.
    static func sentenceView(_ text: String) throws -> SentenceView {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer().tokens(in: bytes)
        let found = MentionFinder(gazetteer: gazetteer, roles: roles).mentions(in: tokens, bytes: bytes, date: nil)
        let article = ArticleView(bytes: bytes, tokens: tokens, mentions: found.mentions, lexicon: try CueLexicon.builtIn(), actors: found.actors)
        return SentenceView(
            article: article, range: 0..<tokens.count, mentions: 0..<found.mentions.count, earlier: 0..<0, reportPosition: 0, pairWordPosition: 0
        )
    }
}
