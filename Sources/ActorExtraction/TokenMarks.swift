/// The tokens mention passes start from, marked once an article.
///
/// Each mark has a loop of its own over the tokens: one loop for all of them ran out of
/// registers and cost more than the passes it spared.
struct TokenMarks {
    /// Capitalised tokens (``Token/isCapitalised``): surnames, titles and unknown names start there.
    let capitalised: IndexBits
    /// Tokens whose folded key may start an office phrase.
    let roles: IndexBits

    init(_ tokens: [Token], roles roleFilter: FirstKeyFilter) {
        var capitalised = IndexBits(count: tokens.count)
        var roles = capitalised
        tokens.withUnsafeBufferPointer { buffer in
            Self.mark(buffer, in: &capitalised) { $0.isCapitalised }
            Self.mark(buffer, in: &roles) { roleFilter.mayStart(with: $0.folded) }
        }
        self.capitalised = capitalised
        self.roles = roles
    }

    @inline(__always)
    private static func mark(_ buffer: UnsafeBufferPointer<Token>, in bits: inout IndexBits, where test: (Token) -> Bool) {
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
