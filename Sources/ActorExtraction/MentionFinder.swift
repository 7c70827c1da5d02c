/// A stretch of tokens that names an actor.
struct FoundMention: Sendable {
    /// Token indexes of the mention.
    var tokens: Range<Int>
    /// Index of the actor in the article's ``ActorTable``.
    var actor: Int32
    /// How the phrase names the actor.
    var form: Gazetteer.Form
    /// Whether the mention only qualifies a person ("Japanese" in "Japanese Prime
    /// Minister Fumio Kishida"); such a mention is kept but takes no part in relations.
    var isModifier = false
}

/// A person's tie to a state or organisation stated by an office or role phrase.
struct StatedAffiliation {
    var person: FoundMention
    var organisation: FoundMention
    var cue: Range<Int>
    var rule: String
}

/// What mention finding produced for one article.
struct MentionResult {
    var mentions: [FoundMention]
    var actors: ActorTable
    var affiliations: [StatedAffiliation]
}

/// Finds the actors an article names, in passes over its tokens.
///
/// At each token the longest listed phrase wins ("China Daily" over "China"); a person's
/// bare surname counts once the article has named that person in full; an ambiguous
/// alias ("Georgia") counts only when the article also names the actor unambiguously.
/// Office phrases then tie people to states ("the Japanese prime minister" on a date
/// resolves to the office holder), and titled names the gazetteer lacks become actors.
struct MentionFinder {
    let gazetteer: Gazetteer
    let roles: RoleLexicon

    /// - Complexity: O(n · k) for n tokens and phrases at most k tokens long.
    func mentions(in tokens: [Token], bytes: [UInt8], date: String?) -> MentionResult {
        let marks = TokenMarks(tokens, roles: roles.roleStartBytes)
        // Which tokens the mentions found so far cover, kept up to date by each pass.
        var covered = IndexBits(count: tokens.count)
        var found = gazetteerMentions(in: tokens, covered: &covered)
        Self.merge(surnameMentions(in: tokens, covered: &covered, named: found, capitalised: marks.capitalised), into: &found)
        var table = ActorTable(gazetteer: gazetteer)
        let strangers = UnknownActorFinder(roles: roles).actors(in: tokens, bytes: bytes, covered: found, coverage: &covered, marks: marks, table: &table)
        Self.merge(strangers, into: &found)
        var resolver = RoleResolver(roles: roles, tokens: tokens, bytes: bytes, date: date, starts: marks.roles)
        // The resolver indexes the mentions, strangers and all: made before the strangers
        // were found, an index was made again for half the articles.
        let affiliations = resolver.resolve(&found, covered: &covered, table: &table, index: nil)
        for affiliation in affiliations { table.inferCountry(of: affiliation.person.actor, from: affiliation.organisation.actor) }
        return MentionResult(mentions: found, actors: table, affiliations: affiliations)
    }

    func gazetteerMentions(in tokens: [Token]) -> [FoundMention] {
        var covered = IndexBits(count: tokens.count)
        return gazetteerMentions(in: tokens, covered: &covered)
    }

    /// - Parameter covered: a set of `tokens.count` indexes; the tokens of the mentions
    ///   found are added, as they are found: a pass over the list afterwards read each
    ///   mention again and cost some 30 instructions a mention.
    func gazetteerMentions(in tokens: [Token], covered: inout IndexBits) -> [FoundMention] {
        var found: [FoundMention] = []
        // About one mention in seven tokens: growing into them cost more than finding them.
        // The surnames, strangers and office holders found later are merged into this
        // list's storage, so it has room for a few: a third of the merges grew it.
        found.reserveCapacity(tokens.count / 6 + 8)
        var ambiguousAt: [Int] = []
        let stateWords = Self.stateWords
        let phrases = gazetteer.phrases
        let bestPhrases = gazetteer.bestPhrases
        let starts = gazetteer.phraseStarts
        covered.withInserter { covered in
        tokens.withUnsafeBufferPointer { buffer in starts.bits.withUnsafeBufferPointer { startBits in
        // Every node of the trie has its surface, read without a bounds test at each match.
        bestPhrases.withUnsafeBufferPointer { bestPhrases in
            let count = buffer.count
            var index = 0
            while true {
                // Most words start no name: the bit test of the token's own key turns them
                // away before its name key is made and a match set up, and before the kind
                // is read (punctuation is rarer).
                index = Self.nextStart(from: index, in: buffer, filter: startBits)
                guard index < count else { break }
                let token = buffer[index]
                guard token.kind == .word,
                      let match = phrases.longestMatchEnd(from: index, firstKey: TokenHash.nameKey(token), key: { $0 < count ? TokenHash.nameKey(buffer[$0]) : nil })
                else { index &+= 1; continue }
                let surface = bestPhrases[Int(match.node)]
                let span = index..<(index &+ match.length)
                index &+= match.length
                if isUSState(span, in: buffer, words: stateWords)
                    || (surface.ambiguous && isInsideLongerName(span, in: tokens, previousMatchEnd: found.last?.tokens.upperBound)) {
                    continue
                }
                found.append(FoundMention(tokens: span, actor: surface.actor, form: surface.form))
                covered.insert(span)
                if surface.ambiguous && !isCollectiveTitle(span, surface, in: tokens) { ambiguousAt.append(found.count - 1) }
            }
        } } } }
        if !ambiguousAt.isEmpty { dropAmbiguousOnly(&found, ambiguousAt: &ambiguousAt, tokens: tokens, covered: &covered) }
        return found
    }

