/// Finds who states what a sentence says: the speaker of a quotation, the subject of
/// "said", or the actor after "according to".
///
/// The sentence is read once; each cue then costs constant time, so attribution stays
/// linear however long a sentence is.
struct Attribution {
    /// The speaker of the quotation the sentence is in, found earlier in the article.
    let quoteSpeaker: Int32?
    private let quoted: [Bool]
    /// The first report in the sentence, quoted or not ("a source in the FSB said that …").
    private let firstReport: (position: Int, speaker: Int32)?
    /// The speaker the sentence names outside its quotation marks ("…,” Joe Biden said).
    let sentenceSpeaker: Int32?

    init(view: SentenceView, quoteSpeaker: Int32?) {
        self.quoteSpeaker = quoteSpeaker
        self.quoted = view.quoted
        // Locals, and no `&&` or `||` over the view: in debug builds each use of the view
        // inside an autoclosure copies all of it, once per token of a sentence.
        let quoted = view.quoted, range = view.range
        let words = ReportWords(prefixes: view.lexicon.attributionPrefixes, verbs: view.lexicon.reportingVerbs)
        var first: (Int, Int32)?
        var outside: Int32?
        var index = range.lowerBound
        while index < range.upperBound {
            if first != nil, outside != nil { break }
            let isQuoted = quoted[index]
            let afterQuotation = index > range.lowerBound ? quoted[index - 1] : false
            if first == nil, let speaker = Self.report(at: index, in: view, words: words, inversionAllowed: afterQuotation) {
                first = (index, speaker)
            }
            if outside == nil, !isQuoted, let speaker = Self.report(at: index, in: view, words: words, inversionAllowed: true) {
                outside = speaker
            }
            index += 1
        }
        self.firstReport = first
        self.sentenceSpeaker = outside
    }

    /// The actor index of the speaker of the cue's statement, or `nil` for the article's voice.
    func speaker(of hit: CueHit) -> Int32? {
        if let firstReport, firstReport.position < hit.tokens.lowerBound { return firstReport.speaker }
        if quoted[hit.tokens.lowerBound] { return sentenceSpeaker ?? quoteSpeaker }
        return nil
    }

    /// The phrases that open a report, taken out of the lexicon once per sentence.
    private struct ReportWords {
        let prefixes: TokenTrie<Bool>
        let verbs: TokenTrie<Bool>
    }

    /// A report starting at `index`: "according to X", "X said", or (when allowed) "said X".
    private static func report(at index: Int, in view: SentenceView, words: ReportWords, inversionAllowed: Bool) -> Int32? {
        // The closure captures the tokens, not the view: capturing the view copies it.
        let tokens = view.tokens, end = view.range.upperBound
        let key: (Int) -> UInt64? = { $0 < end ? tokens[$0].folded : nil }
        if let prefix = words.prefixes.longestMatch(from: index, key: key),
           let speaker = view.mention(after: index + prefix.length, reach: 4), isSpeakerKind(speaker) {
            return speaker.actor
        }
        guard let verb = words.verbs.longestMatch(from: index, key: key) else { return nil }
        if let speaker = view.mention(before: index, reach: 5), isSpeakerKind(speaker) { return speaker.actor }
        if inversionAllowed, let speaker = view.mention(after: index + verb.length, reach: 2), isSpeakerKind(speaker) {
            return speaker.actor
        }
        return nil
    }

    /// People and organisations speak; a state speaks through its government ("Moscow said").
    private static func isSpeakerKind(_ mention: FoundMention) -> Bool {
        mention.form != .demonym
    }
}
