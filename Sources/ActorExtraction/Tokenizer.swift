/// Splits UTF-8 text into ``Token``s in one pass over the bytes.
///
/// Words keep inner dots of initialisms ("U.S.", "U.K.") and of known abbreviations
/// ("Mr.", "Prof."); the possessive "'s" and the hyphens of compounds ("US-Japanese")
/// become tokens of their own so that names inside them can be matched.
struct Tokenizer {
    /// Abbreviations whose final dot belongs to the word, not to the sentence.
    static let abbreviationSpellings = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Cmdr", "Adm",
        "Sgt", "St", "Jr", "Sr", "Mt", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar",
        "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Fr", "Rev", "Amb",
    ]

    /// ``abbreviationSpellings`` by the hash of their spelling as written: a probe of a key
    /// set, where a binary search took six steps for every word before a full stop.
    static let abbreviations = TokenKeySet(abbreviationSpellings.map { TokenHash.exact($0.utf8) })

    /// Whether the word of `length` bytes whose exact hash is `hash` and whose first byte
    /// is `first` is an abbreviation.
    @inline(__always)
    static func isAbbreviation(_ hash: UInt64, first: UInt8, length: Int) -> Bool {
        mayBeAbbreviation(first: first, length: length) && abbreviations.contains(hash)
    }

    /// Whether one of ``abbreviationSpellings`` has `length` bytes and starts with a byte
    /// whose low six bits are those of `first` (`TokenizerTests` checks the masks): most
    /// words before a full stop are turned away with a shift, where the set's probe, behind
    /// its once-guard, cost two dozen instructions.
    @inline(__always)
    static func mayBeAbbreviation(first: UInt8, length: Int) -> Bool {
        // Bit `byte & 63` for each first byte: upper-case letters at 1...26, lower-case at 33...58.
        let firstBytes: UInt64
        switch length {
        case 2: firstBytes = 0x0040_0000_0008_7458 // C D F J L M N S v
        case 3: firstBytes = 0x0000_0020_000C_F6DA // A C D F G I J L M N O R S e
        case 4: firstBytes = 0x0000_0000_0009_0008 // C P S
        case 6: firstBytes = 0x0000_0002_0000_0000 // a
        default: return false
        }
        return firstBytes &>> UInt64(first & 63) & 1 != 0
    }

    /// Each byte's lower-case form when it is an ASCII letter or digit, else 0: one load
    /// tells a word's byte and gives its folded form, where range tests and a branchless
    /// lower-casing cost a dozen instructions a byte.
    static let asciiWordBytes: [UInt8] = (0..<256).map { byte in
        UTF8Scalar.isASCIIAlphanumeric(UInt8(byte)) ? TokenHash.lowercase(UInt8(byte)) : 0
    }

    /// Each byte itself when it is a lower-case ASCII letter or a digit, else 0: the bytes
    /// whose folded form is the byte, so that a word's run of them has one hash for both keys.
    static let lowercaseWordBytes: [UInt8] = (0..<256).map { byte in
        asciiWordBytes[byte] == UInt8(byte) ? UInt8(byte) : 0
    }

    /// ``asciiWordBytes``, ``lowercaseWordBytes``, each byte's ``stopEntry(_:)``, then its
    /// ``punctuationKind(of:)``: one address for all keeps a register free in the word loop.
    static let wordTables: [UInt64] = (asciiWordBytes + lowercaseWordBytes).map(UInt64.init) + (0..<256).map { stopEntry(UInt8($0)) }
        + (0..<256).map { UInt64(punctuationKind(of: UInt8($0)).rawValue) }

    /// The kind of a token of one ASCII punctuation byte: read from ``wordTables``, where two
    /// tests and their selects cost seven instructions a mark.
    static func punctuationKind(of byte: UInt8) -> Token.Kind {
        byte == UInt8(ascii: "-") ? .dash : byte == UInt8(ascii: "\"") ? .straightQuote : .punctuation
    }

    /// What a word that stops before `byte` is followed by: 0 when the byte is not
    /// ``isPlainStop(_:)``; else the bytes to pass after the word in the low bits (1 for a
    /// space) and, from bit 8, the ``Spacing`` of the next token (attached unless a space
    /// comes between). The word loop takes both from the load that tells the stop, where
    /// testing for the space and making the two cost seven instructions a word.
    static func stopEntry(_ byte: UInt8) -> UInt64 {
        guard isPlainStop(byte) else { return 0 }
        return byte == 0x20 ? 1 : UInt64(Spacing.attached.bits) << 8
    }

    func tokens(in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> [Token] {
        bytes.withUnsafeBufferPointer { bytes in
            Self.wordTables.withUnsafeBufferPointer { tables in
                tokens(in: bytes, from: start, to: end ?? bytes.count, tables: Tables(base: tables.baseAddress!))
            }
        }
    }

    /// The tokens of `bytes` from `start` on, and their sentences as
    /// ``SentenceSplitter/sentences(_:bytes:)`` gives them.
    ///
    /// The tokens that may break a sentence, punctuation and the first token after each line
    /// break, are recorded as they are written, in room at the end of the tokens' own
    /// buffer, which holds a token for every byte and is left mostly empty: the split then
    /// goes from one to the next, where it asked every token.
    func tokensAndSentences(in bytes: [UInt8], from start: Int = 0) -> (tokens: [Token], sentences: [Range<Int>]) {
        // Offsets are kept in 32 bits (the decoder refuses longer texts).
        precondition(bytes.count <= Int(Int32.max), "a text of more than 2 GB")
        let capacity = bytes.count - start
        // Short texts, names and phrases, are not worth the room.
        guard capacity > 64 else {
            let tokens = tokens(in: bytes, from: start)
            return (tokens, SentenceSplitter().sentences(tokens, bytes: bytes))
        }
        // One candidate at most a byte, as many to a token's room as Int32s fit in a token
        // (eight, at 32 bytes a token), and one token more for the rounding. Worked out from
        // the token's stride, so that a change of its size cannot write past the buffer.
        let candidatesPerToken = Self.candidatesPerToken
        let candidateSlots = capacity / candidatesPerToken + 1
        var sentences: [Range<Int>] = []
        let tokens = bytes.withUnsafeBufferPointer { text in
            Self.wordTables.withUnsafeBufferPointer { tables in
                [Token](unsafeUninitializedCapacity: capacity + candidateSlots) { buffer, initialized in
                    let out = buffer.baseAddress!
                    (out + capacity).withMemoryRebound(to: Int32.self, capacity: candidateSlots * candidatesPerToken) { candidates in
                        var candidateCount = 0
                        initialized = fill(
                            out, text, from: start, to: bytes.count, tables: Tables(base: tables.baseAddress!), candidates: candidates,
                            candidateCount: &candidateCount
                        )
                        sentences = SentenceSplitter().sentences(
                            UnsafeBufferPointer(start: out, count: initialized), candidates: UnsafeBufferPointer(start: candidates, count: candidateCount),
                            bytes: bytes
                        )
                    }
                }
            }
        }
        return (tokens, sentences)
    }

    /// How many sentence-break candidates a token's room holds; the compiler folds it to a
    /// constant, the check included.
    static var candidatesPerToken: Int {
        precondition(MemoryLayout<Token>.stride % MemoryLayout<Int32>.stride == 0, "a token's room holds whole candidates")
        return MemoryLayout<Token>.stride / MemoryLayout<Int32>.stride
    }

    /// ``wordTables``, by address.
    private struct Tables {
        /// Entries in full words: a byte's entry would be widened again for each use.
        let base: UnsafePointer<UInt64>

        /// The byte's entry in ``asciiWordBytes``.
        @inline(__always)
        func lower(_ byte: UInt8) -> UInt64 { base[Int(byte)] }

        /// The entry in ``asciiWordBytes`` of a byte held in a full register.
        @inline(__always)
        func lower(_ byte: UInt64) -> UInt64 { base[Int(truncatingIfNeeded: byte)] }

        /// The byte's ``Tokenizer/stopEntry(_:)``.
        @inline(__always)
        func stopEntry(_ byte: UInt8) -> UInt64 { base[512 &+ Int(byte)] }

        /// The ``Tokenizer/punctuationKind(of:)`` of an ASCII punctuation byte.
        @inline(__always)
        func punctuationKind(_ byte: UInt8) -> Token.Kind {
            // The entries are raw values of kinds, by construction.
            Token.Kind(rawValue: UInt8(truncatingIfNeeded: base[768 &+ Int(byte)])) ?? .punctuation
        }

        /// The ``Tokenizer/stopEntry(_:)`` of a byte held in a full register.
        @inline(__always)
        func stopEntry(_ byte: UInt64) -> UInt64 { base[512 &+ Int(truncatingIfNeeded: byte)] }

        /// The entry in ``lowercaseWordBytes`` of a byte held in a full register.
        @inline(__always)
        func lowercase(_ byte: UInt64) -> UInt64 { base[256 &+ Int(truncatingIfNeeded: byte)] }
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
                var candidateCount = 0
                let count = fill(scratch.baseAddress!, bytes, from: start, to: end, tables: tables, candidates: nil, candidateCount: &candidateCount)
                return Array(scratch[..<count])
            }
        }
        return [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var candidateCount = 0
            initialized = fill(buffer.baseAddress!, bytes, from: start, to: end, tables: tables, candidates: nil, candidateCount: &candidateCount)
        }
    }

    /// What separates a token from the one before it: its `afterNewline` and `attached`
    /// bytes, in their order in a token, so that one store writes both.
    private struct Spacing {
        var bits: UInt16

        var afterNewline: Bool { bits & 0xFF != 0 }
        var attached: Bool { bits >> 8 != 0 }
        /// This spacing with a space after it.
        var spaced: Spacing { Spacing(bits: bits & 0xFF) }

        static let spaced = Spacing(bits: 0)
        static let attached = Spacing(bits: 0x100)
        static let newline = Spacing(bits: 1)
    }

    /// Writes `token` to `slot` with `spacing`, whose two bytes are stored at once over the
    /// token's `afterNewline` and `attached`, adjacent in a token (`TokenizerTests` checks):
    /// two stores of flags and their widening cost three instructions more a token. Stored
    /// little-endian, so that `afterNewline`, the low byte, comes first on any machine.
    @inline(__always)
    private func write(_ token: Token, spacing: Spacing, to slot: UnsafeMutablePointer<Token>) {
        slot.initialize(to: token)
        let flags = MemoryLayout<Token>.offset(of: \Token.afterNewline)!
        UnsafeMutableRawPointer(slot).storeBytes(of: spacing.bits.littleEndian, toByteOffset: flags, as: UInt16.self)
    }

    /// Writes the tokens of `bytes[start..<end]` to `out`, which has room for one a byte,
    /// and returns their number.
    ///
    /// - Parameter candidates: where to record, in order, the places of the tokens that
    ///   may break a sentence (``SentenceSplitter/sentences(_:candidates:bytes:)``), with
    ///   room for one a byte; `nil`: none are recorded. `candidateCount` is how many.
    private func fill(
        _ out: UnsafeMutablePointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, tables: Tables,
        candidates: UnsafeMutablePointer<Int32>?, candidateCount: inout Int
    ) -> Int {
        // A token that starts before the text's last byte outside ASCII words has a byte
        // after it: up to there, the scan needs no tests for the text's end. Texts mostly
        // end in a full stop.
        var guarded = end &- 1
        while guarded >= start, tables.lower(bytes[guarded]) != 0 { guarded &-= 1 }
        var scan = Scan(slot: out, index: start, spacing: .spaced, candidates: candidates, candidateCount: 0)
        fill(&scan, bytes, before: guarded, end: end, out: out, tables: tables, endTested: false)
        fill(&scan, bytes, before: end, end: end, out: out, tables: tables, endTested: true)
        candidateCount = scan.candidateCount
        return scan.slot - out
    }

    /// Where a scan is between tokens.
    private struct Scan {
        /// Where the next token goes.
        var slot: UnsafeMutablePointer<Token>
        var index: Int
        var spacing: Spacing
        /// Where sentence break candidates are recorded (`nil`: none are), and how many were.
        let candidates: UnsafeMutablePointer<Int32>?
        var candidateCount: Int

        /// Records the token at `slot`, after `out`, as one that may break a sentence. Only
        /// punctuation and line breaks ask, a few times a sentence: kept out of the word loop.
        @inline(__always)
        mutating func recordCandidate(_ slot: UnsafeMutablePointer<Token>, after out: UnsafeMutablePointer<Token>) {
            guard let candidates else { return }
            // The place from the distance in bytes, unsigned: `slot - out` also rounded a
            // negative distance, which there never is, at four instructions more.
            let place = (UInt(bitPattern: slot) &- UInt(bitPattern: out)) / UInt(MemoryLayout<Token>.stride)
            candidates[candidateCount] = Int32(truncatingIfNeeded: place)
            candidateCount &+= 1
        }
    }

    /// Writes the tokens that start before `limit`.
    ///
    /// The loop keeps ASCII words and punctuation; the rest is written out of line, so that
    /// the values it needs do not crowd the loop's registers (spilled, they cost a load and a
    /// store a token).
    ///
    /// - Parameter endTested: whether a token may reach `end`; without, `limit` must come
    ///   before the last byte that is not in an ASCII word.
    @inline(__always)
    private func fill(
        _ scan: inout Scan, _ bytes: UnsafeBufferPointer<UInt8>, before limit: Int, end: Int, out: UnsafeMutablePointer<Token>,
        tables: Tables, endTested: Bool
    ) {
        var slot = scan.slot
        var index = scan.index
        var spacing = scan.spacing
        // The candidates are recorded through a copy, written back once: through `scan`
        // itself, each record stored its count twice.
        var recorder = scan
        while index < limit {
            let first = bytes[index]
            // Lower case first: most words start with it, and the scan then needs no other test to begin.
            if tables.lowercase(UInt64(first)) != 0 || tables.lower(first) != 0 {
                let word = asciiWord(bytes, from: index, first: UInt64(first), end: end, tables: tables, endTested: endTested)
                let stop = word.stopEntry
                if stop != 0 {
                    write(Token(
                        exact: word.exact, folded: word.folded, start: Int32(truncatingIfNeeded: index), end: Int32(truncatingIfNeeded: word.end),
                        kind: .word, first: first, afterNewline: false, attached: false
                    ), spacing: spacing, to: slot)
                    // Most words are followed by one space: passed here, without a round of the
                    // loop. The stop's entry says so, and what the next token's spacing is.
                    index = word.end &+ Int(truncatingIfNeeded: stop & 0xFF)
                    spacing = Spacing(bits: UInt16(truncatingIfNeeded: stop &>> 8))
                } else if word.stop == UInt8(ascii: "."), word.end &- index != 1,
                          !Self.mayBeAbbreviation(first: first, length: word.end &- index) {
                    // A word before a full stop, mostly a sentence's last: no initial and no
                    // abbreviation, so written here as before any plain stop, without the
                    // call that asks.
                    write(Token(
                        exact: word.exact, folded: word.folded, start: Int32(truncatingIfNeeded: index), end: Int32(truncatingIfNeeded: word.end),
                        kind: .word, first: first, afterNewline: false, attached: false
                    ), spacing: spacing, to: slot)
                    index = word.end
                    spacing = .attached
                } else {
                    index = wordBeforeOtherStop(bytes, from: index, word, end: end, spacing: spacing, into: slot)
                    spacing = .attached
                }
                slot += 1
            } else if first &- 0x21 < 0x5F, first != UInt8(ascii: "'") {
                // ASCII punctuation, one byte: hashed directly, where the general loop cost
                // a dozen instructions more for each comma and full stop.
                let hash = TokenHash.step(TokenHash.seed, first)
                let kind = tables.punctuationKind(first)
                write(Token(
                    exact: hash, folded: hash, start: Int32(truncatingIfNeeded: index), end: Int32(truncatingIfNeeded: index &+ 1),
                    kind: kind, first: first, afterNewline: false, attached: false
                ), spacing: spacing, to: slot)
                recorder.recordCandidate(slot, after: out)
                slot += 1
                index &+= 1
                spacing = .attached
                // Punctuation is mostly followed by one space.
                if !endTested || index < end, bytes[index] == 0x20 {
                    index &+= 1
                    spacing = .spaced
                }
            } else if first == UInt8(ascii: "\n") {
                // The next token written follows the line break.
                recorder.recordCandidate(slot, after: out)
                spacing = .newline
                index &+= 1
            } else if first == 0x20 || first == 0x09 || first == 0x0D || first == 0x0C || first == 0x0B {
                spacing = spacing.spaced
                index &+= 1
            } else {
                let step = otherToken(at: index, bytes, end: end, spacing: spacing, into: slot, after: out)
                index = step.next
                spacing = step.spacing
                if step.wrote {
                    recorder.recordCandidate(slot, after: out)
                    slot += 1
                }
            }
        }
        scan.candidateCount = recorder.candidateCount
        scan.slot = slot
        scan.index = index
        scan.spacing = spacing
    }

    /// An ASCII word's end and hashes.
    private struct ASCIIWord {
        var end: Int
        var exact: UInt64
        var folded: UInt64
        /// The byte at `end`, or 0 at the end of the text.
        var stop: UInt8
        /// The ``Tokenizer/stopEntry(_:)`` of `stop`, read where the word's scan ends.
        var stopEntry: UInt64
    }

    /// The run of ASCII letters and digits from `start`, whose first byte is one, hashed as
    /// it is scanned.
    ///
    /// Lower-case letters and digits fold to themselves: while only they are met, the exact
    /// hash is the folded one and is computed once. Most words are in lower case; from the
    /// first capital on, both are computed.
    ///
    /// - Parameter endTested: whether the run may reach `end`; without, a byte that ends the
    ///   run must come before it.
    @inline(__always)
    private func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, first: UInt64, end: Int, tables: Tables, endTested: Bool) -> ASCIIWord {
        // Bytes are kept in full registers: a byte's register would be widened again for
        // each use.
        var byte = first
        var index = start
        var hash = TokenHash.seed
        while tables.lowercase(byte) != 0 {
            hash = TokenHash.step(hash, widened: byte)
            index &+= 1
            if endTested, index == end { return ASCIIWord(end: index, exact: hash, folded: hash, stop: 0, stopEntry: tables.stopEntry(UInt64(0))) }
            byte = UInt64(bytes[index])
            // Two bytes a round where the end need not be tested: the loop's count is paid
            // once for both.
            if endTested { continue }
            guard tables.lowercase(byte) != 0 else { break }
            hash = TokenHash.step(hash, widened: byte)
            index &+= 1
            byte = UInt64(bytes[index])
        }
        // Most words end in lower case before a space or punctuation. A byte with a stop
        // entry is neither a capital nor a digit: the word ends, without the test for a
        // capital that would go on with both hashes.
        let stop = tables.stopEntry(byte)
        if stop != 0 { return ASCIIWord(end: index, exact: hash, folded: hash, stop: UInt8(truncatingIfNeeded: byte), stopEntry: stop) }
        var exact = hash
        var folded = hash
        while true {
            let lower = tables.lower(byte)
            if lower == 0 { break }
            exact = TokenHash.step(exact, widened: byte)
            folded = TokenHash.step(folded, widened: lower)
            index &+= 1
            if endTested, index == end { return ASCIIWord(end: index, exact: exact, folded: folded, stop: 0, stopEntry: tables.stopEntry(UInt64(0))) }
            byte = UInt64(bytes[index])
            // Two bytes a round here too, where the end need not be tested.
            if endTested { continue }
            let next = tables.lower(byte)
            if next == 0 { break }
            exact = TokenHash.step(exact, widened: byte)
            folded = TokenHash.step(folded, widened: next)
            index &+= 1
            byte = UInt64(bytes[index])
        }
        return ASCIIWord(end: index, exact: exact, folded: folded, stop: UInt8(truncatingIfNeeded: byte), stopEntry: tables.stopEntry(byte))
    }

    /// Writes the word that starts with the ASCII letters and digits of `plain`, which end
    /// before its `stop`, a byte that is not ``isPlainStop(_:)``: the word may go on past it
    /// ("U.S.", "O'Brien", a letter beyond ASCII) or take it as an abbreviation's dot.
    /// Returns the word's end.
    @inline(never)
    private func wordBeforeOtherStop(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ plain: ASCIIWord, end: Int, spacing: Spacing,
        into slot: UnsafeMutablePointer<Token>
    ) -> Int {
        var token: Token
        let stop = plain.stop
        if stop < 0x80, stop != UInt8(ascii: "'"), stop != UInt8(ascii: ".") || plain.end &- start != 1 {
            token = Token(
                exact: plain.exact, folded: plain.folded, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: plain.end),
                kind: .word, first: bytes[start], afterNewline: false, attached: false
            )
            // The dot of an abbreviation belongs to the word (the word's last byte is never a dot).
            if stop == UInt8(ascii: "."), Self.isAbbreviation(plain.exact, first: bytes[start], length: plain.end &- start) {
                token.exact = TokenHash.step(plain.exact, stop)
                token.folded = TokenHash.step(plain.folded, stop)
                token.end &+= 1
            }
        } else {
            // The plain run is part of the word: neither scanned nor hashed again.
            token = wordToken(bytes, start, scanWord(bytes, from: start, after: plain.end, end: end), after: plain)
            let wordEnd = Int(token.end)
            if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "."), bytes[wordEnd - 1] != UInt8(ascii: "."),
               Self.isAbbreviation(token.exact, first: token.first, length: wordEnd - start) {
                token = makeToken(bytes, start, wordEnd + 1, .word)
            }
        }
        token.afterNewline = spacing.afterNewline
        token.attached = spacing.attached
        slot.initialize(to: token)
        return Int(token.end)
    }

    /// Where the scan goes on after ``otherToken(at:_:end:spacing:into:after:)``.
    private struct Step {
        var next: Int
        var spacing: Spacing
        /// Whether a token was written.
        var wrote: Bool
    }

    /// Writes the token that starts at `index` with an apostrophe or a byte beyond ASCII to
    /// `slot`, unless a space beyond ASCII starts there. `out` is where the tokens start: a
    /// possessive asks the one before `slot`.
    @inline(never)
    private func otherToken(
        at index: Int, _ bytes: UnsafeBufferPointer<UInt8>, end: Int, spacing: Spacing, into slot: UnsafeMutablePointer<Token>,
        after out: UnsafeMutablePointer<Token>
    ) -> Step {
        var token: Token
        let previous = slot > out ? slot[-1] : nil
        if bytes[index] < 0x80 {
            if let possessiveEnd = possessiveEnd(bytes, at: index, width: 1, end: end, previous: previous, spaced: !spacing.attached) {
                token = makeToken(bytes, index, possessiveEnd, .possessive)
            } else {
                token = makeToken(bytes, index, index + 1, .punctuation)
            }
        } else {
            let (scalar, width) = UTF8Scalar.decode(bytes, at: index, end: end)
            if scalar == 0xA0 || scalar == 0x2009 || scalar == 0x202F || scalar == 0x200B || scalar == 0xFEFF {
                return Step(next: index + width, spacing: spacing.spaced, wrote: false)
            }
            if UTF8Scalar.isWordCharacterBeyondASCII(scalar) {
                token = makeToken(bytes, index, scanWord(bytes, from: index, end: end), .word)
                let wordEnd = Int(token.end)
                if wordEnd < end, bytes[wordEnd] == UInt8(ascii: "."), bytes[wordEnd - 1] != UInt8(ascii: "."),
                   Self.isAbbreviation(token.exact, first: token.first, length: wordEnd - index) {
                    token = makeToken(bytes, index, wordEnd + 1, .word)
                }
            } else if let possessiveEnd = possessiveEnd(bytes, at: index, width: width, end: end, previous: previous, spaced: !spacing.attached) {
                token = makeToken(bytes, index, possessiveEnd, .possessive)
            } else {
                token = makeToken(bytes, index, index + width, punctuationKind(scalar))
            }
        }
        token.afterNewline = spacing.afterNewline
        token.attached = spacing.attached
        slot.initialize(to: token)
        return Step(next: Int(token.end), spacing: .attached, wrote: true)
    }

    /// The word token of `bytes[start..<end]`, whose bytes up to `plain.end` are those of
    /// `plain`: their hashes are taken on from `plain`'s.
    @inline(__always)
    private func wordToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, after plain: ASCIIWord) -> Token {
        var exact = plain.exact
        var folded = plain.folded
        for index in plain.end..<end {
            let byte = bytes[index]
            exact = TokenHash.step(exact, byte)
            folded = TokenHash.step(folded, TokenHash.lowercase(byte))
        }
        return Token(
            exact: exact, folded: folded, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), kind: .word,
            first: bytes[start], afterNewline: false, attached: false
        )
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

    /// Whether a word's scan may end at `byte` with nothing more to ask: an ASCII byte
    /// below 64 other than the apostrophe and the dot (bits 39 and 46 of the mask).
    @inline(__always)
    static func isPlainStop(_ byte: UInt8) -> Bool {
        byte < 64 && (0x0000_4080_0000_0000 as UInt64) &>> UInt64(byte) & 1 == 0
    }

    /// Scans letters and digits, keeping the dots of "U.S." and apostrophes inside names
    /// ("O'Brien"), but stopping before a possessive "'s" and before "n't".
    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        scanWord(bytes, from: start, after: start, end: end)
    }

    /// ``scanWord(_:from:end:)`` for a word whose bytes from `start` up to `scanned` are
    /// known to be ASCII letters and digits.
    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, after scanned: Int, end: Int) -> Int {
        var index = scanned
        var lettersSinceDot = scanned - start
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
