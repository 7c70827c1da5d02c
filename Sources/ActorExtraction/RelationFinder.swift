import ActorGraph

/// A relation found in one sentence, before it is added to the graph.
struct FoundRelation {
    var source: FoundMention
    var target: FoundMention
    var kind: RelationKind
    var cue: Range<Int>
    var sentence: Range<Int>
    var modality: Modality
    var tense: Tense
    var speaker: Int32?
    /// The rule by its id, not its name: a name copied into each relation was a retain,
    /// and the graph builder found each name's place by comparing strings.
    var rule: RelationRule.ID
    var confidence: Double
}

/// Applies the relation rules to every cue in every sentence.
struct RelationFinder {
    let actors: ActorTable
    let lexicon: CueLexicon

    /// How much each modality lowers a rule's confidence that the edge holds as stated.
    static func factor(of modality: Modality) -> Double {
        switch modality {
        case .asserted: 1
        case .hypothetical: 0.8
        case .negated: 0.9
        case .question: 0.7
        }
    }

    /// - Complexity: O(n) in the number of tokens for a fixed lexicon: every rule looks at
    ///   a bounded window around its cue.
    ///
    /// - Parameter pass: the facts of `tokens` under the finder's lexicon, if already read
    ///   (for this search alone: it writes into the pass's memory).
    func relations(
        bytes: [UInt8], tokens: [Token], sentences: [Range<Int>], mentions: [FoundMention], pass: TokenFactsPass? = nil
    ) -> [FoundRelation] {
        // The article's view borrows the actor table, which stays in place through the search.
        withUnsafePointer(to: actors) { actors in
            relations(bytes: bytes, tokens: tokens, sentences: sentences, mentions: mentions, actors: actors, pass: pass)
        }
    }

    /// ``relations(bytes:tokens:sentences:mentions:pass:)`` with the finder's actor table at `actors`.
    private func relations(
        bytes: [UInt8], tokens: [Token], sentences: [Range<Int>], mentions: [FoundMention], actors: UnsafePointer<ActorTable>,
        pass: TokenFactsPass?
    ) -> [FoundRelation] {
        let article = ArticleView(bytes: bytes, tokens: tokens, mentions: mentions, lexicon: lexicon, actorTable: actors, pass: pass)
        let lastQuoted = article.lastQuoted
        // A quotation's speaker is read only for a cue inside quotation marks: after the
        // last quoted token no sentence needs the speaker carried to it.
        var found: [FoundRelation] = []
        // Most articles state fewer: the array then never grows.
        found.reserveCapacity(32)
        // Room for a cue at every token: a sentence holds no more.
        var hits = article.cueHits()
        var cueStart = 0
        var mentionStart = 0
        // The first report start and pair phrase end at or after the sentence: sentences
        // come in order, so each list is passed once.
        var reportStart = 0, pairWordStart = 0
        let reports = article.reportStarts, pairWords = article.pairLastWords
        var quoteSpeaker: Int32?
        // Read once: each read of a static is a call through its once-guard, and a copy
        // of its arrays for each sentence was a retain and a release.
        let table = Self.ruleTable
        // The first mention after the sentence before: most sentences start where it ended.
        var mentionEnd = 0
        // One view, moved from sentence to sentence.
        var view = SentenceView(article: article, range: 0..<0, mentions: 0..<0, earlier: 0..<0, reportPosition: 0, pairWordPosition: 0)
        // Made only for an edge with a listed side, then reused.
        var lists = MentionLists()
        for sentence in sentences {
            mentionStart = max(mentionStart, mentionEnd)
            while mentionStart < mentions.count, mentions[mentionStart].tokens.lowerBound < sentence.lowerBound { mentionStart += 1 }
            mentionEnd = mentionStart
            while mentionEnd < mentions.count, mentions[mentionEnd].tokens.lowerBound < sentence.upperBound { mentionEnd += 1 }
            while reportStart < reports.count, Int(reports[reportStart]) < sentence.lowerBound { reportStart += 1 }
            while pairWordStart < pairWords.count, Int(pairWords[pairWordStart]) < sentence.lowerBound { pairWordStart += 1 }
            view.move(
                to: sentence, mentions: mentionStart..<mentionEnd, earlier: max(0, mentionStart - 40)..<mentionStart, reportPosition: reportStart,
                pairWordPosition: pairWordStart
            )
            let carries = sentence.upperBound <= lastQuoted
            // Its reports are read only as far as a matched cue or the carried speaker needs.
            var attribution = Attribution(view: view, quoteSpeaker: quoteSpeaker)
            let rules = Self.rulesToTry(in: view, sets: table)
            if rules != 0 {
                relations(
                    in: view, trying: rules, table: table, attribution: &attribution, hits: &hits, cueStart: &cueStart,
                    lists: &lists, into: &found
                )
            }
            if carries {
                quoteSpeaker = nextQuoteSpeaker(after: view, attribution: attribution, current: quoteSpeaker)
            }
        }
        return found
    }

