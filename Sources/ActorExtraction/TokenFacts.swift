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

    /// The facts of every token.
    ///
    /// - Complexity: O(n) in the number of tokens, one probe of `words` each.
    static func facts(of tokens: [Token], words: TokenKeyMap) -> [UInt16] {
        var facts = [UInt16](repeating: 0, count: tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            facts.withUnsafeMutableBufferPointer { facts in
                for index in 0..<tokens.count {
                    let token = tokens[index]
                    var bits = words.bits(of: token.folded)
                    if token.kind != .word { bits &= ~cueStart }
                    if isClauseBreak(token, bits, next: index + 1 < tokens.count ? tokens[index + 1] : nil) { bits |= clauseBreak }
                    facts[index] = bits
                }
            }
        }
        return facts
    }

    /// Punctuation and subordinating conjunctions close a clause; so does a spaced dash,
    /// while an attached one joins a compound ("Russia–Japan").
    private static func isClauseBreak(_ token: Token, _ bits: UInt16, next: Token?) -> Bool {
        switch token.kind {
        case .word:
            return token.isLowercaseWord && bits & subordinator != 0
        case .punctuation:
            switch token.first {
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "?"), UInt8(ascii: "!"): return true
            default: return false
            }
        case .dash:
            return !(token.attached && next?.attached == true)
        default:
            return false
        }
    }

    /// The folded key of each word, for the lists kept in Swift rather than in resource files.
    static func keys(_ words: [String]) -> [UInt64] {
        words.map { TokenHash.folded($0.utf8) }
    }
}
