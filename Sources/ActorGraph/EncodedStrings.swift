/// Where a record layout (``MentionLayout``, ``EvidenceLayout``) takes the strings it
/// writes from: a merge's table of strings encoded once, or the strings themselves.
protocol LayoutStrings {
    associatedtype Handle
    /// Writes the string `handle` stands for as ``JSONWriter/flatValue(_:)-(String?)`` does.
    func write(_ handle: Handle, to writer: inout JSONWriter)
}

/// The JSON text of every string of a ``StringTable``, quotes and escapes included, made
/// once, so that a merge that writes each of a few thousand strings a million times copies
/// them instead of scanning them for escapes each time.
struct EncodedStrings: LayoutStrings {
    private let pieces: Pieces

    init(_ table: StringTable, writer: borrowing JSONWriter) {
        // All written by one writer of the same style, not each by a writer of its own.
        var encoder = JSONWriter(capacity: table.count * 16, compact: writer.isCompact)
        var ends = [0]
        ends.reserveCapacity(table.count + 1)
        for index in 0..<Int32(table.count) {
            encoder.flatValue(table[index])
            ends.append(encoder.count)
        }
        pieces = Pieces(bytes: encoder.bytes, ends: ends)
    }

    /// Writes the string at `index` as ``JSONWriter/flatValue(_:)-(String?)`` does.
    @inline(__always)
    func write(_ index: Int32, to writer: inout JSONWriter) {
        pieces.write(Int(index), to: &writer)
    }
}

/// The strings of one graph's records: the id of the graph's one article, which every
/// record repeats, encoded once; the others written as they are, since a single article's
/// graph repeats too few of them for encoding each once to pay.
struct DocumentStrings: LayoutStrings {
    enum Handle {
        /// The article id given to ``init(article:writer:)``.
        case article
        case text(String)
    }

    private let article: [UInt8]

    init(article: String, writer: borrowing JSONWriter) {
        self.article = writer.flatValueBytes(article)
    }

    func write(_ handle: Handle, to writer: inout JSONWriter) {
        switch handle {
        case .article: writer.raw(article)
        case .text(let string): writer.flatValue(string)
        }
    }
}
