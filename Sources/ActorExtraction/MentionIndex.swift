/// Finds the mention that starts or ends at a token in constant time, so that rules stay
/// linear however long a sentence is and however many actors it names.
///
/// Modifiers ("Japanese" in "Japanese Prime Minister Fumio Kishida") are left out: no
/// rule takes them as a relation's actor.
///
/// Two arrays indexed by token, not dictionaries: rules ask at almost every token near a
/// cue, and hashing each question cost more than the rest of the look-up.
struct MentionIndex {
    /// Each slot holds a mention's position plus one, 0 for none: an array of zeros is
    /// allocated zeroed, where filling one with -1 took a store per token.
    private var byStart: [UInt32] = []
    private var byEnd: [UInt32] = []

    init(_ mentions: [FoundMention]) {
        guard !mentions.isEmpty else { return }
        var last = 0
        for mention in mentions where mention.tokens.upperBound > last { last = mention.tokens.upperBound }
        var byStart = [UInt32](repeating: 0, count: last + 1)
        var byEnd = [UInt32](repeating: 0, count: last + 1)
        // Every bound is at most `last` and at least 0: written without bounds tests.
        byStart.withUnsafeMutableBufferPointer { byStart in
            byEnd.withUnsafeMutableBufferPointer { byEnd in
                for (position, mention) in mentions.enumerated() where !mention.isModifier {
                    byStart[mention.tokens.lowerBound] = UInt32(truncatingIfNeeded: position &+ 1)
                    byEnd[mention.tokens.upperBound] = UInt32(truncatingIfNeeded: position &+ 1)
                }
            }
        }
        self.byStart = byStart
        self.byEnd = byEnd
    }

    /// The position in the mention list of the mention whose first token is `token`.
    @inline(__always)
    func starting(at token: Int) -> Int? { Self.position(byStart, token) }

    /// The position in the mention list of the mention that ends just before `token`.
    @inline(__always)
    func ending(at token: Int) -> Int? { Self.position(byEnd, token) }

    @inline(__always)
    private static func position(_ table: [UInt32], _ token: Int) -> Int? {
        guard token >= 0, token < table.count, table[token] != 0 else { return nil }
        return Int(table[token]) &- 1
    }
}
