import ActorGraph
import Foundation

/// Finds actors the gazetteer does not list, from how the text treats a capitalised name:
/// a title before it ("Professor Hana Mori", "Mr. Tanaka"), a verb of saying after it
/// ("Ingrid Vellacourt said"), or an institution's head word inside it ("the Harrowgate
/// Centre for Maritime Studies", "the University of Tsukuba").
///
/// Such actors get lower confidence than listed ones. A sentence-initial common word, a
/// lone capitalised word and anything the gazetteer already covers are never taken.
struct UnknownActorFinder {
    let roles: RoleLexicon

    /// Words that head an institution's name.
    static let institutionHeads = Set(institutionHeadWords)
    private static let institutionHeadWords = [
        "university", "institute", "centre", "center", "council", "club", "foundation", "ministry", "agency",
        "academy", "college", "school", "party", "committee", "commission", "forum", "association", "corporation",
        "bank", "fund", "department", "service", "times", "post", "journal", "gazette", "news", "courier", "ledger",
        "herald", "tribune", "review", "observatory", "laboratory", "society", "federation", "union", "front",
        "movement", "army", "brigade", "battalion", "guard", "network", "initiative", "programme", "program",
    ]

    /// Capitalised words that start sentences or name times, never people.
    static let notNames = Set(notNameWords)
    private static let notNameWords = [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "it", "this", "that", "these", "those", "he",
        "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "as", "for", "so", "yet", "when",
        "while", "after", "before", "although", "moreover", "however", "then", "there", "here", "what", "who",
        "why", "how", "not", "no", "yes", "of", "to", "by", "with", "from", "all", "some", "many", "most", "one",
        "two", "both", "each", "every", "another", "other", "such", "even", "still", "also", "only", "now", "today",
        "yesterday", "tomorrow", "last", "next", "new", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "well", "so", "indeed", "perhaps", "meanwhile", "instead",
        "analysts", "officials", "critics", "experts", "sources", "northern", "southern", "eastern", "western",
        "north", "south", "east", "west", "sea", "ocean", "island", "islands", "river", "mount", "lake", "strait",
    ]

    private static let connectorWords = ["of", "for", "the", "and", "on", "de", "al"]
    private static let connectors = Set(connectorWords)

    private static let compassWordList = ["west", "east", "north", "south", "western", "eastern", "northern", "southern", "central"]
    private static let compassWords = Set(compassWordList)
    private static let compassKeys = TokenKeySet(words: compassWordList)

    /// The word lists as token keys, for words of ASCII letters (almost all): comparing
    /// keys spares a lower-cased `String` per word. Made from the lists, not the sets of
    /// strings, which only a word with other letters asks for (``NameReader/isOne(of:keys:at:)``)
    /// and so are made only then: made with the keys, they cost the first article some
    /// 80,000 instructions.
    private static let institutionHeadKeys = TokenKeySet(words: institutionHeadWords)
    private static let notNameKeys = TokenKeySet(words: notNameWords)
    private static let connectorKeys = TokenKeySet(words: connectorWords)

    /// The key sets in one object, read once an article: each read of a static goes
    /// through a once-guard, and names asked for them several times each.
    final class WordLists: Sendable {
        let connectorKeys = UnknownActorFinder.connectorKeys
        let institutionHeadKeys = UnknownActorFinder.institutionHeadKeys
        let notNameKeys = UnknownActorFinder.notNameKeys
        let compassKeys = UnknownActorFinder.compassKeys
    }

    private static let lists = WordLists()

    /// - Parameter covered: the tokens `mentions` cover; the actors found are added.
    /// - Parameter marks: where titles and names may start.
    @inline(never) // one call an article; out of line, profiles show it as a stage of its own
    func actors(
        in tokens: [Token], bytes: [UInt8], covered mentions: [FoundMention], coverage covered: inout IndexBits,
        marks: TokenMarks, table: inout ActorTable
    ) -> [FoundMention] {
        let reader = NameReader(tokens: tokens, bytes: bytes)
        let mentionedAt = MentionedAt(mentions: mentions)
        let lists = Self.lists
        // Asked at every capitalised token: a local copy keeps the table at hand.
        let titleBytes = roles.titleStartBytes.bytes
        var found: [FoundMention] = []
        // Titles and names both start with a capital; the marks skip the other tokens.
        var starts = marks.capitalised.cursor()
        tokens.withUnsafeBufferPointer { buffer in titleBytes.withUnsafeBufferPointer { titleBytes in
            while let index = starts.next() {
                // The key alone: most capitalised tokens are no title, and a copy of the
                // whole token for the few cost loads at every one.
                if KeyBytes.bit(of: buffer[index].exact, in: titleBytes) != 0 || marks.roles.contains(index),
                   let title = titleLength(at: index, reader: reader) {
                    starts.skip(to: index + title)
                    continue
                }
                if !covered.contains(index), let mention = stranger(at: index, reader: reader, covered: covered, mentions: mentionedAt, lists: lists, table: &table) {
                    found.append(mention)
                    covered.insert(mention.tokens)
                    starts.skip(to: mention.tokens.upperBound)
                }
            }
        } }
        return found
    }

