/// Finds who states what a sentence says: the speaker of a quotation, the subject of
/// "said", or the actor after "according to".
struct Attribution {
    let view: SentenceView
    /// The speaker of the quotation the sentence is in, found earlier in the article.
    let quoteSpeaker: Int32?

    /// The actor index of the speaker of the cue's statement, or `nil` for the article's voice.
    func speaker(of hit: CueHit) -> Int32? {
        // A report inside the statement comes first: "a source in the FSB said that ...".
        if let nested = reportedSpeaker(before: hit.tokens.lowerBound, insideQuotes: true) { return nested }
        if view.quoted[hit.tokens.lowerBound] {
            return reportedSpeaker() ?? quoteSpeaker
        }
        return nil
    }

    /// "according to X" anywhere in the sentence, or "X said" / "said X" outside quotes,
    /// before `limit` when given.
    func reportedSpeaker(before limit: Int? = nil, insideQuotes: Bool = false) -> Int32? {
        let end = limit ?? view.range.upperBound
        var index = view.range.lowerBound
        while index < end {
            if insideQuotes || !view.quoted[index] {
                if let prefix = view.lexicon.attributionPrefixes.longestMatch(from: index, key: { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }),
                   let speaker = view.mention(after: index + prefix.length, reach: 4), isSpeakerKind(speaker) {
                    return speaker.actor
                }
                if let verb = view.lexicon.reportingVerbs.longestMatch(from: index, key: { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }) {
                    if let speaker = view.mention(before: index, reach: 5), isSpeakerKind(speaker) { return speaker.actor }
                    if let speaker = view.mention(after: index + verb.length, reach: 2), isSpeakerKind(speaker),
                       limit == nil || view.quoted[max(view.range.lowerBound, index - 1)] { return speaker.actor }
                }
            }
            index += 1
        }
        return nil
    }

    /// People and organisations speak; a state speaks through its government ("Moscow said").
    private func isSpeakerKind(_ mention: FoundMention) -> Bool {
        mention.form != .demonym
    }
}