    /// Appends the relations of one sentence to `found`.
    ///
    /// - Parameters:
    ///   - positions: one bit per position in ``RelationRule/all``, set for the rules that can match.
    ///   - table: the rules and what the finder asks of each, by position.
    ///   - attribution: the sentence's attribution, whose reports are read as far as a match needs.
    ///   - hits: a buffer for the sentence's cues, reused from sentence to sentence.
    ///   - cueStart: where the sentence's cue search starts in the article's cue starts.
    ///   - lists: room for the sides of an edge between lists, reused from edge to edge.
    private func relations(
        in view: SentenceView, trying positions: UInt32, table: borrowing RuleTable, attribution: inout Attribution,
        hits: inout CueHits, cueStart: inout Int, lists: inout MentionLists, into found: inout [FoundRelation]
    ) {
        cueHits(in: view, from: &cueStart, into: &hits)
        // Most sentences state nothing; their clauses need no reading.
        guard hits.count > 0 else { return }
        var sentence = SentenceFirstTests()
        for hitIndex in 0..<hits.count {
            let hit = hits[hitIndex]
            let mask = lexicon.ruleMasks[Int(hit.cue)]
            // The rules to try, lowest position first: a loop over the set bits alone.
            var untried = mask & positions
            while untried != 0 {
                let position = untried.trailingZeroBitCount
                untried &= untried &- 1
                let id = RelationRule.ID(position: position)
                guard RelationRule.passesFirstTest(id, hit, view, &sentence), let pair = RelationRule.match(id, hit, view)
                else { continue }
                record(
                    pair, rule: id, at: position, of: hit, in: view, table: table, attribution: &attribution, lists: &lists,
                    into: &found
                )
                break
            }
        }
    }

    /// Appends the relations the rule `rule`, at `position`, states with the pair it found for the cue.
    ///
    /// Apart from the loop over the rules: most rules tried match nothing, and with this in
    /// it the loop was too large for the first tests of the rules to be inlined into it.
    @inline(never)
    private func record(
        _ pair: ActorPair, rule: RelationRule.ID, at position: Int, of hit: CueHit, in view: SentenceView, table: borrowing RuleTable, attribution: inout Attribution,
        lists: inout MentionLists, into found: inout [FoundRelation]
    ) {
        let cue = lexicon.traits[Int(hit.cue)]
        let reversed = cue.reverse && table.isReversible[position]
        let source = reversed ? pair.target : pair.source
        let target = reversed ? pair.source : pair.target
        guard cue.kind != .affiliation || Self.canBeAffiliated(actors.kind(of: source.actor), to: actors.kind(of: target.actor))
        else { return }
        let (modality, tense) = ClauseReading.reading(of: hit, in: view)
        let expands = table.expandsLists[position]
        let speaker = attribution.speaker(of: hit, in: view)
        let isCoordinated = table.isCoordinatedPair[position]
        // Most edges join one actor to one: their sides need no lists.
        let single = !isCoordinated && (!expands || !view.isCoordinated(source) && !view.isCoordinated(target))
        // "Threatened to attack" is read for an act with one agent; a mutual act keeps its cue's kind.
        // Only force can be threatened: the words before other cues need no look.
        let threatened = cue.kind == .hostility && !isCoordinated && Self.isThreatened(hit, in: view)
        let kind = Self.kind(of: cue.kind, modality, threatened: threatened)
        let confidence = table.confidences[position] * Self.factor(of: modality)
        func add(_ one: FoundMention, _ other: FoundMention) {
            guard one.actor != other.actor else { return }
            found.append(FoundRelation(
                source: one, target: other, kind: kind, cue: hit.tokens, sentence: view.range, modality: modality,
                tense: tense, speaker: speaker, rule: rule, confidence: confidence
            ))
        }
        // The sides are added as read, without a list of pairs: most edges join one actor to one.
        if single {
            add(source, target)
        } else if isCoordinated {
            // Every pair of the list, in list order: "Mali, Burkina Faso and Niger became allies"
            // states three alliances.
            // A directed act between coordinated actors is read only when it is mutual, so it runs both ways.
            CoordinatedList.members(around: pair, in: view, into: &lists.sources)
            let mutual = cue.kind.isDirected
            let count = lists.sources.count
            for i in 0..<count {
                for j in (i + 1)..<count {
                    add(lists.sources[i], lists.sources[j])
                    if mutual { add(lists.sources[j], lists.sources[i]) }
                }
            }
        } else {
            // Not single and not a coordinated pair: the rule expands lists.
            view.coordinated(with: target, into: &lists.targets)
            view.coordinated(with: source, into: &lists.sources)
            for i in lists.sources.indices {
                for j in lists.targets.indices { add(lists.sources[i], lists.targets[j]) }
            }
        }
    }

