extension Array {
    /// The first index whose element's `key` is not less than `value`, in an array sorted
    /// by that key; `count` when there is none.
    ///
    /// - Complexity: O(log n).
    func firstIndex<Key: Comparable>(sortedBy key: (Element) -> Key, atLeast value: Key) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if key(self[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
