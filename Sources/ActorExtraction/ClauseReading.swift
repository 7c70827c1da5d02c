import ActorGraph

/// Reads how a sentence states a relation around its cue: modality and tense.
struct ClauseReading {
    let view: SentenceView

    /// Question beats negation beats hypothesis: "Will Japan not rely on the US?" asks.
    func modality(of hit: CueHit) -> Modality {
        if isQuestion(around: hit) { return .question }
        let cueStart = hit.tokens.lowerBound
        let near = max(view.range.lowerBound, clauseStart(before: cueStart), cueStart - 6)..<cueStart
        if isNegated(in: near) { return .negated }
        let modalWindow = max(view.range.lowerBound, clauseStart(before: cueStart), cueStart - 8)..<cueStart
        if view.contains(view.lexicon.hypothetical, in: modalWindow) { return .hypothetical }
        // A conditional clause anywhere earlier in the sentence ("If Russia loses, it could ...").
        let voice = view.quoted[cueStart]
        if (view.range.lowerBound..<cueStart).contains(where: { view.quoted[$0] == voice && (view.isWord($0, "if") || view.isWord($0, "unless")) }) {
            return .hypothetical
        }
        return .asserted
    }

    func tense(of hit: CueHit) -> Tense {
        let cueStart = hit.tokens.lowerBound
        let window = max(view.range.lowerBound, clauseStart(before: cueStart), cueStart - 6)..<cueStart
        if view.contains(view.lexicon.future, in: window) { return .future }
        if view.contains(view.lexicon.past, in: window) || isPastForm(hit) { return .past }
        return .present
    }

    private func isPastForm(_ hit: CueHit) -> Bool {
        let cue = view.lexicon.cues[Int(hit.cue)]
        guard cue.pos == "verb" else { return false }
        let word = view.text(hit.tokens.lowerBound)
        if word.hasSuffix("ed") { return true }
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
        var index = hit.tokens.upperBound
        while index < view.range.upperBound {
            let token = view.tokens[index]
            if token.kind == .punctuation, token.first == UInt8(ascii: "?") { return true }
            if token.kind == .punctuation, token.first == UInt8(ascii: ".") || token.first == UInt8(ascii: "!") { return false }
            index += 1
        }
        return false
    }

    private func clauseStart(before index: Int) -> Int {
        var position = index - 1
        while position >= view.range.lowerBound {
            if view.isClauseBreak(position) { return position + 1 }
            position -= 1
        }
        return view.range.lowerBound
    }
}
