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
    /// Which construction it is, so the finder calls its match directly: a stored closure
    /// (and the name beside it) was retained and released at every rule tried at every cue.
    let id: ID

    /// In the order of ``all``: a rule's raw value is its position, so the finder's loop over
    /// the rules makes the id from the position, where reading it from an array was a load
    /// and a bounds check at every rule tried (``all`` checks the order once).
    enum ID: UInt8, Sendable {
        case passiveBy, compoundParticiple, perceptionActive, perceptionPassive, pairAnaphor, possessiveApposition, nounBetween
        case nounOfThenPreposition, compoundBeforeCue, prepositionalObject, verbObject, coordinatedPair, togetherWith, togetherWithTopic
        case sentenceSubject

        /// The id of the rule at `position` in ``RelationRule/all``.
        @inline(__always)
        init(position: Int) {
            // A position outside the rules is a bug: the unwrap stops it.
            self = ID(rawValue: UInt8(truncatingIfNeeded: position))!
        }
    }

    /// Whether the construction `id` can match a cue with these traits and prepositions:
    /// `false` only where its match would fail on the cue alone, so the finder skips it.
    static func mayMatch(_ id: ID, cue: CueTraits, prepositions: TokenKeySet) -> Bool {
        switch id {
        case .perceptionActive, .perceptionPassive: cue.kind == .threat
        case .togetherWith, .togetherWithTopic: cue.kind == .cooperation && cue.pos == .adverb
        case .possessiveApposition: cue.pos == .noun && prepositions.contains(PossessiveApposition.of)
        case .sentenceSubject: cue.pos == .noun && cue.kind != .affiliation && !prepositions.isEmpty
        case .verbObject: cue.pos == .verb && !cue.hasPrepositions
        case .prepositionalObject, .nounOfThenPreposition: !prepositions.isEmpty
        case .passiveBy: (cue.pos == .verb || cue.pos == .adjective) && !(cue.pos == .adjective && !cue.reverse && prepositions.contains(ByPhrase.by))
        case .compoundParticiple: cue.pos == .verb || (cue.pos == .adjective && prepositions.contains(ByPhrase.by))
        case .coordinatedPair: cue.pos != .verb || cue.reciprocal
        case .nounBetween, .compoundBeforeCue, .pairAnaphor: true
        }
    }

    /// Whether the cue passes the first test of the construction `id`'s match, which most
    /// cues fail: `false` only where ``match(_:_:_:)`` gives nothing. The finder asks it
    /// before the call, which with its answer cost more than the test.
    ///
    /// - Parameter sentence: what compound-before-cue and coordinated-pair ask of the whole
    ///   sentence, read at the first cue that asks and kept for its other cues.
    @inline(__always)
    static func passesFirstTest(_ id: ID, _ hit: CueHit, _ view: SentenceView, _ sentence: inout SentenceFirstTests) -> Bool {
        switch id {
        case .nounBetween: nounBetweenFirstTest(hit, view)
        case .nounOfThenPreposition: nounOfThenPrepositionFirstTest(hit, view)
        case .compoundParticiple: compoundParticipleFirstTest(hit, view)
        case .passiveBy: passiveByFirstTest(hit, view)
        case .compoundBeforeCue: sentence.firstCompoundDash(in: view) < hit.tokens.lowerBound
        case .coordinatedPair: sentence.firstConjoinedStart(in: view) < hit.tokens.lowerBound
        // Each takes its object from a mention after the cue; verb-object its subject from one before.
        case .prepositionalObject, .sentenceSubject: sentence.lastMentionStart(in: view) >= hit.tokens.upperBound
        case .verbObject: sentence.lastMentionStart(in: view) >= hit.tokens.upperBound && sentence.firstMentionEnd(in: view) <= hit.tokens.lowerBound
        default: true
        }
    }

    /// Finds the actor pair of the construction `id` around a cue that has passed
    /// ``passesFirstTest(_:_:_:_:)``, or nothing. Coordinated-pair's look through the
    /// sentence's mentions is that test's, and is not made again.
    static func match(_ id: ID, _ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        switch id {
        case .nounBetween: matchNounBetween(hit, view)
        case .compoundParticiple: matchCompoundParticiple(hit, view)
        case .possessiveApposition: matchPossessiveApposition(hit, view)
        case .compoundBeforeCue: matchCompoundBeforeCue(hit, view)
        case .prepositionalObject: matchPrepositionalObject(hit, view)
        case .sentenceSubject: matchSentenceSubject(hit, view)
        case .verbObject: matchVerbObject(hit, view)
        case .coordinatedPair: matchCoordinatedPair(hit, view)
        case .togetherWith: matchTogetherWith(hit, view)
        case .togetherWithTopic: matchTogetherWithTopic(hit, view)
        case .passiveBy: matchPassiveBy(hit, view)
        case .nounOfThenPreposition: matchNounOfThenPreposition(hit, view)
        case .perceptionActive: matchPerceptionActive(hit, view)
        case .perceptionPassive: matchPerceptionPassive(hit, view)
        case .pairAnaphor: matchPairAnaphor(hit, view)
        }
    }
}

extension RelationRule {
    /// The rules in the order they are tried; the first that matches a cue wins.
    static let all: [RelationRule] = {
        let rules = [
            passiveBy, compoundParticiple, perceptionActive, perceptionPassive, pairAnaphor, possessiveApposition, nounBetween, nounOfThenPreposition,
            compoundBeforeCue, prepositionalObject, verbObject, coordinatedPair, togetherWith, togetherWithTopic, sentenceSubject,
        ]
        // ``ID/init(position:)`` reads a rule's id from its position.
        precondition(rules.indices.allSatisfy { rules[$0].id.rawValue == $0 && ID(position: $0) == rules[$0].id })
        return rules
    }()

