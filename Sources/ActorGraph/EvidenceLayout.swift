/// The bytes of an evidence item's JSON that are the same for every item at one depth, cut
/// where its values go, as ``MentionLayout`` is for mentions; the few modalities, tenses
/// and confidences are made into bytes once each. Made with the writer's own calls, so the
/// bytes are those ``Graph/writeEvidence`` writes.
struct EvidenceLayout {
    /// The depth of the fields, as ``JSONWriter/beginFlatObject()`` gives it.
    let depth: Int
    private let article: [UInt8]
    /// Closing the span before (if any), the key of each span, and its `start` key.
    private let sentence, source, target, cue: [UInt8]
    private let spanEnd: [UInt8]
    /// Closing the cue, then the modality and the key of the speaker, in the order of
    /// `Modality.allCases` (an array and not a dictionary: hashing the case cost more than
    /// the copy).
    private let modality: [[UInt8]]
    /// The tense and the key of the rule, in the order of `Tense.allCases`.
    private let tense: [[UInt8]]
    private let confidenceKey, null, close: [UInt8]
    /// The last few confidences written, by bit pattern: rules give a handful of values.
    private var confidences: [(bits: UInt64, bytes: [UInt8])] = []

    init(depth: Int, writer: borrowing JSONWriter) {
        self.depth = depth
        let inner = depth + 1
        let spanStart = [UInt8(ascii: "{")] + writer.flatKeyBytes("start", depth: inner, first: true)
        let spanClose = writer.endFlatObjectBytes(depth: inner)
        article = writer.flatKeyBytes("article", depth: depth, first: true)
        sentence = writer.flatKeyBytes("sentence", depth: depth, first: false) + spanStart
        source = spanClose + writer.flatKeyBytes("source", depth: depth, first: false) + spanStart
        target = spanClose + writer.flatKeyBytes("target", depth: depth, first: false) + spanStart
        cue = spanClose + writer.flatKeyBytes("cue", depth: depth, first: false) + spanStart
        spanEnd = writer.flatKeyBytes("end", depth: inner, first: false)
        let speakerKey = writer.flatKeyBytes("attributedTo", depth: depth, first: false)
        modality = Modality.allCases.map { value in
            spanClose + writer.flatKeyBytes("modality", depth: depth, first: false) + writer.flatValueBytes(value.rawValue) + speakerKey
        }
        let ruleKey = writer.flatKeyBytes("rule", depth: depth, first: false)
        tense = Tense.allCases.map { value in
            writer.flatKeyBytes("tense", depth: depth, first: false) + writer.flatValueBytes(value.rawValue) + ruleKey
        }
        confidenceKey = writer.flatKeyBytes("confidence", depth: depth, first: false)
        null = writer.flatValueBytes(nil)
        close = writer.endFlatObjectBytes(depth: depth)
    }

    /// Writes the fields of an evidence item opened with ``JSONWriter/beginFlatObject()`` at
    /// ``depth``, and closes it; `article`, `attributedTo` (unless negative, for none) and
    /// `rule` index `strings`.
    mutating func write(
        article articleIndex: Int32, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        modality modalityValue: Modality, attributedTo: Int32, tense tenseValue: Tense, rule: Int32, confidence: Double,
        strings: EncodedStrings, to writer: inout JSONWriter
    ) {
        write(
            article: articleIndex, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: cueSpan, modality: modalityValue,
            speaker: attributedTo < 0 ? nil : attributedTo, tense: tenseValue, rule: rule, confidence: confidence, strings: strings, to: &writer
        )
    }

    /// Writes the fields as ``write(article:sentence:source:target:cue:modality:attributedTo:tense:rule:confidence:strings:to:)``
    /// does, with the strings of `strings` (`speaker` `nil` for none).
    mutating func write<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        modality modalityValue: Modality, speaker attributedTo: Strings.Handle?, tense tenseValue: Tense, rule: Strings.Handle,
        confidence: Double, strings: Strings, to writer: inout JSONWriter
    ) {
        writer.raw(article)
        strings.write(articleIndex, to: &writer)
        write(sentenceSpan, after: sentence, to: &writer)
        write(sourceSpan, after: source, to: &writer)
        write(targetSpan, after: target, to: &writer)
        write(cueSpan, after: cue, to: &writer)
        writer.raw(modality[Self.position(modalityValue)])
        if let attributedTo { strings.write(attributedTo, to: &writer) } else { writer.raw(null) }
        writer.raw(tense[Self.position(tenseValue)])
        strings.write(rule, to: &writer)
        writer.raw(confidenceKey)
        // Most confidences are whole hundredths, which the writer writes quicker than the cache finds them.
        if !writer.quickNumber(confidence) { writer.raw(confidenceBytes(confidence, writer: writer)) }
        writer.raw(close)
    }

    private func write(_ span: Span, after opening: [UInt8], to writer: inout JSONWriter) {
        writer.raw(opening)
        writer.flatValue(span.start)
        writer.raw(spanEnd)
        writer.flatValue(span.end)
    }

    private static func position<Value: CaseIterable & Equatable>(_ value: Value) -> Int where Value.AllCases == [Value] {
        Value.allCases.firstIndex(of: value)!
    }

    private mutating func confidenceBytes(_ value: Double, writer: borrowing JSONWriter) -> [UInt8] {
        if let known = confidences.firstIndex(where: { $0.bits == value.bitPattern }) { return confidences[known].bytes }
        let bytes = writer.flatNumberBytes(value)
        // Kept in the order first written, so that the common values, written early, are found early.
        if confidences.count < 32 { confidences.append((value.bitPattern, bytes)) }
        return bytes
    }
}
