import ActorGraph

/// An edge of one article's graph by actor index: source, target and kind.
struct Edge: Equatable {
    var source: Int32
    var target: Int32
    var kind: RelationKind
}

/// The edges of one article, each at a fixed position in the order first added, found by
/// value with a multiply and a probe or two.
///
/// Open addressing over small integers: `Dictionary` hashed each edge with SipHash, which
/// cost more than building the evidence the edge was looked up for.
struct EdgeIndex {
    /// The edges, in the order added; an edge's position never changes.
    private(set) var edges: [Edge] = []
    /// Positions in `edges`; -1 marks an empty slot.
    private var slots = [Int32](repeating: -1, count: 64)

    /// Room for the edges of most articles, which growing into cost more than the edges.
    init() {
        edges.reserveCapacity(32)
    }

    /// The position of `edge`, if it was added.
    func position(of edge: Edge) -> Int? {
        let slot = find(edge)
        return slots[slot] < 0 ? nil : Int(slots[slot])
    }

    /// The position of `edge`, adding it at the end if it is new.
    mutating func insert(_ edge: Edge) -> Int {
        let slot = find(edge)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        slots[slot] = Int32(edges.count)
        edges.append(edge)
        if edges.count * 2 > slots.count { grow() }
        return edges.count - 1
    }

    /// The slot that holds `edge`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ edge: Edge) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(edge) & mask
        while slots[slot] >= 0, edges[Int(slots[slot])] != edge { slot = (slot + 1) & mask }
        return slot
    }

    /// Mixes the pair only: the few kinds between one pair sit in neighbouring slots.
    @inline(__always)
    private static func hash(_ edge: Edge) -> Int {
        let pair = UInt64(UInt32(bitPattern: edge.source)) << 32 | UInt64(UInt32(bitPattern: edge.target))
        return Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, edge) in edges.enumerated() {
            var slot = Self.hash(edge) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
        }
    }
}
