/// The tokens mention passes start from, marked once an article.
///
/// Both marks are made in one loop over the tokens, each a table load a token. (With the
/// office phrases' bit test, one loop ran out of registers and cost more than it spared.)
struct TokenMarks {
    /// Capitalised tokens (``Token/isCapitalised``): surnames, titles and unknown names start there.
    let capitalised: IndexBits
    /// Tokens whose folded key may start an office phrase.
    let roles: IndexBits

    /// Marks for a role filter as it stands, for callers without the filter's bytes at hand.
    init(_ tokens: [Token], roles roleFilter: KeyFilter) {
        self.init(tokens, roles: KeyBytes(roleFilter))
    }

    /// - Parameter roleBytes: the office phrases' first keys (``RoleLexicon/roleStartBytes``).
    init(_ tokens: [Token], roles roleBytes: KeyBytes) {
        var capitalised = IndexBits(count: tokens.count)
        // A set of its own: a copy of the first would be copied again at its first write.
        var roles = IndexBits(count: tokens.count)
        tokens.withUnsafeBufferPointer { buffer in
            Self.capitalBits.withUnsafeBufferPointer { capitals in
                roleBytes.bytes.withUnsafeBufferPointer { roleBytes in
                    Self.mark(buffer, in: &capitalised, &roles) { token, offset in
                        // Both indexes are below the tables' sizes: read without bounds tests.
                        (capitals[offset &<< 8 | Int(token.first)],
                         UInt8(truncatingIfNeeded: KeyBytes.bit(of: token.folded, in: roleBytes)) &<< UInt8(offset))
                    }
                }
            }
        }
        self.capitalised = capitalised
        self.roles = roles
    }

    /// 1 for each first byte of a capitalised token (``Token/isCapitalised``), else 0:
    /// ``capitalBits`` at its first place, a table of 256 to check it against.
    static let capitalFirstBytes: [UInt8] = (0..<256).map(capitalBit)

    /// 1 if a token whose first byte is `byte` is capitalised, else 0: the entry of both tables.
    private static func capitalBit(_ byte: Int) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A || byte >= 0xC0 ? 1 : 0
    }

    /// ``capitalFirstBytes`` shifted to each place in a group of eight tokens: at
    /// `offset << 8 + byte`, `1 << offset` for a capitalised first byte, else 0. The bit
    /// comes in place, one load folded into the `or` that gathers it, where a 0 or 1 cost
    /// a load, a shift and the `or` (two instructions a token more).
    ///
    /// Filled in place: made at the first article, a map of the 2,048 places cost it
    /// some 50,000 instructions.
    static let capitalBits = [UInt8](unsafeUninitializedCapacity: 2_048) { bits, count in
        for byte in 0..<256 {
            let capital = capitalBit(byte)
            for offset in 0..<8 { bits[offset &<< 8 | byte] = capital &<< UInt8(offset) }
        }
        count = 2_048
    }

    /// Sets the bits of the tokens for which `bits` gives a set bit, in `first` for its
    /// first value and in `second` for its second, gathered 64 to a word without a branch
    /// a token. Both sets in one loop: with the role test a byte load, the loop's count
    /// and shift serve both, where two loops paid them twice.
    ///
    /// - Parameter bits: a token's two bits, 0 or `1 << offset`, for its place (0 to 7)
    ///   in its group of eight.
    @inline(__always)
    private static func mark(_ buffer: UnsafeBufferPointer<Token>, in first: inout IndexBits, _ second: inout IndexBits, bits: (Token, Int) -> (UInt8, UInt8)) {
        var base = 0
        while base < buffer.count {
            let end = min(base &+ 64, buffer.count)
            var firstWord: UInt64 = 0
            var secondWord: UInt64 = 0
            if end &- base == 64 {
                // A full word in groups of eight, each token's bits at a fixed shift in its
                // group: a shift by a count held in a register cost a move and the shift
                // for each bit, and the group's shift is paid once for eight tokens.
                var group = 0
                while group < 64 {
                    var firstByte: UInt8 = 0
                    var secondByte: UInt8 = 0
                    for offset in 0..<8 {
                        let (one, two) = bits(buffer[base &+ group &+ offset], offset)
                        firstByte |= one
                        secondByte |= two
                    }
                    firstWord |= UInt64(firstByte) &<< UInt64(group)
                    secondWord |= UInt64(secondByte) &<< UInt64(group)
                    group &+= 8
                }
            } else {
                for index in base..<end {
                    let (one, two) = bits(buffer[index], 0)
                    let shift = UInt64(index &- base)
                    firstWord |= UInt64(one) &<< shift
                    secondWord |= UInt64(two) &<< shift
                }
            }
            first.setWord(base &>> 6, to: firstWord)
            second.setWord(base &>> 6, to: secondWord)
            base = end
        }
    }
}

/// A ``KeyFilter`` folded to one byte for each value of the low 13 bits of a key: 1 where
/// the filter may hold a key with those bits, else 0. A loop asking of every token reads
/// one byte, where the filter's bit test cost a shift, a mask and a bit extraction more
/// (some five instructions a token). Folded to 8 KB, the size of the filter's own bits:
/// a table of the filter's 16 bits missed the first-level cache some 200 times an
/// article. Folding lets through more keys than the filter, so it suits only short lists
/// (office phrases, honorifics), whose tables then say no to the extra keys.
struct KeyBytes: Sendable {
    /// 8,192 bytes, each 0 or 1.
    let bytes: [UInt8]

    private static let count = 8_192

    init(_ filter: KeyFilter) {
        bytes = (0..<Self.count).map { low in
            var bit: UInt64 = 0
            for high in stride(from: 0, to: 65_536, by: Self.count) { bit |= filter.bit(of: UInt64(high + low)) }
            return UInt8(truncatingIfNeeded: bit)
        }
    }

    /// Whether the filter may hold `key`: `false` means it does not.
    func mayHold(_ key: UInt64) -> Bool {
        bytes.withUnsafeBufferPointer { Self.bit(of: key, in: $0) } != 0
    }

    /// 1 if the filter may hold `key`, else 0, read from ``bytes``.
    @inline(__always)
    static func bit(of key: UInt64, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        // Below 8,192, the table's size, by construction: read without a bounds test.
        UInt64(bytes[Int(truncatingIfNeeded: key & 0x1FFF)])
    }
}
