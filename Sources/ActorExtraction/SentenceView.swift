import ActorGraph

/// What the views of one article's sentences share: its bytes and tokens, every mention
/// and where each starts and ends, the quotation state and the word lists.
///
/// A class, so that a sentence's view holds all of it by one reference: a view is made
/// for every sentence and handed to every rule, and copying the arrays and lexicons one
/// by one (some sixty reference counts each time) cost more than most rules.
final class ArticleView {
    let bytes: [UInt8]
    let tokens: [Token]
    /// Every mention of the article, and where each starts and ends.
    let all: [FoundMention]
    let index: MentionIndex
    /// The facts pass whose memory holds the columns below, kept as columns of their own:
    /// the rules read them at every sentence.
    private let pass: TokenFactsPass
    /// Whether each token of the article lies inside a quotation.
    let quoted: TokenColumn<Bool>
    /// The last token inside a quotation, or -1.
    var lastQuoted: Int { pass.lastQuoted }
    /// The ``TokenFact`` bits of each token of the article.
    let facts: TokenColumn<UInt16>
    /// The tokens that may start a cue or a report, and the last words of pair phrases (see ``TokenFacts``).
    let cueStarts: TokenColumn<Int32>
    let reportStarts: TokenColumn<Int32>
    let pairLastWords: TokenColumn<Int32>
    let lexicon: CueLexicon
    /// The finder's actor table, borrowed for as long as the view lives: a copy of it
    /// retained each array of the gazetteer in it, and the view's end released them.
    private let actorTable: UnsafePointer<ActorTable>
    /// The copy that ``init(bytes:tokens:mentions:lexicon:actors:)`` made, freed with the view.
    private let ownTable: UnsafeMutablePointer<ActorTable>?

    /// A view of an article whose actors are read from a copy of `actors`, for a caller
    /// without a table that outlives the view.
    convenience init(bytes: [UInt8], tokens: [Token], mentions: [FoundMention], lexicon: CueLexicon, actors: ActorTable) {
        let own = UnsafeMutablePointer<ActorTable>.allocate(capacity: 1)
        own.initialize(to: actors)
        self.init(
            bytes: bytes, tokens: tokens, mentions: mentions, lexicon: lexicon, actorTable: UnsafePointer(own), owning: own, pass: nil
        )
    }

    /// A view of an article whose token facts are `pass`'s, or read now when it is `nil`.
    ///
    /// - Parameters:
    ///   - actorTable: the actors, which must stay in place while the view lives. The view
    ///     and the sentence views made from it must not be kept past the call that lent the
    ///     pointer (``RelationFinder``'s search, whose results hold neither): nothing else
    ///     would tell a view kept longer that its table is gone.
    ///   - pass: the facts of exactly these `tokens` under `lexicon`, used by no other view
    ///     while this one lives: the view writes its cue hits into the pass's memory.
    convenience init(
        bytes: [UInt8], tokens: [Token], mentions: [FoundMention], lexicon: CueLexicon, actorTable: UnsafePointer<ActorTable>,
        pass: TokenFactsPass? = nil
    ) {
        self.init(bytes: bytes, tokens: tokens, mentions: mentions, lexicon: lexicon, actorTable: actorTable, owning: nil, pass: pass)
    }

    private init(
        bytes: [UInt8], tokens: [Token], mentions: [FoundMention], lexicon: CueLexicon, actorTable: UnsafePointer<ActorTable>,
        owning own: UnsafeMutablePointer<ActorTable>?, pass given: TokenFactsPass?
    ) {
        let pass = given ?? TokenFactsPass(tokens, lexicon: lexicon)
        precondition(pass.storage.tokenCount == tokens.count, "a facts pass of other tokens")
        self.actorTable = actorTable
        ownTable = own
        self.bytes = bytes
        self.tokens = tokens
        self.all = mentions
        let count = tokens.count
        self.index = MentionIndex(mentions)
        let lists = pass.storage.lists, counts = pass.counts
        self.pass = pass
        self.quoted = TokenColumn(pass.storage.flags, count: count)
        self.facts = TokenColumn(pass.storage.bits, count: count)
        self.cueStarts = TokenColumn(lists.cueStarts, count: counts.cueStarts)
        self.reportStarts = TokenColumn(lists.reportStarts, count: counts.reportStarts)
        self.pairLastWords = TokenColumn(lists.pairLastWords, count: counts.pairLastWords)
        self.lexicon = lexicon
    }