    /// The first token at or after `index` whose key (``Token/exact``) the filter's `bits`
    /// may hold, or the end of `tokens`.
    ///
    /// A loop of its own, over the filter's words at hand (one through the filter's array
    /// tested it at each token), stepping a pointer: stepping an index, each token's
    /// address was made again from it and the index moved between registers, 14
    /// instructions a token where this takes 10. (Four tokens a step saved less: a token
    /// in four or five passes the test, and each pass left the unrolled steps. A table of
    /// a byte for each of the filter's bits took 6 instructions a token, but its 64 KB
    /// missed the first-level cache a third more often than the whole scan saved.)
    @inline(__always)
    static func nextStart(from index: Int, in tokens: UnsafeBufferPointer<Token>, filter bits: UnsafeBufferPointer<UInt64>) -> Int {
        guard let base = tokens.baseAddress else { return index }
        var token = base + index
        let end = base + tokens.count
        while token < end, KeyFilter.bit(of: token.pointee.exact, in: bits) == 0 { token += 1 }
        // The distance in bytes, never negative, over the stride, a power of two: a shift,
        // where the pointers' signed distance rounded toward zero first.
        let bytes = UInt(bitPattern: Int(bitPattern: token) &- Int(bitPattern: base))
        return Int(bitPattern: bytes / UInt(MemoryLayout<Token>.stride))
    }

    /// Drops the mentions of actors the text names only by ambiguous aliases. Most texts
    /// have none, so this pass runs only when one was seen.
    ///
    /// - Parameter candidates: the positions of the ambiguous mentions, in order; narrowed
    ///   in place to those of the mentions dropped, where a new array for each step cost
    ///   an allocation and a free.
    ///
    /// In place: a new list of the mentions kept cost an allocation and a copy of them, and
    /// this list has room for the mentions merged in later.
    ///
    /// - Parameter covered: the tokens the mentions cover; those of the mentions dropped
    ///   are taken out (the gazetteer's mentions never overlap).
    private func dropAmbiguousOnly(_ found: inout [FoundMention], ambiguousAt candidates: inout [Int], tokens: [Token], covered: inout IndexBits) {
        // "Chad's president", "Wagner's chief": an owner of something is an actor.
        candidates.removeAll { isOwner(found[$0].tokens, in: tokens) }
        guard !candidates.isEmpty else { return }
        var ambiguous = IndexBits(count: found.count)
        for position in candidates { ambiguous.insert(position) }
        // "Mali, Burkina Faso and Niger": a name listed beside states is a state too. The
        // list is walked both ways, so one firm name vouches for a whole list. Only the
        // ambiguous mentions change, so only they are visited, each after the neighbour
        // it looks at.
        for position in candidates where position > 0 {
            vouchForListedName(at: position, neighbour: position - 1, found, ambiguous: &ambiguous, tokens: tokens)
        }
        for position in candidates.reversed() where position + 1 < found.count {
            vouchForListedName(at: position, neighbour: position + 1, found, ambiguous: &ambiguous, tokens: tokens)
        }
        // Every mention vouched for: all are kept, as they stand.
        candidates.removeAll { !ambiguous.contains($0) }
        guard !candidates.isEmpty else { return }
        // An actor is named firmly when any of its mentions is.
        if candidates.count <= Self.searchedDoubts {
            candidates.removeAll { isNamedFirmly(found[$0].actor, in: found, ambiguous: ambiguous) }
        } else {
            let firm = firmActors(of: found, ambiguous: ambiguous)
            candidates.removeAll { firm.contains(Int(found[$0].actor)) }
        }
        for position in candidates { covered.remove(found[position].tokens) }
        Self.remove(candidates, from: &found)
    }

    /// The most doubtful mentions whose actors are looked for in the mention list, each in
    /// one walk: most texts have one or two, for which the walks cost less than a set of
    /// all the gazetteer's actors, made and filled; past this many, the set is made.
    private static let searchedDoubts = 8

