import ActorGraph

/// Reads how a sentence states a relation around its cue: modality and tense.
struct ClauseReading {
    let view: SentenceView
    /// Per token of the sentence: whether the next sentence-final mark after it is "?".
    private let asks: [Bool]
    /// The first "if" or "unless" in the sentence outside and inside quotation marks.
    private let firstCondition: (outside: Int?, inside: Int?)

    init(view: SentenceView) {
        self.view = view
        var asks = [Bool](repeating: false, count: view.range.count)
        var answer = false
        for index in view.range.reversed() {
            let token = view.tokens[index]
            if token.kind == .punctuation {
                if token.first == UInt8(ascii: "?") { answer = true }
                if token.first == UInt8(ascii: ".") || token.first == UInt8(ascii: "!") { answer = false }
            }
            asks[index - view.range.lowerBound] = answer
        }
        self.asks = asks
        var outside: Int?
        var inside: Int?
        for index in view.range where Self.conditions.contains(view.tokens[index].folded) {
            if view.quoted[index] { inside = inside ?? index } else { outside = outside ?? index }
            if outside != nil && inside != nil { break }
        }
        self.firstCondition = (outside, inside)
    }

    private static let conditions = TokenKeySet(words: ["if", "unless"])

    /// Question beats negation beats hypothesis: "Will Japan not rely on the US?" asks.
    func modality(of hit: CueHit) -> Modality {
        if isQuestion(around: hit) { return .question }
        let cueStart = hit.tokens.lowerBound
        let near = window(before: cueStart, reach: 6)
        if isNegated(in: near) { return .negated }
        let modalWindow = window(before: cueStart, reach: 8)
        if view.contains(view.lexicon.hypothetical, in: modalWindow) { return .hypothetical }
        // A conditional clause anywhere earlier in the sentence ("If Russia loses, it could ...").
        let condition = view.quoted[cueStart] ? firstCondition.inside : firstCondition.outside
        if let condition, condition < cueStart { return .hypothetical }
        return .asserted
    }

    func tense(of hit: CueHit) -> Tense {
        let cueStart = hit.tokens.lowerBound
        let before = window(before: cueStart, reach: 6)
        if view.contains(view.lexicon.future, in: before) { return .future }
        if view.contains(view.lexicon.past, in: before) || isPastForm(hit) { return .past }
        return .present
    }

    private func isPastForm(_ hit: CueHit) -> Bool {
        guard view.lexicon.traits[Int(hit.cue)].pos == .verb else { return false }
        if view.hasSuffix(hit.tokens.lowerBound, "ed") { return true }
        return view.contains(view.lexicon.past, in: hit.tokens)
    }

    /// "not" counts unless it only narrows ("not just", "not only").
    private func isNegated(in window: Range<Int>) -> Bool {
        for index in window {
            guard view.lexicon.negation.longestMatch(from: index, key: { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }) != nil
            else { continue }
            let narrows = view.isWord(index, "not") && ["only", "just", "merely"].contains { view.isWord(index + 1, $0) }
            if !narrows { return true }
        }
        return false
    }

    private func isQuestion(around hit: CueHit) -> Bool {
        asks[hit.tokens.upperBound - 1 - view.range.lowerBound]
    }

    /// The start of the window of at most `reach` tokens before `index` that stays
    /// inside the cue's clause; it never scans further back than `reach`.
    private func window(before index: Int, reach: Int) -> Range<Int> {
        let limit = max(view.range.lowerBound, index - reach)
        var position = index - 1
        while position >= limit {
            if view.isClauseBreak(position) { return (position + 1)..<index }
            position -= 1
        }
        return limit..<index
    }
}
