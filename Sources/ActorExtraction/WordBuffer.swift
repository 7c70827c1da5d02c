/// A fixed number of 64-bit words in one heap object, all zero when made: the storage of
/// the per-article index structures (``IndexBits``, ``MentionIndex``).
///
/// A subclass of `ManagedBuffer` is allocated directly, where making an array of a given
/// size goes through the standard library's unspecialised allocation, which looks up the
/// array's storage type on every call (some 660 instructions, a dozen calls an article).
/// Not generic: a generic subclass's metadata was looked up by its mangled name again and
/// again, at several thousand instructions a time.
final class WordBuffer: ManagedBuffer<Int, UInt64> {
    /// `count` zero words; the header keeps the count.
    static func make(count: Int) -> WordBuffer {
        precondition(count >= 0, "a negative count")
        let buffer = unsafeDowncast(create(minimumCapacity: count) { _ in count }, to: WordBuffer.self)
        buffer.withUnsafeMutablePointerToElements { zero($0, count: count) }
        return buffer
    }

    /// Zeroes `count` words in runs of 2 KB: the C library fills a larger run with
    /// `rep stosb`, no faster at these sizes, which valgrind counts a byte at a time, so
    /// that instruction counts would show a cost that is not there.
    private static func zero(_ words: UnsafeMutablePointer<UInt64>, count: Int) {
        var start = 0
        while start < count {
            let run = Swift.min(256, count &- start)
            (words + start).initialize(repeating: 0, count: run)
            start &+= run
        }
    }

    /// The number of words, fixed when made.
    var count: Int { header }

    /// A buffer of the same words, for a writer that shares this one.
    func copy() -> WordBuffer {
        let count = header
        let copy = unsafeDowncast(Self.create(minimumCapacity: count) { _ in count }, to: WordBuffer.self)
        withUnsafeMutablePointerToElements { source in
            copy.withUnsafeMutablePointerToElements { $0.initialize(from: source, count: count) }
        }
        return copy
    }

    /// The word at `index`, which must be below ``count``: callers test their indexes
    /// against a count of their own before they ask.
    @inline(__always)
    func word(_ index: Int) -> UInt64 {
        withUnsafeMutablePointerToElements { $0[index] }
    }

    /// Sets the word at `index`, which must be below ``count``.
    @inline(__always)
    func setWord(_ index: Int, to value: UInt64) {
        withUnsafeMutablePointerToElements { $0[index] = value }
    }
}
