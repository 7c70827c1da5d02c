/// The JSON text of every string of a ``StringTable``, quotes and escapes included, made
/// once, so that a merge that writes each of a few thousand strings a million times copies
/// them instead of scanning them for escapes each time.
struct EncodedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]

    init(_ table: StringTable, writer: borrowing JSONWriter) {
        for index in 0..<Int32(table.count) {
            bytes += writer.flatValueBytes(table[index])
            ends.append(bytes.count)
        }
    }

    /// Writes the string at `index` as ``JSONWriter/flatValue(_:)-(String?)`` does.
    func write(_ index: Int32, to writer: inout JSONWriter) {
        let start = ends[Int(index)], end = ends[Int(index) + 1]
        bytes.withUnsafeBufferPointer { writer.raw(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}
