/// Converts UTF-8 byte offsets into Unicode code point offsets.
///
/// Extraction works on bytes; the graph reports code points. ASCII text needs no table.
///
/// The table holds one count per eight bytes, not one per byte: a span asks for only a
/// few offsets, and counting the code points of a whole text one byte at a time cost more
/// than finding its mentions. The count inside a word of eight bytes is a population
/// count of its continuation bytes.
struct CodePointOffsets {
    /// The code points before each word of eight bytes; empty for text without
    /// continuation bytes, where offsets are the same.
    private let table: [Int32]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let words = bytes.count / 8 + 1
        var sawContinuation = false
        let table = [Int32](unsafeUninitializedCapacity: words) { table, initialized in
            bytes.withUnsafeBytes { raw in
                var count: Int32 = 0
                for word in 0..<words {
                    table[word] = count
                    let width = min(8, raw.count - word &* 8)
                    let continuations = Self.continuations(in: Self.load(raw, word: word, width: width))
                    sawContinuation = sawContinuation || continuations > 0
                    count &+= Int32(width &- continuations)
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
        let word = byte &>> 3
        let before = byte & 7
        guard before > 0 else { return Int(table[word]) }
        // The bytes before `byte` in its word are all in the text, since `byte` is at most its length.
        let continuations = bytes.withUnsafeBytes { Self.continuations(in: Self.load($0, word: word, width: before)) }
        return Int(table[word]) &+ before &- continuations
    }

    /// The first `width` bytes (up to eight) of a word, the rest zero.
    @inline(__always)
    private static func load(_ raw: UnsafeRawBufferPointer, word: Int, width: Int) -> UInt64 {
        let start = word &* 8
        var value: UInt64 = 0
        if start &+ 8 <= raw.count {
            value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        } else {
            for index in 0..<(raw.count &- start) { value |= UInt64(raw[start &+ index]) &<< (8 &* index) }
        }
        return width >= 8 ? value : value & ((1 &<< (8 &* UInt64(width))) &- 1)
    }

    /// The continuation bytes (10xxxxxx) in a word: a byte's top bit set and its second
    /// bit clear, which shifting left by one brings under the top bit. The flags, moved to
    /// each byte's lowest bit, are summed into the top byte by one multiply: the build
    /// targets processors without a population-count instruction.
    @inline(__always)
    private static func continuations(in value: UInt64) -> Int {
        let flags = (value & ~(value &<< 1) & 0x8080_8080_8080_8080) &>> 7
        return Int(truncatingIfNeeded: (flags &* 0x0101_0101_0101_0101) &>> 56)
    }
}
