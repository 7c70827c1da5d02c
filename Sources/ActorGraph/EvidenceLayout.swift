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
    private let modality: Pieces
    /// The tense and the key of the rule, in the order of `Tense.allCases`.
    private let tense: Pieces
    private let confidenceKey, null, close: [UInt8]
    /// What ``JSONWriter/beginFlatObject()`` writes for an item after the first of a list.
    let next: [UInt8]
    /// Closing an item, opening the next and its first key: one copy between two items.
    private let between: [UInt8]
    /// Confidences written before, by bit pattern, each in a slot its bits choose: rules
    /// give a handful of values, and a slot's look-up and copy cost a fraction of writing
    /// the number again.
    private var confidences = [ConfidenceSlot](repeating: ConfidenceSlot(), count: 1 << confidenceSlotBits)
    private static let confidenceSlotBits = 6
    /// The room of the four spans, each number's at most 20 bytes: one check for all.
    private let spanRoom: Int
    /// What ``writeTail(lead:tense:rule:confidence:strings:to:)`` wrote before, each in a
    /// slot its values choose, their bytes end to end in `tailBytes`; the rules' keys are
    /// those of the one set of strings a layout writes with.
    private var tailSlots = [TailSlot](repeating: TailSlot(), count: 1 << tailSlotBits)
    private var tailBytes: [UInt8] = []
    private static let tailSlotBits = 8
    /// Past this many bytes kept, a tail is written but not kept: slots that take turns
    /// would otherwise keep growing the bytes.
    private static let tailByteLimit = 1 << 16
    /// The `lead` of a tail after a speaker: the modality and speaker are written before it.
    private static let speakerLead = Modality.allCases.count

    init(depth: Int, writer: borrowing JSONWriter) {
        self.depth = depth
        let spanStart = [UInt8(ascii: "{")] + writer.recordKeyBytes("start", first: true)
        let spanClose = writer.endRecordBytes()
        article = writer.recordKeyBytes("article", first: true)
        sentence = writer.recordKeyBytes("sentence", first: false) + spanStart
        source = spanClose + writer.recordKeyBytes("source", first: false) + spanStart
        target = spanClose + writer.recordKeyBytes("target", first: false) + spanStart
        cue = spanClose + writer.recordKeyBytes("cue", first: false) + spanStart
        spanEnd = writer.recordKeyBytes("end", first: false)
        let speakerKey = writer.recordKeyBytes("attributedTo", first: false)
        var modality = [[UInt8]](repeating: [], count: Modality.allCases.count)
        for value in Modality.allCases {
            modality[Self.position(value)] =
                spanClose + writer.recordKeyBytes("modality", first: false) + writer.flatValueBytes(value.rawValue) + speakerKey
        }
        self.modality = Pieces(modality)
        let ruleKey = writer.recordKeyBytes("rule", first: false)
        var tense = [[UInt8]](repeating: [], count: Tense.allCases.count)
        for value in Tense.allCases {
            tense[Self.position(value)] = writer.recordKeyBytes("tense", first: false) + writer.flatValueBytes(value.rawValue) + ruleKey
        }
        self.tense = Pieces(tense)
        confidenceKey = writer.recordKeyBytes("confidence", first: false)
        null = writer.flatValueBytes(nil)
        close = writer.endRecordBytes()
        next = writer.nextFlatObjectBytes(depth: depth)
        between = close + next + article
        spanRoom = sentence.count + source.count + target.count + cue.count + 4 * spanEnd.count + 8 * 20
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
    @inline(__always)
    mutating func write<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        modality modalityValue: Modality, speaker attributedTo: Strings.Handle?, tense tenseValue: Tense, rule: Strings.Handle,
        confidence: Double, strings: Strings, to writer: inout JSONWriter
    ) {
        writeFields(
            article: articleIndex, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: cueSpan, modality: modalityValue,
            speaker: attributedTo, tense: tenseValue, rule: rule, confidence: confidence, following: false, strings: strings, to: &writer
        )
        writer.raw(close)
    }

    /// Writes the fields of an item, and leaves it open for ``writeClose(to:)`` or the next
    /// item: opened with ``JSONWriter/beginFlatObject()`` at ``depth`` unless it is
    /// `following` one written so, which it closes and opens itself after.
    @inline(__always)
    mutating func writeFields<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        modality modalityValue: Modality, speaker attributedTo: Strings.Handle?, tense tenseValue: Tense, rule: Strings.Handle,
        confidence: Double, following: Bool, strings: Strings, to writer: inout JSONWriter
    ) {
        // Two calls and not one of a chosen list: the choice retained and released the list.
        if following { writer.raw(between) } else { writer.raw(article) }
        strings.write(articleIndex, to: &writer)
        writer.reserve(room: spanRoom)
        Self.write(sentenceSpan, after: sentence, end: spanEnd, to: &writer)
        Self.write(sourceSpan, after: source, end: spanEnd, to: &writer)
        Self.write(targetSpan, after: target, end: spanEnd, to: &writer)
        Self.write(cueSpan, after: cue, end: spanEnd, to: &writer)
        let lead: Int
        if let attributedTo {
            modality.write(Self.position(modalityValue), to: &writer)
            strings.write(attributedTo, to: &writer)
            lead = Self.speakerLead
        } else {
            lead = Self.position(modalityValue)
        }
        writeTail(lead: lead, tense: tenseValue, rule: rule, confidence: confidence, strings: strings, to: &writer)
    }

    /// Writes what follows the speaker (and, for a `lead` below ``speakerLead``, the modality
    /// of that position and the missing speaker before it) from its slot when it holds it:
    /// items have a few rules, each with a confidence or two, and one copy cost a fifth of
    /// the six pieces' writes.
    @inline(__always)
    private mutating func writeTail<Strings: LayoutStrings>(
        lead: Int, tense tenseValue: Tense, rule: Strings.Handle, confidence: Double, strings: Strings, to writer: inout JSONWriter
    ) {
        let tenseAt = Self.position(tenseValue)
        guard let ruleKey = strings.key(of: rule) else {
            writeTailFields(lead: lead, tense: tenseAt, rule: rule, confidence: confidence, strings: strings, to: &writer)
            return
        }
        let bits = confidence.bitPattern
        let slot = Self.tailSlot(lead: lead, tense: tenseAt, rule: ruleKey, bits: bits)
        let known = tailSlots[slot]
        if known.count > 0, known.rule == ruleKey, known.lead == lead, known.tense == tenseAt, known.bits == bits {
            tailBytes.withUnsafeBufferPointer { writer.raw(UnsafeBufferPointer(start: $0.baseAddress! + known.start, count: known.count)) }
            return
        }
        let start = writer.count
        writeTailFields(lead: lead, tense: tenseAt, rule: rule, confidence: confidence, strings: strings, to: &writer)
        guard tailBytes.count < Self.tailByteLimit else { return }
        var kept = TailSlot(rule: ruleKey, lead: lead, tense: tenseAt, bits: bits, start: tailBytes.count, count: 0)
        writer.withBytes(from: start) { tailBytes.append(contentsOf: $0) }
        kept.count = tailBytes.count - kept.start
        tailSlots[slot] = kept
    }

    private mutating func writeTailFields<Strings: LayoutStrings>(
        lead: Int, tense tenseAt: Int, rule: Strings.Handle, confidence: Double, strings: Strings, to writer: inout JSONWriter
    ) {
        if lead < Self.speakerLead {
            modality.write(lead, to: &writer)
            writer.raw(null)
        }
        tense.write(tenseAt, to: &writer)
        strings.write(rule, to: &writer)
        writer.raw(confidenceKey)
        writeConfidence(confidence, to: &writer)
    }

    @inline(__always)
    private static func tailSlot(lead: Int, tense: Int, rule: Int32, bits: UInt64) -> Int {
        let mixed = (bits ^ UInt64(UInt32(bitPattern: rule)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(lead &* 4 &+ tense)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - tailSlotBits))
    }

    /// Closes the last item ``writeFields(article:sentence:source:target:cue:modality:speaker:tense:rule:confidence:following:strings:to:)`` wrote.
    func writeClose(to writer: inout JSONWriter) {
        writer.raw(close)
    }

    /// Writes a span in the room of ``spanRoom``, `end` its end key.
    ///
    /// Static, with its pieces passed: as a method of the layout, it was called with a copy
    /// of the whole layout for each span (140 of an item's 826 instructions).
    @inline(__always)
    private static func write(_ span: Span, after opening: [UInt8], end: [UInt8], to writer: inout JSONWriter) {
        writer.raw(inRoom: opening)
        writer.digits(inRoom: span.start)
        writer.raw(inRoom: end)
        writer.digits(inRoom: span.end)
    }

    /// Where a value's bytes are in the layout's lists, made from `allCases` through this:
    /// a search of `allCases` made the list of cases anew at every item.
    private static func position(_ value: Modality) -> Int {
        switch value {
        case .asserted: 0
        case .hypothetical: 1
        case .negated: 2
        case .question: 3
        }
    }

    private static func position(_ value: Tense) -> Int {
        switch value {
        case .past: 0
        case .present: 1
        case .future: 2
        }
    }

    /// Writes a confidence as ``JSONWriter/flatNumber(_:)`` does, from its slot when it
    /// holds it; a value of up to eight bytes takes its slot.
    @inline(__always)
    private mutating func writeConfidence(_ value: Double, to writer: inout JSONWriter) {
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.confidenceSlotBits))
        let known = confidences[slot]
        if known.count > 0, known.bits == bits {
            writer.raw(word: known.word, count: known.count)
            return
        }
        let bytes = writer.flatNumberBytes(value)
        writer.raw(bytes)
        if let kept = ConfidenceSlot(bits: bits, bytes: bytes) { confidences[slot] = kept }
    }
}

