/// A trie over token hashes: finds the longest listed phrase starting at a token in
/// time proportional to the phrase length, whatever the number of phrases.
struct TokenTrie<Payload: Sendable>: Sendable {
    private struct Edge: Hashable, Sendable {
        var node: Int32
        var key: UInt64
    }

    private var edges: [Edge: Int32] = [:]
    private var payloads: [Int32: [Payload]] = [:]
    private var nodeCount: Int32 = 1

    /// The number of phrases stored.
    private(set) var count = 0

    mutating func insert(_ keys: [UInt64], _ payload: Payload) {
        guard !keys.isEmpty else { return }
        var node: Int32 = 0
        for key in keys {
            if let next = edges[Edge(node: node, key: key)] {
                node = next
            } else {
                edges[Edge(node: node, key: key)] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        payloads[node, default: []].append(payload)
        count += 1
    }

    /// The longest phrase whose keys equal `key(start)`, `key(start + 1)`, …
    ///
    /// - Parameter key: the key of the token at an index, or `nil` past the end.
    /// - Returns: the phrase length in tokens and its payloads.
    @inline(__always)
    func longestMatch(from start: Int, key: (Int) -> UInt64?) -> (length: Int, payloads: [Payload])? {
        var node: Int32 = 0
        var best: (Int, [Payload])?
        var index = start
        while let tokenKey = key(index), let next = edges[Edge(node: node, key: tokenKey)] {
            node = next
            index += 1
            if let found = payloads[node] { best = (index - start, found) }
        }
        return best
    }
}
