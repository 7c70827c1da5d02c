/// The tokens mention passes start from, marked once an article.
///
/// Each mark has a loop of its own over the tokens: one loop for all of them ran out of
/// registers and cost more than the passes it spared.
struct TokenMarks {
    /// Capitalised tokens (``Token/isCapitalised``): surnames, titles and unknown names start there.
    let capitalised: IndexBits
    /// Tokens whose folded key may start an office phrase.
    let roles: IndexBits

    init(_ tokens: [Token], roles roleFilter: KeyFilter) {
        var capitalised = IndexBits(count: tokens.count)
        // A set of its own: a copy of the first would be copied again at its first write.
        var roles = IndexBits(count: tokens.count)
        tokens.withUnsafeBufferPointer { buffer in
            Self.capitalFirstBytes.withUnsafeBufferPointer { capitals in
                Self.mark(buffer, in: &capitalised) { UInt64(capitals[Int($0.first)]) }
            }
            Self.mark(buffer, in: &roles) { roleFilter.bit(of: $0.folded) }
        }
        self.capitalised = capitalised
        self.roles = roles
    }

    /// 1 for each first byte of a capitalised token (``Token/isCapitalised``), else 0: one
    /// load a token, where two range tests and a branch cost a dozen instructions.
    static let capitalFirstBytes: [UInt8] = (0..<256).map { byte in
        byte >= 0x41 && byte <= 0x5A || byte >= 0xC0 ? 1 : 0
    }

    /// Sets the bits of the tokens for which `bit` gives 1; `bit` gives 0 or 1, gathered
    /// 64 to a word without a branch a token.
    @inline(__always)
    private static func mark(_ buffer: UnsafeBufferPointer<Token>, in bits: inout IndexBits, bit: (Token) -> UInt64) {
        var base = 0
        while base < buffer.count {
            let end = min(base &+ 64, buffer.count)
            var word: UInt64 = 0
            for index in base..<end { word |= bit(buffer[index]) &<< UInt64(index &- base) }
            bits.setWord(base &>> 6, to: word)
            base = end
        }
    }
}
