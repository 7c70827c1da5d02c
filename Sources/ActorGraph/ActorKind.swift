/// What sort of geopolitical actor a node of the graph stands for.
///
/// States carry ISO 3166-1 alpha-3 ids (`JPN`); every other kind carries a lowercase slug
/// (`nato`, `fumio-kishida`).
public enum ActorKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// A sovereign or de facto state, including its government used as a metonym.
    case state
    /// A named person: a leader, minister, expert or journalist.
    case person
    /// An international organisation, alliance, state agency, company, medium or university.
    case organisation
    /// An armed or non-state group, or a collective such as "the West".
    case group

    /// Orders kinds by their declaration order, so sorting is stable across runs.
    public static func < (lhs: ActorKind, rhs: ActorKind) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }

    /// The kind's place in `allCases`, the order kinds sort in: a switch, where a search of
    /// `allCases` made the list of cases anew at every call.
    package var declarationIndex: Int {
        switch self {
        case .state: 0
        case .person: 1
        case .organisation: 2
        case .group: 3
        }
    }
}
