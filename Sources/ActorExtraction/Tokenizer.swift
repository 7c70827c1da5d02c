/// Splits UTF-8 text into ``Token``s in one pass over the bytes.
///
/// Words keep inner dots of initialisms ("U.S.", "U.K.") and of known abbreviations
/// ("Mr.", "Prof."); the possessive "'s" and the hyphens of compounds ("US-Japanese")
/// become tokens of their own so that names inside them can be matched.
struct Tokenizer {
    /// Abbreviations whose final dot belongs to the word, not to the sentence, by the hash
    /// of their spelling as written: a probe of a key set, where a binary search took
    /// six steps for every word before a full stop.
    static let abbreviations = TokenKeySet([
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Cmdr", "Adm",
        "Sgt", "St", "Jr", "Sr", "Mt", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Fr", "Rev", "Amb",
    ].map { TokenHash.exact($0.utf8) })

    static func isAbbreviation(_ hash: UInt64) -> Bool { abbreviations.contains(hash) }

    /// Each byte's lower-case form when it is an ASCII letter or digit, else 0: one load
    /// tells a word's byte and gives its folded form, where range tests and a branchless
    /// lower-casing cost a dozen instructions a byte.
    static let asciiWordBytes: [UInt8] = (0..<256).map { byte in
        UTF8Scalar.isASCIIAlphanumeric(UInt8(byte)) ? TokenHash.lowercase(UInt8(byte)) : 0
    }

