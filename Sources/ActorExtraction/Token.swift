/// A word or punctuation mark, as a range of UTF-8 bytes in the article.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        /// Letters and digits, possibly with inner dots ("U.S.") or apostrophes ("O'Brien").
        case word
        /// The possessive ending "'s" or "’s", split off its word.
        case possessive
        /// A hyphen or dash joining or separating words.
        case dash
        /// An opening quotation mark.
        case openQuote
        /// A closing quotation mark.
        case closeQuote
        /// A straight double quote, which opens or closes by position.
        case straightQuote
        /// Any other punctuation.
        case punctuation
    }

    // Field order keeps the stride at 32 bytes: tokens are the largest array extraction builds.
    /// Hash of the bytes as written; the matching key for names.
    var exact: UInt64
    /// Hash of the bytes in ASCII lower case; the matching key for cue words.
    var folded: UInt64
    var start: Int32
    var end: Int32
    var kind: Kind
    /// The first byte, for cheap tests of case and punctuation.
    var first: UInt8
    /// Whether a newline separates this token from the one before it.
    var afterNewline: Bool
    /// Whether no space separates this token from the one before it.
    var attached: Bool

    var isWord: Bool { kind == .word }
    var isCapitalised: Bool { first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") || first >= 0xC0 }
    var isLowercaseWord: Bool { kind == .word && first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") }
}

/// FNV-1a, chosen because it is tiny, fast on short byte runs, and stable across runs.
enum TokenHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    static func exact<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = step(hash, byte) }
        return hash
    }

    static func folded<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = step(hash, lowercase(byte)) }
        return hash
    }

    /// `hash` with one more byte taken in.
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// ``step(_:_:)`` for a byte held in a full register, as the word loop keeps it.
    @inline(__always)
    static func step(_ hash: UInt64, widened byte: UInt64) -> UInt64 {
        (hash ^ byte) &* prime
    }

    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte | (byte &- UInt8(ascii: "A") < 26 ? 0x20 : 0)
    }

    /// The key of a word as it is matched against name lists: "The" and "THE" match "the",
    /// so that "The United States" at a sentence start is found.
    ///
    /// Written out as literals (`TokenizerTests` checks them against ``exact(_:)``): a key
    /// computed at first use is read through a once-guard, and every word asks for these two.
    static let the: UInt64 = 0x56f5_c919_4461_d57c
}

extension TokenHash {
    static let theCapitalised: UInt64 = 0x6cfe_e919_e21a_e1dc

    /// The key under which a token is looked up in name lists.
    @inline(__always)
    static func nameKey(_ token: Token) -> UInt64 {
        token.exact == theCapitalised ? the : token.exact
    }
}

extension Token {
    /// Whether the token is `word` (lower case), ignoring ASCII case.
    ///
    /// Compares bytes directly: no hashing and no allocation, since rules ask this of many
    /// tokens.
    @inline(__always)
    func spells(_ word: StaticString, in bytes: [UInt8]) -> Bool {
        let length = word.utf8CodeUnitCount
        guard Int(end - start) == length else { return false }
        let base = Int(start)
        for offset in 0..<length where TokenHash.lowercase(bytes[base + offset]) != word.utf8Start[offset] { return false }
        return true
    }
}
