import ActorGraph

/// The items of evidence of one article's edges: each item with its edge, each edge's
/// items chained from its first in the order added, and the edges found by value with a
/// multiply and a probe or two.
///
/// An edge is its first item's: a list of the edges, and another of each one's first
/// item, cost more to make and free than the lookups.
struct EdgeItems {
    /// Not generic: a field of a generic entry's item, read through a pointer, copied the
    /// whole item first.
    typealias Item = GraphBuilder.PendingEvidence

    /// An item, its edge, and the edge's next item (-1: none).
    struct Entry {
        var item: Item
        var edge: Edge
        var next: Int32 = -1
        /// Whether the item is its edge's first.
        var isFirst: Bool
    }

    /// The items, in the order added.
    private(set) var entries: [Entry] = []
    /// The first items' places in `entries`; -1 marks an empty slot. Copied from
    /// ``emptyTableSlots`` at the first insert: filling a new array cost more than copying one.
    private var slots = emptyTableSlots
    /// How many edges there are.
    private(set) var edgeCount = 0

    /// Room for the items of most articles, which growing into cost more than the items.
    init() {
        entries.reserveCapacity(32)
    }

    /// No items, in the lists of items no longer used, taken from `lists` and emptied,
    /// their room kept: making and freeing the lists for each article cost more than
    /// most articles' items.
    init(reusing lists: inout Lists) {
        swap(&entries, &lists.entries)
        swap(&slots, &lists.slots)
        entries.removeAll(keepingCapacity: true)
        if entries.capacity == 0 { entries.reserveCapacity(32) }
        // A table without edges was never written: it may still be the shared empty one.
        if lists.hasEdges { slots.withUnsafeMutableBufferPointer { $0.update(repeating: -1) } }
        lists.hasEdges = false
    }

    /// The items' lists, to hand on to another article's (``init(reusing:)``).
    struct Lists {
        var entries: [Entry] = []
        var slots = emptyTableSlots
        /// Whether the slots hold edges.
        var hasEdges = false
    }

    /// The lists, for ``init(reusing:)``.
    var lists: Lists { Lists(entries: entries, slots: slots, hasEdges: edgeCount > 0) }

    /// The place of the first item of `edge`; -1 if it has none.
    func first(of edge: Edge) -> Int32 {
        slots[slot(of: edge)]
    }

    /// Where `edge` is: its slot, and the place of its first item there (-1: none, the
    /// slot empty).
    func find(_ edge: Edge) -> (slot: Int, first: Int32) {
        let slot = slot(of: edge)
        return (slot, slots[slot])
    }

    /// Adds `item` to `edge`, after the edge's item at `last`; -1: the edge is new, and
    /// goes in `slot`, which ``find(_:)`` gave for it with nothing added since.
    mutating func append(_ item: consuming Item, to edge: Edge, after last: Int32, slot: Int) {
        let place = Int32(entries.count)
        entries.append(Entry(item: item, edge: edge, isFirst: last < 0))
        guard last < 0 else {
            entries[Int(last)].next = place
            return
        }
        slots[slot] = place
        edgeCount += 1
        if edgeCount * 2 > slots.count { grow() }
    }

    /// Puts `item` in place of the one at `place`, on the same edge.
    mutating func replace(at place: Int32, with item: consuming Item) {
        entries[Int(place)].item = item
    }

    /// The slot that holds the first item of `edge`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of edge: Edge) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(edge) & mask
        while slots[slot] >= 0, !Self.same(entries[Int(slots[slot])].edge, edge) { slot = (slot + 1) & mask }
        return slot
    }

    /// ``Edge/slotHash``, computed here: from another module, it was called at each lookup.
    @inline(__always)
    private static func hash(_ edge: Edge) -> Int {
        let pair = UInt64(UInt32(bitPattern: edge.source)) << 32 | UInt64(UInt32(bitPattern: edge.target))
        return Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    /// Whether two edges are one, field by field: `Edge`'s own `==`, from another module,
    /// was called through its conformance.
    @inline(__always)
    private static func same(_ a: Edge, _ b: Edge) -> Bool {
        a.source == b.source && a.target == b.target && a.kind == b.kind
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (place, entry) in entries.enumerated() where entry.isFirst {
            var slot = Self.hash(entry.edge) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(place)
        }
    }
}