    /// "The alliance between Japan and the United States", "talks between A and B".
    static let nounBetween = RelationRule(name: "noun-between", confidence: 0.9, id: .nounBetween)

    /// "between" right after the cue.
    @inline(__always)
    static func nounBetweenFirstTest(_ hit: CueHit, _ view: SentenceView) -> Bool {
        view.isWord(hit.tokens.upperBound, "between")
    }

    static func matchNounBetween(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let next = hit.tokens.upperBound
        guard nounBetweenFirstTest(hit, view), let first = view.mention(after: next + 1, reach: 4) else { return nil }
        let afterFirst = first.tokens.upperBound
        guard view.isWord(afterFirst, "and") || view.isWord(afterFirst, "&"),
              let second = view.mention(after: afterFirst + 1, reach: 4), second.actor != first.actor else { return nil }
        return ActorPair(source: first, target: second)
    }

    /// "Iran-backed Houthi rebels", "Kremlin-controlled media": an actor joined by a
    /// hyphen to a participle that describes the actor after it.
    static let compoundParticiple = RelationRule(name: "compound-participle", confidence: 0.8, id: .compoundParticiple)

    /// A hyphen joined to the cue and the word before it: most cues have none before them.
    @inline(__always)
    static func compoundParticipleFirstTest(_ hit: CueHit, _ view: SentenceView) -> Bool {
        // Wrapping: a token index is at least 0, and an overflow test here was kept for every cue.
        let dash = hit.tokens.lowerBound &- 1
        guard dash > view.range.lowerBound else { return false }
        return view.tokens[dash].kind == .dash && view.tokens[dash].attached && view.tokens[hit.tokens.lowerBound].attached
    }

    static func matchCompoundParticiple(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let dash = hit.tokens.lowerBound - 1
        // The hyphen first: most cues have none before them.
        guard compoundParticipleFirstTest(hit, view) else { return nil }
        let cue = view.lexicon.traits[Int(hit.cue)]
        let participle = cue.pos == .verb && view.hasSuffix(hit.tokens.upperBound - 1, "ed")
        guard participle || (cue.pos == .adjective && view.lexicon.cue(hit.cue, takes: ByPhrase.by)), dash > view.range.lowerBound,
              view.tokens[dash].kind == .dash, view.tokens[dash].attached, view.tokens[hit.tokens.lowerBound].attached,
              let compound = view.mentionEnding(at: dash), let described = view.mention(after: hit.tokens.upperBound, reach: 3),
              described.actor != compound.actor else { return nil }
        // "Iran-backed" is "backed by Iran": the compound is the agent, unless the cue reads
        // its by-phrase as the second side ("Kremlin-controlled": controlled by, belongs to).
        let agentFirst = participle || cue.reverse
        return agentFirst ? ActorPair(source: compound, target: described) : ActorPair(source: described, target: compound)
    }

    /// "Hezbollah, Tehran's closest ally", "Havana has been Caracas's most loyal ally",
    /// "Riyadh's only real ally remains Washington": a possessive stands for the "of" of
    /// "an ally of", and the actor it is said of stands in apposition or across a copula.
    static let possessiveApposition = RelationRule(name: "possessive-apposition", confidence: 0.75, id: .possessiveApposition)

    static func matchPossessiveApposition(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        guard view.lexicon.traits[Int(hit.cue)].pos == .noun, view.lexicon.cue(hit.cue, takes: PossessiveApposition.of),
              let owner = PossessiveApposition.possessor(before: hit.tokens.lowerBound, cueEnd: hit.tokens.upperBound, in: view),
              let subject = PossessiveApposition.subject(before: owner, in: view) ?? PossessiveApposition.complement(after: hit.tokens.upperBound, in: view),
              subject.actor != owner.actor else { return nil }
        // "the backing of B" names the backer after "of"; so does "B's backing".
        return view.lexicon.traits[Int(hit.cue)].reverse ? ActorPair(source: owner, target: subject) : ActorPair(source: subject, target: owner)
    }

    /// "The Russia–Japan dispute", "US-Japanese summit", "Sino-Russian partnership":
    /// two actors joined by a hyphen or dash, up to two words before the cue.
    static let compoundBeforeCue = RelationRule(name: "compound-before-cue", confidence: 0.85, id: .compoundBeforeCue)

    static func matchCompoundBeforeCue(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        var end = hit.tokens.lowerBound
        // "the U.S.-India Comprehensive Global Strategic Partnership": a named agreement's
        // capitalised words stand between the compound and the cue.
        let named = view.tokens[hit.tokens.lowerBound].isCapitalised && hit.tokens.lowerBound > view.range.lowerBound
            && !view.tokens[hit.tokens.lowerBound].afterNewline
        for _ in 0...(named ? 4 : 2) {
            if let second = view.mentionEnding(at: end) {
                let dash = second.tokens.lowerBound - 1
                guard dash > view.range.lowerBound, view.tokens[dash].kind == .dash, view.tokens[dash].attached,
                      let first = view.mentionEnding(at: dash),
                      first.actor != second.actor else { return nil }
                return ActorPair(source: first, target: second)
            }
            end -= 1
            guard end > view.range.lowerBound, view.tokens[end].isLowercaseWord || (named && view.tokens[end].isWord && view.tokens[end].isCapitalised)
            else { return nil }
        }
        return nil
    }

    /// "Japan relies on the United States", "Japan's alliance with the States",
    /// "missiles will be purchased from the States": the cue's preposition, then the target;
    /// the nearest actor before the cue is the source.
    static let prepositionalObject = RelationRule(name: "prepositional-object", confidence: 0.8, id: .prepositionalObject)