    /// Whether a mention not in `ambiguous` names `actor`.
    private func isNamedFirmly(_ actor: Int32, in found: [FoundMention], ambiguous: IndexBits) -> Bool {
        found.indices.contains { found[$0].actor == actor && !ambiguous.contains($0) }
    }

    /// The actors of the mentions not in `ambiguous`, by index.
    private func firmActors(of found: [FoundMention], ambiguous: IndexBits) -> IndexBits {
        var firm = IndexBits(count: gazetteer.entries.count)
        firm.insert(actorsOf: found, except: ambiguous)
        return firm
    }

    /// `found` less the mentions at `positions`, which are in increasing order: the runs
    /// between them are copied whole, where a walk tested and appended each mention.
    static func removing(_ positions: [Int], from found: [FoundMention]) -> [FoundMention] {
        var kept = found
        remove(positions, from: &kept)
        return kept
    }

    /// ``removing(_:from:)`` in place: the runs between the positions move down over them,
    /// and the list keeps its storage.
    static func remove(_ positions: [Int], from found: inout [FoundMention]) {
        guard let first = positions.first else { return }
        // The copy below goes through an unchecked buffer: positions out of order or out of
        // range would write past it. A handful of positions, checked once.
        precondition(first >= 0 && positions.last! < found.count && zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 },
                     "positions to remove in increasing order, within the list")
        var write = first
        found.withUnsafeMutableBufferPointer { mentions in
            for (step, position) in positions.enumerated() {
                let runEnd = step + 1 < positions.count ? positions[step + 1] : mentions.count
                var read = position + 1
                while read < runEnd {
                    mentions[write] = mentions[read]
                    write += 1
                    read += 1
                }
            }
        }
        found.removeLast(found.count - write)
    }

    /// Clears the ambiguity of the mention at `position` when it is listed right beside a
    /// firm mention of a state, the one at `neighbour`.
    private func vouchForListedName(at position: Int, neighbour: Int, _ found: [FoundMention], ambiguous: inout IndexBits, tokens: [Token]) {
        guard ambiguous.contains(position), !ambiguous.contains(neighbour),
              gazetteer.kinds[Int(found[neighbour].actor)] == .state,
              isListed(found[position].tokens, beside: found[neighbour].tokens, in: tokens) else { return }
        ambiguous.remove(position)
    }

    private static let andKey = TokenHash.folded("and".utf8)

    /// Whether a possessive and a lowercase word follow the name: "Chad's president".
    private func isOwner(_ span: Range<Int>, in tokens: [Token]) -> Bool {
        span.upperBound + 1 < tokens.count && tokens[span.upperBound].kind == .possessive && tokens[span.upperBound + 1].isLowercaseWord
    }

    /// Whether two names stand next to each other in a list: only a comma, "and" or ", and" between them.
    private func isListed(_ a: Range<Int>, beside b: Range<Int>, in tokens: [Token]) -> Bool {
        let gap = a.lowerBound > b.lowerBound ? b.upperBound..<a.lowerBound : a.upperBound..<b.lowerBound
        guard (1...2).contains(gap.count) else { return false }
        let isComma: (Token) -> Bool = { $0.kind == .punctuation && $0.first == UInt8(ascii: ",") }
        let isAnd: (Token) -> Bool = { $0.kind == .word && $0.folded == Self.andKey }
        if gap.count == 1 { return isComma(tokens[gap.lowerBound]) || isAnd(tokens[gap.lowerBound]) }
        return isComma(tokens[gap.lowerBound]) && isAnd(tokens[gap.lowerBound + 1])
    }

    private static let theKey = TokenHash.folded("the".utf8)

    /// "the West" names the collective when it stands alone: a group's name that opens
    /// with "the" is a longer name only when another capitalised word follows ("the West Bank").
    private func isCollectiveTitle(_ span: Range<Int>, _ surface: Gazetteer.Surface, in tokens: [Token]) -> Bool {
        guard gazetteer.kinds[Int(surface.actor)] == .group, span.count >= 2, tokens[span.lowerBound].folded == Self.theKey,
              tokens[span.lowerBound + 1].isCapitalised else { return false }
        return span.upperBound >= tokens.count || !(tokens[span.upperBound].isWord && tokens[span.upperBound].isCapitalised)
            && !(tokens[span.upperBound].kind == .dash && tokens[span.upperBound].attached)
    }

    /// An ambiguous name inside a longer proper name: "Michael Jordan", "Lake Chad".
    private func isInsideLongerName(_ span: Range<Int>, in tokens: [Token], previousMatchEnd: Int?) -> Bool {
        let before = span.lowerBound - 1
        return before >= 0 && tokens[before].isWord && tokens[before].isCapitalised && !tokens[span.lowerBound].afterNewline
            && previousMatchEnd != span.lowerBound && !Self.sentenceInitial(before, in: tokens)
    }

    /// The keys of "state" and "of", read once a pass: a static is read through a
    /// once-guard, and every match asks for both.
    private static let stateWords = (state: TokenHash.folded("state".utf8), of: TokenHash.folded("of".utf8))

    /// A name used for a US state: "Washington state", "the state of Georgia".
    ///
    /// Over the token buffer: every match asks, and the array's bounds were tested twice a word.
    private func isUSState(_ span: Range<Int>, in tokens: UnsafeBufferPointer<Token>, words: (state: UInt64, of: UInt64)) -> Bool {
        let after = span.upperBound
        if after < tokens.count, tokens[after].folded == words.state, !tokens[after].isCapitalised { return true }
        let before = span.lowerBound - 1
        return before >= 1 && before < tokens.count && tokens[before].folded == words.of && tokens[before - 1].folded == words.state
    }

    private static func sentenceInitial(_ index: Int, in tokens: [Token]) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        return tokens[index].afterNewline || previous.kind == .openQuote || previous.kind == .straightQuote
            || (previous.kind == .punctuation && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(previous.first))
    }

    /// - Parameter named: the mentions of the actors the text names in full.
    /// - Parameter covered: the tokens mentions cover; the surnames found are added.
    /// - Parameter capitalised: the capitalised tokens, where surnames start.
    private func surnameMentions(in tokens: [Token], covered: inout IndexBits, named mentions: [FoundMention], capitalised: IndexBits) -> [FoundMention] {
        guard gazetteer.surnames.count > 0 else { return [] }
        var found: [FoundMention] = []
        let surnames = gazetteer.surnames
        // Whether the text names each gazetteer actor, by index; made at the first listed
        // surname, since most texts have none uncovered and the set's words are as many
        // as the gazetteer's entries over 64.
        var named: IndexBits?
        tokens.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            // The capitalised tokens no mention covers: most capitalised words are names found.
            var starts = capitalised.cursor(excluding: covered)
            while let index = starts.next() {
                let token = buffer[index]
                guard token.kind == .word, surnames.mayStart(with: token.exact),
                      let match = surnames.longestMatchEnd(from: index, firstKey: token.exact, key: { $0 < count ? buffer[$0].exact : nil })
                else { continue }
                if named == nil {
                    var actors = IndexBits(count: gazetteer.entries.count)
                    actors.insert(actorsOf: mentions)
                    named = actors
                }
                guard let actor = Self.onlyNamed(surnames.payloads(at: match.node), named: named.unsafelyUnwrapped) else { continue }
                found.append(FoundMention(tokens: index..<(index + match.length), actor: actor, form: .surname))
                starts.skip(to: index + match.length)
            }
        }
        covered.insert(tokensOf: found)
        return found
    }

    /// The one actor among `surfaces` the text names in full, or `nil` for none or several.
    private static func onlyNamed(_ surfaces: [Gazetteer.Surface], named: IndexBits) -> Int32? {
        var only: Int32?
        for surface in surfaces where named.contains(Int(surface.actor)) {
            guard only == nil else { return nil }
            only = surface.actor
        }
        return only
    }

    /// The mentions of `a` and `b`, each in token order, in token order; on a tie `a`'s
    /// first, as a stable sort of `a + b` would have them. One linear merge: sorting the
    /// sum compared and moved each mention several times. `b` is short (an article's
    /// surnames or strangers), so `a` is moved in runs between `b`'s mentions rather than
    /// one mention at a time.
    static func merge(_ a: [FoundMention], _ b: [FoundMention]) -> [FoundMention] {
        var merged = a
        merge(b, into: &merged)
        return merged
    }

    /// ``merge(_:_:)`` into `a`'s own storage, from the back: the mentions after each of
    /// `b`'s move up in one run. A new array for the merge cost an allocation and a free,
    /// and the gazetteer pass's list has room to spare (see ``gazetteerMentions(in:)``).
    static func merge(_ b: [FoundMention], into a: inout [FoundMention]) {
        guard !b.isEmpty else { return }
        let oldCount = a.count
        a.append(contentsOf: b)
        a.withUnsafeMutableBufferPointer { merged in
            // `end` is where the mentions of `a` not yet placed end; `write`, where the
            // placed ones start.
            var end = oldCount
            var write = merged.count
            for mention in b.reversed() {
                var start = end
                while start > 0, merged[start - 1].tokens.lowerBound > mention.tokens.lowerBound { start -= 1 }
                let run = end - start
                write -= run
                if run > 0, write != start {
                    (merged.baseAddress! + write).update(from: merged.baseAddress! + start, count: run)
                }
                write -= 1
                merged[write] = mention
                end = start
            }
        }
    }
}
