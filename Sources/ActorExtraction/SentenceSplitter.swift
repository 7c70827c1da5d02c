/// Groups tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes after it) when the next
/// token starts a new sentence, and at a line break unless the next line continues in
/// lower case (hard-wrapped text). Abbreviations keep their dots inside the word token, so
/// "Mr. Kishida" does not end a sentence.
struct SentenceSplitter {
    /// Returns token index ranges, one per sentence, covering every token.
    ///
    /// - Complexity: O(n) in the number of tokens.
    func sentences(_ tokens: [Token], bytes: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        // News sentences run to twenty-odd tokens: growing into them copied the list.
        sentences.reserveCapacity(tokens.count / 16 + 4)
        tokens.withUnsafeBufferPointer { tokens in
            guard let base = tokens.baseAddress else { return }
            // The walk keeps pointers and turns them into indexes only for a sentence's
            // range: a candidate, mostly a comma, then costs a few tests.
            let end = base + tokens.count
            var start = base
            var token = base
            while true {
                // Most tokens neither follow a line break nor are punctuation: they are passed
                // in a loop of two byte tests each, without the rest of the token.
                token = Self.nextBreakCandidate(from: token, to: end)
                if token == end { break }
                token = step(at: token, base: base, end: end, start: &start, into: &sentences, bytes: bytes)
            }
            if start < end { sentences.append(Self.place(of: start, from: base)..<Self.place(of: end, from: base)) }
        }
        return sentences
    }

    /// ``sentences(_:bytes:)`` of `tokens`, given the places of the tokens that may break a
    /// sentence (``Tokenizer/tokensAndSentences(in:from:)`` records them as it writes the
    /// tokens): each token that follows a line break or is punctuation, and maybe others,
    /// in order, some more than once, some past the last token. Going from one to the next
    /// passes the words between them without a test each, where the walk of every token
    /// cost more than the rest of the split.
    ///
    /// - Complexity: O(c) in the number of candidates.
    func sentences(_ tokens: UnsafeBufferPointer<Token>, candidates: UnsafeBufferPointer<Int32>, bytes: [UInt8]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        sentences.reserveCapacity(tokens.count / 16 + 4)
        guard let base = tokens.baseAddress else { return sentences }
        let end = base + tokens.count
        var start = base
        var token = base
        for candidate in candidates {
            let next = base + Int(candidate)
            // Past the last token: so are the rest, in order.
            if next >= end { break }
            // Passed already (a sentence's closing marks), or not a candidate after all.
            guard next >= token, Self.isBreakCandidate(next.pointee) else { continue }
            token = step(at: next, base: base, end: end, start: &start, into: &sentences, bytes: bytes)
        }
        if start < end { sentences.append(Self.place(of: start, from: base)..<Self.place(of: end, from: base)) }
        return sentences
    }

    /// The walk at `token`, which follows a line break or is punctuation: ends the sentence
    /// from `start` before it or through it as it says, and returns where the walk goes on.
    @inline(__always)
    private func step(
        at token: UnsafePointer<Token>, base: UnsafePointer<Token>, end: UnsafePointer<Token>, start: inout UnsafePointer<Token>,
        into sentences: inout [Range<Int>], bytes: [UInt8]
    ) -> UnsafePointer<Token> {
        let current = token.pointee
        if token > start, current.afterNewline, !current.isLowercaseWord {
            sentences.append(Self.place(of: start, from: base)..<Self.place(of: token, from: base))
            start = token
        }
        // Only punctuation ends a sentence: one test turns the words away.
        if current.kind == .punctuation, isTerminal(current, bytes: bytes) {
            var close = token + 1
            while close < end, isClosing(close.pointee), !close.pointee.afterNewline { close += 1 }
            if close == end || startsSentence(close.pointee) {
                sentences.append(Self.place(of: start, from: base)..<Self.place(of: close, from: base))
                start = close
                return close
            }
        }
        return token + 1
    }

    /// The index of `token` among the tokens from `base`, at or after it: the distance in
    /// bytes, unsigned, where `token - base` also rounded a negative distance, which there
    /// never is, at several instructions more.
    @inline(__always)
    private static func place(of token: UnsafePointer<Token>, from base: UnsafePointer<Token>) -> Int {
        Int(bitPattern: (UInt(bitPattern: token) &- UInt(bitPattern: base)) / UInt(MemoryLayout<Token>.stride))
    }

    /// Joins sentences that a found name or office phrase runs across: the gazetteer's
    /// "S. Jaishankar" outweighs the dot after an initial that looked like a sentence end,
    /// and no span of the graph may reach past its sentence.
    ///
    /// - Complexity: O(s + m log s) for s sentences and m phrases.
    func joining(_ sentences: [Range<Int>], across phrases: [Range<Int>]) -> [Range<Int>] {
        var marks = JoinMarks()
        // Read through buffers: the walk is a few instructions a phrase, and the arrays'
        // bounds tests were as many again.
        sentences.withUnsafeBufferPointer { sentences in
            phrases.withUnsafeBufferPointer { phrases in
                for index in phrases.indices { marks.mark(phrases[index], in: sentences) }
            }
        }
        return joined(sentences, by: marks)
    }

