/// A trie over token hashes: finds the longest listed phrase starting at a token in
/// time proportional to the phrase length, whatever the number of phrases.
///
/// Edges live in one open-addressing table keyed by (node, token hash). Token hashes are
/// already well mixed, so a multiply and a shift place an edge; Swift's `Dictionary`
/// would hash each key again with SipHash, which dominated mention finding.
struct TokenTrie<Payload: Sendable>: Sendable {
    /// One edge: the key and both nodes side by side, so that a probe reads one place.
    private struct Slot: Sendable {
        var key: UInt64
        /// The node the edge leaves; -1 marks an empty slot.
        var node: Int32
        var target: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private var edgeCount = 0
    /// Payload lists per node; empty for nodes that end no phrase.
    private var payloads: [[Payload]] = [[]]
    /// Whether each node ends a phrase: asked at every step of a match, where reading the
    /// payload list itself retained and released it.
    private var endsPhrase: [Bool] = [false]
    /// One bit per low six bits of each node's child keys: most words follow no phrase's
    /// first word, and a bit test in this small array turns them away before a probe of
    /// the large edge table, whose cache misses took most of a match's time.
    private var childKeyBits: [UInt64] = [0]
    /// The phrases' first keys: most words start no phrase.
    private(set) var firstKeyFilter = KeyFilter()

    /// The number of phrases stored.
    private(set) var count = 0

    init() {
        let capacity = 64
        slots = [Slot](repeating: Slot(key: 0, node: -1, target: 0), count: capacity)
        mask = capacity - 1
    }

    mutating func insert(_ keys: [UInt64], _ payload: Payload) {
        guard !keys.isEmpty else { return }
        firstKeyFilter.insert(keys[0])
        var node: Int32 = 0
        for key in keys {
            if let next = child(of: node, key) {
                node = next
            } else {
                let created = Int32(payloads.count)
                payloads.append([])
                endsPhrase.append(false)
                childKeyBits.append(0)
                childKeyBits[Int(node)] |= 1 << (key & 63)
                addEdge(from: node, key, to: created)
                node = created
            }
        }
        payloads[Int(node)].append(payload)
        endsPhrase[Int(node)] = true
        count += 1
    }

    /// Whether some phrase may start with `key`: `false` means none does. A bit test, for
    /// callers that turn most tokens away before building the key of the next.
    @inline(__always)
    func mayStart(with key: UInt64) -> Bool { firstKeyFilter.mayHold(key) }

    /// The longest phrase whose keys equal `key(start)`, `key(start + 1)`, …
    ///
    /// - Parameter key: the key of the token at an index, or `nil` past the end.
    /// - Returns: the phrase length in tokens and its payloads.
    @inline(__always)
    func longestMatch(from start: Int, key: (Int) -> UInt64?) -> (length: Int, payloads: [Payload])? {
        longestMatchEnd(from: start, key: key).map { ($0.length, payloads[Int($0.node)]) }
    }

    /// The length of the longest phrase from `start`, for callers that need no payload.
    @inline(__always)
    func longestMatchLength(from start: Int, key: (Int) -> UInt64?) -> Int? {
        longestMatchEnd(from: start, key: key)?.length
    }

    /// The length of the longest phrase from `start` and the node it ends at, whose
    /// payloads ``payloads(at:)`` gives.
    @inline(__always)
    func longestMatchEnd(from start: Int, key: (Int) -> UInt64?) -> (length: Int, node: Int32)? {
        guard let first = key(start), mayStart(with: first) else { return nil }
        var node: Int32 = 0
        var best: (length: Int, node: Int32)?
        var index = start
        while let tokenKey = key(index), let next = child(of: node, tokenKey) {
            node = next
            index += 1
            if ends(at: next) { best = (index - start, next) }
        }
        return best
    }

    /// ``longestMatchEnd(from:key:)`` for a caller that has the first key at hand and has
    /// asked ``mayStart(with:)`` of it, or of a filter that holds more keys: the bit test is
    /// not made again, and a key that starts nothing finds no edge.
    @inline(__always)
    func longestMatchEnd(from start: Int, firstKey first: UInt64, key: (Int) -> UInt64?) -> (length: Int, node: Int32)? {
        // The root's edge is probed without its bit test: the caller's test of the first
        // key's filter asked as much, and more finely.
        guard let root = probe(from: 0, first) else { return nil }
        var node = root
        var index = start &+ 1
        var best: (length: Int, node: Int32)? = ends(at: root) ? (1, root) : nil
        guard var tokenKey = key(index) else { return best }
        while let next = child(of: node, tokenKey) {
            node = next
            // A phrase is never longer than the text, whose length is an Int.
            index &+= 1
            if ends(at: next) { best = (index &- start, next) }
            guard let nextKey = key(index) else { break }
            tokenKey = nextKey
        }
        return best
    }

    /// The number of nodes, which are numbered from 0.
    var nodeCount: Int { payloads.count }

    /// The payloads of the phrases that end at `node`.
    func payloads(at node: Int32) -> [Payload] { payloads[Int(node)] }

    @inline(__always)
    private func slot(of node: Int32, _ key: UInt64) -> Int {
        let mixed = (key ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// Whether a phrase ends at `node`, a node of this trie (0 or an edge's target), whose
    /// arrays it indexes: read without a bounds test, as in ``child(of:_:)``, since every
    /// step of every match asks.
    @inline(__always)
    private func ends(at node: Int32) -> Bool {
        endsPhrase.withUnsafeBufferPointer { $0[Int(node)] }
    }

    @inline(__always)
    private func child(of node: Int32, _ key: UInt64) -> Int32? {
        guard childKeyBits.withUnsafeBufferPointer({ $0[Int(node)] }) & (1 &<< (key & 63)) != 0 else { return nil }
        return probe(from: node, key)
    }

    /// The target of the edge from `node` for `key`, looked up in the edge table.
    @inline(__always)
    private func probe(from node: Int32, _ key: UInt64) -> Int32? {
        // The slot index is masked to the table's size.
        slots.withUnsafeBufferPointer { slots in
            var index = slot(of: node, key)
            while true {
                let occupant = slots[index]
                if occupant.node < 0 { return nil }
                if occupant.node == node, occupant.key == key { return occupant.target }
                index = (index &+ 1) & mask
            }
        }
    }

    private mutating func addEdge(from node: Int32, _ key: UInt64, to target: Int32) {
        if (edgeCount + 1) * 2 > slots.count { grow() }
        var index = slot(of: node, key)
        while slots[index].node >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(key: key, node: node, target: target)
        edgeCount += 1
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, node: -1, target: 0), count: old.count * 2)
        mask = slots.count - 1
        edgeCount = 0
        for edge in old where edge.node >= 0 {
            addEdge(from: edge.node, edge.key, to: edge.target)
        }
    }
}
