import ActorGraph

/// The nodes of one article's graph by actor index: which actors it names, and at which
/// node, found with a multiply and a probe or two; and each node's chain of mentions.
///
/// A table of every actor the gazetteer lists, filled per article, cost more to clear for
/// each article than the article's few dozen lookups.
///
/// The records and the slots live in a buffer of the index's own (``Storage``), not in
/// arrays: each write to an array checked the array's uniqueness first, some 15
/// instructions at each mention and more at each new node. So copies of an index share
/// its storage: the builder that owns one adds to it, and hands out copies only to read.
struct NodeIndex {
    /// A node: its actor index, and its mentions, by their places in the builder's list:
    /// the first and the last (-1: none) and how many.
    struct Node {
        var actor: Int32
        var firstMention: Int32 = -1
        var lastMention: Int32 = -1
        var mentionCount: Int32 = 0
    }

    /// The nodes, in the order added, then room for more; and the slots, node numbers by
    /// actor hash, -1 marking an empty one.
    final class Storage {
        var nodes: UnsafeMutablePointer<Node>
        var count = 0
        var capacity: Int
        var slots: UnsafeMutablePointer<Int32>
        var slotCount: Int

        init(capacity: Int, slotCount: Int) {
            self.capacity = capacity
            self.slotCount = slotCount
            nodes = .allocate(capacity: capacity)
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: -1, count: slotCount)
        }

        deinit {
            nodes.deallocate()
            slots.deallocate()
        }

        /// Drops every node, keeping the room.
        func removeAll() {
            count = 0
            slots.update(repeating: -1, count: slotCount)
        }
    }

    /// Where the nodes are, to hand on to another article's index (``init(reusing:)``).
    let storage: Storage

    init() {
        storage = Storage(capacity: 32, slotCount: 64)
    }

    /// An empty index in the storage of one no longer used, which loses its nodes: making
    /// and freeing storage for each article cost more than its lookups.
    init(reusing storage: Storage) {
        storage.removeAll()
        self.storage = storage
    }

    var count: Int { storage.count }

    /// The nodes, in the order added. Valid while the index lives and adds no node.
    var nodes: UnsafeBufferPointer<Node> { UnsafeBufferPointer(start: storage.nodes, count: storage.count) }

    /// The actor index of each node, in the order added.
    var actors: [Int32] { nodes.map(\.actor) }

    /// The actor index of the node at `node`.
    @inline(__always)
    func actor(at node: Int) -> Int32 {
        precondition(node >= 0 && node < storage.count, "node out of range")
        return storage.nodes[node].actor
    }

    /// The node of the actor at `actor`, if it was added.
    func node(of actor: Int32) -> Int? {
        let held = storage.slots[find(actor)]
        return held < 0 ? nil : Int(held)
    }

    /// The node of the actor at `actor`, adding it as the next node if it is new.
    mutating func insert(_ actor: Int32) -> Int {
        let slot = find(actor)
        let held = storage.slots[slot]
        if held >= 0 { return Int(held) }
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
        let held = storage.slots[slot]
        guard held >= 0 else {
            return (add(Node(actor: actor, firstMention: mention, lastMention: mention, mentionCount: 1), at: slot), -1)
        }
        // A slot holds only nodes added, so `held` is below the count.
        let record = storage.nodes + Int(held)
        let previous = record.pointee.lastMention
        if previous < 0 { record.pointee.firstMention = mention }
        record.pointee.lastMention = mention
        record.pointee.mentionCount += 1
        return (Int(held), previous)
    }

    @inline(never)
    private mutating func add(_ node: Node, at slot: Int) -> Int {
        let storage = storage
        if storage.count == storage.capacity { growNodes() }
        let added = storage.count
        (storage.nodes + added).initialize(to: node)
        storage.count = added + 1
        storage.slots[slot] = Int32(truncatingIfNeeded: added)
        if storage.count * 2 > storage.slotCount { growSlots() }
        return added
    }

    /// The slot that holds `actor`, or the empty slot where it would go. The slots are
    /// never more than half full, so an empty one ends each walk.
    @inline(__always)
    private func find(_ actor: Int32) -> Int {
        let slots = storage.slots, nodes = storage.nodes
        let mask = storage.slotCount - 1
        var slot = Self.hash(actor) & mask
        while true {
            let held = slots[slot]
            if held < 0 || nodes[Int(held)].actor == actor { return slot }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func hash(_ actor: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: actor)) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    private func growNodes() {
        let capacity = storage.capacity * 2
        let nodes = UnsafeMutablePointer<Node>.allocate(capacity: capacity)
        nodes.moveInitialize(from: storage.nodes, count: storage.count)
        storage.nodes.deallocate()
        storage.nodes = nodes
        storage.capacity = capacity
    }

    private func growSlots() {
        let slotCount = storage.slotCount * 2
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        let mask = slotCount - 1
        for node in 0..<storage.count {
            var slot = Self.hash(storage.nodes[node].actor) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(node)
        }
        storage.slots.deallocate()
        storage.slots = slots
        storage.slotCount = slotCount
    }
}
