/// A set of small indexes, one bit each, 64 a word: an article's tokens, for passes that
/// act on few of them (such a pass walks the set bits instead of testing every token in
/// turn, which cost a dozen instructions a token in each of four passes), or the
/// gazetteer's actors an article names (a `[Bool]` of a few thousand cost a fill of that
/// many bytes per article).
///
/// The words live in a ``WordBuffer``, copied when a shared set is written; a set of no
/// indexes has none and allocates nothing.
struct IndexBits {
    private var words: WordBuffer?
    /// The number of indexes the set can hold.
    let count: Int

    /// No bits set, for `count` tokens.
    init(count: Int) {
        self.count = count
        words = count > 0 ? WordBuffer.make(count: (count + 63) / 64) : nil
    }

    /// The number of words, each holding 64 indexes.
    private var wordCount: Int { (count &+ 63) &>> 6 }

    /// The words, unshared, for a write.
    private mutating func uniqueWords() -> WordBuffer {
        if !isKnownUniquelyReferenced(&words) { words = words?.copy() }
        return words.unsafelyUnwrapped
    }

    /// Sets the bits of tokens `64 * word` to `64 * word + 63` at once, from `bits` (bit 0
    /// for the first); bits past `count` must be clear, since a ``Cursor`` hands on every
    /// set bit as an index to read the tokens at without a test.
    mutating func setWord(_ word: Int, to bits: UInt64) {
        precondition(UInt(bitPattern: word) < UInt(bitPattern: wordCount), "a word past the set's end")
        precondition(word &+ 1 < wordCount || count & 63 == 0 || bits &>> UInt64(count & 63) == 0, "bits past the set's end")
        uniqueWords().setWord(word, to: bits)
    }

    mutating func insert(_ token: Int) {
        precondition(UInt(bitPattern: token &>> 6) < UInt(bitPattern: wordCount), "an index past the set's end")
        let words = uniqueWords()
        words.setWord(token &>> 6, to: words.word(token &>> 6) | 1 &<< UInt64(token & 63))
    }

    mutating func remove(_ token: Int) {
        precondition(UInt(bitPattern: token &>> 6) < UInt(bitPattern: wordCount), "an index past the set's end")
        let words = uniqueWords()
        words.setWord(token &>> 6, to: words.word(token &>> 6) & ~(1 &<< UInt64(token & 63)))
    }

    /// Inserts the indexes of `range`, which must lie inside the set: a mention's tokens,
    /// a word at a time rather than a bit at a time.
    mutating func insert(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        Self.insert(range, count: count, into: uniqueWords())
    }

    /// Inserts the tokens of each mention: one test that the words are unshared for all of
    /// them, where an insert each paid a call for it.
    ///
    /// The mentions' ranges are read in place and the words written through one pointer
    /// taken once, not reached for again at each word.
    mutating func insert(tokensOf mentions: [FoundMention]) {
        guard !mentions.isEmpty else { return }
        let count = count
        uniqueWords().withUnsafeMutablePointerToElements { words in
            mentions.withUnsafeBufferPointer { mentions in
                for index in mentions.indices {
                    let range = (mentions.baseAddress! + index).pointee.tokens
                    if !range.isEmpty { Self.insert(range, count: count, into: words) }
                }
            }
        }
    }

    /// Removes the indexes of `range`, which must lie inside the set: a mention's tokens,
    /// for the few mentions dropped after they were found.
    mutating func remove(_ range: Range<Int>) {
        for token in range { remove(token) }
    }

    /// Calls `body` with an ``Inserter`` of this set's indexes: the words are unshared once
    /// and their address taken once, for a pass that inserts as it goes.
    mutating func withInserter<Result>(_ body: (Inserter) -> Result) -> Result {
        guard count > 0 else { return body(Inserter(words: nil, count: 0)) }
        let count = count
        return uniqueWords().withUnsafeMutablePointerToElements { body(Inserter(words: $0, count: count)) }
    }

    /// Inserts ranges into the words of a set, unshared; valid only inside
    /// ``withInserter(_:)``.
    struct Inserter {
        fileprivate let words: UnsafeMutablePointer<UInt64>?
        fileprivate let count: Int

        /// Inserts the indexes of `range`, which must lie inside the set.
        @inline(__always)
        func insert(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            IndexBits.insert(range, count: count, into: words.unsafelyUnwrapped)
        }
    }

    /// Inserts the actor of each mention, as ``insert(tokensOf:)`` does their tokens.
    mutating func insert(actorsOf mentions: [FoundMention]) {
        guard !mentions.isEmpty else { return }
        let words = uniqueWords()
        for mention in mentions { Self.insert(Int(mention.actor), count: count, into: words) }
    }

    /// Inserts the actor of each mention whose position in `mentions` is not in `excluded`,
    /// with one test that the words are unshared for all of them.
    mutating func insert(actorsOf mentions: [FoundMention], except excluded: IndexBits) {
        guard !mentions.isEmpty else { return }
        let words = uniqueWords()
        for (position, mention) in mentions.enumerated() where !excluded.contains(position) {
            Self.insert(Int(mention.actor), count: count, into: words)
        }
    }

