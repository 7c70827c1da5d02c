/// Where a cue was found in a sentence.
struct CueHit {
    /// Token indexes of the cue phrase.
    var tokens: Range<Int>
    /// The cue's index in the lexicon.
    var cue: Int32
}

/// The two actors a rule found for a cue.
struct ActorPair {
    var source: FoundMention
    var target: FoundMention
}

/// One construction that states a relation, as a small named value so `--explain` and
/// the tests can name the rule behind an edge.
struct RelationRule: Sendable {
    /// The name recorded in each evidence item (`noun-between`).
    let name: String
    /// How sure the construction is when it matches, before modality.
    let confidence: Double
    /// Finds the actor pair the construction links around a cue, or nothing.
    let match: @Sendable (CueHit, SentenceView) -> ActorPair?
}

extension RelationRule {
    /// The rules in the order they are tried; the first that matches a cue wins.
    static let all: [RelationRule] = [passiveBy, pairAnaphor, nounBetween, compoundBeforeCue, prepositionalObject, verbObject]

    /// "The alliance between Japan and the United States", "talks between A and B".
    static let nounBetween = RelationRule(name: "noun-between", confidence: 0.9) { hit, view in
        let next = hit.tokens.upperBound
        guard view.isWord(next, "between"), let first = view.mention(after: next + 1, reach: 4) else { return nil }
        let afterFirst = first.tokens.upperBound
        guard view.isWord(afterFirst, "and") || view.isWord(afterFirst, "&"),
              let second = view.mention(after: afterFirst + 1, reach: 4), second.actor != first.actor else { return nil }
        return ActorPair(source: first, target: second)
    }

    /// "The Russia–Japan dispute", "US-Japanese summit", "Sino-Russian partnership":
    /// two actors joined by a hyphen or dash, up to two words before the cue.
    static let compoundBeforeCue = RelationRule(name: "compound-before-cue", confidence: 0.85) { hit, view in
        var end = hit.tokens.lowerBound
        for _ in 0...2 {
            if let second = view.mentions.last(where: { $0.tokens.upperBound == end }) {
                let dash = second.tokens.lowerBound - 1
                guard dash > view.range.lowerBound, view.tokens[dash].kind == .dash, view.tokens[dash].attached,
                      let first = view.mentions.last(where: { $0.tokens.upperBound == dash }),
                      first.actor != second.actor else { return nil }
                return ActorPair(source: first, target: second)
            }
            end -= 1
            guard end > view.range.lowerBound, view.tokens[end].isLowercaseWord else { return nil }
        }
        return nil
    }

    /// "Japan relies on the United States", "Japan's alliance with the States",
    /// "missiles will be purchased from the States": the cue's preposition, then the target;
    /// the nearest actor before the cue is the source.
    static let prepositionalObject = RelationRule(name: "prepositional-object", confidence: 0.8) { hit, view in
        guard let preps = view.lexicon.prepositions[hit.cue], !preps.isEmpty else { return nil }
        var index = hit.tokens.upperBound
        let limit = min(view.range.upperBound, index + 5)
        while index < limit, !view.isClauseBreak(index) {
            if preps.contains(view.tokens[index].folded) {
                guard let target = view.mention(after: index + 1, reach: 4) else { return nil }
                guard let source = view.mention(before: hit.tokens.lowerBound, excluding: [target.actor]) else { return nil }
                return ActorPair(source: source, target: target)
            }
            index += 1
        }
        return nil
    }

    /// "Russia threatens Japan", "Tokyo met Washington": the nearest actor before a verb
    /// is the subject, the first actor after it the object.
    static let verbObject = RelationRule(name: "verb-object", confidence: 0.75) { hit, view in
        let cue = view.lexicon.cues[Int(hit.cue)]
        guard cue.pos == "verb", (cue.prep ?? []).isEmpty,
              let target = view.mention(after: hit.tokens.upperBound, reach: 4),
              let source = view.mention(before: hit.tokens.lowerBound, excluding: [target.actor]) else { return nil }
        return ActorPair(source: source, target: target)
    }

