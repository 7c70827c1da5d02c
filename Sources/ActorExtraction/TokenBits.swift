/// One bit per token of an article, 64 tokens a word, for passes that act on few tokens:
/// such a pass walks the set bits instead of testing every token in turn, which cost a
/// dozen instructions a token in each of four passes.
struct TokenBits {
    private var words: [UInt64]
    /// The number of tokens.
    let count: Int

    /// No bits set, for `count` tokens.
    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The set whose bits are `words` (bit 0 of the first for token 0), for `count`
    /// tokens; `words` holds `(count + 63) / 64` words, with no bit set past `count`.
    init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
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

/// The tokens mention passes start from, marked once an article.
///
/// Each mark has a loop of its own over the tokens: one loop for all of them ran out of
/// registers and cost more than the passes it spared.
struct TokenMarks {
    /// Capitalised tokens (``Token/isCapitalised``): surnames, titles and unknown names start there.
    let capitalised: TokenBits
    /// Tokens whose folded key may start an office phrase.
    let roles: TokenBits

    init(capitalised: TokenBits, roles: TokenBits) {
        self.capitalised = capitalised
        self.roles = roles
    }

    init(_ tokens: [Token], roles roleFilter: FirstKeyFilter) {
        var capitalised = TokenBits(count: tokens.count)
        var roles = capitalised
        tokens.withUnsafeBufferPointer { buffer in
            Self.mark(buffer, in: &capitalised) { $0.isCapitalised }
            Self.mark(buffer, in: &roles) { roleFilter.mayStart(with: $0.folded) }
        }
        self.capitalised = capitalised
        self.roles = roles
    }

    @inline(__always)
    private static func mark(_ buffer: UnsafeBufferPointer<Token>, in bits: inout TokenBits, where test: (Token) -> Bool) {
        var base = 0
        while base < buffer.count {
            let end = min(base &+ 64, buffer.count)
            var word: UInt64 = 0
            for index in base..<end where test(buffer[index]) { word |= 1 &<< UInt64(index &- base) }
            bits.setWord(base &>> 6, to: word)
            base = end
        }
    }
}
