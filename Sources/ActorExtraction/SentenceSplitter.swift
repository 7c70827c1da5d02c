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
            let count = tokens.count
            var start = 0
            var index = 0
            while index < count {
                // Most tokens neither follow a line break nor are punctuation: they are passed
                // in a loop of two byte tests each, without the rest of the token.
                index = Self.nextBreakCandidate(from: index, in: tokens)
                if index == count { break }
                let token = tokens[index]
                if index > start, token.afterNewline, !token.isLowercaseWord {
                    sentences.append(start..<index)
                    start = index
                }
                // Only punctuation ends a sentence: one test turns the words away.
                if token.kind == .punctuation, isTerminal(token, bytes: bytes) {
                    var end = index + 1
                    while end < count, isClosing(tokens[end]), !tokens[end].afterNewline { end += 1 }
                    if end >= count || startsSentence(tokens[end]) {
                        sentences.append(start..<end)
                        start = end
                        index = end
                        continue
                    }
                }
                index += 1
            }
            if start < count { sentences.append(start..<count) }
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
        // Phrases come mostly in token order: the first sentence starting after the last
        // phrase's start is where the search for the next one starts.
        var cursor = 0
        var lastStart = Int.min
        for phrase in phrases where phrase.count > 1 {
            var low = 0
            if phrase.lowerBound >= lastStart {
                low = cursor
                while low < sentences.count, sentences[low].lowerBound <= phrase.lowerBound { low += 1 }
            } else {
                var high = sentences.count
                while low < high {
                    let mid = (low + high) / 2
                    if sentences[mid].lowerBound <= phrase.lowerBound { low = mid + 1 } else { high = mid }
                }
            }
            cursor = low
            lastStart = phrase.lowerBound
            while low < sentences.count, sentences[low].lowerBound < phrase.upperBound {
                if joined.isEmpty { joined = [Bool](repeating: false, count: sentences.count) }
                joined[low] = true
                low += 1
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

    /// The first token from `index` on that follows a line break or is punctuation, or the
    /// token count: a walk of one pointer and two byte tests a token, four tokens a round
    /// so that the walk's own test and step are paid once for the four.
    @inline(__always)
    private static func nextBreakCandidate(from index: Int, in tokens: UnsafeBufferPointer<Token>) -> Int {
        guard let base = tokens.baseAddress, index < tokens.count else { return tokens.count }
        let end = base + tokens.count
        var token = base + index
        if tokens.count > 3 {
            let lastRound = end - 3
            while token < lastRound {
                if isBreakCandidate(token[0]) { return token - base }
                if isBreakCandidate(token[1]) { return token + 1 - base }
                if isBreakCandidate(token[2]) { return token + 2 - base }
                if isBreakCandidate(token[3]) { return token + 3 - base }
                token += 4
            }
        }
        while token < end, !isBreakCandidate(token.pointee) { token += 1 }
        return token - base
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