    /// The positions of the rules that can match in the sentence. Most rules read both
    /// actors inside it; a sentence naming fewer than two can state a relation only with
    /// actors named before it: a pair ("the two countries signed a pact") or the topic of
    /// the sentences before ("Together with Japan, it ...").
    ///
    /// Inlined: a call took a copy of the view at every sentence.
    @inline(__always)
    private static func rulesToTry(in view: SentenceView, sets: borrowing RuleTable) -> UInt32 {
        let fromEarlier = !view.earlierPositions.isEmpty
        switch view.mentionPositions.count {
        case 0: return fromEarlier && view.mayHoldPairPhrase ? sets.pairOnly : 0
        case 1: return fromEarlier ? (view.mayHoldPairPhrase ? sets.readingEarlierMentions : sets.topicOnly) : 0
        // Without a pair phrase in the sentence, pair-anaphor cannot match: it is not tried.
        default: return view.mayHoldPairPhrase ? sets.all : sets.all & ~sets.pairOnly
        }
    }

    /// The rules as the finder reads them: the sets of positions ``rulesToTry(in:sets:)``
    /// chooses from, and what it asks of each rule, by position in ``RelationRule/all``.
    private struct RuleTable {
        let readingEarlierMentions = positions(of: [RelationRule.pairAnaphor, RelationRule.togetherWithTopic])
        let pairOnly = positions(of: [RelationRule.pairAnaphor])
        let topicOnly = positions(of: [RelationRule.togetherWithTopic])
        let all = positions(of: RelationRule.all)
        let confidences = RelationRule.all.map(\.confidence)
        /// The two sets as flags, asked at every match.
        let isReversible = RelationRule.all.map { reversibleRules.contains($0.name) }
        let expandsLists = RelationRule.all.map { listRules.contains($0.name) }
        /// Which rule reads a coordinated subject, whose list links pair by pair.
        let isCoordinatedPair = RelationRule.all.map { $0.name == RelationRule.coordinatedPair.name }
    }

    private static let ruleTable = RuleTable()

    /// One bit per position in ``RelationRule/all`` of each of `rules`.
    private static func positions(of rules: [RelationRule]) -> UInt32 {
        RelationRule.all.indices.reduce(0) { bits, position in
            rules.contains { $0.name == RelationRule.all[position].name } ? bits | 1 << position : bits
        }
    }

    /// A person belongs to a state or an organisation; a state or organisation is a member
    /// of an organisation ("Finland became a member of NATO"); nothing belongs to a person.
    static func canBeAffiliated(_ member: ActorKind, to body: ActorKind) -> Bool {
        switch member {
        case .person: body != .person
        case .state, .organisation, .group: body == .organisation
        }
    }

    /// Rules that read actors in the cue's own order ("A buys from B"), so a cue marked
    /// `reverse` turns their pair around; the other rules fix the direction themselves.
    static let reversibleRules: Set<String> = ["verb-object", "prepositional-object", "noun-of-preposition"]