    deinit {
        ownTable?.deinitialize(count: 1)
        ownTable?.deallocate()
    }

    /// The kind of the actor at `index` (``ActorTable/kind(of:)``), read in place.
    @inline(__always)
    func kind(of index: Int32) -> ActorKind { actorTable.pointee.kind(of: index) }

    /// The state the actor at `index` stands for (``ActorTable/state(of:)``), read in place.
    @inline(__always)
    func state(of index: Int32) -> Int32? { actorTable.pointee.state(of: index) }

    /// An empty list of cue hits in the article's memory, with room for a cue at every
    /// token; one list at a time, valid while the view lives.
    func cueHits() -> CueHits {
        CueHits(in: pass.storage.hits, capacity: pass.storage.tokenCount)
    }
}

/// The facts of an article's tokens (``TokenFact``) and which of them lie inside
/// quotations, with the memory of its ``ArticleView``'s columns.
///
/// Read from the tokens and the lexicon alone, so a corpus run's reading thread reads
/// them with the rest of ``Extractor/prepare(_:)``, ahead of the worker: on the worker,
/// which is a one-job run's slowest thread, they were a tenth of its instructions.
///
/// Safe to send: nothing changes it once made but the cue hits of the view that takes it
/// (``ArticleView/cueHits()``), one view at a time, made after it is handed over.
final class TokenFactsPass: @unchecked Sendable {
    let storage: TokenColumnStorage
    let counts: IndexLists.Counts
    /// The last token inside a quotation, or -1.
    let lastQuoted: Int

    init(_ tokens: [Token], lexicon: CueLexicon) {
        let count = tokens.count
        let storage = TokenColumnStorage(tokenCount: count)
        let lists = storage.lists, bits = storage.bits, flags = storage.flags
        var lastQuoted = -1
        var counts = IndexLists.Counts()
        tokens.withUnsafeBufferPointer { tokens in
            counts = TokenFact.read(
                tokens, words: lexicon.wordFacts, pairs: lexicon.cuePairs, into: UnsafeMutableBufferPointer(start: bits, count: count), lists: lists,
                capacity: count
            )
            lastQuoted = QuotationTracker.markInside(
                tokens, facts: UnsafeBufferPointer(start: bits, count: count),
                events: UnsafeBufferPointer(start: lists.quotationEvents, count: counts.quotationEvents),
                into: UnsafeMutableBufferPointer(start: flags, count: count)
            )
        }
        self.storage = storage
        self.counts = counts
        self.lastQuoted = lastQuoted
    }
}

/// One sentence of an article with the tokens, mentions and quotation state the
/// relation rules look at.
///
/// It holds its mentions as positions in the article's, not as slices: a view is made for
/// every sentence, and each slice cost a retain and a release of the mention array. The
/// finder moves one view from sentence to sentence (``move(to:mentions:earlier:reportPosition:pairWordPosition:)``):
/// a view made for each retained and released the article.
struct SentenceView {
    let article: ArticleView
    /// Token indexes of the sentence.
    private(set) var range: Range<Int>
    /// The positions in ``ArticleView/all`` of the mentions inside the sentence.
    private(set) var mentionPositions: Range<Int>
    /// The positions of the mentions before the sentence that ``earlier`` holds.
    private(set) var earlierPositions: Range<Int>
    /// The position in ``ArticleView/reportStarts`` of the first report start at or after
    /// the sentence's first token.
    private(set) var reportPosition: Int
    /// Whether a word of the sentence can end such a phrase; most sentences hold none, and
    /// one look at each word spares the search for a phrase at every cue.
    private(set) var mayHoldPairPhrase: Bool

