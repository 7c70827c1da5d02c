/// Converts UTF-8 byte offsets into Unicode code point offsets.
///
/// Extraction works on bytes; the graph reports code points. ASCII text needs no table.
///
/// The table holds two entries per eight bytes, not one per byte: counting the code points
/// of a whole text one byte at a time cost more than finding its mentions. The entries are
/// the code points before the word and, for each byte of the word, the continuation bytes
/// before it in the word, so that an offset is two loads, a shift and a subtraction: a
/// span's offsets were asked for often enough that counting inside the word at each ask
/// cost more than the second entry.
struct CodePointOffsets {
    /// For word `firstWord + w` of eight bytes: at `2w` the code points before it; at
    /// `2w + 1` one byte per byte of the word, the continuation bytes before that byte in
    /// the word. `nil` for ASCII text, where offsets are the same.
    ///
    /// A buffer with its entries after its header is one allocation, made without the
    /// array initialisers, which are not specialised: an array cost more to make than to fill.
    private let table: Table?
    /// The whole words before the first that holds a byte outside ASCII, whose offsets are
    /// their bytes': the table starts after them. Most texts open with a stretch of ASCII
    /// (a fair part of them are ASCII throughout), which a test of four words at a time
    /// passes at less cost than writing its entries.
    private let firstWord: Int

    typealias Table = ManagedBuffer<Void, UInt64>

    /// The offsets of `bytes`, their table in `reused` if it has room, the table of
    /// offsets no longer used: its entries are all written again.
    init(_ bytes: [UInt8], reusing reused: Table? = nil) {
        (table, firstWord) = bytes.withUnsafeBytes { raw in
            let first = Self.asciiWords(raw)
            let whole = raw.count / 8
            if first == whole, Self.lastWord(raw) & Self.asciiMask == 0 { return (nil, 0) }
            let count = 2 * (whole + 1 - first)
            let table = if let reused, reused.capacity >= count { reused } else { Table.create(minimumCapacity: count) { _ in } }
            table.withUnsafeMutablePointerToElements { Self.fill($0, from: raw, firstWord: first) }
            return (table, first)
        }
    }

    /// The table, to hand on to another text's offsets (``init(_:reusing:)``); `nil` for
    /// a table of over a megabyte, which a long text needed and few others will.
    var reusableTable: Table? {
        guard let table, table.capacity <= 1 << 17 else { return nil }
        return table
    }

    /// The number of code points that start before `byte`: the offset of the code point
    /// that starts there.
    @inline(__always)
    func codePoint(atByte byte: Int) -> Int {
        guard let table else { return byte }
        let word = (byte &>> 3) &- firstWord
        // In the ASCII words before the table.
        guard word >= 0 else { return byte }
        let before = byte & 7
        return table.withUnsafeMutablePointerToElements { entries in
            let continuations = (entries[2 &* word &+ 1] &>> (8 &* UInt64(before))) & 0xFF
            return Int(truncatingIfNeeded: entries[2 &* word]) &+ before &- Int(truncatingIfNeeded: continuations)
        }
    }

    /// The whole words of `raw` before the first with a byte outside ASCII: all of them
    /// when there is none.
    private static func asciiWords(_ raw: UnsafeRawBufferPointer) -> Int {
        let whole = raw.count / 8
        var word = 0
        while word &+ 4 <= whole,
              (load(raw, word) | load(raw, word &+ 1) | load(raw, word &+ 2) | load(raw, word &+ 3)) & asciiMask == 0 {
            word &+= 4
        }
        while word < whole, load(raw, word) & asciiMask == 0 { word &+= 1 }
        return word
    }

    /// The bytes after the whole words, as a word, its first byte lowest, zeros above.
    private static func lastWord(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let whole = raw.count / 8
        var last: UInt64 = 0
        for index in 0..<(raw.count &- whole &* 8) { last |= UInt64(raw[whole &* 8 &+ index]) &<< (8 &* index) }
        return last
    }

    /// Writes the table of `raw` from word `first`, two entries for each word and the
    /// last, partial one.
    private static func fill(_ table: UnsafeMutablePointer<UInt64>, from raw: UnsafeRawBufferPointer, firstWord first: Int) {
        // The words before `first` are ASCII, a code point a byte.
        var count = UInt64(first &* 8)
        // Whole words first, loaded as they are; then the last word, what is left of it.
        let whole = raw.count / 8
        var word = first
        // Four words at a time: most stretches of most texts are ASCII, with nothing to
        // count inside them, and one test passes all four.
        while word &+ 4 <= whole {
            let value0 = load(raw, word), value1 = load(raw, word &+ 1)
            let value2 = load(raw, word &+ 2), value3 = load(raw, word &+ 3)
            let entry = word &- first
            if (value0 | value1 | value2 | value3) & asciiMask == 0 {
                for step in 0..<4 {
                    table[2 &* (entry &+ step)] = count &+ 8 &* UInt64(step)
                    table[2 &* (entry &+ step) &+ 1] = 0
                }
                count &+= 32
            } else {
                count = record(value0, at: entry, after: count, in: table)
                count = record(value1, at: entry &+ 1, after: count, in: table)
                count = record(value2, at: entry &+ 2, after: count, in: table)
                count = record(value3, at: entry &+ 3, after: count, in: table)
            }
            word &+= 4
        }
        while word < whole {
            count = record(load(raw, word), at: word &- first, after: count, in: table)
            word &+= 1
        }
        _ = record(lastWord(raw), width: raw.count &- whole &* 8, at: whole &- first, after: count, in: table)
    }

    /// The top bit of each byte of a word: set in no ASCII byte.
    private static let asciiMask: UInt64 = 0x8080_8080_8080_8080

    /// The whole word at `word`, its first byte lowest.
    @inline(__always)
    private static func load(_ raw: UnsafeRawBufferPointer, _ word: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: word &* 8, as: UInt64.self))
    }

    /// Writes the entries of a whole word, the table's `word`th; an ASCII word's without
    /// counting inside it.
    @inline(__always)
    private static func record(_ value: UInt64, at word: Int, after count: UInt64, in table: UnsafeMutablePointer<UInt64>) -> UInt64 {
        guard value & asciiMask != 0 else {
            table[2 &* word] = count
            table[2 &* word &+ 1] = 0
            return count &+ 8
        }
        return record(value, width: 8, at: word, after: count, in: table)
    }

    /// Writes the entries of the word at `word`, whose first `width` bytes are in the text,
    /// after `count` code points; returns the code points through the word.
    @inline(__always)
    private static func record(_ value: UInt64, width: Int, at word: Int, after count: UInt64, in table: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let counts = countsThrough(continuationFlags(in: value))
        table[2 &* word] = count
        table[2 &* word &+ 1] = counts &<< 8
        return count &+ UInt64(truncatingIfNeeded: width) &- counts &>> 56
    }

    /// The continuation bytes (10xxxxxx) in a word, as a 1 in the lowest bit of each such
    /// byte: a byte's top bit set and its second bit clear, which shifting left by one
    /// brings under the top bit.
    @inline(__always)
    static func continuationFlags(in value: UInt64) -> UInt64 {
        (value & ~(value &<< 1) & 0x8080_8080_8080_8080) &>> 7
    }

    /// For each byte of a word, the flagged bytes up to and including it, by one multiply
    /// (the build targets processors without a population-count instruction): the top
    /// byte holds the word's sum, and moved up a byte, each byte holds the count before it.
    @inline(__always)
    static func countsThrough(_ flags: UInt64) -> UInt64 {
        flags &* 0x0101_0101_0101_0101
    }
}