/// Pieces of bytes end to end in one list: a list of lists retained the piece it gave.
struct Pieces {
    private let bytes: [UInt8]
    /// Where each piece ends, after a 0 for where the first starts.
    private let ends: [Int]

    init(_ pieces: [[UInt8]]) {
        var ends = [0]
        for piece in pieces { ends.append(ends.last! + piece.count) }
        self.init(bytes: pieces.flatMap { $0 }, ends: ends)
    }

    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = bytes
        self.ends = ends
    }

    @inline(__always)
    func write(_ index: Int, to writer: inout JSONWriter) {
        let start = ends[index], end = ends[index + 1]
        bytes.withUnsafeBufferPointer { writer.raw(UnsafeBufferPointer(start: $0.baseAddress! + start, count: end - start)) }
    }
}

/// A confidence's bit pattern and its JSON text, up to eight bytes in a word; empty when
/// `count` is 0.
struct ConfidenceSlot {
    var bits: UInt64 = 0
    var word: UInt64 = 0
    var count = 0

    init() {}

    /// The slot of `bytes`, the text of the value of `bits`; `nil` if they are more than eight.
    init?(bits: UInt64, bytes: [UInt8]) {
        guard (1...8).contains(bytes.count) else { return nil }
        self.bits = bits
        for (offset, byte) in bytes.enumerated() { word |= UInt64(byte) << UInt64(offset * 8) }
        count = bytes.count
    }
}

/// A tail an evidence layout wrote: its values, and where its bytes are; empty when `count`
/// is 0.
private struct TailSlot {
    var rule: Int32 = 0
    var lead = 0
    var tense = 0
    var bits: UInt64 = 0
    var start = 0
    var count = 0
}
