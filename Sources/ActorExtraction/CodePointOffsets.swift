/// Converts UTF-8 byte offsets into Unicode code point offsets.
///
/// Extraction works on bytes; the graph reports code points. ASCII text needs no table.
///
/// The table holds one entry per eight bytes, not one per byte: counting the code points
/// of a whole text one byte at a time cost more than finding its mentions. Each entry
/// holds the code points before its word and, for each byte of the word, the continuation
/// bytes before it in the word, so that an offset is one load, a shift and a subtraction:
/// a span's offsets were asked for often enough that counting them at each ask cost more
/// than the table.
struct CodePointOffsets {
    /// Per word of eight bytes: the code points before it in the low 32 bits and, from bit
    /// 32, three bits per byte of the word with the continuation bytes before that byte in
    /// the word. Empty for text without continuation bytes, where offsets are the same.
    private let table: [UInt64]

    init(_ bytes: [UInt8]) {
        let words = bytes.count / 8 + 1
        var sawContinuation = false
        let table = [UInt64](unsafeUninitializedCapacity: words) { table, initialized in
            bytes.withUnsafeBytes { raw in
                var count: UInt64 = 0
                for word in 0..<words {
                    let width = min(8, raw.count - word &* 8)
                    let flags = Self.continuationFlags(in: Self.load(raw, word: word, width: width))
                    sawContinuation = sawContinuation || flags != 0
                    table[word] = count | Self.packedCountsBefore(flags) &<< 32
                    count &+= UInt64(width) &- Self.sum(of: flags)
                }
            }
            initialized = words
        }
        self.table = sawContinuation ? table : []
    }

    /// The number of code points that start before `byte`: the offset of the code point
    /// that starts there.
    @inline(__always)
    func codePoint(atByte byte: Int) -> Int {
        if table.isEmpty { return byte }
        let entry = table[byte &>> 3]
        let before = byte & 7
        let continuations = (entry &>> (32 &+ 3 &* UInt64(before))) & 7
        return Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &+ before &- Int(truncatingIfNeeded: continuations)
    }

    /// The first `width` bytes (up to eight) of a word, the rest zero.
    @inline(__always)
    private static func load(_ raw: UnsafeRawBufferPointer, word: Int, width: Int) -> UInt64 {
        let start = word &* 8
        if width >= 8 { return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(raw[start &+ index]) &<< (8 &* index) }
        return value
    }

    /// The continuation bytes (10xxxxxx) in a word, as a 1 in the lowest bit of each such
    /// byte: a byte's top bit set and its second bit clear, which shifting left by one
    /// brings under the top bit.
    @inline(__always)
    static func continuationFlags(in value: UInt64) -> UInt64 {
        (value & ~(value &<< 1) & 0x8080_8080_8080_8080) &>> 7
    }

    /// How many bytes the flags mark, summed into the top byte by one multiply: the build
    /// targets processors without a population-count instruction.
    @inline(__always)
    static func sum(of flags: UInt64) -> UInt64 {
        (flags &* 0x0101_0101_0101_0101) &>> 56
    }

    /// For each byte of a word, the flagged bytes before it, three bits each, the first
    /// byte's at bit 0. The multiply sums each byte's flag and those below into it; moved
    /// up a byte, each byte holds the count before it (at most seven), and the bytes are
    /// then packed pairwise into three-bit fields.
    @inline(__always)
    static func packedCountsBefore(_ flags: UInt64) -> UInt64 {
        var counts = (flags &* 0x0101_0101_0101_0101) &<< 8
        counts = (counts | counts &>> 5) & 0x003F_003F_003F_003F
        counts = (counts | counts &>> 10) & 0x0000_0FFF_0000_0FFF
        return (counts | counts &>> 20) & 0xFF_FFFF
    }
}