    func tokens(in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> [Token] {
        bytes.withUnsafeBufferPointer { bytes in
            Self.asciiWordBytes.withUnsafeBufferPointer { wordBytes in
                Self.firstByteHashes.withUnsafeBufferPointer { firstHashes in
                    tokens(in: bytes, from: start, to: end ?? bytes.count, tables: Tables(wordBytes: wordBytes.baseAddress!, firstHashes: firstHashes.baseAddress!))
                }
            }
        }
    }

    /// The tables the scan reads, by address.
    private struct Tables {
        /// ``asciiWordBytes``.
        let wordBytes: UnsafePointer<UInt8>
        /// ``firstByteHashes``.
        let firstHashes: UnsafePointer<FirstHashes>
    }

    /// Both hashes of a word's first byte, from the seed.
    struct FirstHashes {
        var exact: UInt64
        var folded: UInt64
    }

    /// Each byte's ``FirstHashes``, folded by ``TokenHash/lowercase(_:)``: two loads start a
    /// word's hashes, where two steps from the seed cost six instructions.
    static let firstByteHashes: [FirstHashes] = (0..<256).map { byte in
        FirstHashes(exact: TokenHash.step(TokenHash.seed, UInt8(byte)), folded: TokenHash.step(TokenHash.seed, TokenHash.lowercase(UInt8(byte))))
    }

    private func tokens(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, tables: Tables) -> [Token] {
        // Offsets are kept in 32 bits (the decoder refuses longer texts).
        precondition(end <= Int(Int32.max), "a text of more than 2 GB")
        // Every token takes at least one byte, so the text's length bounds their number:
        // tokens are written in place, without the capacity and uniqueness tests of an
        // append, which cost more than the rest of a short word.
        let capacity = end - start
        guard capacity > 0 else { return [] }
        guard capacity > 64 else {
            // A name or phrase, tokenised by the thousand when resources load: filled on
            // the stack and appended, since making an array uninitialized goes through an
            // unspecialised allocation of several hundred instructions.
            return withUnsafeTemporaryAllocation(of: Token.self, capacity: capacity) { scratch in
                let count = fill(scratch.baseAddress!, bytes, from: start, to: end, tables: tables)
                return Array(scratch[..<count])
            }
        }
        return [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = fill(buffer.baseAddress!, bytes, from: start, to: end, tables: tables)
        }
    }

    /// Writes the tokens of `bytes[start..<end]` to `out`, which has room for one a byte,
    /// and returns their number.
    private func fill(_ out: UnsafeMutablePointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, tables: Tables) -> Int {
        let wordBytes = tables.wordBytes
        var count = 0
        var index = start
        var sawNewline = false
        var sawSpace = true
        while index < end {
            let byte = bytes[index]
            var token: Token
            // A word's first byte is told by one table load before any test for space:
            // most tokens are ASCII words.
            let lower = wordBytes[Int(byte)]
            if lower != 0 {
                if let plain = plainASCIIWord(bytes, from: index, first: byte, end: end, tables: tables) {
                    token = plain
                } else {
                    token = makeToken(bytes, index, scanWord(bytes, from: index, end: end), .word)
                    let wordEnd = Int(token.end)
                    // The byte after the word first: most words are followed by no dot.
                    if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "."), bytes[wordEnd - 1] != UInt8(ascii: "."),
                       Self.isAbbreviation(token.exact) {
                        token = makeToken(bytes, index, wordEnd + 1, .word)
                    }
                }
            } else if byte < 0x80 {
                if byte == UInt8(ascii: "\n") { sawNewline = true; sawSpace = true; index += 1; continue }
                if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B {
                    sawSpace = true; index += 1; continue
                }
                if byte != UInt8(ascii: "'") {
                    // ASCII punctuation, one byte: hashed directly, where the general loop cost
                    // a dozen instructions more for each comma and full stop.
                    let hash = TokenHash.step(TokenHash.seed, byte)
                    let kind: Token.Kind = byte == UInt8(ascii: "-") ? .dash : byte == UInt8(ascii: "\"") ? .straightQuote : .punctuation
                    token = Token(
                        exact: hash, folded: hash, start: Int32(truncatingIfNeeded: index), end: Int32(truncatingIfNeeded: index &+ 1),
                        kind: kind, first: byte, afterNewline: false, attached: false
                    )
                } else if let possessiveEnd = possessiveEnd(bytes, at: index, width: 1, end: end, previous: count > 0 ? out[count &- 1] : nil, spaced: sawSpace) {
                    token = makeToken(bytes, index, possessiveEnd, .possessive)
                } else {
                    token = makeToken(bytes, index, index + 1, .punctuation)
                }
            } else {
                let (scalar, width) = UTF8Scalar.decode(bytes, at: index, end: end)
                if scalar == 0xA0 || scalar == 0x2009 || scalar == 0x202F || scalar == 0x200B || scalar == 0xFEFF {
                    sawSpace = true; index += width; continue
                }
                if UTF8Scalar.isWordCharacterBeyondASCII(scalar) {
                    token = makeToken(bytes, index, scanWord(bytes, from: index, end: end), .word)
                    let wordEnd = Int(token.end)
                    if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "."), bytes[wordEnd - 1] != UInt8(ascii: "."),
                       Self.isAbbreviation(token.exact) {
                        token = makeToken(bytes, index, wordEnd + 1, .word)
                    }
                } else if let possessiveEnd = possessiveEnd(bytes, at: index, width: width, end: end, previous: count > 0 ? out[count &- 1] : nil, spaced: sawSpace) {
                    token = makeToken(bytes, index, possessiveEnd, .possessive)
                } else {
                    token = makeToken(bytes, index, index + width, punctuationKind(scalar))
                }
            }
            token.afterNewline = sawNewline
            token.attached = !sawSpace
            (out + count).initialize(to: token)
            count &+= 1
            index = Int(token.end)
            sawNewline = false
            sawSpace = false
            // Words are mostly followed by one space: skipped here, without the full test
            // of each byte at the top of the loop.
            while index < end, bytes[index] == 0x20 {
                sawSpace = true
                index &+= 1
            }
        }
        return count
    }

    @inline(__always)
    private func makeToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Token.Kind) -> Token {
        var exact = TokenHash.seed
        var folded = TokenHash.seed
        for index in start..<end {
            let byte = bytes[index]
            exact = TokenHash.step(exact, byte)
            folded = TokenHash.step(folded, TokenHash.lowercase(byte))
        }
        return Token(
            exact: exact, folded: folded, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), kind: kind,
            first: bytes[start], afterNewline: false, attached: false
        )
    }

    /// The most common word, hashed as it is scanned: ASCII letters and digits ending
    /// where ``scanWord(_:from:end:)`` would end them for certain (at the end, or at an
    /// ASCII byte that is neither an apostrophe nor the dot of an initialism), with the dot
    /// after it when it is a known abbreviation. `nil` leaves the word to the full scan.
    ///
    /// - Parameter first: the word's first byte, an ASCII letter or digit: the caller has
    ///   read it, and hashing it before the loop spares the loop's first tests.
    @inline(__always)
    private func plainASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, first: UInt8, end: Int, tables: Tables) -> Token? {
        let wordBytes = tables.wordBytes
        let firstHashes = tables.firstHashes[Int(first)]
        var exact = firstHashes.exact
        var folded = firstHashes.folded
        var index = start &+ 1
        // The byte that ended the word, if one did before the end of the text.
        var stop: UInt8?
        // Two bytes a round: the loop's own test and count are paid once for both.
        while index &+ 1 < end {
            let byte = bytes[index]
            let lower = wordBytes[Int(byte)]
            guard lower != 0 else { stop = byte; break }
            exact = TokenHash.step(exact, byte)
            folded = TokenHash.step(folded, lower)
            let next = bytes[index &+ 1]
            let nextLower = wordBytes[Int(next)]
            guard nextLower != 0 else { index &+= 1; stop = next; break }
            exact = TokenHash.step(exact, next)
            folded = TokenHash.step(folded, nextLower)
            index &+= 2
        }
        if stop == nil, index < end {
            let byte = bytes[index]
            let lower = wordBytes[Int(byte)]
            if lower == 0 {
                stop = byte
            } else {
                exact = TokenHash.step(exact, byte)
                folded = TokenHash.step(folded, lower)
                index &+= 1
            }
        }
        // Most words end at a space or a comma: one bit test passes them, where the tests
        // below cost three compares.
        if let byte = stop, !Self.isPlainStop(byte) {
            guard byte < 0x80, byte != UInt8(ascii: "'"), byte != UInt8(ascii: ".") || index &- start != 1 else { return nil }
            // The dot of an abbreviation belongs to the word: asked here, where the byte
            // after the word is at hand (the word's last byte is never a dot).
            if byte == UInt8(ascii: "."), Self.isAbbreviation(exact) { return makeToken(bytes, start, index &+ 1, .word) }
        }
        return Token(
            exact: exact, folded: folded, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: index), kind: .word,
            first: first, afterNewline: false, attached: false
        )
    }

    /// Whether a word's scan may end at `byte` with nothing more to ask: an ASCII byte
    /// below 64 other than the apostrophe and the dot (bits 39 and 46 of the mask).
    @inline(__always)
    static func isPlainStop(_ byte: UInt8) -> Bool {
        byte < 64 && (0x0000_4080_0000_0000 as UInt64) &>> UInt64(byte) & 1 == 0
    }

    /// Scans letters and digits, keeping the dots of "U.S." and apostrophes inside names
    /// ("O'Brien"), but stopping before a possessive "'s" and before "n't".
    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        var lettersSinceDot = 0
        while index < end {
            let byte = bytes[index]
            if byte < 0x80, UTF8Scalar.isASCIIAlphanumeric(byte) {
                index += 1
                lettersSinceDot += 1
                continue
            }
            let (scalar, width) = byte < 0x80 ? (UInt32(byte), 1) : UTF8Scalar.decode(bytes, at: index, end: end)
            if UTF8Scalar.isWordCharacter(scalar) {
                index += width
                lettersSinceDot += 1
                continue
            }
            if scalar == 0x2E, lettersSinceDot == 1, index + 2 < end,
               UTF8Scalar.isASCIILetter(bytes[index + 1]),
               bytes[index + 2] == UInt8(ascii: ".") || !UTF8Scalar.isASCIILetter(bytes[index + 2]) {
                // An initialism: single letters each followed by a dot ("U.S.", "U.K.").
                index += 1
                lettersSinceDot = 0
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: ".") {
                    index += 2
                    return index
                }
                continue
            }
            if scalar == 0x27 || scalar == 0x2019, index + width < end,
               UTF8Scalar.isASCIILetter(bytes[index + width]) {
                let after = index + width
                let suffixEnd = scanLetters(bytes, from: after, end: end)
                let suffixIsS = suffixEnd - after == 1 && (bytes[after] | 0x20) == UInt8(ascii: "s")
                let suffixIsT = suffixEnd - after == 1 && (bytes[after] | 0x20) == UInt8(ascii: "t")
                if suffixIsS || suffixIsT { return index }
                index = after
                continue
            }
            break
        }
        return index
    }

    private func scanLetters(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        while index < end, UTF8Scalar.isASCIILetter(bytes[index]) { index += 1 }
        return index
    }

    /// The end of a possessive "'s" / "’s" directly after a word, if one starts here.
    private func possessiveEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int, end: Int, previous: Token?, spaced: Bool) -> Int? {
        let (scalar, _) = UTF8Scalar.decode(bytes, at: index, end: end)
        guard scalar == 0x27 || scalar == 0x2019, previous?.kind == .word, !spaced else { return nil }
        let after = index + width
        guard after < end, (bytes[after] | 0x20) == UInt8(ascii: "s") || (bytes[after] | 0x20) == UInt8(ascii: "t") else { return nil }
        if after + 1 < end {
            let (next, _) = UTF8Scalar.decode(bytes, at: after + 1, end: end)
            if UTF8Scalar.isWordCharacter(next) { return nil }
        }
        return after + 1
    }

    private func punctuationKind(_ scalar: UInt32) -> Token.Kind {
        switch scalar {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: .dash
        case 0x201C, 0x00AB, 0x201E, 0x2018, 0x201A: .openQuote
        case 0x201D, 0x00BB, 0x2019: .closeQuote
        case 0x22: .straightQuote
        default: .punctuation
        }
    }
}

