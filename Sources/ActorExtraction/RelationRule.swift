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
    static let all: [RelationRule] = [
        passiveBy, perceptionActive, perceptionPassive, pairAnaphor, nounBetween, nounOfThenPreposition, compoundBeforeCue,
        prepositionalObject, verbObject, coordinatedPair, togetherWith, togetherWithTopic, sentenceSubject,
    ]

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
            if let second = view.mentionEnding(at: end) {
                let dash = second.tokens.lowerBound - 1
                guard dash > view.range.lowerBound, view.tokens[dash].kind == .dash, view.tokens[dash].attached,
                      let first = view.mentionEnding(at: dash),
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
        let preps = view.lexicon.prepositions[Int(hit.cue)]
        guard !preps.isEmpty else { return nil }
        var index = hit.tokens.upperBound
        let limit = min(view.range.upperBound, index + 7)
        while index < limit, !view.isClauseBreak(index) {
            if preps.contains(view.tokens[index].folded) {
                guard let found = view.mention(after: index + 1, reach: 4) else { return nil }
                let target = view.appositiveHead(of: found)
                guard let source = view.mention(before: hit.tokens.lowerBound, excluding: target.actor, asAgent: true) else { return nil }
                return ActorPair(source: source, target: target)
            }
            index += 1
        }
        return nil
    }

    /// "Russia's actions cause concern … because of strategic cooperation with China": a
    /// nominal cue with its partner but no agent in its clause takes the sentence's
    /// subject, the default agent of what the sentence goes on to name.
    static let sentenceSubject = RelationRule(name: "sentence-subject", confidence: 0.55) { hit, view in
        let preps = view.lexicon.prepositions[Int(hit.cue)]
        guard view.lexicon.traits[Int(hit.cue)].pos == .noun, !preps.isEmpty,
              let prep = (hit.tokens.upperBound..<min(view.range.upperBound, hit.tokens.upperBound + 3))
                .first(where: { preps.contains(view.tokens[$0].folded) }),
              let target = view.mention(after: prep + 1, reach: 3),
              let subject = view.mentionStarting(at: view.range.lowerBound) ?? view.mentionStarting(at: view.range.lowerBound + 1),
              subject.tokens.upperBound < hit.tokens.lowerBound, subject.actor != target.actor, !view.isOblique(subject)
        else { return nil }
        return ActorPair(source: subject, target: target)
    }

    /// "Russia threatens Japan", "Tokyo met Washington": the nearest actor before a verb
    /// is the subject, the first actor after it the object.
    static let verbObject = RelationRule(name: "verb-object", confidence: 0.75) { hit, view in
        let cue = view.lexicon.traits[Int(hit.cue)]
        guard cue.pos == .verb, !cue.hasPrepositions, !view.isNounUse(hit),
              let object = view.mention(after: hit.tokens.upperBound, reach: 4),
              // "poses a threat to Saudi Arabia": a preposition inside the cue still leaves a direct object.
              object.tokens.lowerBound == hit.tokens.upperBound || !view.isOblique(object),
              let source = view.mention(before: hit.tokens.lowerBound, excluding: object.actor, asAgent: true) else { return nil }
        return ActorPair(source: source, target: view.appositiveHead(of: object))
    }

    /// "Tokyo and Washington signed a defence pact", "France and Germany are close allies":
    /// a symmetric relation whose two sides are the coordinated subject before the cue.
    static let coordinatedPair = RelationRule(name: "coordinated-pair", confidence: 0.8) { hit, view in
        let cue = view.lexicon.traits[Int(hit.cue)]
        // "A and B flew to …" needs its destination; "A and B cooperate (with each other)" does not.
        guard !cue.kind.isDirected, cue.pos != .verb || cue.reciprocal,
              let second = view.mention(before: hit.tokens.lowerBound, reach: 8, asAgent: true) else { return nil }
        var conjunction = second.tokens.lowerBound - 1
        if view.isWord(conjunction, "the") { conjunction -= 1 }
        guard view.isWord(conjunction, "and") || view.isWord(conjunction, "&"),
              let first = view.mentionEnding(at: conjunction) ?? (view.isComma(conjunction - 1) ? view.mentionEnding(at: conjunction - 1) : nil),
              first.actor != second.actor, !view.isOblique(first) else { return nil }
        return ActorPair(source: first, target: second)
    }

    /// "Together with Britain, Japan will build a fighter", "Japan, together with Britain,
    /// will build": the actor after the comma, or before the phrase, works with the partner.
    static let togetherWith = RelationRule(name: "together-with", confidence: 0.75) { hit, view in
        guard let partner = TogetherWith.partner(of: hit, in: view) else { return nil }
        let comma = partner.tokens.upperBound
        if view.isComma(comma), let actor = view.mention(after: comma + 1, reach: 3, excluding: partner.actor) {
            return ActorPair(source: actor, target: partner)
        }
        guard let actor = view.mention(before: hit.tokens.lowerBound, reach: 4, excluding: partner.actor, asAgent: true) else { return nil }
        return ActorPair(source: actor, target: partner)
    }

    /// "Together with Britain, a new fighter will be built": no actor is named beside the
    /// partner, so the one the text has been about (the state named most often just
    /// before) is taken, with less confidence.
    static let togetherWithTopic = RelationRule(name: "together-with-topic", confidence: 0.55) { hit, view in
        guard let partner = TogetherWith.partner(of: hit, in: view), hit.tokens.lowerBound - view.range.lowerBound <= 1,
              let topic = TogetherWith.topicState(before: view, excluding: partner.actor) else { return nil }
        return ActorPair(source: topic, target: partner)
    }

    /// "Kyiv was attacked by Moscow": a passive verb with its agent after "by".
    static let passiveBy = RelationRule(name: "passive-by", confidence: 0.8) { hit, view in
        let cue = view.lexicon.traits[Int(hit.cue)]
        var auxiliary = hit.tokens.lowerBound - 1
        if view.hasSuffix(max(view.range.lowerBound, auxiliary), "ly") { auxiliary -= 1 }
        guard cue.pos == .verb || cue.pos == .adjective, auxiliary >= view.range.lowerBound,
              view.isWord(auxiliary, in: Perception.passiveAuxiliaries),
              let by = (hit.tokens.upperBound..<min(view.range.upperBound, hit.tokens.upperBound + 6)).first(where: { view.isWord($0, "by") }),
              !(hit.tokens.upperBound..<by).contains(where: view.isClauseBreak),
              let agent = view.mention(after: by + 1, reach: 4),
              let patient = view.mention(before: auxiliary, excluding: agent.actor)
                ?? view.mention(after: hit.tokens.upperBound, reach: by - hit.tokens.upperBound, excluding: agent.actor)
        else { return nil }
        return ActorPair(source: agent, target: patient)
    }

    /// "The visit of the Japanese prime minister to the United States", "talks by Tokyo
    /// with Moscow": a nominal cue, its agent after "of" or "by", then its preposition.
    static let nounOfThenPreposition = RelationRule(name: "noun-of-preposition", confidence: 0.8) { hit, view in
        let next = hit.tokens.upperBound
        let preps = view.lexicon.prepositions[Int(hit.cue)]
        guard view.isWord(next, "of") || view.isWord(next, "by"), !preps.isEmpty,
              let agent = view.mention(after: next + 1, reach: 3) else { return nil }
        let afterAgent = agent.tokens.upperBound
        guard afterAgent < view.range.upperBound, preps.contains(view.tokens[afterAgent].folded),
              let other = view.mention(after: afterAgent + 1, reach: 3), other.actor != agent.actor else { return nil }
        return ActorPair(source: agent, target: other)
    }

    /// "Japan views China as a threat", "the document calls China the greatest strategic
    /// challenge": the perceiver is the subject, the perceived actor the object, and the
    /// relation runs from the perceived to the perceiver.
    static let perceptionActive = RelationRule(name: "perception-active", confidence: 0.8) { hit, view in
        guard view.lexicon.traits[Int(hit.cue)].kind == .threat,
              let verb = Perception.verb(before: hit.tokens.lowerBound, in: view, passive: false),
              let perceived = view.mention(after: verb.upperBound, reach: 3), perceived.tokens.upperBound <= hit.tokens.lowerBound,
              let perceiver = view.mention(before: verb.lowerBound, excluding: perceived.actor, asAgent: true)
                ?? Perception.owner(after: hit.tokens.upperBound, in: view, excluding: perceived.actor)
                ?? view.mention(after: hit.tokens.upperBound, reach: 1, excluding: perceived.actor)
                ?? Perception.possessor(between: perceived.tokens.upperBound, and: hit.tokens.lowerBound, in: view)
        else { return nil }
        return ActorPair(source: perceived, target: perceiver)
    }

    /// "Beijing's policy is called the biggest strategic challenge in Tokyo", "Russia is
    /// viewed as a threat by Japan": the subject is perceived, the perceiver follows "by"
    /// or "in", or stands next to the subject ("Beijing's policy in Tokyo").
    static let perceptionPassive = RelationRule(name: "perception-passive", confidence: 0.75) { hit, view in
        guard view.lexicon.traits[Int(hit.cue)].kind == .threat,
              let verb = Perception.verb(before: hit.tokens.lowerBound, in: view, passive: true),
              let perceived = view.mention(before: verb.lowerBound, reach: 8).flatMap({ candidate in
                  view.isOblique(candidate) ? view.mention(before: candidate.tokens.lowerBound, reach: 6, excluding: candidate.actor) : candidate
              })
        else { return nil }
        let perceiver = Perception.owner(after: hit.tokens.upperBound, in: view, excluding: perceived.actor)
            ?? view.mention(after: perceived.tokens.upperBound, reach: verb.lowerBound - perceived.tokens.upperBound, excluding: perceived.actor)
                .flatMap { $0.tokens.upperBound <= verb.lowerBound ? $0 : nil }
        guard let perceiver else { return nil }
        return ActorPair(source: perceived, target: perceiver)
    }
    /// "The alliance between the two countries", "both sides agreed": a phrase that
    /// refers back to the last two actors of its sort named before it.
    static let pairAnaphor = RelationRule(name: "pair-anaphor", confidence: 0.7) { hit, view in
        let afterCue = hit.tokens.upperBound
        let start: Int
        if view.isWord(afterCue, "between") || view.isWord(afterCue, "of") {
            start = afterCue + 1
        } else if let before = PairAnaphor.phrase(endingAt: hit.tokens.lowerBound, in: view),
                  view.lexicon.traits[Int(hit.cue)].pos == .verb || view.isNounUse(hit) {
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

    /// The phrases as token keys, hashed once.
    private static let keyed: [([UInt64], Sort)] = phrases.map { words, sort in (words.map { TokenHash.folded($0.utf8) }, sort) }
    private static let firstWords = TokenKeySet(keyed.map { $0.0[0] })

    static func phrase(startingAt start: Int, in view: SentenceView) -> (tokens: Range<Int>, sort: Sort)? {
        guard view.range.contains(start), firstWords.contains(view.tokens[start].folded) else { return nil }
        for (keys, sort) in keyed where start + keys.count <= view.range.upperBound
            && keys.enumerated().allSatisfy({ view.tokens[start + $0.offset].folded == $0.element }) {
            return (start..<(start + keys.count), sort)
        }
        return nil
    }

    /// A phrase that is the subject of the cue: right before it, or with a few words
    /// between that are not a preposition ("the two countries have long been allies").
    ///
    /// Asked for most cues of a text, so each gap costs a few hash tests: the phrases'
    /// possible starts (one per phrase length), not every phrase, and the prepositions as
    /// a set of token keys.
    static func phrase(endingAt end: Int, in view: SentenceView) -> Range<Int>? {
        for gap in 0...3 {
            let between = end - gap
            if gap > 0, view.range.contains(between), gapPrepositions.contains(view.tokens[between].folded) { return nil }
            for length in lengths {
                let start = between - length
                if start >= view.range.lowerBound, phrase(startingAt: start, in: view) != nil { return start..<(start + length) }
            }
        }
        return nil
    }

    /// Words between a phrase and the cue that make the phrase an object, not the subject.
    private static let gapPrepositions = TokenKeySet(words: ["on", "about", "over", "of", "in", "for", "with", "to", "from"])
    /// The phrase lengths in the order the phrase list first has them: at one end, the
    /// first listed phrase that starts at a length's start wins.
    private static let lengths: [Int] = phrases.reduce(into: []) { lengths, phrase in
        if !lengths.contains(phrase.0.count) { lengths.append(phrase.0.count) }
    }

    /// The last two distinct actors of the sort, named before `index`.
    static func antecedents(before index: Int, sort: Sort, in view: SentenceView) -> ActorPair? {
        // The nearest forty mentions before the phrase are enough, and keep the search bounded.
        let inSentence = view.mentions.prefix { $0.tokens.upperBound <= index }.suffix(40)
        let all = (Array(view.earlier) + inSentence).filter { !$0.isModifier }
        // "Soviet troops" names a state less firmly than "Moscow"; demonyms serve only when needed.
        let named = all.filter { $0.form != .demonym }
        if let pair = pick(from: named, sort: sort, in: view) { return pair }
        return pick(from: all, sort: sort, in: view)
    }

    private static func pick(from candidates: [FoundMention], sort: Sort, in view: SentenceView) -> ActorPair? {
        var picked: [FoundMention] = []
        for mention in candidates.reversed() {
            var resolved = mention
            let kind = view.actors.kind(of: mention.actor)
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

/// Verbs of perceiving and naming that turn a threat noun into a relation between the
/// perceiver and the perceived.
enum Perception {
    static let activeVerbs = TokenKeySet(words: ["views", "view", "viewed", "sees", "see", "saw", "seen", "regards", "regard", "regarded", "considers",
                              "consider", "considered", "calls", "call", "called", "labels", "labelled", "labeled", "names",
                              "named", "describes", "described", "identifies", "identified", "treats", "treat", "treated",
                              "perceives", "perceive", "perceived", "deems", "deem", "deemed", "brands", "branded"])
    static let passiveAuxiliaries = TokenKeySet(words: ["is", "are", "was", "were", "been", "being", "be"])

    /// The perception verb (with "as") a few words before the cue.
    static func verb(before cue: Int, in view: SentenceView, passive: Bool) -> Range<Int>? {
        var index = cue - 1
        // Room for a list of perceived actors: "regards China, Russia and North Korea as threats".
        while index >= max(view.range.lowerBound, cue - 12) {
            if view.isClauseBreak(index) { return nil }
            if view.isWord(index, in: activeVerbs) {
                let isPassive = view.isWord(index - 1, in: passiveAuxiliaries)
                    || (view.isWord(index - 1, "not") && view.isWord(index - 2, in: passiveAuxiliaries))
                return isPassive == passive ? index..<(index + 1) : nil
            }
            index -= 1
        }
        return nil
    }

    /// "calls China Japan's greatest challenge": a possessive just before the cue.
    static func possessor(between start: Int, and cue: Int, in view: SentenceView) -> FoundMention? {
        var index = cue - 1
        while index > start {
            if view.tokens[index].kind == .possessive { return view.mentionEnding(at: index) }
            guard view.tokens[index].isLowercaseWord else { return nil }
            index -= 1
        }
        return nil
    }

    private static let ownerPrepositions = TokenKeySet(words: ["in", "by", "for", "to"])

    /// "in Tokyo", "by Japan", "in Japan's strategy", "for Japan" after the cue.
    static func owner(after index: Int, in view: SentenceView, excluding excluded: Int32) -> FoundMention? {
        guard view.isWord(index, in: ownerPrepositions) || (view.isWord(index, "of") && view.isWord(index + 1, "the")) else {
            return nil
        }
        return view.mention(after: index + 1, reach: 4, excluding: excluded)
    }
}

/// Reading "together with B" phrases.
enum TogetherWith {
    static func partner(of hit: CueHit, in view: SentenceView) -> FoundMention? {
        let cue = view.lexicon.traits[Int(hit.cue)]
        guard cue.kind == .cooperation, cue.pos == .adverb else { return nil }
        return view.mention(after: hit.tokens.upperBound, reach: 2)
    }

    /// The state named most often among the mentions just before the sentence.
    static func topicState(before view: SentenceView, excluding excluded: Int32) -> FoundMention? {
        var counts: [Int32: Int] = [:]
        var latest: [Int32: FoundMention] = [:]
        for mention in view.earlier where !mention.isModifier {
            guard let state = view.actors.state(of: mention.actor), state != excluded else { continue }
            counts[state, default: 0] += 1
            var resolved = mention
            resolved.actor = state
            latest[state] = resolved
        }
        guard let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), best.value >= 2 else { return nil }
        return latest[best.key]
    }
}
