/// Whether bytes are text that decoding would hand back unchanged: well-formed UTF-8
/// without NUL bytes or a byte-order mark.
///
/// A JSON Lines line almost always is, and then needs no decoded copy: making one only to
/// learn that nothing needed repair cost more than reading the article's fields. Eight
/// ASCII bytes are checked at a time; anything else by the table of well-formed byte
/// sequences in the Unicode standard (3.9, table 3-7).
enum PlainUTF8 {
    static func holds(_ bytes: [UInt8]) -> Bool {
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        return bytes.withUnsafeBufferPointer { isWellFormed($0) }
    }

    private static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if isPlainASCII(word) {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte != 0 else { return false }
                index += 1
                continue
            }
            guard let width = sequenceWidth(bytes, at: index) else { return false }
            index += width
        }
        return true
    }

    /// Whether eight bytes are all ASCII and none is NUL.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A zero byte borrows into its own high bit when one is subtracted.
        return word & highs == 0 && (word &- ones) & ~word & highs == 0
    }

    /// The length of the well-formed multi-byte sequence at `index`, or `nil`.
    private static func sequenceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let width: Int
        // The allowed range of the second byte narrows for the leads that could otherwise
        // spell overlong forms, surrogates or values past U+10FFFF.
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0: width = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: width = 3
        case 0xED: width = 3; secondRange = 0x80...0x9F
        case 0xF0: width = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: width = 4
        case 0xF4: width = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + width <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return width
    }
}
