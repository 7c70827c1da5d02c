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
        self.table = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { table, initialized in
            var count: Int32 = 0
            bytes.withUnsafeBufferPointer { bytes in
                for index in bytes.indices {
                    table[index] = count
                    // Continuation bytes (10xxxxxx) belong to the code point already counted.
                    count += bytes[index] & 0xC0 != 0x80 ? 1 : 0
                }
            }
            table[bytes.count] = count
            initialized = bytes.count + 1
        }
    }

    /// The code point offset of the code point that starts at, or contains, `byte`.
    func codePoint(atByte byte: Int) -> Int {
        guard let table else { return byte }
        return Int(table[byte])
    }
}