    static func matchPrepositionalObject(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let lexicon = view.lexicon
        guard lexicon.takesPrepositions(hit.cue) else { return nil }
        var index = hit.tokens.upperBound
        let limit = min(view.range.upperBound, index + 7)
        // "began buying Israeli drones": the maker's demonym stands for the preposition's object.
        let cue = view.lexicon.traits[Int(hit.cue)]
        if cue.pos == .verb, cue.reverse, !(index..<limit).contains(where: { lexicon.cue(hit.cue, takes: view.tokens[$0].folded) }),
           let maker = view.mention(after: index, reach: 3), maker.form == .demonym, view.isAdjectival(maker),
           let buyer = view.mention(before: hit.tokens.lowerBound, excluding: maker.actor, asAgent: true) {
            return ActorPair(source: buyer, target: maker)
        }
        // A buffer, not the column: each read of the column was a bounds test.
        let facts = view.article.facts.buffer
        precondition(limit <= facts.count)
        while index < limit, facts[index] & TokenFact.clauseBreak == 0 {
            if facts[index] & TokenFact.cuePreposition != 0, lexicon.cue(hit.cue, takes: view.tokens[index].folded) {
                // "President William Ruto of Kenya": the title's own holder stands between
                // the cue and its preposition, and is the one it ties to Kenya.
                if cue.kind == .affiliation, view.mention(after: hit.tokens.upperBound, reach: index - hit.tokens.upperBound) != nil {
                    return nil
                }
                guard let found = view.mention(after: index + 1, reach: 4) else { return nil }
                let target = view.appositiveHead(of: found)
                // "the strikes carried out by Israel on UNIFIL": the noun's own agent comes first.
                if cue.pos == .noun, let agent = ByPhrase.agent(in: hit.tokens.upperBound..<index, of: view),
                   agent.actor != target.actor {
                    return ActorPair(source: agent, target: target)
                }
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
    static let sentenceSubject = RelationRule(name: "sentence-subject", confidence: 0.55, id: .sentenceSubject)

    static func matchSentenceSubject(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let lexicon = view.lexicon
        // An office noun belongs to the person named beside it, never to the subject.
        guard lexicon.traits[Int(hit.cue)].pos == .noun, lexicon.traits[Int(hit.cue)].kind != .affiliation, lexicon.takesPrepositions(hit.cue),
              let prep = (hit.tokens.upperBound..<min(view.range.upperBound, hit.tokens.upperBound + 3))
                .first(where: { view.article.facts[$0] & TokenFact.cuePreposition != 0 && lexicon.cue(hit.cue, takes: view.tokens[$0].folded) }),
              let target = view.mention(after: prep + 1, reach: 3),
              let subject = view.mentionStarting(at: view.range.lowerBound) ?? view.mentionStarting(at: view.range.lowerBound + 1)
                ?? SentenceTopic.possessor(before: hit.tokens.lowerBound, in: view),
              subject.tokens.upperBound < hit.tokens.lowerBound, subject.actor != target.actor, !view.isOblique(subject)
        else { return nil }
        return ActorPair(source: subject, target: target)
    }

    /// "Russia threatens Japan", "Tokyo met Washington": the nearest actor before a verb
    /// is the subject, the first actor after it the object.
    static let verbObject = RelationRule(name: "verb-object", confidence: 0.75, id: .verbObject)

    static func matchVerbObject(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let cue = view.lexicon.traits[Int(hit.cue)]
        // "condemns in the strongest terms the attacks": the adverbial is stepped over.
        let objectStart = hit.tokens.upperBound + Adverbial.length(at: hit.tokens.upperBound, in: view)
        guard cue.pos == .verb, !cue.hasPrepositions, !view.isNounUse(hit), !view.isParticipleModifier(hit),
              let object = view.mention(after: objectStart, reach: 4),
              // "poses a threat to Saudi Arabia": a preposition inside the cue still leaves a direct object.
              object.tokens.lowerBound == objectStart || !view.isOblique(object),
              let source = view.mention(before: hit.tokens.lowerBound, excluding: object.actor, asAgent: true) else { return nil }
        // "welcomed Japan's decision" welcomes the decision, not Japan; "met China's envoy"
        // still meets China.
        if cue.kind == .contact, view.isOwner(object), view.text(hit.tokens.lowerBound).lowercased().hasPrefix("welcom") { return nil }
        return ActorPair(source: source, target: view.appositiveHead(of: object))
    }

    /// "Tokyo and Washington signed a defence pact", "France and Germany are close allies":
    /// a symmetric relation whose two sides are the coordinated subject before the cue.
    static let coordinatedPair = RelationRule(name: "coordinated-pair", confidence: 0.8, id: .coordinatedPair)

    /// For a cue after a mention that follows a conjunction (the rule's first test).
    static func matchCoordinatedPair(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let cue = view.lexicon.traits[Int(hit.cue)]
        // "A and B flew to …" needs its destination; "A and B cooperate (with each other)" does not.
        // "Greece and Cyprus blocked the statement": a verb with an object of its own is
        // no act between its subjects; "jointly developing a fighter" is, since cooperating
        // on something is what the cue means.
        let hasObject = cue.pos == .verb && cue.kind != .cooperation && cue.kind != .alliance
            && view.isWord(hit.tokens.upperBound, in: CoordinatedList.objectDeterminers)
        guard !cue.kind.isDirected || Reciprocal.isMarked(hit, in: view), cue.pos != .verb || cue.reciprocal,
              !hasObject || Reciprocal.isMarked(hit, in: view),
              let second = view.mention(before: hit.tokens.lowerBound, reach: 8, asAgent: true) else { return nil }
        var conjunction = second.tokens.lowerBound - 1
        if view.isWord(conjunction, "the") { conjunction -= 1 }
        guard view.isWord(conjunction, "and") || view.isWord(conjunction, "&"),
              let first = view.mentionEnding(at: conjunction) ?? (view.isComma(conjunction - 1) ? view.mentionEnding(at: conjunction - 1) : nil),
              first.actor != second.actor, !view.isOblique(first), !CoordinatedList.isOblique(listOf: first, in: view)
        else { return nil }
        return ActorPair(source: first, target: second)
    }

    /// "Together with Britain, Japan will build a fighter", "Japan, together with Britain,
    /// will build": the actor after the comma, or before the phrase, works with the partner.
    static let togetherWith = RelationRule(name: "together-with", confidence: 0.75, id: .togetherWith)

    static func matchTogetherWith(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
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
    static let togetherWithTopic = RelationRule(name: "together-with-topic", confidence: 0.55, id: .togetherWithTopic)

    static func matchTogetherWithTopic(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        guard let partner = TogetherWith.partner(of: hit, in: view), hit.tokens.lowerBound - view.range.lowerBound <= 1,
              let topic = TogetherWith.topicState(before: view, excluding: partner.actor) else { return nil }
        return ActorPair(source: topic, target: partner)
    }

    /// "Kyiv was attacked by Moscow": a passive verb with its agent after "by".
    static let passiveBy = RelationRule(name: "passive-by", confidence: 0.8, id: .passiveBy)

    /// An auxiliary right before the cue or before its adverb: most cues have none.
    @inline(__always)
    static func passiveByFirstTest(_ hit: CueHit, _ view: SentenceView) -> Bool {
        // Wrapping: a token index is at least 0, and an overflow test here was kept for every cue.
        view.isWord(hit.tokens.lowerBound &- 1, in: .passiveAuxiliaries) || view.isWord(hit.tokens.lowerBound &- 2, in: .passiveAuxiliaries)
    }

    static func matchPassiveBy(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let cue = view.lexicon.traits[Int(hit.cue)]
        // The auxiliary stands right before the cue or before its adverb: most cues have none.
        guard cue.pos == .verb || cue.pos == .adjective, passiveByFirstTest(hit, view) else { return nil }
        var auxiliary = hit.tokens.lowerBound - 1
        if view.hasSuffix(max(view.range.lowerBound, auxiliary), "ly") { auxiliary -= 1 }
        // "concerned by Rwanda's support": an adjective that takes "by" for its cause, not
        // its agent, is read by prepositional-object.
        let causeBy = cue.pos == .adjective && !cue.reverse && view.lexicon.cue(hit.cue, takes: ByPhrase.by)
        guard cue.pos == .verb || cue.pos == .adjective, !causeBy, auxiliary >= view.range.lowerBound,
              view.isWord(auxiliary, in: .passiveAuxiliaries),
              let by = (hit.tokens.upperBound..<min(view.range.upperBound, hit.tokens.upperBound + 6)).first(where: { view.isWord($0, "by") }),
              !(hit.tokens.upperBound..<by).contains(where: view.isClauseBreak),
              let agent = view.mention(after: by + 1, reach: 4),
              !(by..<agent.tokens.lowerBound).contains(where: view.isComma),
              let patient = view.mention(before: auxiliary, excluding: agent.actor, asAgent: true)
                ?? view.mention(after: hit.tokens.upperBound, reach: by - hit.tokens.upperBound, excluding: agent.actor)
        else { return nil }
        return ActorPair(source: agent, target: patient)
    }

    /// "The visit of the Japanese prime minister to the United States", "talks by Tokyo
    /// with Moscow": a nominal cue, its agent after "of" or "by", then its preposition.
    static let nounOfThenPreposition = RelationRule(name: "noun-of-preposition", confidence: 0.8, id: .nounOfThenPreposition)

    /// "of" or "by" right after the cue, by its ``TokenFact`` bit.
    @inline(__always)
    static func nounOfThenPrepositionFirstTest(_ hit: CueHit, _ view: SentenceView) -> Bool {
        view.has(TokenFact.ofOrBy, hit.tokens.upperBound)
    }

    static func matchNounOfThenPreposition(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        let next = hit.tokens.upperBound
        guard nounOfThenPrepositionFirstTest(hit, view), view.isWord(next, "of") || view.isWord(next, "by"), view.lexicon.takesPrepositions(hit.cue),
              let agent = view.mention(after: next + 1, reach: 3) else { return nil }
        let afterAgent = agent.tokens.upperBound
        guard afterAgent < view.range.upperBound, view.lexicon.cue(hit.cue, takes: view.tokens[afterAgent].folded),
              let other = view.mention(after: afterAgent + 1, reach: 3), other.actor != agent.actor else { return nil }
        return ActorPair(source: agent, target: other)
    }

    /// "Japan views China as a threat", "the document calls China the greatest strategic
    /// challenge": the perceiver is the subject, the perceived actor the object, and the
    /// relation runs from the perceived to the perceiver.
    static let perceptionActive = RelationRule(name: "perception-active", confidence: 0.8, id: .perceptionActive)

    static func matchPerceptionActive(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
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
    static let perceptionPassive = RelationRule(name: "perception-passive", confidence: 0.75, id: .perceptionPassive)

    static func matchPerceptionPassive(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
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
    static let pairAnaphor = RelationRule(name: "pair-anaphor", confidence: 0.7, id: .pairAnaphor)

    static func matchPairAnaphor(_ hit: CueHit, _ view: SentenceView) -> ActorPair? {
        guard view.mayHoldPairPhrase else { return nil }
        let afterCue = hit.tokens.upperBound
        let start: Int
        if view.isWord(afterCue, "between") || view.isWord(afterCue, "of") {
            start = afterCue + 1
        } else if let before = PairAnaphor.phrase(endingAt: hit.tokens.lowerBound, in: view),
                  view.lexicon.traits[Int(hit.cue)].pos == .verb || view.isNounUse(hit) {
            start = before.lowerBound
        } else if let subject = PairAnaphor.phrase(startingAt: view.range.lowerBound, in: view), !view.lexicon.traits[Int(hit.cue)].kind.isDirected,
                  !(subject.tokens.upperBound..<hit.tokens.lowerBound).contains(where: { view.isClauseBreak($0) || view.isComma($0) }),
                  !(subject.tokens.upperBound..<hit.tokens.lowerBound).contains(where: { view.mentionStarting(at: $0) != nil }),
                  view.mention(after: hit.tokens.upperBound) == nil {
            // "The two ministers agreed to step up cooperation": the pair opens the sentence
            // and no other actor is named around the symmetric cue in its clause.
            start = subject.tokens.lowerBound
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
        (["the", "two", "women"], .people), (["the", "two", "presidents"], .people), (["both", "presidents"], .people),
        (["the", "two", "ministers"], .people), (["both", "ministers"], .people), (["the", "two", "prime", "ministers"], .people),
        (["the", "two", "foreign", "ministers"], .people), (["the", "two", "defence", "ministers"], .people),
        (["the", "two", "defense", "ministers"], .people),
        (["both", "sides"], .any), (["the", "two", "sides"], .any),
    ]

    /// The phrases as token keys, hashed once.
    private static let keyed: [([UInt64], Sort)] = phrases.map { words, sort in (words.map { TokenHash.folded($0.utf8) }, sort) }
    /// The last word of each phrase.
    static let lastWordKeys = keyed.map { $0.0[$0.0.count - 1] }

    /// The phrases as a trie. No phrase is a prefix of another, so at most one starts at a
    /// token, and it is the trie's longest match there: trying each phrase in turn cost
    /// more than the rest of the rule.
    static let trie: TokenTrie<Sort> = {
        var trie = TokenTrie<Sort>()
        for (keys, sort) in keyed { trie.insert(keys, sort) }
        return trie
    }()

    /// The phrases read backwards, for the phrase that ends at a token.
    private static let reversedTrie: TokenTrie<Bool> = {
        var trie = TokenTrie<Bool>()
        for (keys, _) in keyed { trie.insert(keys.reversed(), true) }
        return trie
    }()

    static func phrase(startingAt start: Int, in view: SentenceView) -> (tokens: Range<Int>, sort: Sort)? {
        guard view.range.contains(start) else { return nil }
        let tokens = view.tokens, end = view.range.upperBound
        guard let match = trie.longestMatchEnd(from: start, key: { $0 < end ? tokens[$0].folded : nil }) else { return nil }
        return (start..<(start + match.length), trie.payloads(at: match.node)[0])
    }

    /// Whether a phrase of the sentence has its last word at `last`: the phrases read
    /// backwards from it.
    static func phrase(endingAt last: Int, in view: SentenceView) -> Bool {
        guard last < view.range.upperBound, last >= view.range.lowerBound else { return false }
        let tokens = view.tokens, first = view.range.lowerBound
        // The walk's n-th key is the token n - 1 before `last`.
        let backwards: (Int) -> UInt64? = { index in
            let token = 2 * last - index
            return token >= first ? tokens[token].folded : nil
        }
        return reversedTrie.longestMatchLength(from: last, key: backwards) != nil
    }

    /// A phrase that is the subject of the cue: right before it, or with a few words
    /// between that are not a preposition ("the two countries have long been allies").
    ///
    /// Asked for most cues of a text, so each gap costs a few hash tests: the phrases'
    /// possible starts (one per phrase length), not every phrase, and the prepositions as
    /// a set of token keys.
    static func phrase(endingAt end: Int, in view: SentenceView) -> Range<Int>? {
        // A phrase's last word stands in the four tokens before `end`, or none is found:
        // most cues have none there, and one look at those tokens' facts spares the gaps' tests.
        let lastWords = lastWordGaps(before: end, in: view)
        guard lastWords != 0 else { return nil }
        for gap in 0...3 {
            let between = end - gap
            if gap > 0, view.range.contains(between), gapPrepositions.contains(view.tokens[between].folded) { return nil }
            // Most words end no phrase: the lengths are tried only after one that does.
            guard lastWords & 1 << gap != 0 else { continue }
            for length in lengths {
                let start = between - length
                // The phrase found must be this one: "the two countries" also starts where "the two prime ministers" does.
                if start >= view.range.lowerBound, let found = phrase(startingAt: start, in: view), found.tokens.count == length { return found.tokens }
            }
        }
        return nil
    }

    /// One bit per gap of 0 to 3 words before `end`, set where the word before the gap,
    /// inside the sentence, is a phrase's last word (``TokenFact/pairLastWord``): the
    /// window's facts read once, for the test of the whole window and of each gap.
    @inline(__always)
    private static func lastWordGaps(before end: Int, in view: SentenceView) -> Int {
        let first = max(view.range.lowerBound, end - 4), last = min(end, view.range.upperBound)
        // A buffer, not the column: each read of the column was a bounds test.
        let facts = view.article.facts.buffer
        var gaps = 0
        var index = first
        while index < last {
            if facts[index] & TokenFact.pairLastWord != 0 { gaps |= 1 << (end - 1 - index) }
            index += 1
        }
        return gaps
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
        // "Soviet troops" names a state less firmly than "Moscow"; demonyms serve only when needed.
        if let pair = pick(from: view.earlier, inSentence, namedOnly: true, sort: sort, in: view) { return pair }
        return pick(from: view.earlier, inSentence, namedOnly: false, sort: sort, in: view)
    }

    /// The nearest two distinct actors of the sort among the mentions before the phrase
    /// (`earlier`, then `inSentence`), read from the nearest back, without modifiers.
    private static func pick(
        from earlier: ArraySlice<FoundMention>, _ inSentence: ArraySlice<FoundMention>, namedOnly: Bool, sort: Sort, in view: SentenceView
    ) -> ActorPair? {
        var picker = Picker(sort: sort)
        for mention in inSentence.reversed() where !mention.isModifier && (!namedOnly || mention.form != .demonym) {
            if let pair = picker.take(mention, in: view) { return pair }
        }
        for mention in earlier.reversed() where !mention.isModifier && (!namedOnly || mention.form != .demonym) {
            if let pair = picker.take(mention, in: view) { return pair }
        }
        return nil
    }

    /// Collects candidates, nearest first, until two distinct actors of the sort are in.
    private struct Picker {
        let sort: Sort
        var nearest: FoundMention?

        /// The pair (the farther as source) once `mention` is a second distinct actor.
        mutating func take(_ mention: FoundMention, in view: SentenceView) -> ActorPair? {
            var resolved = mention
            switch sort {
            case .states:
                guard let state = view.state(of: mention) else { return nil }
                resolved.actor = state
            case .people:
                guard view.article.kind(of: mention.actor) == .person else { return nil }
            case .any:
                break
            }
            guard let nearest else {
                nearest = resolved
                return nil
            }
            return nearest.actor == resolved.actor ? nil : ActorPair(source: resolved, target: nearest)
        }
    }
}

/// Verbs of perceiving and naming that turn a threat noun into a relation between the
/// perceiver and the perceived.
enum Perception {
    /// Filtered: the search for the verb asks at up to twelve tokens before the cue, most of them other words.
    static let activeVerbs = TokenKeySet(
        TokenFact.keys(["views", "view", "viewed", "sees", "see", "saw", "seen", "regards", "regard", "regarded", "considers",
                        "consider", "considered", "calls", "call", "called", "labels", "labelled", "labeled", "names",
                        "named", "describes", "described", "identifies", "identified", "treats", "treat", "treated",
                        "perceives", "perceive", "perceived", "deems", "deem", "deemed", "brands", "branded"]),
        filtered: true
    )
    static let passiveAuxiliaryWords = ["is", "are", "was", "were", "been", "being", "be"]

    /// The perception verb (with "as") a few words before the cue.
    static func verb(before cue: Int, in view: SentenceView, passive: Bool) -> Range<Int>? {
        var index = cue - 1
        // Read once: each read of the static in the loop was a call through its once-guard.
        let verbs = activeVerbs
        // Room for a list of perceived actors: "regards China, Russia and North Korea as threats".
        while index >= max(view.range.lowerBound, cue - 12) {
            if view.isClauseBreak(index) { return nil }
            if view.isWord(index, in: verbs) {
                let isPassive = view.isWord(index - 1, in: .passiveAuxiliaries)
                    || (view.isWord(index - 1, "not") && view.isWord(index - 2, in: .passiveAuxiliaries))
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
            guard let state = view.article.state(of: mention.actor), state != excluded else { continue }
            counts[state, default: 0] += 1
            var resolved = mention
            resolved.actor = state
            latest[state] = resolved
        }
        guard let best = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), best.value >= 2 else { return nil }
        return latest[best.key]
    }
}

/// Reading "A, B's ally" and "A is B's ally".
enum PossessiveApposition {
    static let of = TokenHash.folded("of".utf8)

    /// Copulas that say what the subject is: "has been", "remains", "became".
    private static let copulas = TokenKeySet(words: ["is", "are", "was", "were", "be", "been", "remains", "remain", "remained", "becomes",
                                                     "become", "became", "stays", "stay", "stayed"])
    private static let auxiliaries = TokenKeySet(words: ["has", "have", "had", "will", "would", "could", "may", "might", "can", "must",
                                                         "should", "not", "still", "long"])

    /// The possessor right before the cue, with up to three modifiers between ("Tehran's
    /// closest ally"), or a name used as a modifier after an article ("a NATO member").
    static func possessor(before cue: Int, cueEnd: Int, in view: SentenceView) -> FoundMention? {
        // "NATO members Poland and Slovakia": with the members named right after, no article is needed.
        if let modifier = view.mentionEnding(at: cue),
           view.isWord(modifier.tokens.lowerBound - 1, "a") || view.isWord(modifier.tokens.lowerBound - 1, "an") || view.mentionStarting(at: cueEnd) != nil {
            return modifier
        }
        var index = cue - 1
        while index > view.range.lowerBound, cue - index <= 4 {
            if view.tokens[index].kind == .possessive { return view.mentionEnding(at: index) }
            guard view.tokens[index].isLowercaseWord else { return nil }
            index -= 1
        }
        return nil
    }

    private static let articles = TokenKeySet(words: ["a", "an", "the"])

    /// The actor before the possessor, behind a comma or a copula (with its auxiliaries).
    static func subject(before owner: FoundMention, in view: SentenceView) -> FoundMention? {
        var index = owner.tokens.lowerBound - 1
        if view.isWord(index, in: articles) { index -= 1 }
        // "Poland is one of Ukraine's strongest supporters", "… is among Kyiv's allies".
        if view.isWord(index, "of"), view.isWord(index - 1, "one") { index -= 2 } else if view.isWord(index, "among") { index -= 1 }
        if view.isComma(index) { return view.mentionEnding(at: index) }
        guard isCopula(index, in: view) else { return nil }
        while index > view.range.lowerBound, isCopula(index - 1, in: view) || isAuxiliary(index - 1, in: view) { index -= 1 }
        guard let subject = view.mentionEnding(at: index) ?? view.mentionEnding(at: index - 1), !view.isOblique(subject) else { return nil }
        return subject
    }

    /// "… ally remains Washington", "Russia's ally Belarus", "Japan's ally, the United
    /// States,": the actor right after the cue, a copula or an appositive comma.
    static func complement(after cueEnd: Int, in view: SentenceView) -> FoundMention? {
        if let direct = view.mentionStarting(at: cueEnd) { return direct }
        guard isCopula(cueEnd, in: view) || view.isComma(cueEnd) else { return nil }
        return view.mentionStarting(at: cueEnd + 1)
    }

    private static func isCopula(_ index: Int, in view: SentenceView) -> Bool { view.isWord(index, in: copulas) }

    private static func isAuxiliary(_ index: Int, in view: SentenceView) -> Bool { view.isWord(index, in: auxiliaries) }
}

/// Reading the subject lists of coordinated-pair.
enum CoordinatedList {
    /// Words that open a verb's own object: "blocked the statement".
    static let objectDeterminers = TokenKeySet(words: ["the", "a", "an", "its", "their", "this", "that", "any", "all"])

    /// "Ministers from Brazil, Indonesia and Nigeria spoke": a list after a preposition is
    /// no subject. "Signed in Warsaw, the United Kingdom and Poland agreed": a place that
    /// repeats a member only ends the phrase before the list.
    static func isOblique(_ list: [FoundMention], in view: SentenceView) -> Bool {
        guard let head = list.first, view.isOblique(head) else { return false }
        return !list.dropFirst().contains { $0.actor == head.actor }
    }

    /// ``isOblique(_:in:)`` of the list ``SentenceView/coordinated(with:)`` gives for
    /// `mention`, read along the list without building it: most cues that reach the test
    /// are turned away, and the list's array cost more than the rule.
    static func isOblique(listOf mention: FoundMention, in view: SentenceView) -> Bool {
        var head = mention
        var before = 0
        while let previous = view.previousInList(before: head) { head = previous; before += 1 }
        guard view.isOblique(head) else { return false }
        // The members after the head: those between it and `mention`, `mention`, then those after it.
        if before > 0 {
            if mention.actor == head.actor { return false }
            var current = mention
            for _ in 0..<(before - 1) {
                guard let previous = view.previousInList(before: current) else { break }
                if previous.actor == head.actor { return false }
                current = previous
            }
        }
        var current = mention
        while let next = view.nextInList(after: current) {
            if next.actor == head.actor { return false }
            current = next
        }
        return true
    }

    /// The members of the list a pair belongs to, without such a leading place, written over `list`.
    static func members(around pair: ActorPair, in view: SentenceView, into list: inout [FoundMention]) {
        view.coordinated(with: pair.target, into: &list)
        if let head = list.first, view.isOblique(head), list.dropFirst().contains(where: { $0.actor == head.actor }) { list.removeFirst() }
        guard list.contains(where: { $0.tokens == pair.source.tokens }) else {
            list.removeAll(keepingCapacity: true)
            list.append(pair.source)
            list.append(pair.target)
            return
        }
    }
}

/// "carried out by Israel", "launched by Russia": the agent of a nominal cue.
enum ByPhrase {
    static let by = TokenHash.folded("by".utf8)

    static func agent(in window: Range<Int>, of view: SentenceView) -> FoundMention? {
        guard let by = window.first(where: { view.isWord($0, "by") }), !window.contains(where: view.isClauseBreak) else { return nil }
        return view.mention(after: by + 1, reach: 2)
    }
}

/// Adverbials that may stand between a verb and its object.
enum Adverbial {
    private static let phrases: [[String]] = [
        ["in", "the", "strongest", "possible", "terms"], ["in", "the", "strongest", "terms"], ["in", "no", "uncertain", "terms"],
        ["once", "again"],
    ]

    /// The phrases as token keys, hashed once.
    private static let keyed: [[UInt64]] = phrases.map(TokenFact.keys)

    /// The first word of each phrase (``RuleWordSet/adverbialStarts``): most objects follow
    /// no adverbial, and one test says so.
    static let firstWords = phrases.map { $0[0] }

    /// How many tokens of an adverbial phrase start at `index`; 0 if none does.
    ///
    /// Inlined as far as the test of the first word, which most objects fail.
    @inline(__always)
    static func length(at index: Int, in view: SentenceView) -> Int {
        view.isWord(index, in: .adverbialStarts) ? length(startingWith: index, in: view) : 0
    }

    /// ``length(at:in:)`` at a first word of a phrase.
    private static func length(startingWith index: Int, in view: SentenceView) -> Int {
        let tokens = view.tokens
        for phrase in keyed where index + phrase.count <= view.range.upperBound
            && phrase.indices.allSatisfy({ tokens[index + $0].folded == phrase[$0] }) {
            return phrase.count
        }
        return 0
    }
}

/// "Russia's actions cause concern … because of cooperation with China": with no actor
/// opening the sentence, the first owner named in it is what the sentence is about.
enum SentenceTopic {
    static func possessor(before cue: Int, in view: SentenceView) -> FoundMention? {
        view.mentions.first { mention in
            mention.tokens.upperBound < cue && mention.tokens.upperBound < view.range.upperBound
                && view.tokens[mention.tokens.upperBound].kind == .possessive && !mention.isModifier
        }
    }
}

/// "India and Pakistan exchanged strikes", "the two accused each other": a directed act
/// that a coordinated subject does to one another, so it runs both ways.
enum Reciprocal {
    private static let exchangeVerbs = TokenKeySet(words: ["exchanged", "exchange", "exchanges", "exchanging", "traded", "trade", "trading"])

    static func isMarked(_ hit: CueHit, in view: SentenceView) -> Bool {
        let before = max(view.range.lowerBound, hit.tokens.lowerBound - 4)..<hit.tokens.lowerBound
        if before.contains(where: { view.isWord($0, in: exchangeVerbs) }) { return true }
        let after = hit.tokens.upperBound
        return (after..<min(view.range.upperBound, after + 3)).contains { index in
            (view.isWord(index, "each") && view.isWord(index + 1, "other")) || (view.isWord(index, "one") && view.isWord(index + 1, "another"))
        }
    }
}

/// What the first tests of compound-before-cue and coordinated-pair ask of a whole
/// sentence, read at the first cue that asks and kept for the sentence's other cues: each
/// looked through the sentence's mentions at every cue, and most sentences hold no
/// compound and no conjoined mention.
struct SentenceFirstTests {
    /// Not read yet.
    private static let unread = -1
    private var compoundDash = unread
    private var conjoinedStart = unread
    private var lastStart = unread
    private var firstEnd = unread

    /// ``SentenceFirstTests/firstCompoundDash(in:)``, read once.
    @inline(__always)
    mutating func firstCompoundDash(in view: SentenceView) -> Int {
        if compoundDash == Self.unread { compoundDash = Self.firstCompoundDash(in: view) }
        return compoundDash
    }

    /// ``SentenceFirstTests/firstConjoinedStart(in:)``, read once.
    @inline(__always)
    mutating func firstConjoinedStart(in view: SentenceView) -> Int {
        if conjoinedStart == Self.unread { conjoinedStart = Self.firstConjoinedStart(in: view) }
        return conjoinedStart
    }

    /// ``SentenceFirstTests/mentionBounds(in:)``'s last start, read once.
    @inline(__always)
    mutating func lastMentionStart(in view: SentenceView) -> Int {
        if lastStart == Self.unread { (lastStart, firstEnd) = Self.mentionBounds(in: view) }
        return lastStart
    }

    /// ``SentenceFirstTests/mentionBounds(in:)``'s first end, read once.
    @inline(__always)
    mutating func firstMentionEnd(in view: SentenceView) -> Int {
        if lastStart == Self.unread { (lastStart, firstEnd) = Self.mentionBounds(in: view) }
        return firstEnd
    }

    /// The first token of the sentence's last mention that is not a modifier, which
    /// ``SentenceView/mention(after:reach:excluding:)`` can find, and a token at or before
    /// the first end of such a mention, which ``SentenceView/mention(before:reach:excluding:asAgent:)``
    /// can find; `-2` and `Int.max` if it has none. A rule whose actor comes after the cue
    /// matches no cue at or after the last start; one whose actor comes before, none before the first end.
    ///
    /// The mentions are in order of their first tokens: the last start is that of the
    /// last such mention, and every such mention ends after the first one's first token.
    ///
    /// Inlined into the finder's loop, unlike the other sentence tests: it is two short
    /// searches, cheaper than the call.
    @inline(__always)
    static func mentionBounds(in view: SentenceView) -> (lastStart: Int, firstEnd: Int) {
        // A buffer, not the array: each array read in the searches was a bounds test.
        view.article.all.withUnsafeBufferPointer { all in
            let mentions = all[view.mentionPositions]
            guard let first = mentions.first(where: { !$0.isModifier }), let last = mentions.last(where: { !$0.isModifier }) else {
                return (-2, Int.max)
            }
            return (last.tokens.lowerBound, first.tokens.lowerBound + 1)
        }
    }

    /// The first attached dash in the sentence right after a mention ("Russia–Japan"), or
    /// `Int.max`: compound-before-cue matches only a cue after one.
    ///
    /// Inlined: read for most sentences with a cue, and the call cost more than its loop.
    @inline(__always)
    static func firstCompoundDash(in view: SentenceView) -> Int {
        // Buffers, not arrays: each array read in the loop was a bounds test.
        view.article.tokens.withUnsafeBufferPointer { tokens in
            view.article.all.withUnsafeBufferPointer { all in firstCompoundDash(in: view, tokens: tokens, mentions: all[view.mentionPositions]) }
        }
    }

    /// ``firstCompoundDash(in:)`` over the article's tokens and the sentence's mentions.
    private static func firstCompoundDash(in view: SentenceView, tokens: UnsafeBufferPointer<Token>, mentions: Slice<UnsafeBufferPointer<FoundMention>>) -> Int {
        var first = Int.max
        let lower = view.range.lowerBound, upper = view.range.upperBound
        // The sentence's tokens lie inside the article's.
        precondition(upper <= tokens.count)
        for mention in mentions {
            let dash = mention.tokens.upperBound
            if dash < first, dash > lower, dash < upper, tokens[dash].kind == .dash, tokens[dash].attached, view.mentionEnding(at: dash) != nil {
                first = dash
            }
        }
        return first
    }

    /// The first token of the first mention in the sentence after "and" or "and the", or
    /// `Int.max`: coordinated-pair matches only a cue after one.
    ///
    /// Inlined: read for most sentences with a cue, and the call cost more than its loop.
    @inline(__always)
    static func firstConjoinedStart(in view: SentenceView) -> Int {
        // Most sentences hold no conjunction: one look at their bits, four tokens at a time, says so.
        guard let conjunction = view.article.facts.firstIndex(sharing: TokenFact.conjunction, in: view.range) else { return Int.max }
        var first = Int.max
        let all = view.article.all
        for position in view.mentionPositions {
            let start = all[position].tokens.lowerBound
            // A mention after a conjunction, or after one and "the", starts after the first.
            guard start > conjunction else { continue }
            let before = start - 1
            if start < first, view.has(TokenFact.conjunction, before) || view.isWord(before, "the") && view.has(TokenFact.conjunction, before - 1) {
                first = start
            }
        }
        return first
    }
}
