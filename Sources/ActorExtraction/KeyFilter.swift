/// One bit for each value of the low 16 bits of the keys put in: most tokens' keys are in
/// no word list and start no phrase, and a bit test turns them away before a table is
/// probed. The same size whatever the number of keys: a map sized to the keys let more
/// words through the relation finder's small tries and cost it more than it saved.
struct KeyFilter: Sendable {
    private(set) var bits = [UInt64](repeating: 0, count: 1024)

    mutating func insert(_ key: UInt64) {
        bits[Int(key & 0xFFFF) >> 6] |= 1 << (key & 63)
    }

    /// Whether `key` may have been put in: `false` means it was not.
    @inline(__always)
    func mayHold(_ key: UInt64) -> Bool { bit(of: key) != 0 }

    /// 1 if `key` may have been put in, else 0: for a loop that gathers the answers for
    /// many tokens into bits without a branch each.
    @inline(__always)
    func bit(of key: UInt64) -> UInt64 {
        bits.withUnsafeBufferPointer { Self.bit(of: key, in: $0) }
    }

    /// ``bit(of:)`` read from the filter's bits, for a loop that keeps their address at hand.
    @inline(__always)
    static func bit(of key: UInt64, in bits: UnsafeBufferPointer<UInt64>) -> UInt64 {
        // The index is below 1024, the filter's size, by construction: read without a bounds test.
        bits[Int(truncatingIfNeeded: key & 0xFFFF) &>> 6] &>> (key & 63) & 1
    }
}
