/// Finds the mention that starts or ends at a token in constant time, so that rules stay
/// linear however long a sentence is and however many actors it names.
///
/// Modifiers ("Japanese" in "Japanese Prime Minister Fumio Kishida") are left out: no
/// rule takes them as a relation's actor.
///
/// Two arrays indexed by token, not dictionaries: rules ask at almost every token near a
/// cue, and hashing each question cost more than the rest of the look-up.
struct MentionIndex {
    private var byStart: [Int32] = []
    private var byEnd: [Int32] = []

    init(_ mentions: [FoundMention]) {
        guard !mentions.isEmpty else { return }
        let last = mentions.reduce(0) { max($0, $1.tokens.upperBound) }
        byStart = [Int32](repeating: -1, count: last + 1)
        byEnd = [Int32](repeating: -1, count: last + 1)
        for (position, mention) in mentions.enumerated() where !mention.isModifier {
            byStart[mention.tokens.lowerBound] = Int32(position)
            byEnd[mention.tokens.upperBound] = Int32(position)
        }
    }

    /// The position in the mention list of the mention whose first token is `token`.
    @inline(__always)
    func starting(at token: Int) -> Int? { Self.position(byStart, token) }

    /// The position in the mention list of the mention that ends just before `token`.
    @inline(__always)
    func ending(at token: Int) -> Int? { Self.position(byEnd, token) }

    @inline(__always)
    private static func position(_ table: [Int32], _ token: Int) -> Int? {
        guard token >= 0, token < table.count, table[token] >= 0 else { return nil }
        return Int(table[token])
    }
}
