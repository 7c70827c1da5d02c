/// What the relation finder asks of each token of an article, read once per article as a
/// few bits: whether a cue, a reporting phrase or a negation may start at it, whether it
/// closes a clause, and so on.
///
/// The finder's passes (cue search, attribution, clause reading) each asked a trie or a
/// word list at every token of a sentence; one probe of ``CueLexicon/wordFacts`` per token
/// leaves each of them a bit test, and the trie is walked only where a phrase can start.
enum TokenFact {
    /// The first word of a cue phrase, on a word token.
    static let cueStart: UInt16 = 1 << 0
    /// The first word of a reporting verb or an attribution prefix ("said", "according").
    static let reportStart: UInt16 = 1 << 1
    /// The last word of a pair phrase ("the two countries").
    static let pairLastWord: UInt16 = 1 << 2
    /// A conjunction that opens a subordinate clause, in any case.
    static let subordinator: UInt16 = 1 << 3
    /// The first word of a negation ("not", "no longer").
    static let negationStart: UInt16 = 1 << 4
    /// The first word of a hedge ("could", "may").
    static let hypotheticalStart: UInt16 = 1 << 5
    /// The first word of a future marker ("will").
    static let futureStart: UInt16 = 1 << 6
    /// The first word of a past marker ("had", "last year").
    static let pastStart: UInt16 = 1 << 7
    /// "if" or "unless", in any case.
    static let condition: UInt16 = 1 << 8
    /// A token that closes a clause, as ``SentenceView/isClauseBreak(_:)`` reads it.
    static let clauseBreak: UInt16 = 1 << 9
    /// "and" or "&", in any case.
    static let conjunction: UInt16 = 1 << 10
    /// The first token of a paragraph whose first quotation mark closes a quotation (see
    /// ``QuotationTracker``).
    static let paragraphClosesFirst: UInt16 = 1 << 11
    /// "of" or "by", in any case.
    static let ofOrBy: UInt16 = 1 << 12
    /// A preposition that some cue takes ("with", "on", "from").
    static let cuePreposition: UInt16 = 1 << 13
    /// A cue of one word ("treaty"); a longer cue starts with a pair in ``CueLexicon/cuePairs``.
    static let wholeCue: UInt16 = 1 << 14
    /// A full stop, question mark or exclamation mark, which may end a sentence.
    static let sentenceMark: UInt16 = 1 << 15

    /// The facts of every token.
    ///
    /// - Complexity: O(n) in the number of tokens, one probe of `words` each.
    ///
    /// - Parameter pairs: the first two words of the cues of more than one word
    ///   (``CueLexicon/cuePairs``): a word that starts only such cues is listed in
    ///   ``TokenFacts/cueStarts`` only where the next word makes one of those pairs;
    ///   without them, every word with ``cueStart`` is listed.
    static func facts(of tokens: [Token], words: TokenKeyMap, pairs: TokenKeySet? = nil) -> TokenFacts {
        var bits = [UInt16](repeating: 0, count: tokens.count)
        // The four lists are written into one buffer with room for every token in each:
        // an array's append checked its capacity and uniqueness at every start.
        let lists = IndexLists(capacity: tokens.count)
        var counts = IndexLists.Counts()
        tokens.withUnsafeBufferPointer { tokens in
            bits.withUnsafeMutableBufferPointer { bits in
                counts = read(tokens, words: words, pairs: pairs, into: bits, lists: lists.starts, capacity: lists.capacity)
            }
        }
        return TokenFacts(
            bits: bits, cueStarts: lists.array(.cueStarts, counts), reportStarts: lists.array(.reportStarts, counts),
            pairLastWords: lists.array(.pairLastWords, counts), quotationEvents: lists.array(.quotationEvents, counts)
        )
    }

    /// ``facts(of:words:pairs:)`` written into memory the caller owns: the bits into `bits`,
    /// one entry per token, all 0, and the four lists at `lists`, each with room for
    /// `capacity` indexes, at least one per token.
    ///
    /// - Returns: how many indexes each list holds.
    static func read(
        _ tokens: UnsafeBufferPointer<Token>, words: TokenKeyMap, pairs: TokenKeySet?, into bits: UnsafeMutableBufferPointer<UInt16>,
        lists: IndexLists.Starts, capacity: Int
    ) -> IndexLists.Counts {
        precondition(bits.count >= tokens.count && capacity >= tokens.count)
        return words.withReader { words in read(tokens, words, pairs: pairs, into: bits, lists: lists) }
    }