    /// Rules whose actors may each be a list: "Japan and Britain imposed sanctions on
    /// Russia and Belarus" states four edges.
    static let listRules: Set<String> = [
        "verb-object", "prepositional-object", "perception-active", "perception-passive", "passive-by", "possessive-apposition",
    ]


    /// Force that a sentence only entertains ("could strike", "might attack") is a threat,
    /// as CAMEO codes it (13), not an act of hostility.
    /// So is force that an actor threatens to use ("threatened to attack").
    static func kind(of cueKind: RelationKind, _ modality: Modality, threatened: Bool = false) -> RelationKind {
        cueKind == .hostility && (modality == .hypothetical || threatened) ? .threat : cueKind
    }

    private static let threatenForms = TokenKeySet(words: ["threaten", "threatens", "threatened", "threatening"])

    /// Whether the cue is the act of a "threatened to …" phrase a few words before it.
    static func isThreatened(_ hit: CueHit, in view: SentenceView) -> Bool {
        var index = hit.tokens.lowerBound - 1
        while index >= max(view.range.lowerBound, hit.tokens.lowerBound - 6), !view.isClauseBreak(index) {
            if view.isWord(index, "to") {
                return (max(view.range.lowerBound, index - 4)..<index).contains { view.isWord($0, in: threatenForms) }
            }
            index -= 1
        }
        return false
    }

    /// Longest cue phrase at each word; a cue never starts inside an actor's name.
    ///
    /// - Parameters:
    ///   - hits: emptied, then filled with the sentence's cues.
    ///   - next: the position in the article's cue starts (see ``TokenFacts``) to look on
    ///     from; sentences come in order, so each start is passed once.
    private func cueHits(in view: SentenceView, from next: inout Int, into hits: inout CueHits) {
        hits.removeAll()
        // Buffers, not arrays: the search reads them at every start, and each read of an
        // array was a bounds check.
        let facts = view.article.facts.buffer, starts = view.article.cueStarts.buffer
        view.tokens.withUnsafeBufferPointer { tokens in
            // The sentence's mentions as a slice of a buffer: a slice of the array was a retain and a release.
            view.article.all.withUnsafeBufferPointer { all in
                cueHits(in: view, tokens: tokens, facts: facts, starts: starts, mentions: all[view.mentionPositions], from: &next, into: &hits)
            }
        }
    }

    /// ``cueHits(in:from:into:)`` over the article's tokens, facts, cue starts and the sentence's mentions.
    private func cueHits(
        in view: SentenceView, tokens: UnsafeBufferPointer<Token>, facts: UnsafeBufferPointer<UInt16>, starts: UnsafeBufferPointer<Int32>,
        mentions: Slice<UnsafeBufferPointer<FoundMention>>, from next: inout Int, into hits: inout CueHits
    ) {
        // Locals, and no `&&` over the view: in debug builds each use of the view inside an
        // autoclosure copies all of it, once per token.
        let end = view.range.upperBound
        var mentionIndex = mentions.startIndex
        // Only a word that starts some cue phrase can start one: those words are visited in
        // order, each at or after `index`, the first token not inside a cue already found.
        var index = view.range.lowerBound
        // A local, written back once: the parameter was stored at every start passed.
        var start = next
        defer { next = start }
        while start < starts.count, Int(starts[start]) < index { start += 1 }
        while start < starts.count, Int(starts[start]) < end {
            let candidate = Int(starts[start])
            start += 1
            guard candidate >= index else { continue }
            index = candidate
            while mentionIndex < mentions.endIndex, mentions[mentionIndex].tokens.upperBound <= index { mentionIndex += 1 }
            let insideName = mentionIndex < mentions.endIndex ? mentions[mentionIndex].tokens.contains(index) : false
            // A cue is one word, or starts with a listed pair of words (as the facts pass
            // found for each start it lists), both inside the sentence.
            let mayStart = facts[index] & TokenFact.wholeCue != 0 || index + 1 < end
            if !insideName, mayStart,
               // The facts pass listed the token as a cue's first word: the trie's test of it is not asked again.
               let match = lexicon.cueTrie.longestMatchEnd(from: index, firstKey: tokens[index].folded, key: { $0 < end ? tokens[$0].folded : nil }) {
                let cueRange = index..<(index + match.length)
                // "treaty talks": a cue right before another only modifies it.
                if let last = hits.last, last.tokens.upperBound == index, lexicon.traits[Int(last.cue)].pos != .verb { hits.popLast() }
                let sole = lexicon.soleCue[Int(match.node)]
                let cue = sole >= 0 ? sole : chooseCue(lexicon.cueTrie.payloads(at: match.node), after: cueRange.upperBound, in: view)
                // "signed a defence pact": a verb whose object is another cue only carries it;
                // "spoke with President Ruto": a capitalised title names a person, not an object;
                // "sells armed drones": a modifier is not an object.
                if let last = hits.last, lexicon.traits[Int(last.cue)].pos == .verb, index - last.tokens.upperBound <= 3,
                   tokens[index].isLowercaseWord, lexicon.traits[Int(cue)].pos == .noun,
                   (last.tokens.upperBound..<index).allSatisfy({ tokens[$0].isLowercaseWord }) {
                    hits.popLast()
                }
                hits.append(CueHit(tokens: cueRange, cue: cue))
                index += match.length
            } else {
                index += 1
            }
        }
    }

