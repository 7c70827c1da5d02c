/// Finds who states what a sentence says: the speaker of a quotation, the subject of
/// "said", or the actor after "according to".
struct Attribution {
    let view: SentenceView
    /// The speaker of the quotation the sentence is in, found earlier in the article.
    let quoteSpeaker: Int32?

    /// The actor index of the speaker of the cue's statement, or `nil` for the article's voice.
    func speaker(of hit: CueHit) -> Int32? {
        if view.quoted[hit.tokens.lowerBound] {
            return reportedSpeaker() ?? quoteSpeaker
        }
        return reportedSpeaker(before: hit.tokens.lowerBound)
    }

    /// "according to X" anywhere in the sentence, or "X said" / "said X" outside quotes,
    /// before `limit` when given.
    func reportedSpeaker(before limit: Int? = nil) -> Int32? {
        let end = limit ?? view.range.upperBound
        var index = view.range.lowerBound
        while index < end {
            if !view.quoted[index] {
                if let prefix = view.lexicon.attributionPrefixes.longestMatch(from: index, key: { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }),
                   let speaker = view.mention(after: index + prefix.length, reach: 4), isSpeakerKind(speaker) {
                    return speaker.actor
                }
                if let verb = view.lexicon.reportingVerbs.longestMatch(from: index, key: { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }) {
                    if let speaker = view.mention(before: index, reach: 3), isSpeakerKind(speaker) { return speaker.actor }
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
