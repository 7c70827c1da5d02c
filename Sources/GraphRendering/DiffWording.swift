import ActorGraph

/// The words the text and drawn diffs share, so that a relation reads the same in both.
enum DiffWording {
    /// A short edge label: the kind, then what changed (`contact ×2→×1`).
    static func label(_ comparison: RelationComparison) -> String {
        let kind = comparison.key.kind.rawValue
        switch (comparison.a, comparison.b) {
        case (let a?, let b?) where comparison.status == .changed:
            return ([kind] + comparison.changes.map { change(of: $0, from: a, to: b) }).joined(separator: " ")
        case (let profile?, _), (nil, let profile?):
            return profile.weight > 1 ? "\(kind) ×\(profile.weight)" : kind
        default:
            return kind
        }
    }

    /// One aspect's change, compact: `×2→×1`, `asserted→asserted+hypothetical`, `article→dmitry-peskov`.
    static func change(of aspect: RelationAspect, from a: RelationProfile, to b: RelationProfile) -> String {
        switch aspect {
        case .weight: "×\(a.weight)→×\(b.weight)"
        case .modality: "\(mix(a))→\(mix(b))"
        case .speaker: "\(voices(a))→\(voices(b))"
        }
    }

    /// The modalities of a profile, joined: `asserted+hypothetical`.
    static func mix(_ profile: RelationProfile) -> String {
        profile.modalities.map(\.rawValue).joined(separator: "+")
    }

    /// Who states a relation: `article` for the article's own voice, else the speakers' ids.
    static func voices(_ profile: RelationProfile) -> String {
        profile.speakers.map { $0 ?? "article" }.joined(separator: "+")
    }

    /// One side's statement in full: `×2, asserted, article`.
    static func statement(_ profile: RelationProfile) -> String {
        let counts = profile.modalities.map { modality in
            profile.count(of: modality) == profile.weight ? modality.rawValue : "\(profile.count(of: modality)) \(modality.rawValue)"
        }
        return "×\(profile.weight), \(counts.joined(separator: " + ")), voice: \(voices(profile))"
    }

    /// The tooltip of an overlay edge: the relation, then each side's statement.
    static func tooltip(_ comparison: RelationComparison) -> String {
        let key = comparison.key
        let lines = [
            "\(key.source) \(key.kind.rawValue) \(key.target)",
            "A: " + (comparison.a.map(statement) ?? "not stated"),
            "B: " + (comparison.b.map(statement) ?? "not stated"),
        ]
        return lines.joined(separator: "\n")
    }
}

/// Similarity scores as readers see them.
enum DiffScore {
    /// Two decimals, without Foundation's locale-dependent formatting: `0.42`.
    static func format(_ score: Double) -> String {
        let hundredths = Int((min(max(score, 0), 1) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension GraphDiff.Side {
    /// What to call the side: the name the user gave, else its article's id, else a count.
    var displayName: String {
        if let label { return label }
        if articles.count == 1 { return articles[0].id }
        return articles.isEmpty ? "empty graph" : "\(articles.count) articles"
    }

    /// The article's title, outlet and date, when the side is one article.
    var byline: String? {
        guard articles.count == 1, let article = articles.first else {
            return articles.isEmpty ? nil : articles.map(\.id).joined(separator: ", ")
        }
        let parts = [article.title, article.source, article.date].compactMap { $0 }
        return parts.isEmpty ? article.id : parts.joined(separator: " · ")
    }
}