    private func stranger(at index: Int, reader: NameReader, covered: IndexBits, mentions: MentionedAt, lists: WordLists, table: inout ActorTable) -> FoundMention? {
        // Most capitalised words stand alone ("Kishida said", "in Tokyo."): the token after
        // is read first, where the run's reading set up its walk for each of them.
        // The one caller asks whether the token is covered before.
        assert(!covered.contains(index), "a stranger from a covered token")
        guard reader.mayContinueRun(after: index, covered: covered, connectors: Self.connectors, connectorKeys: lists.connectorKeys),
              reader.isNameWord(index) else { return nil }
        let (run, words) = reader.capitalisedRun(from: index, covered: covered, connectors: Self.connectors, connectorKeys: lists.connectorKeys)
        // Institutions and people alike take two name words; most runs are one word long.
        guard run.count >= 2 else { return nil }
        let isHead = { reader.isOne(of: Self.institutionHeads, keys: lists.institutionHeadKeys, at: $0) }
        // "Talks on the West Bank resumed": a sentence's first word joined by a connector
        // is a common noun, not part of a name; the name proper starts after it.
        if reader.opensSentence(run.lowerBound), run.count > 2, !isHead(words.first), !reader.isWord(words.first, "the"),
           reader.tokens[run.lowerBound + 1].isLowercaseWord {
            return nil
        }
        // "the West Bank": a compass word and a head word name a place.
        let isPlace = words.count == 2 && reader.isOne(of: Self.compassWords, keys: lists.compassKeys, at: words.first)
        if words.count >= 2, !isPlace, run.contains(where: { reader.isNameWord($0) && isHead($0) }) {
            let name = reader.text(run)
            let owner = possessiveOwner(before: run.lowerBound, mentions: mentions, covered: covered, reader: reader)
            let country = owner.flatMap { table.state(of: $0) }.map { table.id(at: $0) }
            let id = (country.map { $0.lowercased() + "-" } ?? "") + Self.slug(name)
            let actor = table.addLocal(id: id, name: name, kind: .organisation, country: country)
            return FoundMention(tokens: run, actor: actor, form: .stranger)
        }
        // The name words up to the first connector or hyphen, which are the run's first words.
        let personRun = run.lowerBound..<words.firstGap
        guard personRun.count >= 2, personRun.count <= 4,
              !personRun.contains(where: { reader.isOne(of: Self.notNames, keys: lists.notNameKeys, at: $0) }),
              hasTitle(before: titleSearchStart(personRun.lowerBound, mentions: mentions, covered: covered, reader: reader), reader: reader)
                || isSpeaker(personRun, reader: reader)
        else { return nil }
        let name = reader.text(personRun)
        let actor = table.addLocal(id: Self.slug(name), name: name, kind: .person)
        return FoundMention(tokens: personRun, actor: actor, form: .stranger)
    }

    private func hasTitle(before index: Int, reader: NameReader) -> Bool {
        for length in 1...4 where index - length >= 0 {
            let start = index - length
            if roles.titles.longestMatchLength(from: start, key: { $0 < index ? TokenHash.nameKey(reader.tokens[$0]) : nil }) == length {
                return true
            }
            if roles.rolePhrases.longestMatchLength(from: start, key: { $0 < index ? reader.tokens[$0].folded : nil }) == length {
                return true
            }
        }
        return false
    }

    /// Where to look for a title before a name: before "of the University of Tsukuba" in
    /// "Professor of the University of Tsukuba Itsuro Nakamura".
    private func titleSearchStart(_ index: Int, mentions: MentionedAt, covered: IndexBits, reader: NameReader) -> Int {
        guard let institution = mentions.ending(at: index, covered: covered) else { return index }
        var start = institution.tokens.lowerBound
        if reader.isWord(start - 1, "the") { start -= 1 }
        return reader.isWord(start - 1, "of") ? start - 1 : index
    }

    /// The length of an honorific or office phrase starting here, which is never part of a name.
    ///
    /// Callers ask the first keys' bit maps before: most capitalised words start neither.
    private func titleLength(at index: Int, reader: NameReader) -> Int? {
        // The one caller walks the capitalised tokens only.
        assert(reader.tokens[index].isCapitalised, "a title starts at a capitalised token")
        let key: (Int) -> UInt64? = { $0 < reader.tokens.count ? TokenHash.nameKey(reader.tokens[$0]) : nil }
        let folded: (Int) -> UInt64? = { $0 < reader.tokens.count ? reader.tokens[$0].folded : nil }
        let title = roles.titles.longestMatchLength(from: index, key: key)
        let role = roles.rolePhrases.longestMatchLength(from: index, key: folded)
        guard title != nil || role != nil else { return nil }
        return max(title ?? 0, role ?? 0)
    }