    /// Among cues sharing a form, prefer one whose preposition follows within a few words.
    private func chooseCue(_ sites: [CueLexicon.Site], after index: Int, in view: SentenceView) -> Int32 {
        if sites.count == 1 { return sites[0].cue }
        // Only a token with the facts' preposition bit can be a cue's preposition: the
        // window's are found once for all the sites, and most windows hold one or none.
        let prepositions = prepositionMarks(from: index, to: min(view.range.upperBound, index + 5), in: view)
        if prepositions != 0 {
            let tokens = view.tokens
            for site in sites where lexicon.takesPrepositions(site.cue) {
                var marks = prepositions
                while marks != 0 {
                    let offset = marks.trailingZeroBitCount
                    marks &= marks &- 1
                    if lexicon.cue(site.cue, takes: tokens[index + offset].folded) { return site.cue }
                }
            }
        }
        return sites.first { !lexicon.takesPrepositions($0.cue) }?.cue ?? sites[0].cue
    }

    /// One bit per token from `start` to `end`, by its offset from `start`, set for the
    /// tokens with the ``TokenFact/cuePreposition`` bit.
    @inline(__always)
    private func prepositionMarks(from start: Int, to end: Int, in view: SentenceView) -> UInt32 {
        // A buffer, not the column: each read of the column was a bounds test.
        let facts = view.article.facts.buffer
        precondition(start >= 0 && end <= facts.count)
        var marks: UInt32 = 0
        var index = start
        while index < end {
            if facts[index] & TokenFact.cuePreposition != 0 { marks |= 1 << (index &- start) }
            index &+= 1
        }
        return marks
    }

    /// A quotation's speaker carries over to the sentences the quotation spans; a sentence
    /// that introduces a quotation ("..., Professor X said:") names the speaker of the next.
    private func nextQuoteSpeaker(after view: SentenceView, attribution: consuming Attribution, current: Int32?) -> Int32? {
        let lastToken = view.range.upperBound - 1
        let endsInsideQuote = view.range.upperBound < view.tokens.count && view.quoted[view.range.upperBound]
        if let speaker = attribution.lastSentenceSpeaker(in: view) { return speaker }
        if view.tokens[lastToken].first == UInt8(ascii: ":"), let person = view.mentions.last(where: { actors.kind(of: $0.actor) == .person }) {
            return person.actor
        }
        return endsInsideQuote || view.quoted[lastToken] ? current : nil
    }
}

/// Two lists of mentions for the sides of an edge between lists ("Japan and Britain
/// imposed sanctions on Russia and Belarus"), reused from edge to edge: an array made for
/// each side of each such edge was an allocation and a release.
struct MentionLists {
    /// The source side, or the members of a coordinated pair's list.
    var sources: [FoundMention] = []
    var targets: [FoundMention] = []
}

/// The cues found in one sentence, in the article view's memory, with room for a cue at
/// each of the article's tokens: an array reused from sentence to sentence was retained,
/// checked for uniqueness and emptied through a call for each. Not copyable, so that two
/// lists never write the same memory.
struct CueHits: ~Copyable {
    private let base: UnsafeMutablePointer<CueHit>
    private let capacity: Int
    private(set) var count = 0

