/// One sentence of an article with the tokens, mentions and quotation state the
/// relation rules look at.
struct SentenceView {
    let bytes: [UInt8]
    let tokens: [Token]
    /// Token indexes of the sentence.
    let range: Range<Int>
    /// Mentions inside the sentence, in text order.
    let mentions: [FoundMention]
    /// Mentions of the article before this sentence, for phrases like "the two countries".
    let earlier: ArraySlice<FoundMention>
    /// Whether each token of the article lies inside a quotation.
    let quoted: [Bool]
    let lexicon: CueLexicon
    let gazetteer: Gazetteer

    /// How far, in tokens, a rule looks for the actor before a cue.
    static let reachBefore = 14
    /// How far, in tokens, a rule looks for the actor after a cue or preposition.
    static let reachAfter = 6

    func text(_ index: Int) -> Substring {
        let token = tokens[index]
        return Substring(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    func isWord(_ index: Int, _ lowercaseWord: String) -> Bool {
        index >= range.lowerBound && index < range.upperBound && tokens[index].folded == TokenHash.folded(Array(lowercaseWord.utf8))
    }

    /// Punctuation that closes a clause for the purpose of finding a cue's actors.
    func isClauseBreak(_ index: Int) -> Bool {
        let token = tokens[index]
        switch token.kind {
        case .punctuation:
            return [UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"), UInt8(ascii: "!")]
                .contains(token.first)
        case .dash:
            // A spaced dash separates clauses; an attached one joins a compound ("Russia–Japan").
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            return !(token.attached && next?.attached == true)
        default:
            return false
        }
    }

    /// The nearest mention that ends before `index`, within reach and inside the clause.
    func mention(before index: Int, reach: Int = reachBefore, excluding excluded: Set<Int32> = []) -> FoundMention? {
        var position = index - 1
        let limit = max(range.lowerBound, index - reach)
        while position >= limit {
            if isClauseBreak(position) { return nil }
            if let found = mentions.last(where: { $0.tokens.upperBound == position + 1 }), !excluded.contains(found.actor) {
                return found
            }
            position -= 1
        }
        return nil
    }

    /// The first mention that starts at or after `index`, within reach and inside the clause.
    func mention(after index: Int, reach: Int = reachAfter, excluding excluded: Set<Int32> = []) -> FoundMention? {
        var position = index
        let limit = min(range.upperBound, index + reach)
        while position < limit {
            if isClauseBreak(position) { return nil }
            if let found = mentions.first(where: { $0.tokens.lowerBound == position }), !excluded.contains(found.actor) {
                return found
            }
            position += 1
        }
        return nil
    }

    /// The mention that covers `index`, if any.
    func mention(at index: Int) -> FoundMention? {
        mentions.first { $0.tokens.contains(index) }
    }

    /// The state an actor stands for: itself for a state, its country for a person or agency.
    func state(of mention: FoundMention) -> Int32? {
        let entry = gazetteer.entry(at: mention.actor)
        if entry.kind == .state { return mention.actor }
        return entry.country.flatMap { gazetteer.index(of: $0) }
    }

    /// Whether any phrase of `trie` occurs in the token window.
    func contains(_ trie: TokenTrie<Bool>, in window: Range<Int>) -> Bool {
        var index = window.lowerBound
        while index < window.upperBound {
            if let match = trie.longestMatch(from: index, key: { $0 < window.upperBound ? tokens[$0].folded : nil }) {
                _ = match
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
