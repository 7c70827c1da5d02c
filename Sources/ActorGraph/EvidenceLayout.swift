/// The bytes of an evidence item's JSON that are the same for every item at one depth, cut
/// where its values go, as ``MentionLayout`` is for mentions; the few modalities, tenses
/// and confidences are made into bytes once each. Made with the writer's own calls, so the
/// bytes are those ``Graph/writeEvidence`` writes.
struct EvidenceLayout {
    /// The depth of the fields, as ``JSONWriter/beginFlatObject()`` gives it.
    let depth: Int
    private let article: [UInt8]
    /// The four spans' keys and numbers' keys.
    private let spans: SpanPieces
    /// `article` and `between` as short pieces, if they fit.
    private let opening: EvidenceOpening
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
        spans = SpanPieces(
            sentence: ShortPiece(writer.recordKeyBytes("sentence", first: false) + spanStart),
            source: ShortPiece(spanClose + writer.recordKeyBytes("source", first: false) + spanStart),
            target: ShortPiece(spanClose + writer.recordKeyBytes("target", first: false) + spanStart),
            cue: ShortPiece(spanClose + writer.recordKeyBytes("cue", first: false) + spanStart),
            end: ShortPiece(writer.recordKeyBytes("end", first: false))
        )
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
        opening = EvidenceOpening(article: article, between: between)
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
        writeOpeningAndSpans(
            article: articleIndex, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: cueSpan, following: following,
            strings: strings, to: &writer
        )
        writeAfterSpans(modality: modalityValue, speaker: attributedTo, tense: tenseValue, rule: rule, confidence: confidence, strings: strings, to: &writer)
    }

    /// Writes the item's opening, its article and its spans, piece by piece.
    @inline(__always)
    private func writeOpeningAndSpans<Strings: LayoutStrings>(
        article articleIndex: Strings.Handle, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        following: Bool, strings: Strings, to writer: inout JSONWriter
    ) {
        // Two calls and not one of a chosen list: the choice retained and released the list.
        if following { writer.raw(between) } else { writer.raw(article) }
        strings.write(articleIndex, to: &writer)
        spans.write(sentenceSpan, sourceSpan, targetSpan, cueSpan, to: &writer)
    }

    /// Writes the fields as ``writeFields(article:sentence:source:target:cue:modality:speaker:tense:rule:confidence:following:strings:to:)``
    /// does, with the strings of a merge's table, the opening, the article and the spans
    /// through one pointer into room made once, as a merge's mentions are (an item's
    /// 540 instructions become 520).
    @inline(__always)
    mutating func writeFields(
        article articleIndex: Int32, sentence sentenceSpan: Span, source sourceSpan: Span, target targetSpan: Span, cue cueSpan: Span,
        modality modalityValue: Modality, speaker attributedTo: Int32?, tense tenseValue: Tense, rule: Int32,
        confidence: Double, following: Bool, strings: EncodedStrings, to writer: inout JSONWriter
    ) {
        if opening.fits {
            let article = strings.json(articleIndex)
            writer.write(inRoom: article.count &+ EvidenceOpening.room &+ SpanPieces.room) { start in
                var place = following ? opening.between.store(at: start) : opening.article.store(at: start)
                place = article.store(at: place)
                place = spans.write(sentenceSpan, sourceSpan, targetSpan, cueSpan, at: place)
                return place - start
            }
        } else {
            writeOpeningAndSpans(
                article: articleIndex, sentence: sentenceSpan, source: sourceSpan, target: targetSpan, cue: cueSpan, following: following,
                strings: strings, to: &writer
            )
        }
        writeAfterSpans(modality: modalityValue, speaker: attributedTo, tense: tenseValue, rule: rule, confidence: confidence, strings: strings, to: &writer)
    }

    /// Writes the modality, the speaker and the tail, after the spans.
    @inline(__always)
    private mutating func writeAfterSpans<Strings: LayoutStrings>(
        modality modalityValue: Modality, speaker attributedTo: Strings.Handle?, tense tenseValue: Tense, rule: Strings.Handle,
        confidence: Double, strings: Strings, to writer: inout JSONWriter
    ) {
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

/// The pieces of an evidence item's four spans, each opening closing the span before (if
/// any), with the key of its span and its `start` key, and the `end` key.
///
/// The spans are written through one pointer into room made once, each piece stored whole:
/// as calls of the writer's, a check and a store of the count for each piece and number,
/// and with a call for each span, they cost about 460 instructions an item, this 330.
private struct SpanPieces {
    let sentence, source, target, cue, end: ShortPiece

    /// Four spans of pieces stored whole and numbers of at most 20 bytes.
    static let room = 4 * (2 * ShortPiece.stored + 2 * 20)

    @inline(__always)
    func write(_ first: Span, _ second: Span, _ third: Span, _ fourth: Span, to writer: inout JSONWriter) {
        writer.write(inRoom: Self.room) { start in write(first, second, third, fourth, at: start) - start }
    }

    /// Writes the spans at `start`, with room for ``room`` bytes, and returns the place after them.
    @inline(__always)
    func write(_ first: Span, _ second: Span, _ third: Span, _ fourth: Span, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var place = start
        write(first, after: sentence, at: &place)
        write(second, after: source, at: &place)
        write(third, after: target, at: &place)
        write(fourth, after: cue, at: &place)
        return place
    }

    @inline(__always)
    private func write(_ span: Span, after opening: ShortPiece, at place: inout UnsafeMutablePointer<UInt8>) {
        place = opening.store(at: place)
        place += JSONWriter.digits(span.start, at: place)
        place = end.store(at: place)
        place += JSONWriter.digits(span.end, at: place)
    }
}

/// The opening of an evidence item's first field, after an item or not, as short pieces
/// if both fit in one (`fits`; the indentation grows with the depth).
private struct EvidenceOpening {
    let article, between: ShortPiece
    let fits: Bool

    /// The opening stored whole and the article's over-read.
    static let room = ShortPiece.stored + EncodedJSON.overRead

    init(article: [UInt8], between: [UInt8]) {
        fits = article.count <= ShortPiece.stored && between.count <= ShortPiece.stored
        self.article = ShortPiece(fits ? article : [])
        self.between = ShortPiece(fits ? between : [])
    }
}

/// Up to 32 bytes held in two vectors, stored whole: a copy without a branch on the length,
/// the bytes past it overwritten by what follows.
struct ShortPiece {
    private let low, high: SIMD16<UInt8>
    let count: Int

    /// The bytes a store writes, whatever the count: the room it needs.
    static let stored = 32

    /// The piece of `bytes`, at most 32 of them (the keys of a record's fields written so
    /// are at most 24, in either style).
    init(_ bytes: [UInt8]) {
        precondition(bytes.count <= Self.stored, "a short piece of at most \(Self.stored) bytes")
        let padded = bytes + [UInt8](repeating: 0, count: Self.stored - bytes.count)
        low = SIMD16(padded[0..<16])
        high = SIMD16(padded[16..<32])
        count = bytes.count
    }

    /// The piece's bytes, as they were given.
    var bytes: [UInt8] {
        (0..<count).map { $0 < 16 ? low[$0] : high[$0 - 16] }
    }

    /// Stores the piece at `destination`, with room for ``stored`` bytes, and returns the
    /// place after its bytes.
    @inline(__always)
    func store(at destination: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let raw = UnsafeMutableRawPointer(destination)
        raw.storeBytes(of: low, as: SIMD16<UInt8>.self)
        raw.storeBytes(of: high, toByteOffset: 16, as: SIMD16<UInt8>.self)
        return destination + count
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
