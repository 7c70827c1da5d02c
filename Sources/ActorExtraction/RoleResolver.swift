/// Reads office phrases around mentions: "Japanese Prime Minister Fumio Kishida",
/// "Russia's president", "the prime minister of Japan", "Joe Biden, the US president".
///
/// A phrase with a named person ties that person to the state or organisation; a phrase
/// without one names whoever held the office on the article's date.
struct RoleResolver {
    let roles: RoleLexicon
    let tokens: [Token]
    let bytes: [UInt8]
    let date: String?
    /// The tokens where an office phrase may start (``TokenMarks/roles``).
    let starts: IndexBits
    /// Where the mentions found so far start and end; built when resolving starts.
    private var index = MentionIndex([])

    init(roles: RoleLexicon, tokens: [Token], bytes: [UInt8], date: String?, starts: IndexBits) {
        self.roles = roles
        self.tokens = tokens
        self.bytes = bytes
        self.date = date
        self.starts = starts
    }

    private func isWord(_ index: Int, _ word: StaticString) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].spells(word, in: bytes)
    }

    /// - Parameter covered: the tokens `mentions` cover; the office holders named are added.
    /// - Parameter index: `mentions` indexed, when the caller has that at hand.
    mutating func resolve(_ mentions: inout [FoundMention], covered: inout IndexBits, table: inout ActorTable, index given: MentionIndex? = nil) -> [StatedAffiliation] {
        var affiliations: [StatedAffiliation] = []
        // The mentions as they stand are indexed at the first office phrase, or for the
        // counterpart rule: texts with neither need no index, and none changes before.
        var indexed = false
        if let given {
            index = given
            indexed = true
        }
        var added: [FoundMention] = []
        var starts = self.starts.cursor()
        // The office phrases are read from the lexicon's shared tables: a copy of the trie
        // for this walk retained and released each of its arrays.
        while let (position, match) = Self.nextRolePhrase(in: tokens, starts: &starts, covered: covered, roles: roles) {
            if !indexed {
                index = MentionIndex(mentions)
                indexed = true
            }
            let phrase = position..<(position + match.length)
            let role = roles.role(endingAt: match.node)
            starts.skip(to: phrase.upperBound)
            guard let (holderOrg, orgPosition) = organisation(around: phrase, in: mentions, table: table) else { continue }
            if let person = person(around: phrase, org: holderOrg, orgBefore: orgPosition == .before, in: mentions, table: table) {
                if orgPosition == .before, let at = index.starting(at: holderOrg.tokens.lowerBound) { mentions[at].isModifier = true }
                Self.append(StatedAffiliation(person: person, organisation: holderOrg, cue: phrase, rule: "role-title"), to: &affiliations)
            } else if let date, let holder = table.holder(of: role, in: holderOrg.actor, on: date) {
                let span = orgPosition == .before ? holderOrg.tokens.lowerBound..<phrase.upperBound : phrase.lowerBound..<holderOrg.tokens.upperBound
                let person = FoundMention(tokens: span, actor: holder, form: .role)
                if let at = index.starting(at: holderOrg.tokens.lowerBound) { mentions[at].isModifier = true }
                added.append(person)
                covered.insert(span)
                Self.append(StatedAffiliation(person: person, organisation: holderOrg, cue: phrase, rule: "role-office"), to: &affiliations)
            }
        }
        if !added.isEmpty { Self.putInTokenOrder(&mentions, added) }
        // Few texts have a demonym before "counterpart": a read-only look spares the rest
        // the rule's walk over an array it may write.
        if mentions.contains(where: { $0.form == .demonym && isWord($0.tokens.upperBound, "counterpart") }) {
            // Without an office phrase nothing was added: the mentions are those the index would have held.
            if !indexed { index = MentionIndex(mentions) }
            affiliations += counterparts(&mentions, table: table)
        }
        // By token, not a set of tokens: every mention asks, and hashing each question cost more than the answer.
        // Without affiliations no token is stated: an empty set spares an allocation.
        var stated = IndexBits(count: affiliations.isEmpty ? 0 : tokens.count)
        for affiliation in affiliations { stated.insert(affiliation.person.tokens.lowerBound) }
        let links = governmentsAndLinks(&mentions, table: table, stated: stated)
        // Most texts have neither: an append of nothing still cost a call and its tests.
        if !links.personOf.isEmpty { affiliations += links.personOf }
        if !links.titleOfInstitution.isEmpty { affiliations += links.titleOfInstitution }
        return affiliations
    }

    /// Appends to a list most articles fill with a few: room for four at the first, where
    /// the list grew one, two, then four, an allocation and a copy each time (290 for 200
    /// articles).
    @inline(__always)
    private static func append(_ affiliation: StatedAffiliation, to list: inout [StatedAffiliation]) {
        if list.capacity == 0 { list.reserveCapacity(4) }
        list.append(affiliation)
    }

    /// The government rule (``governed(_:table:nouns:)``), then ``personOf(_:next:table:stated:)`` and
    /// ``titleOfInstitution(_:after:table:stated:)``, in one walk over the mentions: each
    /// reads one mention and its neighbour, once the government rule has changed both, so
    /// the pair is read when the walk reaches the second. Three walks cost a loop, a copy
    /// of the array and the tests of each mention three times.
    ///
    /// - Returns: the affiliations of each rule, in mention order.
    private func governmentsAndLinks(_ mentions: inout [FoundMention], table: ActorTable, stated: IndexBits)
        -> (personOf: [StatedAffiliation], titleOfInstitution: [StatedAffiliation]) {
        var personOf: [StatedAffiliation] = []
        var titleOfInstitution: [StatedAffiliation] = []
        let nouns = Self.governmentNouns
        // One test that the mentions are unshared, where a write to the array at each
        // mention tested again.
        mentions.withUnsafeMutableBufferPointer { mentions in
            // Whether the mention before names a person, once the rule changed it; by
            // index, not the mention itself: an optional pair cost a dozen instructions a step.
            var previousIsPerson = false
            for position in mentions.indices {
                var isPerson = table.kind(of: mentions[position].actor) == .person
                if isPerson, let state = governed(mentions[position], table: table, nouns: nouns) {
                    mentions[position].actor = state
                    mentions[position].tokens = mentions[position].tokens.lowerBound..<(mentions[position].tokens.upperBound + 1)
                    mentions[position].form = .metonym
                    isPerson = table.kind(of: state) == .person
                }
                if position > 0 {
                    if previousIsPerson, let found = self.personOf(mentions[position - 1], next: mentions[position], table: table, stated: stated) {
                        personOf.append(found)
                    }
                    if isPerson, let found = self.titleOfInstitution(mentions[position], after: mentions[position - 1], table: table, stated: stated) {
                        titleOfInstitution.append(found)
                    }
                }
                previousIsPerson = isPerson
            }
        }
        return (personOf, titleOfInstitution)
    }

    /// The mentions of `mentions` and `added`, in token order; on a tie `mentions`' first, as
    /// a stable sort of `mentions + added` would have them: merged when each is in order
    /// (as they are, the office holders being added phrase by phrase), which spares the
    /// sort's copies and compares, else sorted.
    static func inTokenOrder(_ mentions: [FoundMention], _ added: [FoundMention]) -> [FoundMention] {
        var merged = mentions
        putInTokenOrder(&merged, added)
        return merged
    }

    /// ``inTokenOrder(_:_:)`` in place of `mentions`: merged into the list's own storage
    /// (``MentionFinder/merge(_:into:)``), where a new list cost an allocation and a free.
    static func putInTokenOrder(_ mentions: inout [FoundMention], _ added: [FoundMention]) {
        guard isInOrder(mentions), isInOrder(added) else {
            mentions = (mentions + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
            return
        }
        MentionFinder.merge(added, into: &mentions)
    }

    /// Whether each mention starts at or after the one before: a loop over the buffer,
    /// where a zip of the list with itself cost a score of instructions a mention.
    private static func isInOrder(_ list: [FoundMention]) -> Bool {
        list.withUnsafeBufferPointer { list in
            var position = 1
            while position < list.count {
                if list[position - 1].tokens.lowerBound > list[position].tokens.lowerBound { return false }
                position += 1
            }
            return true
        }
    }

    /// The next office phrase that starts on an uncovered word at one of the tokens
    /// `starts` has yet to visit, and the token it starts at.
    ///
    /// Visits only the tokens `starts` marks: few start an office phrase.
    private static func nextRolePhrase(in tokens: [Token], starts: inout IndexBits.Cursor, covered: IndexBits, roles: RoleLexicon) -> (Int, (length: Int, node: Int32))? {
        tokens.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            while let position = starts.next() {
                let token = buffer[position]
                if token.kind == .word, !covered.contains(position),
                   let match = roles.longestRolePhrase(from: position, firstKey: token.folded, key: { $0 < count ? buffer[$0].folded : nil }) {
                    return (position, match)
                }
            }
            return nil
        }
    }

    /// "Emeritus Professor of the University of Tsukuba Itsuro Nakamura": a title, "of",
    /// an institution, then the person's name.
    ///
    /// - Parameter person: a person's mention.
    /// - Parameter institution: the mention before `person`.
    private func titleOfInstitution(_ person: FoundMention, after institution: FoundMention, table: ActorTable, stated: IndexBits) -> StatedAffiliation? {
        // "the Bellingcat publication Khristo Grozev": a word or two may describe the institution.
        guard institution.tokens.upperBound <= person.tokens.lowerBound else { return nil }
        let gap = institution.tokens.upperBound..<person.tokens.lowerBound
        // The gap's length first: most neighbours are far apart, and it needs no table.
        guard gap.count <= 2, !stated.contains(person.tokens.lowerBound), gap.allSatisfy({ tokens[$0].isLowercaseWord }),
              table.kind(of: institution.actor) == .organisation else { return nil }
        var link = institution.tokens.lowerBound - 1
        if isWord(link, "the") { link -= 1 }
        guard isWord(link, "of"), link > 0, endsTitle(at: link - 1) else { return nil }
        return StatedAffiliation(person: person, organisation: institution, cue: (link - 1)..<link, rule: "title-of-institution")
    }

    /// Nouns for a person's place in an institution, which act as titles before "of".
    private static let positionNouns: Set<UInt64> = Set(
        ["head", "chief", "director", "founder", "editor", "leader", "spokesman", "spokeswoman", "spokesperson", "member",
         "chairman", "chairwoman", "chair", "professor", "fellow", "researcher", "analyst", "investigator", "expert"]
            .map { TokenHash.folded(Array($0.utf8)) }
    )

    private func endsTitle(at index: Int) -> Bool {
        if tokens[index].isWord, Self.positionNouns.contains(tokens[index].folded) { return true }
        return (0..<3).contains { length in
            let start = index - length
            guard start >= 0 else { return false }
            let match = roles.titles.longestMatch(from: start, key: { $0 <= index ? TokenHash.nameKey(tokens[$0]) : nil })
            return match?.length == length + 1
        }
    }

    /// "The Turkish president spoke with his Iranian counterpart": on the article's date,
    /// the counterpart is whoever held the same office as the person named before, in the
    /// state the demonym names. A counterpart named outright ("his Kazakh counterpart
    /// Murat Nurtleu") is left to that name.
    private func counterparts(_ mentions: inout [FoundMention], table: ActorTable) -> [StatedAffiliation] {
        var found: [StatedAffiliation] = []
        for position in mentions.indices where mentions[position].form == .demonym {
            let word = mentions[position].tokens.upperBound
            guard isWord(word, "counterpart"), ["his", "her", "their"].contains(where: { isWord(mentions[position].tokens.lowerBound - 1, $0) })
            else { continue }
            // "his Kazakh counterpart Murat Nurtleu": the named counterpart belongs to that state.
            let named = index.starting(at: word + 1) ?? (isWord(word + 1, ",") ? index.starting(at: word + 2) : nil)
            if let named, table.kind(of: mentions[named].actor) == .person {
                found.append(StatedAffiliation(person: mentions[named], organisation: mentions[position], cue: word..<(word + 1), rule: "counterpart"))
                continue
            }
            guard named == nil, let date, let state = table.state(of: mentions[position].actor),
                  let person = mentions[..<position].last(where: { table.kind(of: $0.actor) == .person && word - $0.tokens.upperBound <= 30 }),
                  let role = table.entry(at: person.actor).offices?.first(where: { $0.isHeld(on: date) })?.role,
                  let holder = table.holder(of: role, in: state, on: date), holder != person.actor
            else { continue }
            let country = mentions[position]
            mentions[position] = FoundMention(tokens: country.tokens.lowerBound..<(word + 1), actor: holder, form: .role)
            found.append(StatedAffiliation(person: mentions[position], organisation: country, cue: word..<(word + 1), rule: "counterpart"))
        }
        return found
    }

    /// "The Biden administration", "the Kishida government": a leader's name standing for
    /// the state the leader governs.
    private static let governmentNouns = TokenKeySet(words: ["administration", "government", "cabinet", "regime"])

    /// The state a person's mention stands for when a government noun follows it, or `nil`.
    private func governed(_ person: FoundMention, table: ActorTable, nouns: TokenKeySet) -> Int32? {
        let next = person.tokens.upperBound
        guard next < tokens.count, tokens[next].isWord, nouns.contains(tokens[next].folded) else { return nil }
        return table.state(of: person.actor)
    }

    /// "Fumio Kishida of Japan", "Professor Hana Mori of the University of Tsukuba",
    /// "a researcher, Ana Ortiz at the Baltic Institute".
    ///
    /// - Parameter person: a person's mention.
    /// - Parameter next: the mention after `person`.
    private func personOf(_ person: FoundMention, next: FoundMention, table: ActorTable, stated: IndexBits) -> StatedAffiliation? {
        let link = person.tokens.upperBound
        // The link word first: most mentions have none.
        guard isWord(link, "of") || isWord(link, "at"), !stated.contains(person.tokens.lowerBound) else { return nil }
        let start = isWord(link + 1, "the") ? link + 2 : link + 1
        let kind = table.kind(of: next.actor)
        // "Biden at the White House" is a place; "at" ties a person only to an organisation.
        guard next.tokens.lowerBound == start || next.tokens.lowerBound == link + 1, kind != .person,
              isWord(link, "of") || kind == .organisation else { return nil }
        return StatedAffiliation(person: person, organisation: next, cue: link..<(link + 1), rule: "person-of")
    }

    private enum Position { case before, after }

    /// "Japanese prime minister", "Japan's prime minister", "prime minister of Japan".
    private func organisation(around phrase: Range<Int>, in mentions: [FoundMention], table: ActorTable) -> (FoundMention, Position)? {
        var end = phrase.lowerBound
        if end > 0, tokens[end - 1].kind == .possessive { end -= 1 }
        if let before = index.ending(at: end).map({ mentions[$0] }), table.kind(of: before.actor) != .person {
            return (before, .before)
        }
        var start = phrase.upperBound
        guard isWord(start, "of") else { return nil }
        start += 1
        if isWord(start, "the") { start += 1 }
        if let found = index.starting(at: start) ?? (isWord(start - 1, "the") ? index.starting(at: start - 1) : nil),
           case let after = mentions[found], table.kind(of: after.actor) != .person {
            return (after, .after)
        }
        return nil
    }

    /// The person the phrase describes: named right after it ("President Joe Biden"), or
    /// before it in apposition ("Joe Biden, the US president").
    private func person(around phrase: Range<Int>, org: FoundMention, orgBefore: Bool, in mentions: [FoundMention], table: ActorTable) -> FoundMention? {
        if let after = index.starting(at: phrase.upperBound).map({ mentions[$0] }), table.kind(of: after.actor) == .person {
            return after
        }
        var start = orgBefore ? min(org.tokens.lowerBound, phrase.lowerBound) : phrase.lowerBound
        while start > 0, isWord(start - 1, "the") || isWord(start - 1, "a") || isWord(start - 1, "an") { start -= 1 }
        guard start > 0, tokens[start - 1].kind == .punctuation, tokens[start - 1].first == UInt8(ascii: ","),
              let before = index.ending(at: start - 1).map({ mentions[$0] }), table.kind(of: before.actor) == .person
        else { return nil }
        return before
    }
}
