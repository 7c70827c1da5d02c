extension Graph {
    /// Merges graphs into one, keeping which article each mention and evidence item came from.
    ///
    /// Merging is associative and commutative: any grouping and any order of the same
    /// graphs gives an identical result. Where two graphs name one actor differently, the
    /// longer name wins (ties: the smaller string), and a known country beats an unknown one.
    ///
    /// - Complexity: O(n log n) in the total number of actors, relations, mentions and
    ///   evidence items.
    public static func merged(_ graphs: [Graph]) -> Graph {
        var accumulator = GraphAccumulator()
        for graph in graphs { accumulator.add(graph) }
        return accumulator.takeGraph()
    }

    /// Merges `other` into this graph; see ``merged(_:)``.
    public mutating func merge(_ other: Graph) {
        self = Graph.merged([self, other])
    }

    /// Adds an actor, merging it with an actor of the same id.
    public mutating func add(actor: Actor) {
        merge(Graph(actors: [actor]))
    }
}