    private static func read(
        _ tokens: UnsafeBufferPointer<Token>, _ words: TokenKeyMap.Reader, pairs: TokenKeySet?, into bits: UnsafeMutableBufferPointer<UInt16>,
        lists: IndexLists.Starts
    ) -> IndexLists.Counts {
        let quotationEvents = lists.quotationEvents
        var counts = IndexLists.Counts()
        // The paragraph whose first quotation mark is still to come.
        var openParagraph = -1
        guard let first = tokens.baseAddress else { return counts }
        var index = 0
        while index < tokens.count {
            defer { index &+= 1 }
            var fact = words.bits(of: tokens[index].folded)
            // A word inside a line needs only its bits and lists; most tokens are such words
            // in no list, with no fact to record.
            if isWordInLine(first + index) {
                guard fact != 0 else { continue }
                if fact & subordinator != 0, tokens[index].isLowercaseWord { fact |= clauseBreak }
                bits[index] = fact
                if fact & (cueStart | reportStart | pairLastWord) != 0 {
                    list(index, fact: fact, of: tokens, pairs: pairs, into: lists, &counts)
                }
                continue
            }
            let token = tokens[index]
            // Each list gains at most one entry per token: the counts stay below the capacity.
            if token.kind == .word {
                if fact & subordinator != 0, token.isLowercaseWord { fact |= clauseBreak }
            } else {
                fact = markOther(token, at: index, fact: fact, of: tokens, openParagraph: &openParagraph, into: bits)
                if !token.afterNewline, token.isQuotationMark { IndexLists.append(index, to: quotationEvents, &counts.quotationEvents) }
            }
            if token.afterNewline {
                IndexLists.append(index, to: quotationEvents, &counts.quotationEvents)
                openParagraph = index
                // The paragraph's own first token may be its first mark.
                if let mark = QuotationTracker.mark(token) {
                    if mark == .close { fact |= paragraphClosesFirst }
                    openParagraph = -1
                }
            }
            // Nothing has written the token's own entry yet: a later mark may only add to it.
            bits[index] = fact
            if fact & (cueStart | reportStart | pairLastWord) != 0 {
                list(index, fact: fact, of: tokens, pairs: pairs, into: lists, &counts)
            }
        }
        return counts
    }

    /// Whether the token at `token` is a word that no line break comes before, read with one
    /// load of its `kind` and `afterNewline` bytes, which lie two apart in a token
    /// (`TokenFactsTests` checks): two loads and tests cost two instructions more at
    /// every token.
    @inline(__always)
    static func isWordInLine(_ token: UnsafePointer<Token>) -> Bool {
        let kind = MemoryLayout<Token>.offset(of: \Token.kind)!
        // Little-endian, so that `kind` is the low byte on any machine; `first` and `attached` are masked out.
        let bytes = UInt32(littleEndian: UnsafeRawPointer(token).loadUnaligned(fromByteOffset: kind, as: UInt32.self))
        return bytes & 0x00FF_00FF == UInt32(Token.Kind.word.rawValue)
    }

    /// Lists the token at `index` among the cue starts, report starts and pair phrases'
    /// last words, as its facts say; each list gains at most one entry per token.
    @inline(__always)
    private static func list(
        _ index: Int, fact: UInt16, of tokens: UnsafeBufferPointer<Token>, pairs: TokenKeySet?, into lists: IndexLists.Starts,
        _ counts: inout IndexLists.Counts
    ) {
        if fact & cueStart != 0, fact & wholeCue != 0 || startsPair(at: index, of: tokens, in: pairs) {
            IndexLists.append(index, to: lists.cueStarts, &counts.cueStarts)
        }
        if fact & reportStart != 0 { IndexLists.append(index, to: lists.reportStarts, &counts.reportStarts) }
        if fact & pairLastWord != 0 { IndexLists.append(index, to: lists.pairLastWords, &counts.pairLastWords) }
    }

    /// The facts of a token that is not a word: it starts no cue, and may close a clause or a
    /// quotation that a paragraph opened.
    @inline(__always)
    private static func markOther(
        _ token: Token, at index: Int, fact: UInt16, of tokens: UnsafeBufferPointer<Token>, openParagraph: inout Int,
        into bits: UnsafeMutableBufferPointer<UInt16>
    ) -> UInt16 {
        var fact = fact & ~cueStart
        switch token.kind {
        case .word, .possessive:
            break
        case .punctuation:
            if closesClause(token.first) { fact |= clauseBreak }
            if endsSentence(token.first) { fact |= sentenceMark }
        case .dash:
            // A spaced dash separates clauses; an attached one joins a compound ("Russia–Japan").
            if !(token.attached && index + 1 < tokens.count && tokens[index + 1].attached) { fact |= clauseBreak }
        case .openQuote, .closeQuote, .straightQuote:
            if !token.afterNewline, openParagraph >= 0, let mark = QuotationTracker.mark(token) {
                if mark == .close { bits[openParagraph] |= paragraphClosesFirst }
                openParagraph = -1
            }
        }
        return fact
    }

