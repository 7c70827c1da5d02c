/// The nodes of one article's graph by actor index: which actors it names, and at which
/// node, found with a multiply and a probe or two.
///
/// A table of every actor the gazetteer lists, filled per article, cost more to clear for
/// each article than the article's few dozen lookups.
struct NodeIndex {
    /// The actor index of each node, in the order added.
    private(set) var actors: [Int32] = []
    /// Node numbers; -1 marks an empty slot. Copied from ``emptySlots`` at the first insert:
    /// the array initialiser that fills an array is not specialised, and cost more than the copy.
    private var slots = Self.emptySlots

    private static let emptySlots = [Int32](repeating: -1, count: 64)

    init() {
        actors.reserveCapacity(32)
    }

    var count: Int { actors.count }

    /// The node of the actor at `actor`, if it was added.
    func node(of actor: Int32) -> Int? {
        let slot = find(actor)
        return slots[slot] < 0 ? nil : Int(slots[slot])
    }

    /// The node of the actor at `actor`, adding it as the next node if it is new.
    mutating func insert(_ actor: Int32) -> Int {
        let slot = find(actor)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        slots[slot] = Int32(actors.count)
        actors.append(actor)
        if actors.count * 2 > slots.count { grow() }
        return actors.count - 1
    }

    /// The slot that holds `actor`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ actor: Int32) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(actor) & mask
        while slots[slot] >= 0, actors[Int(slots[slot])] != actor { slot = (slot + 1) & mask }
        return slot
    }

    @inline(__always)
    private static func hash(_ actor: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: actor)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (node, actor) in actors.enumerated() {
            var slot = Self.hash(actor) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(node)
        }
    }
}