    /// - Parameters:
    ///   - mentions: the positions in the article's mentions of those inside the sentence.
    ///   - earlier: the positions of the mentions before it that phrases like "the two countries" may take.
    ///   - reportPosition: the position in the article's report starts of the first at or after the sentence.
    ///   - pairWordPosition: that in its pair phrases' last words.
    init(article: ArticleView, range: Range<Int>, mentions: Range<Int>, earlier: Range<Int>, reportPosition: Int, pairWordPosition: Int) {
        self.article = article
        // Set for the moment: `move` gives every field its value.
        (self.range, mentionPositions, earlierPositions, self.reportPosition, mayHoldPairPhrase) = (0..<0, 0..<0, 0..<0, 0, false)
        move(to: range, mentions: mentions, earlier: earlier, reportPosition: reportPosition, pairWordPosition: pairWordPosition)
    }

    /// Makes the view that of another sentence of the same article, with the parameters of
    /// ``init(article:range:mentions:earlier:reportPosition:pairWordPosition:)``.
    mutating func move(to range: Range<Int>, mentions: Range<Int>, earlier: Range<Int>, reportPosition: Int, pairWordPosition: Int) {
        self.range = range
        self.mentionPositions = mentions
        self.earlierPositions = earlier
        self.reportPosition = reportPosition
        mayHoldPairPhrase = false
        readPairPhrase(from: pairWordPosition)
    }

    private mutating func readPairPhrase(from pairWordPosition: Int) {
        // Most sentences hold no last word of a pair phrase: they need no call to look.
        let lastWords = article.pairLastWords
        if pairWordPosition < lastWords.count, Int(lastWords[pairWordPosition]) < range.upperBound {
            mayHoldPairPhrase = holdsPairPhrase(from: pairWordPosition)
        }
    }

    /// Mentions inside the sentence, in text order.
    var mentions: ArraySlice<FoundMention> { article.all[mentionPositions] }
    /// Mentions of the article before this sentence, for phrases like "the two countries".
    var earlier: ArraySlice<FoundMention> { article.all[earlierPositions] }

    /// Whether a pair phrase lies inside the sentence: a phrase ends at one of the rare
    /// last words, so only those are looked back from.
    private func holdsPairPhrase(from first: Int) -> Bool {
        let lastWords = article.pairLastWords
        var position = first
        while position < lastWords.count, Int(lastWords[position]) < range.upperBound {
            if PairAnaphor.phrase(endingAt: Int(lastWords[position]), in: self) { return true }
            position += 1
        }
        return false
    }

    var bytes: [UInt8] { article.bytes }
    var tokens: [Token] { article.tokens }
    var all: [FoundMention] { article.all }
    var index: MentionIndex { article.index }
    var quoted: TokenColumn<Bool> { article.quoted }
    var lexicon: CueLexicon { article.lexicon }

    /// How far, in tokens, a rule looks for the actor before a cue.
    static let reachBefore = 14
    /// How far a rule looks back for the subject of a verb.
    static let reachBeforeAgent = 26
    /// How far, in tokens, a rule looks for the actor after a cue or preposition.
    static let reachAfter = 6

