/// Finds who states what a sentence says: the speaker of a quotation, the subject of
/// "said", or the actor after "according to".
///
/// The sentence's reports are read once, in order, as far as its cues need them, so
/// attribution stays linear however long a sentence is.
struct Attribution {
    /// The speaker of the quotation the sentence is in, found earlier in the article.
    let quoteSpeaker: Int32?
    /// The first report in the sentence, quoted or not ("a source in the FSB said that …").
    private var firstReport: (position: Int, speaker: Int32)?
    /// The speaker the sentence names outside its quotation marks ("…,” Joe Biden said).
    private var outside: Int32?
    /// The position in the article's report starts of the next start to read.
    private var next: Int

    /// The reports are read as far as a question needs them: a cue outside quotation marks
    /// asks only for a report before it, and most reports stand after the cue or nowhere.
    init(view: borrowing SentenceView, quoteSpeaker: Int32?) {
        self.quoteSpeaker = quoteSpeaker
        next = view.reportPosition
    }

    /// The speaker the sentence names outside its quotation marks, with every report read.
    ///
    /// - Parameter view: the sentence the attribution was made for.
    mutating func sentenceSpeaker(in view: borrowing SentenceView) -> Int32? {
        read(before: view.range.upperBound, in: view)
        return outside
    }

    /// ``sentenceSpeaker(in:)`` asked last, when the sentence's cues are done: the first
    /// report is no longer needed, so a report inside quotation marks, which can name only
    /// that, is passed without being read, and the reading stops at the speaker.
    ///
    /// Consuming: the reports passed unread leave the first report unknown.
    ///
    /// - Parameter view: the sentence the attribution was made for.
    consuming func lastSentenceSpeaker(in view: borrowing SentenceView) -> Int32? {
        guard outside == nil, !view.mentionPositions.isEmpty else { return outside }
        let starts = view.article.reportStarts, quoted = view.quoted
        let end = view.range.upperBound
        while next < starts.count, Int(starts[next]) < end {
            let index = Int(starts[next])
            next += 1
            if quoted[index] { continue }
            if let speaker = Self.reports(at: index, in: view).inverted { return speaker }
        }
        return nil
    }

    /// The actor index of the speaker of the cue's statement, or `nil` for the article's voice.
    ///
    /// - Parameter view: the sentence the attribution was made for.
    ///
    /// Inlined, with the first steps of its reading: most cues have no report before them.
    @inline(__always)
    mutating func speaker(of hit: CueHit, in view: borrowing SentenceView) -> Int32? {
        // The first report is the first with a speaker: one before the cue is among the
        // reports read up to the cue.
        read(before: hit.tokens.lowerBound, in: view)
        if let firstReport, firstReport.position < hit.tokens.lowerBound { return firstReport.speaker }
        if view.quoted[hit.tokens.lowerBound] { return sentenceSpeaker(in: view) ?? quoteSpeaker }
        return nil
    }

    /// Reads the reports that start before `bound`, in order, until both speakers are found.
    @inline(__always)
    private mutating func read(before bound: Int, in view: borrowing SentenceView) {
        // A speaker is a mention inside the sentence: without one there is nothing to find.
        guard !view.mentionPositions.isEmpty else { return }
        // Most words start no report: only the tokens that may are visited.
        let starts = view.article.reportStarts
        let end = min(bound, view.range.upperBound)
        while next < starts.count, Int(starts[next]) < end, firstReport == nil || outside == nil {
            let index = Int(starts[next])
            next += 1
            let (plain, inverted) = Self.reports(at: index, in: view)
            let inversionAllowed = index > view.range.lowerBound && view.quoted[index - 1]
            if firstReport == nil, let speaker = inversionAllowed ? inverted : plain {
                firstReport = (index, speaker)
            }
            if outside == nil, !view.quoted[index], let speaker = inverted {
                outside = speaker
            }
        }
    }

    /// The speaker of a report starting at `index`, read without and with inversion:
    /// "according to X" and "X said" either way, "said X" only with it. One reading serves
    /// both, since both searches ask it of every token.
    private static func reports(at index: Int, in view: SentenceView) -> (plain: Int32?, inverted: Int32?) {
        let key: (Int) -> UInt64? = { $0 < view.range.upperBound ? view.tokens[$0].folded : nil }
        // Lengths alone: a match's payloads were an array to retain and release.
        if let prefix = view.lexicon.attributionPrefixes.longestMatchLength(from: index, key: key),
           let speaker = view.mention(after: index + prefix, reach: 4), isSpeakerKind(speaker) {
            return (speaker.actor, speaker.actor)
        }
        guard let verb = view.lexicon.reportingVerbs.longestMatchLength(from: index, key: key) else { return (nil, nil) }
        if let speaker = view.mention(before: index, reach: 5), isSpeakerKind(speaker) { return (speaker.actor, speaker.actor) }
        if let speaker = view.mention(after: index + verb, reach: 2), isSpeakerKind(speaker) {
            return (nil, speaker.actor)
        }
        return (nil, nil)
    }

    /// People and organisations speak; a state speaks through its government ("Moscow said").
    private static func isSpeakerKind(_ mention: FoundMention) -> Bool {
        mention.form != .demonym
    }
}
