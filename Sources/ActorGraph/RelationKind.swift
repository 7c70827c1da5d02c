import Foundation

/// The closed set of relations the extractor can state between two actors.
///
/// Each kind maps to CAMEO's event classes so that counts compare with event-data work.
/// Symmetric kinds are stored once per pair, with the smaller id as `source`.
public enum RelationKind: String, Codable, Sendable, CaseIterable, Comparable {
    case alliance
    case cooperation
    case support
    case dependence
    case contact
    case dispute
    case criticism
    case threat
    case hostility
    case affiliation

    /// Whether the relation runs from an agent to a patient (`threat`) rather than
    /// holding between a pair (`alliance`).
    public var isDirected: Bool {
        switch self {
        case .alliance, .cooperation, .contact, .dispute: false
        case .support, .dependence, .criticism, .threat, .hostility, .affiliation: true
        }
    }

    /// The sign the relation carries: positive, neutral, negative, or structural.
    public var polarity: Polarity {
        switch self {
        case .alliance, .cooperation, .support: .positive
        case .dependence, .contact: .neutral
        case .dispute, .criticism, .threat: .negative
        case .hostility: .stronglyNegative
        case .affiliation: .structural
        }
    }

    /// The CAMEO root codes the kind corresponds to; empty where CAMEO has none.
    public var cameoCodes: [String] {
        switch self {
        case .alliance: ["06"]
        case .cooperation: ["03", "04", "05", "06"]
        case .support: ["05", "07"]
        case .dependence, .affiliation: []
        case .contact: ["04"]
        case .dispute: ["10", "11", "12", "16"]
        case .criticism: ["11"]
        case .threat: ["13"]
        case .hostility: ["14", "15", "16", "17", "18", "19", "20"]
        }
    }

    /// Orders kinds by their declaration order, the order of DESIGN.md's table.
    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }

    /// The kind's place in `allCases`, the order kinds sort in: a switch, where a search
    /// of `allCases` went through its once-guard and cost more than a relation key's other
    /// parts.
    @inlinable
    public var declarationIndex: Int {
        switch self {
        case .alliance: 0
        case .cooperation: 1
        case .support: 2
        case .dependence: 3
        case .contact: 4
        case .dispute: 5
        case .criticism: 6
        case .threat: 7
        case .hostility: 8
        case .affiliation: 9
        }
    }

    /// Parses a comma-separated list such as `"alliance,threat"`.
    ///
    /// - Returns: the kinds, or `nil` naming the first word that is not a kind.
    public static func parseList(_ text: String) -> Result<[RelationKind], UnknownRelationKind> {
        var kinds: [RelationKind] = []
        for word in text.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces)
            guard let kind = RelationKind(rawValue: name) else { return .failure(UnknownRelationKind(name: name)) }
            kinds.append(kind)
        }
        return .success(kinds)
    }
}

/// A word in a `--kinds` list that names no relation kind.
public struct UnknownRelationKind: Error, Sendable, CustomStringConvertible {
    /// The word as the user wrote it.
    public let name: String
    /// The message, with the kinds that exist.
    public var description: String {
        "unknown relation kind '\(name)' (known: \(RelationKind.allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}

/// The sign of a relation kind.
public enum Polarity: String, Sendable {
    case positive, neutral, negative, stronglyNegative, structural
}
