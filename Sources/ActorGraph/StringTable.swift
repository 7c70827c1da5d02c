#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings kept once each and named by a small index, for records that repeat a few
/// strings millions of times (article ids, mention texts, rule names).
///
/// Strings are told apart by their exact UTF-8 bytes, not by `==`, which equates
/// canonically equivalent spellings ("é" composed and decomposed): a merged graph gives
/// back the bytes it was given.
struct StringTable: Sendable {
    private(set) var strings: [String] = []
    /// Each string's bytes, end to end, and where each ends, for comparing and writing
    /// without going through `String`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing over `strings`; -1 marks an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of distinct strings.
    var count: Int { strings.count }

    subscript(index: Int32) -> String { strings[Int(index)] }

    /// Lends the UTF-8 bytes of the string at `index`.
    func withUTF8<R>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = ends[Int(index)], end = ends[Int(index) + 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

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

    /// A hash of eight bytes at a time: a byte at a time, the hash cost as much as the
    /// rest of a corpus merge's lookups together.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            for position in offset..<bytes.count {
                tail |= UInt64(bytes[position]) << shift
                shift += 8
            }
            hash = mix(hash ^ tail)
        }
        return mix(hash)
    }

    /// Spreads every bit of `value` over the high bits, which choose the slot.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let multiplied = (value ^ (value >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return multiplied ^ (multiplied >> 29)
    }

    private func holds(_ index: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = ends[index]
        guard ends[index + 1] - start == utf8.count else { return false }
        guard let other = utf8.baseAddress, !utf8.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other, utf8.count) == 0 }
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
