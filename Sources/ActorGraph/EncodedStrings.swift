/// Where a record layout (``MentionLayout``, ``EvidenceLayout``) takes the strings it
/// writes from: a merge's table of strings encoded once, or the strings themselves.
protocol LayoutStrings {
    associatedtype Handle
    /// Writes the string `handle` stands for as ``JSONWriter/flatValue(_:)-(String?)`` does.
    func write(_ handle: Handle, to writer: inout JSONWriter)
    /// A number that stands for the string of `handle` as long as these strings last, for
    /// a layout to keep what it wrote with it; `nil` if there is none.
    func key(of handle: Handle) -> Int32?
}

extension LayoutStrings {
    @inline(__always)
    func key(of handle: Handle) -> Int32? { nil }
}

/// The JSON text of every string of a ``StringTable``, quotes and escapes included, made
/// once, so that a merge that writes each of a few thousand strings a million times copies
/// them instead of scanning them for escapes each time.
struct EncodedStrings: LayoutStrings {
    private let storage: EncodedBytes

    init(_ table: StringTable, writer: borrowing JSONWriter) {
        // All written by one writer of the same style, not each by a writer of its own.
        var encoder = JSONWriter(capacity: table.count * 16, compact: writer.isCompact)
        var ends = [0]
        ends.reserveCapacity(table.count + 1)
        for index in 0..<Int32(table.count) {
            encoder.flatValue(table[index])
            ends.append(encoder.count)
        }
        storage = EncodedBytes(bytes: encoder.bytes, ends: ends)
    }

    /// Writes the string at `index` as ``JSONWriter/flatValue(_:)-(String?)`` does.
    @inline(__always)
    func write(_ index: Int32, to writer: inout JSONWriter) {
        writer.raw(json(index).buffer)
    }

    @inline(__always)
    func key(of index: Int32) -> Int32? { index }

    /// The JSON of the string at `index`, readable a ``EncodedJSON/overRead`` bytes past its end.
    @inline(__always)
    func json(_ index: Int32) -> EncodedJSON {
        storage.json(Int(index))
    }
}

/// The JSON of one string of ``EncodedStrings``, with bytes after it that may be read.
struct EncodedJSON {
    let start: UnsafePointer<UInt8>
    let count: Int

    /// How many bytes past the end may be read, and are written by ``store(at:)``.
    static let overRead = 16

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// Stores the bytes at `destination`, with room for ``count`` and ``overRead`` more,
    /// sixteen at a time: one store for most ids and names, without a branch on the length.
    /// Returns the place after them.
    @inline(__always)
    func store(at destination: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let from = UnsafeRawPointer(start), to = UnsafeMutableRawPointer(destination)
        var offset = 0
        repeat {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self), toByteOffset: offset, as: SIMD16<UInt8>.self)
            offset &+= 16
        } while offset < count
        return destination + count
    }
}

/// The bytes of ``EncodedStrings`` and where each string's end, in buffers of their own
/// read without checks of a list's bounds, the bytes followed by ``EncodedJSON/overRead``
/// more that may be read.
private final class EncodedBytes {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let ends: UnsafeMutablePointer<Int>
    private let count: Int

    init(bytes: [UInt8], ends: [Int]) {
        self.bytes = .allocate(capacity: bytes.count + EncodedJSON.overRead)
        self.bytes.initialize(repeating: 0, count: bytes.count + EncodedJSON.overRead)
        self.bytes.update(from: bytes, count: bytes.count)
        self.ends = .allocate(capacity: ends.count)
        self.ends.initialize(from: ends, count: ends.count)
        count = ends.count - 1
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    func json(_ index: Int) -> EncodedJSON {
        precondition(UInt(bitPattern: index) < UInt(count), "an index of the table's strings")
        let start = ends[index]
        return EncodedJSON(start: bytes + start, count: ends[index + 1] - start)
    }
}

/// The strings of one graph's records, each written from the JSON it was given the last
/// time that very string value came, if it is still kept: a graph's records repeat their
/// article's id, rule names, speakers and mention texts as the same strings again, whose
/// scan for escapes cost more than the rest of the record.
///
/// A string is known by its two words (``Swift/String/storageWords``), so every string
/// handed over must stay alive as long as the cache: the strings of the graph being written.
struct DocumentStrings: LayoutStrings {
    typealias Handle = UnsafePointer<String>