/// Minimal UTF-8 decoding on the hot path, without building `String`s.
enum UTF8Scalar {
    /// Decodes one scalar; invalid bytes decode as U+FFFD, one byte wide.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (UInt32, Int) {
        bytes.withUnsafeBufferPointer { decode($0, at: index, end: end) }
    }

    /// Decodes one scalar; invalid bytes decode as U+FFFD, one byte wide.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let width: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: width = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: width = 4; value = UInt32(lead & 0x07)
        default: return (0xFFFD, 1)
        }
        guard index + width <= end else { return (0xFFFD, 1) }
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, width)
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        // One bit per ASCII byte, 64 to a word: digits in the first, letters in the second.
        // Asked of every byte of every word, where two range tests cost a dozen instructions.
        let digits: UInt64 = 0x03FF_0000_0000_0000
        let letters: UInt64 = 0x07FF_FFFE_07FF_FFFE
        return byte < 0x80 && ((byte < 64 ? digits : letters) >> UInt64(byte & 63)) & 1 != 0
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func isWordCharacter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return isASCIIAlphanumeric(UInt8(scalar)) }
        return isWordCharacterBeyondASCII(scalar)
    }

    /// Out of line: Unicode's property types are resilient, and a function that inlines
    /// their use looks up their metadata on every call, even for an ASCII word.
    @inline(never)
    static func isWordCharacterBeyondASCII(_ scalar: UInt32) -> Bool {
        // News text's usual non-ASCII characters, answered without Unicode's tables, which
        // cost a thousand instructions a call: Latin letters with diacritics are letters;
        // dashes, curly quotes and special spaces are not.
        switch scalar {
        case 0xC0...0x24F: return scalar != 0xD7 && scalar != 0xF7
        case 0x2000...0x206F: return false
        default: return hasWordProperty(scalar)
        }
    }

    /// Whether Unicode calls the scalar alphabetic, numeric or a nonspacing mark.
    static func hasWordProperty(_ scalar: UInt32) -> Bool {
        if scalar == 0xFFFD { return false }
        guard let unicode = Unicode.Scalar(scalar) else { return false }
        return unicode.properties.isAlphabetic || unicode.properties.numericType != nil
            || unicode.properties.generalCategory == .nonspacingMark
    }
}
