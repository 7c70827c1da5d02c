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
                let current = token.pointee
                if token > start, current.afterNewline, !current.isLowercaseWord {
                    sentences.append(start - base..<token - base)
                    start = token
                }
                // Only punctuation ends a sentence: one test turns the words away.
                if current.kind == .punctuation, isTerminal(current, bytes: bytes) {
                    var close = token + 1
                    while close < end, isClosing(close.pointee), !close.pointee.afterNewline { close += 1 }
                    if close == end || startsSentence(close.pointee) {
                        sentences.append(start - base..<close - base)
                        start = close
                        token = close
                        continue
                    }
                }
                token += 1
            }
            if start < end { sentences.append(start - base..<end - base) }
        }
        return sentences
    }

    /// Joins sentences that a found name or office phrase runs across: the gazetteer's
    /// "S. Jaishankar" outweighs the dot after an initial that looked like a sentence end,
    /// and no span of the graph may reach past its sentence.
    ///
    /// - Complexity: O(s + m log s) for s sentences and m phrases.
    func joining(_ sentences: [Range<Int>], across phrases: [Range<Int>]) -> [Range<Int>] {
        // Made when the first join is: most articles have none.
        var joined: [Bool] = []
        // Read through buffers: the walk is a few instructions a phrase, and the arrays'
        // bounds tests were as many again.
        sentences.withUnsafeBufferPointer { sentences in
            phrases.withUnsafeBufferPointer { phrases in
                markJoins(sentences, across: phrases, in: &joined)
            }
        }
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

    /// Marks in `joined` each sentence that a phrase of `phrases` runs into from the one
    /// before; `joined` is made, one entry per sentence, at the first mark.
    private func markJoins(_ sentences: UnsafeBufferPointer<Range<Int>>, across phrases: UnsafeBufferPointer<Range<Int>>, in joined: inout [Bool]) {
        // Phrases come mostly in token order: the first sentence starting after the last
        // phrase's start is where the search for the next one starts.
        var cursor = 0
        var lastStart = Int.min
        for phrase in phrases where phrase.upperBound &- phrase.lowerBound > 1 {
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
