/// An edge by the indices of its ends (in an article's actors, or in a string table):
/// source, target and kind.
package struct Edge: Equatable, Sendable {
    package var source: Int32
    package var target: Int32
    package var kind: RelationKind

    package init(source: Int32, target: Int32, kind: RelationKind) {
        self.source = source
        self.target = target
        self.kind = kind
    }

    /// The edge's hash for an open-addressed table of a power-of-two size, masked by the
    /// caller. It mixes the pair only: the few kinds between one pair sit in neighbouring
    /// slots. The high 32 bits of the product choose among up to 2³² slots (a corpus's merge).
    @inlinable
    package var slotHash: Int {
        let pair = UInt64(UInt32(bitPattern: source)) << 32 | UInt64(UInt32(bitPattern: target))
        return Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}

/// Edges, each at a fixed position in the order first added, found by
/// value with a multiply and a probe or two.
///
/// Open addressing over small integers: `Dictionary` hashed each edge with SipHash, which
/// cost more than building the evidence the edge was looked up for.
package struct EdgeIndex: Sendable {
    /// The edges, in the order added; an edge's position never changes.
    package private(set) var edges: [Edge] = []
    /// Positions in `edges`; -1 marks an empty slot. Copied from ``emptyTableSlots`` at the
    /// first insert: filling a new array for each article cost more than copying one.
    private var slots = emptyTableSlots

    /// Room for the edges of most articles, which growing into cost more than the edges.
    package init() {
        edges.reserveCapacity(32)
    }

    /// The position of `edge`, if it was added.
    package func position(of edge: Edge) -> Int? {
        let slot = find(edge)
        return slots[slot] < 0 ? nil : Int(slots[slot])
    }

    /// The position of `edge`, adding it at the end if it is new.
    package mutating func insert(_ edge: Edge) -> Int {
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
        var slot = edge.slotHash & mask
        while slots[slot] >= 0, edges[Int(slots[slot])] != edge { slot = (slot + 1) & mask }
        return slot
    }


    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (position, edge) in edges.enumerated() {
            var slot = edge.slotHash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
        }
    }
}

/// The 64 slots of an empty open-addressed table, -1 each, for the tables of one article
/// or merge (``EdgeIndex`` and the graph builder's) to start from: filling a new array cost
/// more than copying this one.
package let emptyTableSlots = [Int32](repeating: -1, count: 64)
