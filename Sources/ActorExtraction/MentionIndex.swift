/// Finds the mention that starts or ends at a token in constant time, so that rules stay
/// linear however long a sentence is and however many actors it names.
///
/// Modifiers ("Japanese" in "Japanese Prime Minister Fumio Kishida") are left out: no
/// rule takes them as a relation's actor.
struct MentionIndex {
    private var byStart: [Int: Int] = [:]
    private var byEnd: [Int: Int] = [:]

    init(_ mentions: [FoundMention]) {
        for (position, mention) in mentions.enumerated() where !mention.isModifier {
            byStart[mention.tokens.lowerBound] = position
            byEnd[mention.tokens.upperBound] = position
        }
    }

    /// The position in the mention list of the mention whose first token is `token`.
    func starting(at token: Int) -> Int? { byStart[token] }

    /// The position in the mention list of the mention that ends just before `token`.
    func ending(at token: Int) -> Int? { byEnd[token] }
}
