/// Whether bytes are UTF-8, as the standard library's decoding takes them: its check of a
/// text with a few curly quotes in it went a byte at a time over the whole text, and making
/// a `String` of each run between them cost more than reading the line.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII eight bytes at a time, then a byte at a time to the next character.
            while index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index &+= 8
            }
            guard index < count else { return true }
            let lead = base[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            guard let width = sequenceWidth(base + index, available: count - index) else { return false }
            index &+= width
        }
        return true
    }

    /// The width of the well-formed sequence at `start`, whose first byte is 0x80 or above,
    /// by the table of well-formed byte sequences of the Unicode Standard (3.9, table 3-7);
    /// `nil` if it is not one. The JSON Lines reader checks each such character of a string
    /// with it as it reads the string.
    static func sequenceWidth(_ start: UnsafePointer<UInt8>, available: Int) -> Int? {
        let lead = start[0]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset < available && start[offset] >= low && start[offset] <= high
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }
}
