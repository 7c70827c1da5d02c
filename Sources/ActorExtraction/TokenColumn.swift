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

/// The memory of an ``ArticleView``'s columns, one allocation per article: the facts pass's
/// four index lists, the ``TokenFact`` bits and the quotation flags of every token.
struct TokenColumnStorage: ~Copyable {
    let tokenCount: Int
    private let base: UnsafeMutableRawPointer

    /// Room for `tokenCount` entries in each column; the bits are 0 and the flags `false`.
    init(tokenCount: Int) {
        precondition(tokenCount >= 0)
        self.tokenCount = tokenCount
        // The Int32 lists first, then the UInt16 bits, then the flags: each part starts
        // aligned for its type.
        base = .allocate(byteCount: max(1, tokenCount * Self.bytesPerToken), alignment: MemoryLayout<Int32>.alignment)
        bits.initialize(repeating: 0, count: tokenCount)
        flags.initialize(repeating: false, count: tokenCount)
    }

    deinit { base.deallocate() }

    private static let bytesPerToken = 4 * MemoryLayout<Int32>.stride + MemoryLayout<UInt16>.stride + MemoryLayout<Bool>.stride

    /// The four lists' memory, ``IndexLists/Starts`` with room for one index per token in each.
    var lists: IndexLists.Starts {
        IndexLists.Starts(base.bindMemory(to: Int32.self, capacity: 4 * tokenCount), capacity: tokenCount)
    }

    /// One ``TokenFact`` bits entry per token.
    var bits: UnsafeMutablePointer<UInt16> {
        (base + 4 * MemoryLayout<Int32>.stride * tokenCount).bindMemory(to: UInt16.self, capacity: tokenCount)
    }

    /// One flag per token.
    var flags: UnsafeMutablePointer<Bool> {
        (base + (4 * MemoryLayout<Int32>.stride + MemoryLayout<UInt16>.stride) * tokenCount).bindMemory(to: Bool.self, capacity: tokenCount)
    }
}