    /// A list in the article's memory (``TokenColumnStorage/hits``), with room for `capacity`
    /// hits, valid while the article view lives.
    init(in memory: UnsafeMutablePointer<CueHit>, capacity: Int) {
        self.capacity = capacity
        base = memory
    }

    subscript(index: Int) -> CueHit {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    var last: CueHit? { count > 0 ? base[count - 1] : nil }

    mutating func append(_ hit: CueHit) {
        precondition(count < capacity)
        (base + count).initialize(to: hit)
        count += 1
    }

    mutating func popLast() {
        precondition(count > 0)
        count -= 1
    }

    /// Empties the list; `CueHit` holds no references, so nothing need be destroyed.
    mutating func removeAll() { count = 0 }
}

/// Marks the tokens inside double quotation marks (“…”, «…», "…").
///
/// A quotation left open at a paragraph's end carries on only if the next paragraph
/// closes it before opening another; otherwise the paragraph break ends it, so one
/// unbalanced mark cannot put the rest of an article inside a quotation.
enum QuotationTracker {
    enum Mark { case open, close, toggle }

    /// Which tokens lie inside a quotation, read at `events` alone (``TokenFacts/quotationEvents``,
    /// the paragraph starts and quotation marks): between two of them the state holds, and
    /// most tokens are in no quotation.
    ///
    /// - Parameter facts: the tokens' ``TokenFact`` bits, which mark the paragraphs that close a quotation first.
    /// - Returns: the flags, and the last token inside a quotation, or -1.
    static func insideQuotes(_ tokens: [Token], facts: [UInt16], events: [Int32]) -> (inside: [Bool], last: Int) {
        var inside = [Bool](repeating: false, count: tokens.count)
        var last = -1
        // Buffers, not arrays: each array read was a bounds check.
        tokens.withUnsafeBufferPointer { tokens in
            facts.withUnsafeBufferPointer { facts in
                events.withUnsafeBufferPointer { events in
                    inside.withUnsafeMutableBufferPointer { inside in
                        last = markInside(tokens, facts: facts, events: events, into: inside)
                    }
                }
            }
        }
        return (inside, last)
    }

    /// Marks the tokens inside quotations in a buffer of one flag per token, all `false`,
    /// visiting only the `events` that may change the state; returns the last marked, or -1.
    static func markInside(
        _ tokens: UnsafeBufferPointer<Token>, facts: UnsafeBufferPointer<UInt16>, events: UnsafeBufferPointer<Int32>,
        into inside: UnsafeMutableBufferPointer<Bool>
    ) -> Int {
        // `facts` holds one entry per token: the facts pass read every token.
        precondition(facts.count >= tokens.count && inside.count >= tokens.count)
        var depth = 0
        var straightOpen = false
        var current = false
        // The first token whose flag is still to be written.
        var next = 0
        var last = -1
        for event in events {
            let index = Int(event)
            if current {
                inside[next..<index].update(repeating: true)
                last = index - 1
            }
            let token = tokens[index]
            if token.afterNewline, facts[index] & TokenFact.paragraphClosesFirst == 0 {
                depth = 0
                straightOpen = false
            }
            switch mark(token) {
            case .open?: depth += 1
            case .close?: depth = max(0, depth - 1)
            case .toggle?: straightOpen.toggle()
            case nil: break
            }
            current = depth > 0 || straightOpen
            inside[index] = current
            if current { last = index }
            next = index + 1
        }
        if current {
            inside[next..<tokens.count].update(repeating: true)
            last = tokens.count - 1
        }
        return last
    }

    /// “ ” « » „ are double quotation marks; ‘ ’ are single ones, which also serve as
    /// apostrophes and so are not tracked.
    static func mark(_ token: Token) -> Mark? {
        switch token.kind {
        case .straightQuote: return .toggle
        case .openQuote where isDouble(token): return .open
        case .closeQuote where isDouble(token): return .close
        default: return nil
        }
    }

    private static func isDouble(_ token: Token) -> Bool {
        if token.first == 0xC2 { return true }
        return token.exact == leftDouble || token.exact == rightDouble || token.exact == lowDouble
    }

    private static let leftDouble = TokenHash.exact([0xE2, 0x80, 0x9C])
    private static let rightDouble = TokenHash.exact([0xE2, 0x80, 0x9D])
    private static let lowDouble = TokenHash.exact([0xE2, 0x80, 0x9E])
}