    func text(_ index: Int) -> Substring {
        let token = tokens[index]
        return Substring(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// Whether the token at `index` ends with `suffix` (ASCII), as `String.hasSuffix`
    /// says: by its bytes, and through `String` only for a token with non-ASCII bytes
    /// ending so, where a letter before the suffix might join it into one character.
    func hasSuffix(_ index: Int, _ suffix: StaticString) -> Bool {
        let token = tokens[index]
        let start = Int(token.start)
        let length = suffix.utf8CodeUnitCount
        guard Int(token.end) - start >= length else { return false }
        let tail = Int(token.end) - length
        for offset in 0..<length where bytes[tail + offset] != suffix.utf8Start[offset] { return false }
        if bytes[start..<tail].allSatisfy({ $0 < 0x80 }) { return true }
        return text(index).hasSuffix(suffix.description)
    }

    /// Whether the token at `index`, inside the sentence, is `lowercaseWord` in any ASCII case.
    @inline(__always)
    func isWord(_ index: Int, _ lowercaseWord: StaticString) -> Bool {
        // Not `&&`: its autoclosures copy the whole view in debug builds, once per token.
        guard range.contains(index) else { return false }
        return tokens[index].spells(lowercaseWord, in: bytes)
    }

    /// Whether the token at `index`, inside the sentence, is one of `words`.
    @inline(__always)
    func isWord(_ index: Int, in words: TokenKeySet) -> Bool {
        index >= range.lowerBound && index < range.upperBound && words.contains(tokens[index].folded)
    }

    /// Whether the token at `index`, inside the sentence, is one of the lexicon's `set`.
    @inline(__always)
    func isWord(_ index: Int, in set: RuleWordSet) -> Bool {
        index >= range.lowerBound && index < range.upperBound && lexicon.word(tokens[index].folded, isIn: set)
    }

    /// Conjunctions that open a subordinate clause; an actor beyond one belongs to another clause.
    static let subordinatorWords = ["while", "whereas", "although", "though", "because", "when", "whenever", "unless", "until", "after", "before"]

    /// Punctuation and conjunctions that close a clause for the purpose of finding a cue's
    /// actors (read once per article: see ``TokenFact/clauseBreak``).
    @inline(__always)
    func isClauseBreak(_ index: Int) -> Bool {
        article.facts[index] & TokenFact.clauseBreak != 0
    }

    /// Whether the token at `index`, inside the sentence, has the ``TokenFact`` bit `fact`.
    @inline(__always)
    func has(_ fact: UInt16, _ index: Int) -> Bool {
        index >= range.lowerBound && index < range.upperBound && article.facts[index] & fact != 0
    }

    /// The nearest mention that ends before `index`, within reach and inside the clause.
    ///
    /// - Parameters:
    ///   - excluded: an actor to pass over (the other side of the relation).
    ///   - asAgent: skip mentions that cannot be the subject of what follows: places
    ///     ("in Ukraine") and objects of prepositions ("of US retaliation").
    func mention(before index: Int, reach: Int = reachBefore, excluding excluded: Int32? = nil, asAgent: Bool = false) -> FoundMention? {
        // A subject may stand before a parenthetical ("Putin, driven into a corner, will
        // strike"); places and objects of prepositions are skipped on the way back.
        let limit = max(range.lowerBound, index - (asAgent ? max(reach, Self.reachBeforeAgent) : reach))
        // Buffers, not arrays: the search reads a token's kind and bits at each step back,
        // and each array read was a bounds test.
        return article.tokens.withUnsafeBufferPointer { tokens in
            mention(before: index, limit: limit, excluding: excluded, asAgent: asAgent, tokens: tokens, facts: article.facts.buffer)
        }
    }

    /// ``mention(before:reach:excluding:asAgent:)`` from `index - 1` back to `limit`, over
    /// the article's tokens and their ``TokenFact`` bits.
    private func mention(
        before index: Int, limit: Int, excluding excluded: Int32?, asAgent: Bool, tokens: UnsafeBufferPointer<Token>, facts: UnsafeBufferPointer<UInt16>
    ) -> FoundMention? {
        precondition(index <= tokens.count && facts.count == tokens.count)
        let mentions = article.index
        var position = index - 1
        while position >= limit {
            // Most tokens are words: the tests of punctuation are asked of punctuation alone.
            if tokens[position].kind == .punctuation {
                switch step(backFrom: position, excluding: excluded) {
                case .take(let mention): return mention
                case .jump(let next): position = next; continue
                case .stop: return nil
                case .read: break
                }
            } else if facts[position] & TokenFact.clauseBreak != 0 {
                return nil
            }
            // Most tokens end no mention: the index says so before the full look-up.
            // Wrapping: `position` stays between `limit`, at least 0, and the token count.
            if mentions.ending(at: position &+ 1) != nil, let found = mentionEnding(at: position &+ 1), found.actor != excluded,
               !asAgent || !isOblique(found) {
                return found
            }
            position &-= 1
        }
        return nil
    }

    /// What the search back for a mention does at a punctuation mark.
    private enum BackStep {
        /// Return this mention.
        case take(FoundMention)
        /// Go on from this token.
        case jump(Int)
        /// The clause ends here: there is no mention to find.
        case stop
        /// Read the mark as any other token.
        case read
    }

    /// The step back from the punctuation mark at `position`: over a name in parentheses
    /// ("the Kurdistan Workers' Party (PKK) targets"), which is a name, not a clause; to the
    /// end of the clause; or over a relative clause, which only a comma closes.
    private func step(backFrom position: Int, excluding excluded: Int32?) -> BackStep {
        if let inner = parenthesisedMention(closingAt: position) {
            return inner.actor != excluded ? .take(inner) : .jump(inner.tokens.lowerBound - 2)
        }
        if isClauseBreak(position) { return .stop }
        // The search asks `isComma` first.
        if tokens[position].first == UInt8(ascii: ","), let opening = relativeClauseStart(endingAt: position) { return .jump(opening - 1) }
        return .read
    }

    /// The mention that alone fills the parentheses closed at `position`: "(PKK)".
    private func parenthesisedMention(closingAt position: Int) -> FoundMention? {
        guard tokens[position].kind == .punctuation, tokens[position].first == UInt8(ascii: ")"),
              let inner = mentionEnding(at: position), inner.tokens.lowerBound - 1 >= range.lowerBound,
              tokens[inner.tokens.lowerBound - 1].first == UInt8(ascii: "(") else { return nil }
        return inner
    }

    /// The opening comma of a relative clause or an apposition closed by the comma at
    /// `position` (", who rules North Korea,", ", a NATO member,"), so a search for the
    /// subject can step over it.
    private func relativeClauseStart(endingAt position: Int) -> Int? {
        guard isComma(position) else { return nil }
        var index = position - 1
        while index > max(range.lowerBound, position - 16) {
            if isComma(index) {
                if isWord(index + 1, in: .relativePronouns) { return index }
                // An apposition opened by an article or an owner's name right after a name:
                // ", a NATO member,", ", Russia's envoy to the UN,".
                let opensApposition = isWord(index + 1, "a") || isWord(index + 1, "an")
                    || mentionStarting(at: index + 1).map(isOwner) == true
                let isApposition = opensApposition && position - index <= 10 && mentionEnding(at: index) != nil
                return isApposition ? index : nil
            }
            index -= 1
        }
        return nil
    }

    static let relativePronounWords = ["who", "which", "whose", "whom"]

    func isComma(_ index: Int) -> Bool {
        index >= range.lowerBound && index < range.upperBound && tokens[index].kind == .punctuation && tokens[index].first == UInt8(ascii: ",")
    }

    /// The mentions coordinated with `mention` ("China, Russia and North Korea"), in text
    /// order, including `mention` itself, written over `list`: the finder reuses its lists
    /// from edge to edge, and an array made for each was an allocation and a release.
    func coordinated(with mention: FoundMention, into list: inout [FoundMention]) {
        // One member at a time: most lists are one or two long, and `removeAll(keepingCapacity:)`
        // went through the general replacement of a range.
        while !list.isEmpty { list.removeLast() }
        // Room for a short list at once: a list of one grew at each member added.
        list.reserveCapacity(4)
        list.append(mention)
        var current = mention
        while let next = nextInList(after: current) { list.append(next); current = next }
        current = mention
        while let previous = previousInList(before: current) { list.insert(previous, at: 0); current = previous }
    }

    /// Whether `mention` stands in a list with another ("China, Russia and North Korea"):
    /// most do not, and their one-member list need not be built.
    ///
    /// Inlined: most mentions fail the first tests, which cost less than the call.
    @inline(__always)
    func isCoordinated(_ mention: FoundMention) -> Bool {
        nextInList(after: mention) != nil || previousInList(before: mention) != nil
    }

    /// Whether a comma or a conjunction follows `mention`, as ``nextInList(after:)`` first asks.
    @inline(__always)
    private func mayContinueList(after mention: FoundMention) -> Bool {
        isComma(mention.tokens.upperBound) || has(TokenFact.conjunction, mention.tokens.upperBound)
    }

    /// Whether a comma or a conjunction stands before `mention` or its "the", as
    /// ``previousInList(before:)`` first asks.
    @inline(__always)
    private func mayFollowInList(_ mention: FoundMention) -> Bool {
        let before = mention.tokens.lowerBound - 1
        if isComma(before) || has(TokenFact.conjunction, before) { return true }
        return isWord(before, "the") && (isComma(before - 1) || has(TokenFact.conjunction, before - 1))
    }

    /// The next member of the list `mention` stands in, if any.
    ///
    /// Inlined as far as the comma or conjunction the search needs first: most mentions
    /// have none, and the last member of each list read has none after it.
    @inline(__always)
    func nextInList(after mention: FoundMention) -> FoundMention? {
        mayContinueList(after: mention) ? nextInList(afterMark: mention) : nil
    }

    /// ``nextInList(after:)`` for a mention with a comma or a conjunction after it.
    private func nextInList(afterMark mention: FoundMention) -> FoundMention? {
        var index = mention.tokens.upperBound
        guard isComma(index) || isWord(index, "and") else { return nil }
        index += 1
        if isWord(index, "and") { index += 1 }
        // "Hezbollah and the Houthis": "the" may be part of the next name or only its article.
        let next = mentionStarting(at: index) ?? (isWord(index, "the") ? mentionStarting(at: index + 1) : nil)
        return next.flatMap { sameKind($0, mention) ? $0 : nil }
    }

    /// Lists join actors of one kind; "Japan, and Khristo Grozev confirms" is two clauses.
    private func sameKind(_ a: FoundMention, _ b: FoundMention) -> Bool {
        article.kind(of: a.actor) == article.kind(of: b.actor)
    }

    /// The member before `mention` in the list it stands in, if any; inlined as
    /// ``nextInList(after:)`` is.
    @inline(__always)
    func previousInList(before mention: FoundMention) -> FoundMention? {
        mayFollowInList(mention) ? previousInList(beforeMark: mention) : nil
    }

    /// ``previousInList(before:)`` for a mention with a comma or a conjunction before it or its "the".
    private func previousInList(beforeMark mention: FoundMention) -> FoundMention? {
        var index = mention.tokens.lowerBound - 1
        if isWord(index, "the") { index -= 1 }
        guard isComma(index) || isWord(index, "and") else { return nil }
        if isWord(index, "and"), isComma(index - 1) { index -= 1 }
        return mentionEnding(at: index).flatMap { sameKind($0, mention) ? $0 : nil }
    }

    /// Prepositions after which a state's name is a place or an oblique object, not an agent.
    static let obliqueMarkerWords = ["in", "at", "inside", "across", "throughout", "near", "around", "within", "into", "of", "from", "without", "about",
        "against", "for", "over", "than", "like", "to", "toward", "towards", "under", "between", "among", "on", "with"]

    static let compassWordList = ["northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern",
        "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest"]

    /// Nouns that, before "of", make a state's name the name of who acts: "the Government of Canada".
    static let bodyOfAStateWords = ["government", "state", "republic", "kingdom", "people", "authorities", "leadership", "emirate", "sultanate", "principality"]

    /// Whether a mention follows a preposition ("in Ukraine", "of the US", "from Tokyo"),
    /// or a prefix such as "pro-" or "anti-".
    ///
    /// Inlined as far as its first test: nearly half the mentions asked open their sentence.
    @inline(__always)
    func isOblique(_ mention: FoundMention) -> Bool {
        guard mention.tokens.lowerBound > range.lowerBound else { return false }
        return isObliqueInside(mention)
    }

    /// ``isOblique(_:)`` of a mention after the sentence's first token.
    private func isObliqueInside(_ mention: FoundMention) -> Bool {
        var before = mention.tokens.lowerBound - 1
        // "of Tokyo's dispute": a possessive names the owner of what follows, not an object.
        if mention.tokens.upperBound < range.upperBound, tokens[mention.tokens.upperBound].kind == .possessive { return false }
        if tokens[before].kind == .dash, tokens[before].attached, before - 1 >= range.lowerBound, tokens[before - 1].isLowercaseWord {
            return true
        }
        // "in northern Iraq": a compass word between the preposition and the name.
        if before > range.lowerBound, tokens[before].isLowercaseWord, lexicon.word(tokens[before].folded, isIn: .compassWords) { before -= 1 }
        if isWord(before, "the") { before -= 1 }
        guard before >= range.lowerBound else { return false }
        // Most mentions follow no preposition: the tests below only ever turn a mention
        // after one away, so they are asked after it alone.
        guard lexicon.word(tokens[before].folded, isIn: .obliqueMarkers) else { return false }
        // "The Government of Canada condemns": the state is the head of its own name.
        if isWord(before, "of"), before - 1 >= range.lowerBound, lexicon.word(tokens[before - 1].folded, isIn: .bodiesOfAState) { return false }
        // A demonym after a preposition names people ("with the Japanese") unless it
        // qualifies a noun ("near the Finnish border"), which is a place or thing.
        // "forces in the Japanese elite" stay people, so "in", "of" and "among" keep the old reading.
        guard mention.form == .demonym else { return true }
        return isAdjectival(mention) && !(isWord(before, "in") || isWord(before, "of") || isWord(before, "among"))
    }

    /// The first mention that starts at or after `index`, within reach and inside the clause.
    func mention(after index: Int, reach: Int = reachAfter, excluding excluded: Int32? = nil) -> FoundMention? {
        let limit = min(range.upperBound, index + reach)
        guard index < limit else { return nil }
        // A buffer, not the column: each read of the column was a bounds test.
        let facts = article.facts.buffer, mentions = article.index
        precondition(index >= 0 && limit <= facts.count)
        var position = index
        while position < limit {
            if facts[position] & TokenFact.clauseBreak != 0 { return nil }
            // Most tokens start no mention: the index says so before the full look-up.
            if mentions.starting(at: position) != nil, let found = mentionStarting(at: position), found.actor != excluded, !isCompoundModifier(found) {
                return found
            }
            position += 1
        }
        return nil
    }

    /// The person an adjectival demonym introduces: "his Chinese counterpart, Qin Gang"
    /// names Qin Gang, not China.
    ///
    /// Inlined as far as its first test: most mentions are names, not demonyms.
    @inline(__always)
    func appositiveHead(of mention: FoundMention) -> FoundMention {
        mention.form == .demonym ? appositiveHead(ofDemonym: mention) : mention
    }

    /// ``appositiveHead(of:)`` of a demonym.
    private func appositiveHead(ofDemonym mention: FoundMention) -> FoundMention {
        guard mention.tokens.upperBound < range.upperBound, tokens[mention.tokens.upperBound].isLowercaseWord else { return mention }
        var index = mention.tokens.upperBound
        while index < min(range.upperBound, mention.tokens.upperBound + 4), tokens[index].isLowercaseWord { index += 1 }
        // "his Chinese counterpart, Qin Gang" or "his Kazakh counterpart Murat Nurtleu".
        guard let person = isComma(index) ? mentionStarting(at: index + 1) : mentionStarting(at: index),
              article.kind(of: person.actor) == .person else { return mention }
        return person
    }

    /// Whether a mention owns what follows it: "Japan's decision".
    func isOwner(_ mention: FoundMention) -> Bool {
        mention.tokens.upperBound < range.upperBound && tokens[mention.tokens.upperBound].kind == .possessive
    }

    /// Whether a name qualifies the lowercase noun after it: "Israeli drones", "the Finnish border".
    func isAdjectival(_ mention: FoundMention) -> Bool {
        mention.tokens.upperBound < range.upperBound && tokens[mention.tokens.upperBound].isLowercaseWord
    }

    /// Whether a name is half of a hyphenated modifier: "U.N.-backed", "Iran-aligned".
    func isCompoundModifier(_ mention: FoundMention) -> Bool {
        let dash = mention.tokens.upperBound
        return dash + 1 < range.upperBound && tokens[dash].kind == .dash && tokens[dash].attached
            && tokens[dash + 1].attached && tokens[dash + 1].isLowercaseWord
    }

    /// Prepositions after which a verb form is a participle describing a noun ("dependent
    /// on subsidised oil"); "to" is left out, since it opens an infinitive.
    static let participlePrepositionWords = ["on", "of", "in", "with", "for", "by", "from", "at", "about", "over", "under", "against"]

    /// Whether a verb cue is a participle used as an adjective after a preposition.
    @inline(__always)
    func isParticipleModifier(_ hit: CueHit) -> Bool {
        let before = hit.tokens.lowerBound - 1
        guard before >= range.lowerBound, tokens[before].isLowercaseWord, lexicon.word(tokens[before].folded, isIn: .participlePrepositions) else {
            return false
        }
        return text(hit.tokens.upperBound - 1).hasSuffix("ed")
    }

    /// Whether a verb form is used as a noun: "the visit of", "an attack on", "Japan's visit".
    @inline(__always)
    func isNounUse(_ hit: CueHit) -> Bool {
        let before = hit.tokens.lowerBound - 1
        if before >= range.lowerBound, tokens[before].kind == .possessive || isWord(before, in: .determiners) {
            return true
        }
        return isWord(hit.tokens.upperBound, "of")
    }

    static let determinerWords = ["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "any", "no", "every"]

    /// The mention, not a modifier, whose first token is `token`, inside the sentence.
    @inline(__always)
    func mentionStarting(at token: Int) -> FoundMention? {
        guard range.contains(token), let position = index.starting(at: token) else { return nil }
        return all[position]
    }

    /// The mention, not a modifier, that ends just before `token`, inside the sentence.
    @inline(__always)
    func mentionEnding(at token: Int) -> FoundMention? {
        guard token > range.lowerBound, token <= range.upperBound, let position = index.ending(at: token),
              all[position].tokens.lowerBound >= range.lowerBound else { return nil }
        return all[position]
    }

    /// The state an actor stands for: itself for a state, its country for a person or agency.
    func state(of mention: FoundMention) -> Int32? {
        article.state(of: mention.actor)
    }

    /// Whether any phrase of `trie`, whose first words have the ``TokenFact`` bit `start`,
    /// occurs in the token window.
    func contains(_ trie: TokenTrie<Bool>, startingAt start: UInt16, in window: Range<Int>) -> Bool {
        let facts = article.facts, tokens = article.tokens
        var index = window.lowerBound
        while index < window.upperBound {
            if facts[index] & start != 0,
               trie.longestMatchLength(from: index, key: { $0 < window.upperBound ? tokens[$0].folded : nil }) != nil {
                return true
            }
            index += 1
        }
        return false
    }
}

extension Gazetteer {
    func index(of id: String) -> Int32? { indexByID[id] }
}