    private static let speakingVerbs = TokenKeySet(words: ["said", "says", "told", "wrote", "argued", "warned", "added", "noted", "believes"])

    /// "X said", "X, a professor at …", "said X".
    private func isSpeaker(_ run: Range<Int>, reader: NameReader) -> Bool {
        let after = run.upperBound
        if after < reader.tokens.count, reader.tokens[after].isWord, Self.speakingVerbs.contains(reader.tokens[after].folded) {
            return true
        }
        if reader.isWord(run.lowerBound - 1, "said") || reader.isWord(run.lowerBound - 1, "says") { return true }
        return reader.isComma(after) && (reader.isWord(after + 1, "a") || reader.isWord(after + 1, "an") || reader.isWord(after + 1, "the"))
    }

    private func possessiveOwner(before index: Int, mentions: MentionedAt, covered: IndexBits, reader: NameReader) -> Int32? {
        var end = index
        if end > 0, reader.isWord(end - 1, "the") { end -= 1 }
        if end > 0, reader.tokens[end - 1].kind == .possessive { end -= 1 }
        return mentions.ending(at: end, covered: covered)?.actor
    }

    /// A lowercase, hyphenated id: "Harrowgate Centre for Maritime Studies" →
    /// "harrowgate-centre-for-maritime-studies".
    static func slug(_ name: String) -> String {
        asciiSlug(name) ?? unicodeSlug(name)
    }

    /// ``slug(_:)`` for any name: diacritics and case folded away, Unicode letters kept.
    static func unicodeSlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "unnamed" : slug
    }
}

extension UnknownActorFinder {
    /// ``slug(_:)`` of a name of ASCII characters, which folding and Unicode lower-casing
    /// leave as ASCII lower case; `nil` for any other name.
    static func asciiSlug(_ name: String) -> String? {
        var name = name
        // Written into the string's own storage: a byte array, then a copy of it into a
        // string, cost two allocations and a capacity test per byte.
        guard let slug = name.withUTF8({ asciiSlug(of: $0) }) else { return nil }
        return slug.isEmpty ? "unnamed" : slug
    }

    /// The slug of ASCII `bytes`, empty when they have no letter or digit; `nil` when a
    /// byte is not ASCII.
    private static func asciiSlug(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for byte in bytes where byte >= 0x80 { return nil }
        guard !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { slug in
            var length = 0
            for byte in bytes {
                let lower = TokenHash.lowercase(byte)
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                    slug[length] = lower
                    length += 1
                } else if length > 0, slug[length - 1] != UInt8(ascii: "-") {
                    slug[length] = UInt8(ascii: "-")
                    length += 1
                }
            }
            while length > 0, slug[length - 1] == UInt8(ascii: "-") { length -= 1 }
            return length
        }
    }
}

/// The mentions found so far, looked up by where they end.
///
/// A search of the list, not a ``MentionIndex``: a few names an article ask, and most
/// follow an uncovered token, which no mention ends at. The index made for them was made
/// again once the names found were added.
struct MentionedAt {
    let mentions: [FoundMention]

    /// The last mention in the list that ends just before `token` and is no modifier, as
    /// ``MentionIndex/ending(at:)`` finds it.
    ///
    /// - Parameter covered: the tokens covered, at least those of `mentions`.
    func ending(at token: Int, covered: IndexBits) -> FoundMention? {
        guard covered.contains(token - 1) else { return nil }
        return mentions.last { $0.tokens.upperBound == token && !$0.isModifier }
    }
}

