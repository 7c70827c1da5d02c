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
    /// Open addressing over `strings`, each slot with its string's hash, so that a probe
    /// reads one place.
    private var slots = [Slot](repeating: .empty, count: 64)
    /// The strings looked up last, by their storage words (256 places): the graphs of a
    /// corpus hand over the same few `String` values (an article's id, a rule's name, a
    /// repeated mention text) for record after record, and comparing two words finds
    /// them without hashing and comparing their bytes.
    private var recent = [Recent](repeating: Recent(), count: 256)
    /// The short byte strings looked up last, by their bytes (256 places): a corpus's
    /// mention texts, handed over as bytes, are mostly a few short names again and again,
    /// which two words hold whole.
    private var recentBytes = [RecentBytes](repeating: RecentBytes(), count: 256)

    private struct RecentBytes: Sendable {
        var words: (UInt64, UInt64) = (0, 0)
        var count = -1
        var index: Int32 = -1
    }

    private struct Recent: Sendable {
        var string = ""
        /// -1 for a place not used yet.
        var index: Int32 = -1
    }

    private struct Slot: Sendable {
        var hash: UInt64
        /// The string's index; -1 for an empty slot.
        var index: Int32

        static let empty = Slot(hash: 0, index: -1)
    }

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
        let words = string.storageWords
        let place = Int(truncatingIfNeeded: Self.mix(words.0 ^ words.1) >> 56)
        if recent[place].index >= 0, recent[place].string.storageWords == words {
            return recent[place].index
        }
        let index = lookUp(string)
        recent[place] = Recent(string: string, index: index)
        return index
    }

    private mutating func lookUp(_ string: String) -> Int32 {
        // Native strings lend their bytes as they are; others are copied first.
        if let found = string.utf8.withContiguousStorageIfAvailable({ index(ofUTF8: $0) }) { return found }
        var copy = string
        return copy.withUTF8 { index(ofUTF8: $0) }
    }


    /// The index of the string of these bytes (valid UTF-8), adding it if it is new; a
    /// string of up to 16 bytes looked up lately is found by its bytes, without hashing.
    mutating func index(ofText utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard utf8.count <= 16, let base = utf8.baseAddress else { return index(ofUTF8: utf8) }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: base, byteCount: utf8.count) }
        let place = Int(truncatingIfNeeded: Self.mix(words.0 ^ (words.1 &* 31) ^ UInt64(utf8.count)) >> 56)
        if recentBytes[place].count == utf8.count, recentBytes[place].words == words { return recentBytes[place].index }
        let index = index(ofUTF8: utf8)
        recentBytes[place] = RecentBytes(words: words, count: utf8.count, index: index)
        return index
    }

    /// The index of the string of these bytes (valid UTF-8), adding it if it is new.
    private mutating func index(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(utf8)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while true {
            let occupant = slots[slot]
            if occupant.index < 0 { break }
            if occupant.hash == hash, holds(Int(occupant.index), utf8) { return occupant.index }
            slot = (slot + 1) & mask
        }
        let index = Int32(strings.count)
        strings.append(String(decoding: utf8, as: UTF8.self))
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
        slots[slot] = Slot(hash: hash, index: index)
        if strings.count * 2 > slots.count { grow() }
        return index
    }

    /// Each string's place in `String` order, strings that are `==` (canonically
    /// equivalent spellings too) sharing one: comparing ranks answers as comparing the
    /// strings would, without comparing them again.
    ///
    /// - Complexity: O(n log n) string comparisons for n strings.
    func ranks() -> [Int32] {
        if let ranks = asciiRanks() { return ranks }
        let order = strings.indices.sorted { strings[$0] < strings[$1] }
        var ranks = [Int32](repeating: 0, count: strings.count)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() {
            if position > 0, strings[order[position - 1]] < strings[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }

    /// ``ranks()`` of a table whose strings are all ASCII, from their bytes: `String` order
    /// is then the bytes' order, and no two of the table's strings, whose bytes differ, are
    /// `==`. Sorted as strings, the 50,000 of a corpus's merge cost a hundredth of a second
    /// after its last article; as the bytes' first eight, about a fifth of that.
    private func asciiRanks() -> [Int32]? {
        bytes.withUnsafeBufferPointer { all -> [Int32]? in
            guard Self.isASCII(all) else { return nil }
            return ends.withUnsafeBufferPointer { ends -> [Int32] in
                func string(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: all[ends[Int(index)]..<ends[Int(index) + 1]])
                }
                let leads = (0..<Int32(count)).map { Self.lead(of: string($0)) }
                var order = Array(0..<Int32(count))
                order.sort { a, b in
                    if leads[Int(a)] != leads[Int(b)] { return leads[Int(a)] < leads[Int(b)] }
                    return Self.precedes(string(a), string(b))
                }
                var ranks = [Int32](repeating: 0, count: count)
                for (rank, index) in order.enumerated() { ranks[Int(index)] = Int32(rank) }
                return ranks
            }
        }
    }

    /// Whether every byte is below 0x80, tested eight at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// The first eight bytes as a number that orders as they do, shorter ones padded with
    /// zeros (which ties a string with itself followed by NUL bytes: ``precedes(_:_:)`` decides).
    private static func lead(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var lead: UInt64 = 0
        for position in 0..<8 {
            lead = lead << 8 | UInt64(position < bytes.count ? bytes[position] : 0)
        }
        return lead
    }

    /// Whether `a` comes before `b` in the bytes' order, a prefix first.
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(a.count, b.count)
        if shared > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, shared)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    /// A hash of eight bytes at a time, and of short strings (most ids, names and rules)
    /// in one or two loads, some overlapping: a byte at a time, the hash cost as much as
    /// the rest of a corpus merge's lookups together. The length is mixed in, so that
    /// overlapping bytes tell strings apart as well as any.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = bytes.baseAddress, count > 0 else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            return mix(hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return mix(hash ^ (low | high << 32))
        }
        return mix(hash ^ (UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16))
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
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        for occupant in old where occupant.index >= 0 {
            var slot = Int(truncatingIfNeeded: occupant.hash >> 7) & mask
            while slots[slot].index >= 0 { slot = (slot + 1) & mask }
            slots[slot] = occupant
        }
    }
}

extension String {
    /// The string's two words: its length and flags, and its storage or (for up to 15
    /// bytes) its bytes. Two strings with the same words hold the same bytes, as long as
    /// the storage cannot be freed and reused between them: both are alive, or (as in
    /// ``StringTable``'s `recent`) the first is kept.
    @usableFromInline
    var storageWords: (UInt64, UInt64) {
        // A `String` is two words on the 64-bit platforms the project builds for.
        precondition(MemoryLayout<String>.size == 16)
        return withUnsafeBytes(of: self) { ($0.load(fromByteOffset: 0, as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// Whether `other` is this very string value (the same storage, or the same short
    /// bytes): a quick `==` that may answer `false` for equal strings.
    @inlinable
    package func hasSameStorage(as other: String) -> Bool { storageWords == other.storageWords }

    /// ``storageWords`` of the string at `string`, read in place: without the copy of the
    /// value, whose references are counted in and out.
    package static func storageWords(at string: UnsafePointer<String>) -> (UInt64, UInt64) {
        precondition(MemoryLayout<String>.size == 16)
        let raw = UnsafeRawPointer(string)
        return (raw.load(as: UInt64.self), raw.load(fromByteOffset: 8, as: UInt64.self))
    }
}