    private let cache = WrittenStrings()

    func write(_ handle: UnsafePointer<String>, to writer: inout JSONWriter) {
        let words = String.storageWords(at: handle)
        if let written = cache.json(of: words) {
            writer.raw(written)
            return
        }
        let start = writer.count
        writer.flatValue(handle.pointee)
        writer.withBytes(from: start) { cache.keep($0, for: words) }
    }
}

/// The JSON of recently written strings, by their two words, in a few slots a word's hash
/// chooses; a slot's string gives way to the next that comes to it. The JSON lies end to
/// end in one buffer the cache owns, so that what ``json(of:)`` gives stays put until the
/// next ``keep(_:for:)``.
///
/// Its state is reached through constant pointers: a class's variables are checked for
/// overlapping access at every read, which cost more than the look-up.
private final class WrittenStrings {
    private struct Slot {
        var words: (UInt64, UInt64)
        var start: Int
        var count: Int
    }

    private struct Buffer {
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var used: Int
    }

    private static let slotBits = 6
    private let slots: UnsafeMutablePointer<Slot>
    private let buffer: UnsafeMutablePointer<Buffer>

    init() {
        slots = .allocate(capacity: 1 << Self.slotBits)
        slots.initialize(repeating: Slot(words: (0, 0), start: 0, count: -1), count: 1 << Self.slotBits)
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: Buffer(bytes: .allocate(capacity: 1024), capacity: 1024, used: 0))
    }

    deinit {
        buffer.pointee.bytes.deallocate()
        buffer.deallocate()
        slots.deallocate()
    }

    private static func slot(of words: (UInt64, UInt64)) -> Int {
        Int(truncatingIfNeeded: ((words.0 ^ words.1 &* 0x9E37_79B9_7F4A_7C15) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    func json(of words: (UInt64, UInt64)) -> UnsafeBufferPointer<UInt8>? {
        let slot = slots[Self.slot(of: words)]
        guard slot.count >= 0, slot.words == words else { return nil }
        return UnsafeBufferPointer(start: buffer.pointee.bytes + slot.start, count: slot.count)
    }

    func keep(_ json: UnsafeBufferPointer<UInt8>, for words: (UInt64, UInt64)) {
        guard let source = json.baseAddress else { return }
        // Slots given way free nothing: the buffer starts afresh, every slot empty, once it
        // holds more than a graph's usual strings, so that a large graph's document does not
        // keep the JSON of every string it wrote.
        if buffer.pointee.used + json.count > Self.bufferLimit { forgetAll() }
        if buffer.pointee.used + json.count > buffer.pointee.capacity { grow(toHold: buffer.pointee.used + json.count) }
        let start = buffer.pointee.used
        (buffer.pointee.bytes + start).update(from: source, count: json.count)
        slots[Self.slot(of: words)] = Slot(words: words, start: start, count: json.count)
        buffer.pointee.used = start + json.count
    }

    /// The most bytes kept before the cache starts afresh (a string longer is still kept alone).
    private static let bufferLimit = 64 * 1024

    private func forgetAll() {
        for slot in 0..<(1 << Self.slotBits) { slots[slot].count = -1 }
        buffer.pointee.used = 0
    }

    private func grow(toHold needed: Int) {
        let larger = max(2 * buffer.pointee.capacity, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: buffer.pointee.bytes, count: buffer.pointee.used)
        buffer.pointee.bytes.deallocate()
        buffer.pointee.bytes = moved
        buffer.pointee.capacity = larger
    }
}
