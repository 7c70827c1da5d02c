/// A set of token keys (``TokenHash`` values) that answers `contains` with a multiply, a
/// shift and a probe or two.
///
/// Rules ask whether a token is one of a few listed words (prepositions, auxiliaries,
/// perception verbs) at most tokens near a cue. Token keys are already well mixed, so
/// `Set<UInt64>` would hash each one again with SipHash, and comparing the spelling of
/// each listed word in turn cost more still.
struct TokenKeySet: Sendable {
    /// Open addressing; 0 marks an empty slot, so a key of 0 is kept apart.
    private var slots: [UInt64]
    private var shift: UInt64
    private var holdsZero = false
    /// The number of keys.
    private(set) var count = 0
    /// The keys' filter, for a set asked mostly of keys it lacks (see ``init(_:filtered:)``).
    private var filter: KeyFilter?

    /// The set of `keys`; with `filtered`, ``mayContain(_:)`` answers most keys not in it
    /// with a bit test, at the cost of the filter's 8 KB.
    init(_ keys: some Sequence<UInt64>, filtered: Bool) {
        self.init(keys)
        if filtered {
            var filter = KeyFilter()
            for slot in slots where slot != 0 { filter.insert(slot) }
            if holdsZero { filter.insert(0) }
            self.filter = filter
        }
    }

    /// The set of `keys`.
    init(_ keys: some Sequence<UInt64>) {
        let keys = Array(keys)
        var capacity = 4
        while capacity < keys.count * 2 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        // A key given twice is put in once, found by the table itself: a `Set` of the keys
        // to drop the repeats hashed each key again.
        for key in keys where !contains(key) { insert(key) }
    }

    /// The set of the folded keys of `words` (lower-case words, each one token).
    init(words: [String]) {
        self.init(words.map { TokenHash.folded($0.utf8) })
    }

    var isEmpty: Bool { count == 0 }

    /// Whether `key` may be in the set: `false` means it is not. Without a filter, always `true`.
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool { filter?.mayHold(key) ?? true }

    /// Whether `key` is in the set; a filtered set turns most keys it lacks away with the
    /// filter's bit test, without a probe.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard mayContain(key) else { return false }
        return slots.withUnsafeBufferPointer { slots in
            // The slot count is a power of two and at least twice the keys: a probe ends at an empty slot.
            let mask = slots.count &- 1
            var index = slot(of: key)
            while true {
                let occupant = slots[index]
                // Key 0 meets the first empty slot, whose 0 stands for no key: it is asked apart.
                if occupant == key { return key != 0 || holdsZero }
                if occupant == 0 { return false }
                index = (index &+ 1) & mask
            }
        }
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        // The shift is below 64 by construction.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    private mutating func insert(_ key: UInt64) {
        count += 1
        if key == 0 { holdsZero = true; return }
        let mask = slots.count - 1
        var index = slot(of: key)
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = key
    }
}

/// Bits per token key, as ``TokenKeySet`` keeps keys: one probe answers every word list a
/// key belongs to.
///
/// The relation finder reads each token of an article against several lists (first words
/// of cues, of reporting phrases, of negations …); one probe per token, made once per
/// article, leaves each later question a bit test.
struct TokenKeyMap: Sendable {
    /// A key and its bits side by side: a probe reads one slot, not two arrays.
    fileprivate struct Slot: Sendable {
        var key: UInt64
        var bits: UInt16
    }

    /// Open addressing; key 0 marks an empty slot, so the bits of key 0 are kept in every
    /// empty slot.
    private var slots: [Slot]
    /// The keys held, for ``bits(of:)``, asked mostly of keys in no list.
    private var filter = KeyFilter()

    /// The map in which each key of `entries` holds the union of its bits.
    init(_ entries: [(key: UInt64, bits: UInt16)]) {
        var merged: [UInt64: UInt16] = [:]
        for entry in entries { merged[entry.key, default: 0] |= entry.bits }
        // Room for sixteen slots a key: most tokens' keys, in no list, then meet an empty
        // slot first, and the words most tokens are (with, of, to) their own. The reader's
        // probe, so cheap, needs no filter before it: at every token of an article, the
        // filter's test cost half a probe and let half the tokens through.
        var capacity = 16
        while capacity < merged.count * 16 { capacity *= 2 }
        // An empty slot holds the bits of key 0: a probe for key 0 ends at the first empty
        // slot it meets, and no other key reads an empty slot's bits.
        slots = [Slot](repeating: Slot(key: 0, bits: merged[0] ?? 0), count: capacity)
        let mask = capacity - 1
        for (key, bits) in merged {
            filter.insert(key)
            if key == 0 { continue }
            var index = Self.slot(of: key, mask)
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = Slot(key: key, bits: bits)
        }
    }

    /// The bits of `key`, or 0 if it is in no list; most keys not in it are turned away by
    /// the filter's bit test, which costs less than reaching the table through the map.
    @inline(__always)
    func bits(of key: UInt64) -> UInt16 {
        guard filter.mayHold(key) else { return 0 }
        return slots.withUnsafeBufferPointer { slots in Self.probe(key, in: slots) }
    }

    /// The map read through a buffer, for a loop that probes it at every token: the table's
    /// address stays at hand instead of being read through the map each time, and the
    /// probe is made without the filter.
    func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in body(Reader(slots: slots)) }
    }

    /// ``TokenKeyMap`` over a borrowed buffer; valid only inside ``withReader(_:)``.
    struct Reader {
        fileprivate let slots: UnsafeBufferPointer<Slot>

        /// The bits of `key`, or 0 if it is in no list.
        @inline(__always)
        func bits(of key: UInt64) -> UInt16 {
            TokenKeyMap.probe(key, in: slots)
        }
    }

    @inline(__always)
    private static func probe(_ key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> UInt16 {
        // The slot count is a power of two and at least sixteen times the keys: a probe ends at an empty slot.
        let mask = slots.count &- 1
        var index = slot(of: key, mask)
        while true {
            let occupant = slots[index]
            // Key 0 meets the first empty slot, which holds its bits (see ``init(_:)``).
            if occupant.key == key { return occupant.bits }
            if occupant.key == 0 { return 0 }
            index = (index &+ 1) & mask
        }
    }

    /// A key's first slot: its low bits, taken as they are. Token keys are FNV-1a hashes,
    /// whose last step is a multiply by an odd prime: their low bits are mixed enough for
    /// a table this sparse, and a multiply of the map's own cost a token two instructions more.
    @inline(__always)
    private static func slot(of key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: key) & mask
    }
}