/// Reads capitalised words over the token array.
struct NameReader {
    let tokens: [Token]
    let bytes: [UInt8]

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)], as: UTF8.self)
    }

    func lowercased(_ index: Int) -> String { text(index..<(index + 1)).lowercased() }

    /// Whether the token starts a sentence: the text's first, after a newline, or after . ! ? or a quotation mark.
    func opensSentence(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].afterNewline else { return true }
        let previous = tokens[index - 1]
        return previous.kind == .openQuote || previous.kind == .straightQuote
            || (previous.kind == .punctuation && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(previous.first))
    }

    /// Whether the token at `index`, lower-cased, is one of `words`: by its key when it is
    /// ASCII, else by the lower-cased `String` (Unicode lower-casing can turn a non-ASCII
    /// letter into an ASCII one).
    ///
    /// - Parameter words: made only for a token that is not ASCII: a word list's set of
    ///   strings is made at its first use, which most texts never reach.
    func isOne(of words: @autoclosure () -> Set<String>, keys: TokenKeySet, at index: Int) -> Bool {
        let token = tokens[index]
        return isASCII(token) ? keys.contains(token.folded) : words().contains(lowercased(index))
    }

    /// Whether a token's bytes are all ASCII; by index, since a slice of the text retained it.
    private func isASCII(_ token: Token) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            // The bytes' top bits gathered without a branch a byte: words are short.
            var high: UInt8 = 0
            for position in Int(token.start)..<Int(token.end) { high |= bytes[position] }
            return high < 0x80
        }
    }

    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].spells(word, in: bytes)
    }

    func isComma(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punctuation && tokens[index].first == UInt8(ascii: ",")
    }

    /// A capitalised word with a lower-case letter after its first (not an acronym), or an
    /// initial ("J.").
    @inline(__always) // asked of every word of every capitalised run
    func isNameWord(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].isWord, tokens[index].isCapitalised else { return false }
        let token = tokens[index]
        let length = Int(token.end - token.start)
        if length == 2, bytes[Int(token.start) + 1] == UInt8(ascii: ".") { return true }
        var position = Int(token.start) + 1
        while position < Int(token.end) {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") || byte >= 0x80 { return true }
            position += 1
        }
        return false
    }

    /// Whether ``capitalisedRun(from:covered:connectors:connectorKeys:)`` from `start` reads
    /// on past it: `false` means the run is `start` alone, too short for a name. Asks what
    /// the run's first step asks, with a capitalised word for a name word.
    @inline(__always)
    func mayContinueRun(after start: Int, covered: IndexBits, connectors: @autoclosure () -> Set<String>, connectorKeys: TokenKeySet) -> Bool {
        let next = start + 1
        guard next < tokens.count, !covered.contains(next), !tokens[next].afterNewline else { return false }
        let token = tokens[next]
        if token.isWord && token.isCapitalised { return true }
        if token.isLowercaseWord { return isOne(of: connectors(), keys: connectorKeys, at: next) }
        return token.kind == .dash && token.attached && next + 1 < tokens.count && tokens[next + 1].attached
    }

    /// Capitalised words from `start`, joined by connectors ("of", "for") and attached
    /// hyphens, ending on a capitalised word, stopping at a covered token or a line break.
    ///
    /// - Parameter start: an uncovered name word (``isNameWord(_:)``), as the caller has
    ///   found: the run is read from the word after it, without asking again.
    /// - Returns: the run and its name words, counted as the run is read: counted again
    ///   from the run, each word's letters were read a second time.
    @inline(__always) // one caller, at every uncovered name word: most runs end at the next token
    func capitalisedRun(from start: Int, covered: IndexBits, connectors: @autoclosure () -> Set<String>, connectorKeys: TokenKeySet) -> (run: Range<Int>, words: NameWords) {
        assert(!covered.contains(start) && isNameWord(start), "a run from no uncovered name word")
        var end = start + 1
        var lastName = start
        var index = start + 1
        // The name words read, those up to the last one read, and the first word read that is none.
        var names = 1
        var namesToLast = 1
        var firstGap = Int.max
        // Names are short; the bound keeps a page of capitalised words linear to read.
        let limit = min(tokens.count, start + 12)
        while index < limit, !covered.contains(index), !tokens[index].afterNewline {
            if isNameWord(index) {
                lastName = index
                names += 1
                namesToLast = names
            } else if tokens[index].isLowercaseWord, isOne(of: connectors(), keys: connectorKeys, at: index) {
                // a connector continues the run only if a name word follows it
                firstGap = min(firstGap, index)
            } else if tokens[index].kind == .dash, tokens[index].attached, index + 1 < tokens.count, tokens[index + 1].attached {
                firstGap = min(firstGap, index)
            } else {
                break
            }
            index += 1
            end = lastName + 1
        }
        return (start..<end, NameWords(count: namesToLast, first: start, firstGap: min(firstGap, end)))
    }
}

/// The name words of a capitalised run (its words less connectors and hyphens), counted in
/// one pass instead of gathered into an array for each run.
struct NameWords {
    /// The number of name words.
    let count: Int
    /// The first name word; the run's first token, which is always one.
    let first: Int
    /// The first token of the run that is no name word, or the run's end.
    let firstGap: Int

    init(count: Int, first: Int, firstGap: Int) {
        self.count = count
        self.first = first
        self.firstGap = firstGap
    }

    init(_ run: Range<Int>, reader: NameReader) {
        var count = 0
        var firstGap = run.upperBound
        for index in run {
            if reader.isNameWord(index) {
                count += 1
            } else if firstGap == run.upperBound {
                firstGap = index
            }
        }
        self.count = count
        self.first = run.lowerBound
        self.firstGap = firstGap
    }
}