    /// "Kyiv was attacked by Moscow": a passive verb with its agent after "by".
    static let passiveBy = RelationRule(name: "passive-by", confidence: 0.8) { hit, view in
        let cue = view.lexicon.cues[Int(hit.cue)]
        let before = hit.tokens.lowerBound - 1
        guard cue.pos == "verb", ["was", "were", "been", "be", "is", "are", "being"].contains(where: { view.isWord(before, $0) }),
              view.isWord(hit.tokens.upperBound, "by"),
              let agent = view.mention(after: hit.tokens.upperBound + 1, reach: 4),
              let patient = view.mention(before: before, excluding: [agent.actor]) else { return nil }
        return ActorPair(source: agent, target: patient)
    }

    /// "The alliance between the two countries", "both sides agreed": a phrase that
    /// refers back to the last two actors of its sort named before it.
    static let pairAnaphor = RelationRule(name: "pair-anaphor", confidence: 0.7) { hit, view in
        let afterCue = hit.tokens.upperBound
        let start: Int
        if view.isWord(afterCue, "between") || view.isWord(afterCue, "of") {
            start = afterCue + 1
        } else if let before = PairAnaphor.phrase(endingAt: hit.tokens.lowerBound, in: view) {
            start = before.lowerBound
        } else {
            return nil
        }
        guard let phrase = PairAnaphor.phrase(startingAt: start, in: view) else { return nil }
        return PairAnaphor.antecedents(before: phrase.tokens.lowerBound, sort: phrase.sort, in: view)
    }
}

/// Phrases that refer to a pair named before: "the two countries", "both leaders".
enum PairAnaphor {
    enum Sort { case states, people, any }

    static let phrases: [([String], Sort)] = [
        (["the", "two", "countries"], .states), (["both", "countries"], .states),
        (["the", "two", "nations"], .states), (["both", "nations"], .states),
        (["the", "two", "states"], .states), (["the", "two", "governments"], .states),
        (["both", "governments"], .states), (["the", "two", "allies"], .states),
        (["the", "two", "powers"], .states), (["the", "two", "capitals"], .states),
        (["the", "two", "leaders"], .people), (["both", "leaders"], .people), (["the", "two", "men"], .people),
        (["both", "sides"], .any), (["the", "two", "sides"], .any),
    ]

    static func phrase(startingAt start: Int, in view: SentenceView) -> (tokens: Range<Int>, sort: Sort)? {
        for (words, sort) in phrases where words.enumerated().allSatisfy({ view.isWord(start + $0.offset, $0.element) }) {
            return (start..<(start + words.count), sort)
        }
        return nil
    }

    static func phrase(endingAt end: Int, in view: SentenceView) -> Range<Int>? {
        for gap in 0...3 {
            for (words, _) in phrases {
                let start = end - gap - words.count
                if start >= view.range.lowerBound, phrase(startingAt: start, in: view) != nil { return start..<(start + words.count) }
            }
        }
        return nil
    }

    /// The last two distinct actors of the sort, named before `index`.
    static func antecedents(before index: Int, sort: Sort, in view: SentenceView) -> ActorPair? {
        var picked: [FoundMention] = []
        let candidates = Array(view.earlier) + view.mentions.filter { $0.tokens.upperBound <= index }
        for mention in candidates.reversed() {
            var resolved = mention
            let kind = view.gazetteer.entry(at: mention.actor).kind
            switch sort {
            case .states:
                guard let state = view.state(of: mention) else { continue }
                resolved.actor = state
            case .people:
                guard kind == .person else { continue }
            case .any:
                break
            }
            if !picked.contains(where: { $0.actor == resolved.actor }) { picked.append(resolved) }
            if picked.count == 2 { return ActorPair(source: picked[1], target: picked[0]) }
        }
        return nil
    }
}
