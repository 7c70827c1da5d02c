import ActorGraph

/// Reads how a sentence states a relation around its cue: modality and tense.
///
/// Nothing is read ahead of the cues: most sentences hold one or two, and reading each
/// whole sentence first (its question mark, its first "if") cost more than looking from
/// each cue. The view is passed to each reading, not kept: a copy of it per sentence
/// (and its reference counts) cost more than some readings.
enum ClauseReading {
    /// Words that open a conditional clause (``TokenFact/condition``).
    static let conditionWords = ["if", "unless"]
    private static let narrowers = TokenKeySet(words: ["only", "just", "merely"])

    /// The modality and tense of the cue's statement, which read overlapping windows.
    static func reading(of hit: CueHit, in view: SentenceView) -> (modality: Modality, tense: Tense) {
        // A buffer, not the array: the readings test the facts of tokens in loops, and each
        // array read was a bounds check. The facts hold one entry per token.
        reading(of: hit, in: view, facts: view.article.facts.buffer)
    }

    private static func reading(of hit: CueHit, in view: SentenceView, facts: UnsafeBufferPointer<UInt16>) -> (modality: Modality, tense: Tense) {
        let cueStart = hit.tokens.lowerBound
        let modalWindow = window(before: cueStart, reach: 8, in: view, facts: facts)
        let near = nearWindow(within: modalWindow, before: cueStart)
        // The facts of each window's tokens together: a phrase is looked for only where
        // a word that starts one stands, and most windows hold none.
        var nearFacts: UInt16 = 0
        for index in near { nearFacts |= facts[index] }
        var modalFacts = nearFacts
        for index in modalWindow.lowerBound..<near.lowerBound { modalFacts |= facts[index] }
        return (
            modality(of: hit, in: view, modalWindow: modalWindow, near: near, modalFacts: modalFacts, nearFacts: nearFacts),
            tense(of: hit, in: view, before: near, facts: nearFacts)
        )
    }

    /// The window of six tokens before the cue inside its clause: it ends at the clause
    /// break that ends the eight-token window, or six words back if that is nearer.
    private static func nearWindow(within modalWindow: Range<Int>, before cueStart: Int) -> Range<Int> {
        max(modalWindow.lowerBound, cueStart - 6)..<cueStart
    }

    /// Question beats negation beats hypothesis: "Will Japan not rely on the US?" asks.
    ///
    /// - Parameters:
    ///   - modalFacts: the ``TokenFact`` bits of the tokens of `modalWindow`, or-ed together.
    ///   - nearFacts: those of the tokens of `near`.
    private static func modality(
        of hit: CueHit, in view: SentenceView, modalWindow: Range<Int>, near: Range<Int>,
        modalFacts: UInt16, nearFacts: UInt16
    ) -> Modality {
        if isQuestion(around: hit, in: view) { return .question }
        let cueStart = hit.tokens.lowerBound
        if nearFacts & TokenFact.negationStart != 0, isNegated(in: near, of: view) { return .negated }
        if modalFacts & TokenFact.hypotheticalStart != 0,
           view.contains(view.lexicon.hypothetical, startingAt: TokenFact.hypotheticalStart, in: modalWindow) { return .hypothetical }
        // A conditional clause anywhere earlier in the sentence ("If Russia loses, it could ..."),
        // on the same side of the quotation marks as the cue.
        let quotes = view.quoted
        let quoted = quotes[cueStart]
        var from = view.range.lowerBound
        while let index = view.article.facts.firstIndex(sharing: TokenFact.condition, in: from..<cueStart) {
            if quotes[index] == quoted { return .hypothetical }
            from = index + 1
        }
        return .asserted
    }

    /// - Parameter facts: the ``TokenFact`` bits of the tokens of `before`, or-ed together.
    private static func tense(of hit: CueHit, in view: SentenceView, before: Range<Int>, facts: UInt16) -> Tense {
        if facts & TokenFact.futureStart != 0, view.contains(view.lexicon.future, startingAt: TokenFact.futureStart, in: before) { return .future }
        if facts & TokenFact.pastStart != 0 && view.contains(view.lexicon.past, startingAt: TokenFact.pastStart, in: before)
            || isPastForm(hit, in: view) { return .past }
        return .present
    }

    /// Inlined: asked of every cue read, and most answer at the first test.
    @inline(__always)
    private static func isPastForm(_ hit: CueHit, in view: SentenceView) -> Bool {
        guard view.lexicon.traits[Int(hit.cue)].pos == .verb else { return false }
        if view.hasSuffix(hit.tokens.lowerBound, "ed") { return true }
        return view.contains(view.lexicon.past, startingAt: TokenFact.pastStart, in: hit.tokens)
    }

    /// "not" counts unless it only narrows ("not just", "not only").
    private static func isNegated(in window: Range<Int>, of view: SentenceView) -> Bool {
        let facts = view.article.facts, tokens = view.tokens, end = view.range.upperBound
        for index in window where facts[index] & TokenFact.negationStart != 0 {
            guard view.lexicon.negation.longestMatchLength(from: index, key: { $0 < end ? tokens[$0].folded : nil }) != nil
            else { continue }
            let narrows = view.isWord(index, "not") && view.isWord(index + 1, in: narrowers)
            if !narrows { return true }
        }
        return false
    }

    /// Whether the first sentence-final mark from the cue's last word on is "?".
    ///
    /// The marks are found by their ``TokenFact/sentenceMark`` bit, four tokens' bits at a
    /// time: two bytes a token to read, where the tokens themselves are thirty-two.
    /// Inlined: asked of every cue read, and the call cost a third of the search.
    @inline(__always)
    private static func isQuestion(around hit: CueHit, in view: SentenceView) -> Bool {
        guard let mark = view.article.facts.firstIndex(sharing: TokenFact.sentenceMark, in: (hit.tokens.upperBound - 1)..<view.range.upperBound)
        else { return false }
        return view.tokens[mark].first == UInt8(ascii: "?")
    }

    /// The start of the window of at most `reach` tokens before `index` that stays
    /// inside the cue's clause; it never scans further back than `reach`.
    private static func window(before index: Int, reach: Int, in view: SentenceView, facts: UnsafeBufferPointer<UInt16>) -> Range<Int> {
        let limit = max(view.range.lowerBound, index - reach)
        var position = index - 1
        while position >= limit {
            if facts[position] & TokenFact.clauseBreak != 0 { return (position + 1)..<index }
            position -= 1
        }
        return limit..<index
    }
}