    /// Sets the bit of `index`, which must be below `count`, in words already unshared.
    @inline(__always)
    private static func insert(_ index: Int, count: Int, into words: WordBuffer) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "an index past the set's end")
        words.setWord(index &>> 6, to: words.word(index &>> 6) | 1 &<< UInt64(index & 63))
    }

    @inline(__always)
    private static func insert(_ range: Range<Int>, count: Int, into words: WordBuffer) {
        words.withUnsafeMutablePointerToElements { insert(range, count: count, into: $0) }
    }

    /// Sets the bits of `range`, which must lie below `count`, in words at hand.
    @inline(__always) // once a mention, in loops over many
    fileprivate static func insert(_ range: Range<Int>, count: Int, into words: UnsafeMutablePointer<UInt64>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "a range past the set's end")
        var start = range.lowerBound
        while true {
            let word = start &>> 6
            let offset = UInt64(start & 63)
            let remaining = range.upperBound &- start
            // Most ranges are a word or two long and end inside their first word.
            if UInt64(remaining) &+ offset < 64 {
                words[word] |= ((1 &<< UInt64(remaining)) &- 1) &<< offset
                return
            }
            words[word] |= ~0 &<< offset
            start = (word &+ 1) &<< 6
            guard start < range.upperBound else { return }
        }
    }

    @inline(__always)
    func contains(_ token: Int) -> Bool {
        // One unsigned test for both ends; a set that holds an index has words.
        UInt(bitPattern: token) < UInt(bitPattern: count)
            && words.unsafelyUnwrapped.word(token &>> 6) & (1 &<< UInt64(token & 63)) != 0
    }

    /// The first token at or after `token` whose bit is set, or `count` when none is.
    func next(from token: Int) -> Int {
        var walk = cursor()
        walk.skip(to: max(0, token))
        return walk.next() ?? count
    }

    /// A walk over the set indexes in order.
    func cursor() -> Cursor { Cursor(self) }

    /// A walk over the indexes set here and not in `excluded`, a set of the same count, as
    /// `excluded` stands now: a pass that skips most of its starts (the capitalised tokens a
    /// mention covers) is spared a step and a test for each.
    func cursor(excluding excluded: IndexBits) -> DifferenceCursor {
        precondition(excluded.count == count, "sets of different counts")
        return DifferenceCursor(self, excluded)
    }

    /// Walks the set indexes in order with the current word's bits at hand: each step
    /// clears one bit, where ``next(from:)`` found the word again and masked it.
    struct Cursor {
        private let words: WordBuffer?
        private let wordCount: Int
        /// The word being walked, and its bits not yet visited.
        private var word = 0
        private var bits: UInt64

        fileprivate init(_ set: IndexBits) {
            words = set.words
            wordCount = set.wordCount
            bits = set.wordCount > 0 ? set.words.unsafelyUnwrapped.word(0) : 0
        }

        /// The next set index, or `nil` after the last.
        @inline(__always)
        mutating func next() -> Int? {
            while bits == 0 {
                word &+= 1
                guard word < wordCount else { return nil }
                bits = words.unsafelyUnwrapped.word(word)
            }
            let index = word &<< 6 | bits.trailingZeroBitCount
            bits &= bits &- 1
            return index
        }

        /// Leaves out the set indexes before `index`, which is past every index visited.
        @inline(__always)
        mutating func skip(to index: Int) {
            let target = index &>> 6
            if target != word {
                guard target < wordCount else {
                    word = wordCount
                    bits = 0
                    return
                }
                word = target
                bits = words.unsafelyUnwrapped.word(target)
            }
            bits &= ~0 &<< UInt64(index & 63)
        }
    }

    /// ``Cursor`` over the indexes of one set less those of another. A type of its own: the
    /// second set's test in the plain cursor cost the passes that walk one set more than
    /// it spared here, and one cursor generic over where its words come from cost mention
    /// finding 2.6K instructions an article more than the two.
    struct DifferenceCursor {
        private let words: WordBuffer?
        private let excluded: WordBuffer?
        private let wordCount: Int
        /// The word being walked, and its bits not yet visited.
        private var word = 0
        private var bits: UInt64 = 0

        fileprivate init(_ set: IndexBits, _ excluded: IndexBits) {
            words = set.words
            self.excluded = excluded.words
            wordCount = set.wordCount
            if wordCount > 0 { bits = unvisited(0) }
        }

        /// The bits of word `index` of the first set that the second lacks.
        @inline(__always)
        private func unvisited(_ index: Int) -> UInt64 {
            words.unsafelyUnwrapped.word(index) & ~excluded.unsafelyUnwrapped.word(index)
        }

        /// The next index, or `nil` after the last.
        @inline(__always)
        mutating func next() -> Int? {
            while bits == 0 {
                word &+= 1
                guard word < wordCount else { return nil }
                bits = unvisited(word)
            }
            let index = word &<< 6 | bits.trailingZeroBitCount
            bits &= bits &- 1
            return index
        }

        /// Leaves out the indexes before `index`, which is past every index visited.
        @inline(__always)
        mutating func skip(to index: Int) {
            let target = index &>> 6
            if target != word {
                guard target < wordCount else {
                    word = wordCount
                    bits = 0
                    return
                }
                word = target
                bits = unvisited(target)
            }
            bits &= ~0 &<< UInt64(index & 63)
        }
    }
}
