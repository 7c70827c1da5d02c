/// Finds the mention that starts or ends at a token in constant time, so that rules stay
/// linear however long a sentence is and however many actors it names.
///
/// Modifiers ("Japanese" in "Japanese Prime Minister Fumio Kishida") are left out: no
/// rule takes them as a relation's actor.
///
/// A table indexed by token, not dictionaries: rules ask at almost every token near a
/// cue, and hashing each question cost more than the rest of the look-up.
struct MentionIndex {
    /// One word a token: the position plus one of the mention that starts at it in the low
    /// half, of the mention that ends just before it in the high half, 0 for none. One
    /// buffer, made zeroed: two arrays cost two allocations on the arrays' slow path.
    private let slots: WordBuffer?
    /// The number of slots: one more than the last token a mention reaches.
    private let size: Int

    init(_ mentions: [FoundMention]) {
        guard !mentions.isEmpty else {
            slots = nil
            size = 0
            return
        }
        var last = 0
        for mention in mentions where mention.tokens.upperBound > last { last = mention.tokens.upperBound }
        let size = last + 1
        let slots = WordBuffer.make(count: size)
        // Every bound is at most `last` and at least 0: written without bounds tests. A
        // later mention at the same bound replaces an earlier one, as in one table a side.
        slots.withUnsafeMutablePointerToElements { slots in
            mentions.withUnsafeBufferPointer { mentions in
                for position in mentions.indices where !mentions[position].isModifier {
                    let tokens = mentions[position].tokens
                    let value = UInt64(UInt32(truncatingIfNeeded: position &+ 1))
                    slots[tokens.lowerBound] = slots[tokens.lowerBound] & Self.endHalf | value
                    slots[tokens.upperBound] = slots[tokens.upperBound] & Self.startHalf | value &<< 32
                }
            }
        }
        self.slots = slots
        self.size = size
    }

    private static let startHalf: UInt64 = 0xFFFF_FFFF
    private static let endHalf: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The position in the mention list of the mention whose first token is `token`.
    @inline(__always)
    func starting(at token: Int) -> Int? { position(token, shift: 0) }

    /// The position in the mention list of the mention that ends just before `token`.
    @inline(__always)
    func ending(at token: Int) -> Int? { position(token, shift: 32) }

    /// - Parameter shift: 0 for the start half of a slot, 32 for the end half.
    @inline(__always)
    private func position(_ token: Int, shift: UInt64) -> Int? {
        // One unsigned test for both ends; an index of any slot has its buffer.
        guard UInt(bitPattern: token) < UInt(bitPattern: size) else { return nil }
        let slot = UInt32(truncatingIfNeeded: slots.unsafelyUnwrapped.word(token) &>> shift)
        return slot == 0 ? nil : Int(slot) &- 1
    }
}
