extension GraphDiff {
    /// Encodes the diff as JSON, fields in the contract's order, with a final newline:
    ///
    /// ```json
    /// {"a": {"label": "tokyo.md", "articles": ["tokyo-washington-summit"]}, "b": {…},
    ///  "actors": {"added": ["dmitry-peskov"], "removed": ["rishi-sunak"]},
    ///  "relations": {"added": [{"source", "target", "kind", "directed", "weight", "modality", "attributedTo"}],
    ///                "removed": […],
    ///                "changed": [{"source", "target", "kind", "directed", "changes", "a": {…}, "b": {…}}],
    ///                "conflicts": [{"actors": ["JPN", "USA"], "a": [{"source", "target", "kind"}], "b": […]}],
    ///                "unchanged": [{"source", "target", "kind", "directed", "weight", …}]},
    ///  "similarity": 0.42, "weightedSimilarity": 0.38}
    /// ```
    ///
    /// *Added* means present in B only. `modality` counts the sentences of each modality;
    /// `attributedTo` lists who states the relation, `null` standing for the article's own
    /// voice as in the graph schema. Scores are rounded to four decimals. Equal diffs give
    /// identical bytes.
    ///
    /// - Complexity: O(n) in the size of the diff.
    public func jsonString() -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a"); write(a, to: &writer)
        writer.key("b"); write(b, to: &writer)
        writer.key("actors"); writer.beginObject()
        writer.key("added"); writeIDs(addedActors.map(\.id), to: &writer)
        writer.key("removed"); writeIDs(removedActors.map(\.id), to: &writer)
        writer.endObject()
        writer.key("relations"); writer.beginObject()
        writer.key("added"); writeStatements(added, side: \.b, to: &writer)
        writer.key("removed"); writeStatements(removed, side: \.a, to: &writer)
        writer.key("changed"); writer.beginArray()
        for comparison in changed { writeChange(comparison, to: &writer) }
        writer.endArray()
        writer.key("conflicts"); writer.beginArray()
        for conflict in conflicts { write(conflict, to: &writer) }
        writer.endArray()
        writer.key("unchanged"); writeStatements(unchanged, side: \.a, to: &writer)
        writer.endObject()
        writer.key("similarity"); writer.number(Self.rounded(similarity))
        writer.key("weightedSimilarity"); writer.number(Self.rounded(weightedSimilarity))
        writer.endObject()
        return writer.text + "\n"
    }

    private static func rounded(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }

    private func write(_ side: Side, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("label"); writer.string(side.label)
        writer.key("articles"); writeIDs(side.articles.map(\.id), to: &writer)
        writer.endObject()
    }

    private func writeIDs(_ ids: [String], to writer: inout JSONWriter) {
        writer.beginArray()
        for id in ids { writer.string(id) }
        writer.endArray()
    }

    private func writeStatements(
        _ comparisons: [RelationComparison], side: KeyPath<RelationComparison, RelationProfile?>, to writer: inout JSONWriter
    ) {
        writer.beginArray()
        for comparison in comparisons {
            writer.beginObject()
            writeKey(comparison.key, to: &writer)
            writer.key("directed"); writer.bool(comparison.key.kind.isDirected)
            if let profile = comparison[keyPath: side] { writeFields(of: profile, to: &writer) }
            writer.endObject()
        }
        writer.endArray()
    }

    private func writeChange(_ comparison: RelationComparison, to writer: inout JSONWriter) {
        writer.beginObject()
        writeKey(comparison.key, to: &writer)
        writer.key("directed"); writer.bool(comparison.key.kind.isDirected)
        writer.key("changes"); writeIDs(comparison.changes.map(\.rawValue), to: &writer)
        for (name, profile) in [("a", comparison.a), ("b", comparison.b)] {
            writer.key(text: name); writer.beginObject()
            if let profile { writeFields(of: profile, to: &writer) }
            writer.endObject()
        }
        writer.endObject()
    }

    private func write(_ conflict: FramingConflict, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("actors"); writeIDs(conflict.actors, to: &writer)
        for (name, keys) in [("a", conflict.a), ("b", conflict.b)] {
            writer.key(text: name); writer.beginArray()
            for key in keys {
                writer.beginObject()
                writeKey(key, to: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private func writeKey(_ key: RelationKey, to writer: inout JSONWriter) {
        writer.key("source"); writer.string(key.source)
        writer.key("target"); writer.string(key.target)
        writer.key("kind"); writer.string(key.kind.rawValue)
    }

    private func writeFields(of profile: RelationProfile, to writer: inout JSONWriter) {
        writer.key("weight"); writer.int(profile.weight)
        writer.key("modality"); writer.beginObject()
        for modality in Modality.allCases {
            writer.key(text: modality.rawValue); writer.int(profile.count(of: modality))
        }
        writer.endObject()
        writer.key("attributedTo"); writer.beginArray()
        for speaker in profile.speakers { writer.string(speaker) }
        writer.endArray()
    }
}
