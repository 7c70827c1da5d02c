/// A run of values in memory that an ``ArticleView`` owns (at most one a token of the
/// article), read with a bounds test as an array is, without an array's reference count:
/// the view's bits, flags and index lists were arrays of their own, and their allocations,
/// copies and releases cost more than some of the passes that read them.
///
/// Valid only while the article view that made it lives.
struct TokenColumn<Element> {
    let base: UnsafePointer<Element>
    let count: Int

    init(_ base: UnsafePointer<Element>, count: Int) {
        precondition(count >= 0)
        self.base = base
        self.count = count
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count)
        return base[index]
    }

    var isEmpty: Bool { count == 0 }

    /// The values as a buffer, for a loop that reads them without a bounds test each.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

extension TokenColumn where Element == UInt16 {
    /// The first index in `range` whose bits share any of `bits`, or `nil`. Four entries
    /// are tested at a time: the clause readings look far for rare bits (the sentence's
    /// final mark, an "if" before the cue), and one entry at a time was a load and a
    /// branch each.
    @inline(__always)
    func firstIndex(sharing bits: UInt16, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        let lanes = UInt64(bits) &* 0x0001_0001_0001_0001
        let raw = UnsafeRawPointer(base)
        var index = range.lowerBound
        // Four entries a load: a load that meets the bits leaves the one to find at or after `index`.
        while index &+ 4 <= range.upperBound, raw.loadUnaligned(fromByteOffset: index &* 2, as: UInt64.self) & lanes == 0 { index &+= 4 }
        while index < range.upperBound {
            if base[index] & bits != 0 { return index }
            index &+= 1
        }
        return nil
    }
}

/// The memory of an ``ArticleView``'s columns, one allocation per article: room for the cue
/// hits of a sentence (``CueHits``), the facts pass's four index lists, the ``TokenFact``
/// bits and the quotation flags of every token.
struct TokenColumnStorage: ~Copyable {
    let tokenCount: Int
    private let base: UnsafeMutableRawPointer

    /// Room for `tokenCount` entries in each column; the bits are 0 and the flags `false`.
    init(tokenCount: Int) {
        precondition(tokenCount >= 0)
        self.tokenCount = tokenCount
        // The hits first, then the Int32 lists, then the UInt16 bits, then the flags: each
        // part starts aligned for its type.
        let byteCount = tokenCount * Self.bytesPerToken
        base = .allocate(byteCount: max(1, byteCount), alignment: max(MemoryLayout<CueHit>.alignment, MemoryLayout<Int32>.alignment))
        bits.initialize(repeating: 0, count: tokenCount)
        flags.initialize(repeating: false, count: tokenCount)
    }

    deinit { base.deallocate() }

    private static let bytesPerToken = MemoryLayout<CueHit>.stride + 4 * MemoryLayout<Int32>.stride + MemoryLayout<UInt16>.stride
        + MemoryLayout<Bool>.stride

    /// Room for a cue hit at every token, uninitialised: ``CueHits`` writes before it reads.
    var hits: UnsafeMutablePointer<CueHit> { base.bindMemory(to: CueHit.self, capacity: tokenCount) }

    /// Where the parts after the hits start.
    private var afterHits: UnsafeMutableRawPointer { base + MemoryLayout<CueHit>.stride * tokenCount }

    /// The four lists' memory, ``IndexLists/Starts`` with room for one index per token in each.
    var lists: IndexLists.Starts {
        IndexLists.Starts(afterHits.bindMemory(to: Int32.self, capacity: 4 * tokenCount), capacity: tokenCount)
    }

    /// Where the parts after the four lists start.
    private var afterLists: UnsafeMutableRawPointer {
        afterHits + 4 * MemoryLayout<Int32>.stride * tokenCount
    }

    /// One ``TokenFact`` bits entry per token.
    var bits: UnsafeMutablePointer<UInt16> {
        afterLists.bindMemory(to: UInt16.self, capacity: tokenCount)
    }

    /// One flag per token.
    var flags: UnsafeMutablePointer<Bool> {
        (afterLists + MemoryLayout<UInt16>.stride * tokenCount).bindMemory(to: Bool.self, capacity: tokenCount)
    }
}
