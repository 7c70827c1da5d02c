/// Converts UTF-8 byte offsets into Unicode code point offsets.
///
/// Extraction works on bytes; the graph reports code points. ASCII text needs no table.
struct CodePointOffsets {
    private let table: [Int32]?

    init(_ bytes: [UInt8]) {
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            table = nil
            return
        }
        var table = [Int32](repeating: 0, count: bytes.count + 1)
        var count: Int32 = 0
        for (index, byte) in bytes.enumerated() {
            table[index] = count
            // Continuation bytes (10xxxxxx) belong to the code point already counted.
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        table[bytes.count] = count
        self.table = table
    }

    /// The code point offset of the code point that starts at, or contains, `byte`.
    func codePoint(atByte byte: Int) -> Int {
        guard let table else { return byte }
        return Int(table[byte])
    }
}
