import Foundation

/// Writes JSON text with keys in the order given, so output is byte-for-byte reproducible.
///
/// Foundation's encoder either keeps no order or sorts keys alphabetically; the schema's
/// documented field order reads better and costs nothing to keep. The text is built as
/// UTF-8 bytes in a buffer the writer owns: appending to a `String`, and then to an
/// `[UInt8]` (a uniqueness and a capacity check per byte, a generic call per piece),
/// dominated the cost of writing a corpus's merged graph, several times the corpus's size.
///
/// Not copyable, since it owns that buffer; pass it `inout`.
struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The buffer of the piece ``flush(_:)`` handed over last, written into again after the
    /// next: the two take turns.
    private var spare: UnsafeMutablePointer<UInt8>?
    private var spareCapacity = 0
    /// How many bytes were written since the start or the last ``takeBytes()``.
    private(set) var count = 0
    private var indent = 0
    /// Whether the container at each depth already has an item, one bit per depth.
    private var hasItems: UInt64 = 0
    private var pendingKey = false
    /// No line breaks and indentation: one document per line, as JSON Lines wants.
    private let compact: Bool

    /// Whether the writer leaves out line breaks and indentation.
    var isCompact: Bool { compact }

    /// How deep containers may nest; the schemas written here nest a few levels.
    static let maximumDepth = 63

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The text written so far.
    var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    /// - Parameter compact: leave out the line breaks and indentation between items
    ///   (a line break inside a string is always escaped, so the text stays one line).
    init(capacity: Int = 4096, compact: Bool = false) {
        self.capacity = max(64, capacity)
        storage = .allocate(capacity: self.capacity)
        self.compact = compact
    }

    deinit {
        storage.deallocate()
        spare?.deallocate()
    }

    /// The bytes written, in the writer's own buffer, which the `Data` frees: a document
    /// written whole is handed on without a copy.
    consuming func takeData() -> Data {
        let data = Data(bytesNoCopy: storage, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        spare?.deallocate()
        discard self
        return data
    }

    /// Hands over the bytes written so far and starts afresh, keeping the nesting, so that
    /// a large document can go out in pieces.
    mutating func takeBytes() -> [UInt8] {
        defer { count = 0 }
        return bytes
    }

    /// Lends the bytes written so far, then starts afresh as ``takeBytes()`` does, without
    /// copying them into an array.
    ///
    /// The writer goes on in another buffer, and the bytes lent stay as they are until the
    /// next call has lent its own and returned (or the writer is gone), so that `body` may
    /// have them written by another thread while the next piece is made.
    mutating func flush<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        defer { count = 0; takeTurns() }
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// Writes on in the spare buffer (made at the first flush), keeping the current one.
    private mutating func takeTurns() {
        let next = spare ?? .allocate(capacity: capacity)
        let nextCapacity = spare == nil ? capacity : spareCapacity
        spare = storage
        spareCapacity = capacity
        storage = next
        capacity = nextCapacity
    }

    /// Ends the document with a line break.
    mutating func endLine() {
        put(UInt8(ascii: "\n"))
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key the schema names: a literal of plain ASCII that needs no escape, copied as it is.
    mutating func key(_ name: StaticString) {
        assert(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).allSatisfy { !Self.mayEscape($0) })
        separate()
        appendKey(name)
        hasItems &= ~depthBit
        pendingKey = true
    }

    /// A key that comes from data, escaped as any string is.
    mutating func key(text name: String) {
        separate()
        writeString(name)
        reserve(2)
        storage[count] = UInt8(ascii: ":")
        storage[count + 1] = UInt8(ascii: " ")
        count += 2
        hasItems &= ~depthBit
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { writeString(value) } else { append("null") }
    }

    mutating func int(_ value: Int) {
        separate()
        writeDigits(value)
    }

    mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    /// Writes the shortest decimal that reads back as the same value; non-finite as 0.
    mutating func number(_ value: Double) {
        separate()
        flatNumber(value)
    }

    // MARK: - The buffer

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        reserve(source.count)
        Self.copy(base, count: source.count, to: storage + count)
        count += source.count
    }

    /// Copies short pieces (keys, layout, ids, numbers) in two or four loads and stores
    /// that overlap in the middle: a call to `memmove` for each cost more than the copy,
    /// and so did a loop of eight bytes at a time over the indented layout between values
    /// (most pieces are 16 to 64 bytes).
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, count: Int, to destination: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(destination)
        switch count {
        case 0..<8:
            for offset in 0..<count { destination[offset] = source[offset] }
        case 8...16:
            let first = from.loadUnaligned(as: UInt64.self), last = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: first, as: UInt64.self)
            to.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
        case 17...32:
            let first = from.loadUnaligned(as: SIMD16<UInt8>.self)
            let last = from.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: first, as: SIMD16<UInt8>.self)
            to.storeBytes(of: last, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
        case 33...64:
            let a = from.loadUnaligned(as: SIMD16<UInt8>.self), b = from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
            let c = from.loadUnaligned(fromByteOffset: count - 32, as: SIMD16<UInt8>.self)
            let d = from.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: a, as: SIMD16<UInt8>.self)
            to.storeBytes(of: b, toByteOffset: 16, as: SIMD16<UInt8>.self)
            to.storeBytes(of: c, toByteOffset: count - 32, as: SIMD16<UInt8>.self)
            to.storeBytes(of: d, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
        default:
            destination.update(from: source, count: count)
        }
    }

    private mutating func append(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    /// Decimal digits straight into the buffer, without a `String` per number, two at a time.
    private mutating func writeDigits(_ value: Int) {
        reserve(20)
        count &+= Self.digits(value, at: storage + count)
    }

    /// One to four digits, room for them reserved (four bytes, all stored whatever the
    /// count).
    @inline(__always)
    private mutating func writeSmallDigits(_ value: Int) {
        count &+= Self.smallDigits(value, at: storage + count)
    }

    /// Writes `value`'s decimal digits at `destination`, in room of 20 bytes (a sign and
    /// the 19 digits of the largest magnitude), and returns how many bytes they are.
    @inline(__always)
    static func digits(_ value: Int, at destination: UnsafeMutablePointer<UInt8>) -> Int {
        // Offsets and counts are mostly below 10,000: their digits without the loops.
        UInt(bitPattern: value) < 10_000 ? smallDigits(value, at: destination) : largeDigits(value, at: destination)
    }

    private static func largeDigits(_ value: Int, at destination: UnsafeMutablePointer<UInt8>) -> Int {
        var start = destination
        if value < 0 { start.pointee = UInt8(ascii: "-"); start += 1 }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        while magnitude >= scale, digits < 19 { digits += 1; scale &*= 10 }
        var position = digits
        let pairs = Self.digitPairs.utf8Start
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) * 2
            magnitude /= 100
            position -= 2
            start[position] = pairs[pair]
            start[position + 1] = pairs[pair + 1]
        }
        if magnitude >= 10 {
            start[position - 2] = pairs[Int(magnitude) * 2]
            start[position - 1] = pairs[Int(magnitude) * 2 + 1]
        } else {
            start[position - 1] = UInt8(ascii: "0") + UInt8(magnitude)
        }
        return start - destination + digits
    }

    /// Writes the one to four digits of `value` (below 10,000) at `destination`, storing
    /// four bytes whatever the count, and returns the count: the two pairs of digits in one
    /// word, shifted past the leading zeros, which its bits count (20 instructions a number,
    /// where comparisons for the count cost 27 and a branch on it before each store 30).
    @inline(__always)
    static func smallDigits(_ value: Int, at destination: UnsafeMutablePointer<UInt8>) -> Int {
        let pairs = UnsafeRawPointer(Self.digitPairs.utf8Start)
        let high = value / 100, low = value % 100
        // The first byte lowest, as it is stored.
        let word = UInt32(UInt16(littleEndian: pairs.loadUnaligned(fromByteOffset: high &* 2, as: UInt16.self)))
            | UInt32(UInt16(littleEndian: pairs.loadUnaligned(fromByteOffset: low &* 2, as: UInt16.self))) << 16
        // The bits of the leading "0"s, the bytes of the word equal to "0" below its first
        // other byte, at most three of them (the last digit stays, 0 or not).
        let zeros = ((word ^ 0x3030_3030) | 0x0100_0000).trailingZeroBitCount & ~7
        UnsafeMutableRawPointer(destination).storeBytes(of: (word >> UInt32(truncatingIfNeeded: zeros)).littleEndian, as: UInt32.self)
        return 4 &- zeros >> 3
    }

    /// "00" to "99", end to end.
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    // MARK: - Layout

    /// A comma, a line break and the deepest indentation: every separator and line break
    /// the writer needs is one copy of a piece of this.
    private static let layout: StaticString = ",\n                                                                                                                              "

    /// A line break and the indentation of `depth` (the current one by default), after a
    /// comma if `comma`.
    @inline(__always)
    private mutating func newline(comma: Bool = false, depth: Int? = nil) {
        guard !compact else {
            if comma { put(UInt8(ascii: ",")) }
            return
        }
        let skip = comma ? 0 : 1
        let length = 2 &+ (depth ?? indent) &* 2 &- skip
        reserve(length)
        Self.copy(Self.layout.utf8Start + skip, count: length, to: storage + count)
        count &+= length
    }

    private var depthBit: UInt64 { 1 << UInt64(indent) }

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            hasItems |= depthBit
            return
        }
        let comma = hasItems & depthBit != 0
        hasItems |= depthBit
        if indent > 0 {
            newline(comma: comma)
        } else if comma {
            put(UInt8(ascii: ","))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        put(bracket)
        precondition(indent < Self.maximumDepth, "JSON nested deeper than \(Self.maximumDepth) levels")
        indent += 1
        hasItems &= ~depthBit
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = hasItems & depthBit != 0
        hasItems &= ~depthBit
        indent -= 1
        if hadItems { newline() }
        put(bracket)
    }

    // MARK: - Flat objects

    // Records written by the hundred thousand (a merge's mentions and evidence) are written
    // field by field at a depth the caller keeps, without the bookkeeping of `key` and
    // `beginObject` per field; the bytes are those the general calls write.

    /// Opens an object as the next item of the current array (or the value of the key
    /// just written); returns the depth of its fields.
    mutating func beginFlatObject() -> Int {
        separate()
        put(UInt8(ascii: "{"))
        return indent + 1
    }

    /// Opens an object as the value of the flat field just written at `depth`; returns
    /// the depth of its fields.
    mutating func beginFlatObject(valueAt depth: Int) -> Int {
        put(UInt8(ascii: "{"))
        return depth + 1
    }

    /// Opens an array as the value of the flat field just written at `depth`, and leaves
    /// the writer inside it as the general calls would have: in an object at `depth` that
    /// has items, so that ``endArray()`` and ``endObject()`` close both.
    mutating func beginArray(valueOfFlatFieldAt depth: Int) {
        precondition(depth < Self.maximumDepth, "JSON nested deeper than \(Self.maximumDepth) levels")
        indent = depth
        hasItems |= depthBit
        pendingKey = false
        put(UInt8(ascii: "["))
        indent += 1
        hasItems &= ~depthBit
    }

    /// `"name": `, copied from the literal.
    private mutating func appendKey(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        storage[count] = UInt8(ascii: "\"")
        Self.copy(name.utf8Start, count: length, to: storage + count + 1)
        storage[count + 1 + length] = UInt8(ascii: "\"")
        storage[count + 2 + length] = UInt8(ascii: ":")
        storage[count + 3 + length] = UInt8(ascii: " ")
        count += length + 4
    }

    /// The key of a field of a flat object whose fields are at `depth`.
    mutating func flatKey(_ name: StaticString, depth: Int, first: Bool) {
        newline(comma: !first, depth: depth)
        appendKey(name)
    }

    // MARK: - One-line records

    // Articles, mentions, evidence items and their spans are written on one line each, as
    // `{"start": 12, "end": 18}`: a merged corpus is mostly such records, and a line break and
    // indentation before each of their fields more than doubled its size. One record to a
    // line also reads well and greps well. In the compact style they are what flat objects are.

    /// The key of a field of a record opened with ``beginFlatObject()`` or
    /// ``beginFlatObject(valueAt:)``, on the record's line: after its first field, a comma
    /// and a space (a comma alone in the compact style).
    mutating func recordKey(_ name: StaticString, first: Bool) {
        if !first { appendRecordSeparator() }
        appendKey(name)
    }

    /// Closes a record opened with ``beginFlatObject()`` or ``beginFlatObject(valueAt:)``.
    mutating func endRecord() {
        put(UInt8(ascii: "}"))
    }

    private mutating func appendRecordSeparator() {
        if compact { put(UInt8(ascii: ",")) } else { append(", ") }
    }

    /// The bytes ``recordKey(_:first:)`` writes, for a writer that copies them as they are
    /// into records it writes by the hundred thousand.
    func recordKeyBytes(_ name: StaticString, first: Bool) -> [UInt8] {
        scratchBytes { $0.recordKey(name, first: first) }
    }

    /// The bytes ``endRecord()`` writes.
    func endRecordBytes() -> [UInt8] {
        scratchBytes { $0.endRecord() }
    }

    /// The bytes ``flatKey(_:depth:first:)`` writes, for a writer that copies them as they
    /// are into records it writes by the hundred thousand.
    func flatKeyBytes(_ name: StaticString, depth: Int, first: Bool) -> [UInt8] {
        scratchBytes { $0.flatKey(name, depth: depth, first: first) }
    }

    /// The bytes ``beginFlatObject()`` writes to open an object whose fields are at `depth`
    /// after the first item of its array: a writer that writes a list of such records
    /// copies them instead.
    func nextFlatObjectBytes(depth: Int) -> [UInt8] {
        scratchBytes { scratch in
            if depth - 1 > 0 { scratch.newline(comma: true, depth: depth - 1) } else { scratch.put(UInt8(ascii: ",")) }
            scratch.put(UInt8(ascii: "{"))
        }
    }

    /// The bytes ``flatValue(_:)-(String?)`` writes.
    func flatValueBytes(_ value: String?) -> [UInt8] {
        scratchBytes(capacity: 64 + (value?.utf8.count ?? 0) * 6) { $0.flatValue(value) }
    }

    /// The bytes ``flatNumber(_:)`` writes.
    func flatNumberBytes(_ value: Double) -> [UInt8] {
        scratchBytes(capacity: 64) { $0.flatNumber(value) }
    }

    /// The bytes `body` writes on a new writer of this one's style.
    private func scratchBytes(capacity: Int = 256, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var scratch = JSONWriter(capacity: capacity, compact: compact)
        body(&scratch)
        return scratch.bytes
    }

    /// Bytes built by the calls above, copied as they are.
    ///
    /// Inlined, as the copy is: a merge copies a hundred thousand pieces of an article's
    /// worth of records, most of them 4 to 64 bytes, and a call each cost more than its copy.
    @inline(__always)
    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        put(bytes)
    }

    @inline(__always)
    mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    /// `opening`, `first`, `between` and `second`, as ``raw(_:)-([UInt8])`` and
    /// ``flatValue(_:)-(Int)`` write them, with one check for room when both numbers have
    /// at most four digits, as the offsets of a span in an article mostly do.
    @inline(__always)
    mutating func raw(_ opening: [UInt8], _ first: Int, _ between: [UInt8], _ second: Int) {
        guard UInt(bitPattern: first) < 10_000, UInt(bitPattern: second) < 10_000 else {
            raw(opening); writeDigits(first); raw(between); writeDigits(second)
            return
        }
        opening.withUnsafeBufferPointer { opening in
            between.withUnsafeBufferPointer { between in
                reserve(opening.count &+ between.count &+ 8)
                putInRoom(opening)
                writeSmallDigits(first)
                putInRoom(between)
                writeSmallDigits(second)
            }
        }
    }

    /// `opening`, `first`, `between`, `second` and `closing`, as the call without `closing`
    /// and ``raw(_:)-([UInt8])`` write them, with the one check for room: a mention's text
    /// key follows its span's end.
    @inline(__always)
    mutating func raw(_ opening: [UInt8], _ first: Int, _ between: [UInt8], _ second: Int, _ closing: [UInt8]) {
        guard UInt(bitPattern: first) < 10_000, UInt(bitPattern: second) < 10_000 else {
            raw(opening); writeDigits(first); raw(between); writeDigits(second); raw(closing)
            return
        }
        opening.withUnsafeBufferPointer { opening in
            between.withUnsafeBufferPointer { between in
                closing.withUnsafeBufferPointer { closing in
                    reserve(opening.count &+ between.count &+ closing.count &+ 8)
                    putInRoom(opening)
                    writeSmallDigits(first)
                    putInRoom(between)
                    writeSmallDigits(second)
                    putInRoom(closing)
                }
            }
        }
    }

    /// Calls `body` with the place of the next byte, in room of `extra` bytes made for it,
    /// and counts the bytes it says it wrote there: a record's many short pieces go through
    /// one pointer, without a check for room and a store of the count each.
    @inline(__always)
    mutating func write(inRoom extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(extra)
        count &+= body(storage + count)
    }

    /// Copies `source`, room for it reserved.
    @inline(__always)
    private mutating func putInRoom(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        Self.copy(base, count: source.count, to: storage + count)
        count &+= source.count
    }

    /// Calls `body` with the bytes written since `start`, a count this writer gave since
    /// it last handed its bytes over.
    func withBytes(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        precondition(start >= 0 && start <= count, "a position of the bytes still held")
        body(UnsafeBufferPointer(start: storage + start, count: count - start))
    }

    /// Up to eight bytes kept in a word, lowest byte first, as a cache of short values
    /// keeps them: one store, whatever the length.
    @inline(__always)
    mutating func raw(word: UInt64, count length: Int) {
        reserve(8)
        UnsafeMutableRawPointer(storage + count).storeBytes(of: word.littleEndian, as: UInt64.self)
        count &+= length
    }

    mutating func flatValue(_ value: String?) {
        if let value { writeString(value) } else { append("null") }
    }

    /// Writes the string whose UTF-8 is `utf8`, which is valid, as ``flatValue(_:)-(String?)``
    /// writes it.
    mutating func flatValue(utf8: UnsafeBufferPointer<UInt8>) {
        if !writePlain(utf8) {
            put(UInt8(ascii: "\""))
            writeEscaped(String(decoding: utf8, as: UTF8.self))
            put(UInt8(ascii: "\""))
        }
    }

    mutating func flatValue(_ value: Bool) {
        append(value ? "true" : "false")
    }

    @inline(__always)
    mutating func flatValue(_ value: Int) {
        // Offsets and counts mostly have four digits at most: those without a call.
        if UInt(bitPattern: value) < 10_000 {
            reserve(4)
            writeSmallDigits(value)
        } else {
            writeDigits(value)
        }
    }

    mutating func flatNumber(_ value: Double) {
        guard value.isFinite else { append("0"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            writeDigits(Int(value))
        } else if let hundredths = Self.wholeHundredths(value) {
            writeHundredths(hundredths)
        } else {
            appendText(String(value))
        }
    }

    /// The number of hundredths `value` is, when it is the double nearest to a whole
    /// number of them of moderate size (as rules' confidences are): `String(value)` then
    /// writes that number's decimals, since no shorter decimal reads back as the same value.
    static func wholeHundredths(_ value: Double) -> Int? {
        let scaled = (value * 100).rounded()
        guard abs(scaled) < 1e8, scaled / 100 == value else { return nil }
        return Int(scaled)
    }

    /// A whole number of hundredths, not a whole number itself, as `String` writes its value:
    /// the integer part, a point and one or two decimals.
    private mutating func writeHundredths(_ hundredths: Int) {
        if hundredths < 0 { put(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        writeDigits(Int(magnitude / 100))
        let fraction = Int(magnitude % 100)
        reserve(3)
        storage[count] = UInt8(ascii: ".")
        storage[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
        if fraction % 10 == 0 {
            count += 2
        } else {
            storage[count + 2] = UInt8(ascii: "0") + UInt8(fraction % 10)
            count += 3
        }
    }

    // MARK: - Strings

    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Whether a byte may need an escape: controls, quote, backslash, markup, and the
    /// lead byte of U+2028 and U+2029.
    @inline(__always)
    private static func mayEscape(_ byte: UInt8) -> Bool {
        // Bits 0–31 (controls), 0x22 ("), 0x26 (&), 0x3C (<), 0x3E (>).
        let low: UInt64 = 0x5000_0044_FFFF_FFFF
        return byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// Whether any byte of a word of eight may need an escape, as ``mayEscape(_:)`` says,
    /// or is not ASCII: tests that are exact for "any byte", and a word that fails is
    /// checked byte by byte.
    @inline(__always)
    static func wordMayEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        // A byte below 0x20 borrows into its high bit; a byte of 0x80 or more has it already.
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        // 0x22 and 0x26 differ in one bit, as 0x3C and 0x3E do: one test for each pair.
        return control || word & highs != 0 || hasZeroByte((word | ones &* 0x04) ^ (ones &* 0x26))
            || hasZeroByte((word | ones &* 0x02) ^ (ones &* 0x3E)) || hasZeroByte(word ^ (ones &* 0x5C))
    }

    private mutating func writeString(_ value: String) {
        // Names, ids and mention texts rarely need an escape: they are copied as they are
        // scanned, and only a string that needs one is written again, byte by byte.
        // Read in place when its bytes are contiguous, as native strings' are, without the
        // copy of the string that `withUTF8` needs.
        let plain = value.utf8.withContiguousStorageIfAvailable { writePlain($0) } ?? {
            var value = value
            return value.withUTF8 { writePlain($0) }
        }()
        if !plain {
            put(UInt8(ascii: "\""))
            writeEscaped(value)
            put(UInt8(ascii: "\""))
        }
    }

    /// Writes `utf8` quoted, if none of its bytes needs an escape; `false`, with nothing
    /// written, if one may.
    @inline(__always)
    private mutating func writePlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        reserve(utf8.count + 2)
        let start = count
        storage[start] = UInt8(ascii: "\"")
        let destination = storage + start + 1
        var offset = 0
        if let source = utf8.baseAddress {
            // Eight bytes at a time while none of them may need an escape.
            while offset &+ 8 <= utf8.count {
                let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
                if Self.wordMayEscape(word) { break }
                UnsafeMutableRawPointer(destination + offset).storeBytes(of: word, as: UInt64.self)
                offset &+= 8
            }
        }
        while offset < utf8.count {
            let byte = utf8[offset]
            if Self.mayEscape(byte) { return false }
            destination[offset] = byte
            offset &+= 1
        }
        destination[offset] = UInt8(ascii: "\"")
        count = start &+ offset &+ 2
        return true
    }

    private mutating func writeEscaped(_ value: String) {
        // The last two bytes, to recognise U+2028 and U+2029 (E2 80 A8, E2 80 A9).
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            // Escaped so that JSON embedded in an HTML <script> block cannot close it.
            case UInt8(ascii: "<"): append("\\u003c")
            case UInt8(ascii: ">"): append("\\u003e")
            case UInt8(ascii: "&"): append("\\u0026")
            case 0..<0x20:
                append("\\u00")
                put(Self.hexDigits.utf8Start[Int(byte >> 4)])
                put(Self.hexDigits.utf8Start[Int(byte & 0x0F)])
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80):
                // U+2028 and U+2029 end lines in JavaScript; escaped, embedded JSON stays valid.
                count -= 2
                append(byte == 0xA8 ? "\\u2028" : "\\u2029")
            default:
                put(byte)
            }
            previous = (previous.1, byte)
        }
    }
}
