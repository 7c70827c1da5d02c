/// Strings kept once each and named by a small index, for records that repeat a few
/// strings millions of times (article ids, mention texts, rule names).
///
/// Strings are told apart by their exact UTF-8 bytes, not by `==`, which equates
/// canonically equivalent spellings ("é" composed and decomposed): a merged graph gives
/// back the bytes it was given.
struct StringTable: Sendable {
    private(set) var strings: [String] = []
    /// Each string's bytes, end to end, and where each ends, for comparing without
    /// going through `String`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing over `strings`; -1 marks an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of distinct strings.
    var count: Int { strings.count }

    subscript(index: Int32) -> String { strings[Int(index)] }

    /// The index of `string`, adding it if it is new.
    ///
    /// - Complexity: O(length of `string`) expected.
    mutating func index(of string: String) -> Int32 {
        var string = string
        return string.withUTF8 { utf8 in
            let hash = Self.hash(utf8)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while true {
                let occupant = Int(slots[slot])
                if occupant < 0 { break }
                if hashes[occupant] == hash, holds(occupant, utf8) { return Int32(occupant) }
                slot = (slot + 1) & mask
            }
            let index = Int32(strings.count)
            strings.append(String(decoding: utf8, as: UTF8.self))
            bytes.append(contentsOf: utf8)
            ends.append(bytes.count)
            hashes.append(hash)
            slots[slot] = index
            if strings.count * 2 > slots.count { grow() }
            return index
        }
    }

    /// Each string's place in `String` order, strings that are `==` (canonically
    /// equivalent spellings too) sharing one: comparing ranks answers as comparing the
    /// strings would, without comparing them again.
    ///
    /// - Complexity: O(n log n) string comparisons for n strings.
    func ranks() -> [Int32] {
        let order = strings.indices.sorted { strings[$0] < strings[$1] }
        var ranks = [Int32](repeating: 0, count: strings.count)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() {
            if position > 0, strings[order[position - 1]] < strings[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    private func holds(_ index: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = ends[index]
        guard ends[index + 1] - start == utf8.count else { return false }
        for offset in 0..<utf8.count where bytes[start + offset] != utf8[offset] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