    /// ``joining(_:across:)`` across the found mentions' tokens, then the office phrases'
    /// cues, read where they are: a list of the two, made for the join, cost more to make
    /// and free than the walk.
    func joining(_ sentences: [Range<Int>], acrossMentionsOf found: MentionResult) -> [Range<Int>] {
        var marks = JoinMarks()
        sentences.withUnsafeBufferPointer { sentences in
            found.mentions.withUnsafeBufferPointer { mentions in
                for index in mentions.indices { marks.mark(mentions[index].tokens, in: sentences) }
            }
            found.affiliations.withUnsafeBufferPointer { affiliations in
                for index in affiliations.indices { marks.mark(affiliations[index].cue, in: sentences) }
            }
        }
        return joined(sentences, by: marks)
    }

    /// `sentences`, each one marked in `marks` joined to the one before.
    private func joined(_ sentences: [Range<Int>], by marks: JoinMarks) -> [Range<Int>] {
        let joined = marks.joined
        guard !joined.isEmpty else { return sentences }
        var result: [Range<Int>] = []
        for (index, sentence) in sentences.enumerated() {
            if joined[index], let last = result.last {
                result[result.count - 1] = last.lowerBound..<sentence.upperBound
            } else {
                result.append(sentence)
            }
        }
        return result
    }

    /// The sentences that phrases run into from the one before, marked phrase by phrase.
    private struct JoinMarks {
        /// One entry per sentence, made at the first mark: most articles have none.
        var joined: [Bool] = []
        // Phrases come mostly in token order: the first sentence starting after the last
        // phrase's start is where the search for the next one starts.
        private var cursor = 0
        private var lastStart = Int.min

        /// Marks each sentence of `sentences` that `phrase` runs into from the one before.
        @inline(__always)
        mutating func mark(_ phrase: Range<Int>, in sentences: UnsafeBufferPointer<Range<Int>>) {
            guard phrase.upperBound &- phrase.lowerBound > 1 else { return }
            var low = 0
            if phrase.lowerBound >= lastStart {
                low = cursor
                while low < sentences.count, sentences[low].lowerBound <= phrase.lowerBound { low &+= 1 }
            } else {
                var high = sentences.count
                while low < high {
                    let mid = (low &+ high) / 2
                    if sentences[mid].lowerBound <= phrase.lowerBound { low = mid &+ 1 } else { high = mid }
                }
            }
            cursor = low
            lastStart = phrase.lowerBound
            while low < sentences.count, sentences[low].lowerBound < phrase.upperBound {
                if joined.isEmpty { joined = [Bool](repeating: false, count: sentences.count) }
                joined[low] = true
                low &+= 1
            }
        }
    }

    /// The first token from `token` on, before `end`, that follows a line break or is
    /// punctuation, or `end`: a walk of one pointer and two byte tests a token, four tokens
    /// a round so that the walk's own test and step are paid once for the four.
    @inline(__always)
    private static func nextBreakCandidate(from token: UnsafePointer<Token>, to end: UnsafePointer<Token>) -> UnsafePointer<Token> {
        var token = token
        while end - token > 3 {
            if isBreakCandidate(token[0]) { return token }
            if isBreakCandidate(token[1]) { return token + 1 }
            if isBreakCandidate(token[2]) { return token + 2 }
            if isBreakCandidate(token[3]) { return token + 3 }
            token += 4
        }
        while token < end, !isBreakCandidate(token.pointee) { token += 1 }
        return token
    }

    @inline(__always)
    private static func isBreakCandidate(_ token: Token) -> Bool {
        token.kind == .punctuation || token.afterNewline
    }

    @inline(__always)
    private func isTerminal(_ token: Token, bytes: [UInt8]) -> Bool {
        guard token.kind == .punctuation else {
            // An initialism at the end of a sentence ("... in the U.S. The talks ...").
            return false
        }
        switch token.first {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case 0xE2: return token.end - token.start == 3 && bytes[Int(token.start) + 1] == 0x80 && bytes[Int(token.start) + 2] == 0xA6
        default: return false
        }
    }

    @inline(__always)
    private func isClosing(_ token: Token) -> Bool {
        switch token.kind {
        case .closeQuote, .straightQuote: true
        case .punctuation: token.first == UInt8(ascii: ")") || token.first == UInt8(ascii: "]")
        default: false
        }
    }

    @inline(__always)
    private func startsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .word: token.isCapitalised || (token.first >= UInt8(ascii: "0") && token.first <= UInt8(ascii: "9"))
        case .openQuote, .straightQuote, .dash: true
        case .punctuation: token.first == UInt8(ascii: "(") || token.first == UInt8(ascii: "[") || token.first == UInt8(ascii: "<")
        default: false
        }
    }
}