    /// Whether the token at `index` and the next are the first two words of a cue in
    /// `pairs`; with no pairs given, any token may be.
    @inline(__always)
    private static func startsPair(at index: Int, of tokens: UnsafeBufferPointer<Token>, in pairs: TokenKeySet?) -> Bool {
        guard let pairs else { return true }
        guard index + 1 < tokens.count else { return false }
        return pairs.contains(pairKey(tokens[index].folded, tokens[index + 1].folded))
    }

    /// Punctuation that closes a clause.
    private static func closesClause(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"), UInt8(ascii: "!"): true
        default: false
        }
    }

    /// Punctuation that may end a sentence.
    private static func endsSentence(_ first: UInt8) -> Bool {
        first == UInt8(ascii: ".") || first == UInt8(ascii: "?") || first == UInt8(ascii: "!")
    }

    /// One key for two keys in a row, as ``CueLexicon/cuePairs`` lists the first two words of cues.
    @inline(__always)
    static func pairKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    }

    /// The folded key of each word, for the lists kept in Swift rather than in resource files.
    static func keys(_ words: [String]) -> [UInt64] {
        words.map { TokenHash.folded($0.utf8) }
    }
}

/// The ``TokenFact`` bits of an article's tokens, and where the rarer starts stand.
struct TokenFacts {
    /// The bits of each token.
    var bits: [UInt16]
    /// The indexes, in order, of the tokens with ``TokenFact/cueStart`` that start a cue
    /// of one word or a listed pair of words with the next token: a sentence's cue search
    /// visits them, not every token.
    var cueStarts: [Int32] = []
    /// The indexes of the tokens with ``TokenFact/reportStart``.
    var reportStarts: [Int32] = []
    /// The indexes of the tokens with ``TokenFact/pairLastWord``.
    var pairLastWords: [Int32] = []
    /// The indexes, in order, of the tokens that may change whether a quotation is open:
    /// paragraph starts and quotation marks (see ``QuotationTracker``).
    var quotationEvents: [Int32] = []
}

extension Token {
    /// Whether the token is a quotation mark of any kind, one that ``QuotationTracker`` may track.
    var isQuotationMark: Bool { kind == .openQuote || kind == .closeQuote || kind == .straightQuote }
}

/// Four lists of token indexes written side by side into one buffer with room for
/// `capacity` indexes in each, for the facts pass, which gives each token at most one
/// entry per list. Not copyable, so that the buffer its `deinit` frees has one owner.
struct IndexLists: ~Copyable {
    enum List: Int { case cueStarts, reportStarts, pairLastWords, quotationEvents }

    /// How many indexes each list holds.
    struct Counts {
        var cueStarts = 0, reportStarts = 0, pairLastWords = 0, quotationEvents = 0

        func count(of list: List) -> Int {
            switch list {
            case .cueStarts: cueStarts
            case .reportStarts: reportStarts
            case .pairLastWords: pairLastWords
            case .quotationEvents: quotationEvents
            }
        }
    }

    /// Where each list starts, in memory with room for one index per token in each.
    struct Starts {
        var cueStarts: UnsafeMutablePointer<Int32>
        var reportStarts: UnsafeMutablePointer<Int32>
        var pairLastWords: UnsafeMutablePointer<Int32>
        var quotationEvents: UnsafeMutablePointer<Int32>

        /// The four lists side by side from `base`, with room for `capacity` indexes in each.
        init(_ base: UnsafeMutablePointer<Int32>, capacity: Int) {
            cueStarts = base
            reportStarts = base + capacity
            pairLastWords = base + 2 * capacity
            quotationEvents = base + 3 * capacity
        }
    }

    let capacity: Int
    private let base: UnsafeMutablePointer<Int32>

    /// Where the lists start in the buffer.
    var starts: Starts { Starts(base, capacity: capacity) }

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: max(1, capacity * 4))
    }

    deinit { base.deallocate() }

    /// Where `list` starts in the buffer.
    func start(of list: List) -> UnsafeMutablePointer<Int32> { base + list.rawValue * capacity }

    /// Writes `index` at the end of the list starting at `start`, which holds `count`.
    @inline(__always)
    static func append(_ index: Int, to start: UnsafeMutablePointer<Int32>, _ count: inout Int) {
        start[count] = Int32(truncatingIfNeeded: index)
        count &+= 1
    }

    /// The indexes of `list`, as `counts` says how many it holds.
    func array(_ list: List, _ counts: Counts) -> [Int32] {
        let count = counts.count(of: list)
        precondition(count <= capacity)
        return count == 0 ? [] : Array(UnsafeBufferPointer(start: start(of: list), count: count))
    }
}
