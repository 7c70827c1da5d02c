/// A set of small indexes, one bit each, 64 a word: an article's tokens, for passes that
/// act on few of them (such a pass walks the set bits instead of testing every token in
/// turn, which cost a dozen instructions a token in each of four passes), or the
/// gazetteer's actors an article names (a `[Bool]` of a few thousand cost a fill of that
/// many bytes per article).
struct IndexBits {
    private var words: [UInt64]
    /// The number of indexes the set can hold.
    let count: Int

    /// No bits set, for `count` tokens.
    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }


    /// Sets the bits of tokens `64 * word` to `64 * word + 63` at once, from `bits` (bit 0
    /// for the first); bits past `count` must be clear.
    mutating func setWord(_ word: Int, to bits: UInt64) {
        words[word] = bits
    }

    mutating func insert(_ token: Int) {
        words[token &>> 6] |= 1 &<< UInt64(token & 63)
    }

    @inline(__always)
    func contains(_ token: Int) -> Bool {
        // One unsigned test for both ends.
        UInt(bitPattern: token) < UInt(bitPattern: count) && words[token &>> 6] & (1 &<< UInt64(token & 63)) != 0
    }

    /// The first token at or after `token` whose bit is set, or `count` when none is.
    @inline(__always)
    func next(from token: Int) -> Int {
        var word = token &>> 6
        guard token >= 0, word < words.count else { return count }
        var bits = words[word] & (~0 &<< UInt64(token & 63))
        while bits == 0 {
            word &+= 1
            guard word < words.count else { return count }
            bits = words[word]
        }
        return word &<< 6 | bits.trailingZeroBitCount
    }
}
