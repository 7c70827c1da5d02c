/// A set of actor indexes as one bit each.
///
/// Mention finding asks which of the gazetteer's few thousand actors an article names; a
/// `[Bool]` of that size cost a fill of a few thousand bytes per article, this one an
/// eighth of it.
struct ActorBits {
    private var words: [UInt64]

    /// An empty set for indexes below `count`.
    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ actor: Int32) {
        words[Int(actor) &>> 6] |= 1 &<< UInt64(actor & 63)
    }

    /// Whether `actor` is in the set; indexes past the count given at creation are not.
    @inline(__always)
    func contains(_ actor: Int32) -> Bool {
        let word = Int(actor) &>> 6
        return actor >= 0 && word < words.count && words[word] & (1 &<< UInt64(actor & 63)) != 0
    }
}
