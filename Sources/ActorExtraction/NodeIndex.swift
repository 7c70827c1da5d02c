import ActorGraph

/// The nodes of one article's graph by actor index: which actors it names, and at which
/// node, found with a multiply and a probe or two; and each node's chain of mentions.
///
/// A table of every actor the gazetteer lists, filled per article, cost more to clear for
/// each article than the article's few dozen lookups.
struct NodeIndex {
    /// A node: its actor index, and its mentions, by their places in the builder's list:
    /// the first and the last (-1: none) and how many.
    struct Node {
        var actor: Int32
        var firstMention: Int32 = -1
        var lastMention: Int32 = -1
        var mentionCount: Int32 = 0
    }

    /// The nodes, in the order added. One array for the actors and the mentions' chains:
    /// a second array cost more to make and free than the records in it.
    private(set) var nodes: [Node] = []
    /// Node numbers; -1 marks an empty slot. Copied from ``emptyTableSlots`` at the first insert:
    /// the array initialiser that fills an array is not specialised, and cost more than the copy.
    private var slots = emptyTableSlots


    init() {
        nodes.reserveCapacity(32)
    }

    var count: Int { nodes.count }

    /// The actor index of each node, in the order added.
    var actors: [Int32] { nodes.map(\.actor) }

    /// The actor index of the node at `node`.
    @inline(__always)
    func actor(at node: Int) -> Int32 { nodes[node].actor }

    /// The node of the actor at `actor`, if it was added.
    func node(of actor: Int32) -> Int? {
        let slot = find(actor)
        return slots[slot] < 0 ? nil : Int(slots[slot])
    }

    /// The node of the actor at `actor`, adding it as the next node if it is new.
    mutating func insert(_ actor: Int32) -> Int {
        let slot = find(actor)
        if slots[slot] >= 0 { return Int(slots[slot]) }
        return add(Node(actor: actor), at: slot)
    }

    /// Adds the mention at `mention` to the chain of the actor's node, adding the node if it
    /// is new; returns the node and the node's mention before (-1: none).
    ///
    /// Inlined into the builder's loop over an article's mentions, fifty or so, each of
    /// which paid a call; adding a node stays a call.
    @inline(__always)
    mutating func insert(mention: Int32, of actor: Int32) -> (node: Int, previous: Int32) {
        let slot = find(actor)
        guard slots[slot] >= 0 else {
            return (add(Node(actor: actor, firstMention: mention, lastMention: mention, mentionCount: 1), at: slot), -1)
        }
        let node = Int(slots[slot])
        // Read and written whole: each write of a field checked the array's uniqueness again.
        var record = nodes[node]
        let previous = record.lastMention
        if previous < 0 { record.firstMention = mention }
        record.lastMention = mention
        record.mentionCount += 1
        nodes[node] = record
        return (node, previous)
    }

    @inline(never)
    private mutating func add(_ node: Node, at slot: Int) -> Int {
        slots[slot] = Int32(nodes.count)
        nodes.append(node)
        if nodes.count * 2 > slots.count { grow() }
        return nodes.count - 1
    }

    /// The slot that holds `actor`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ actor: Int32) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(actor) & mask
        while slots[slot] >= 0, nodes[Int(slots[slot])].actor != actor { slot = (slot + 1) & mask }
        return slot
    }

    @inline(__always)
    private static func hash(_ actor: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: actor)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (node, record) in nodes.enumerated() {
            var slot = Self.hash(record.actor) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(node)
        }
    }
}
