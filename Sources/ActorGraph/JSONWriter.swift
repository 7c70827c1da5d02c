/// Writes JSON text with keys in the order given, so output is byte-for-byte reproducible.
///
/// Foundation's encoder either keeps no order or sorts keys alphabetically; the schema's
/// documented field order reads better and costs nothing to keep.
struct JSONWriter {
    private(set) var text = ""
    private var indent = 0
    private var needsComma = [false]

    /// Hands over the text written so far and starts afresh, keeping the nesting, so that
    /// a large document can go out in pieces.
    mutating func takeText() -> String {
        defer { text = "" }
        return text
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    mutating func key(_ name: String) {
        separate()
        writeString(name)
        text += ": "
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { writeString(value) } else { text += "null" }
    }

    mutating func int(_ value: Int) {
        separate()
        text += String(value)
    }

    mutating func bool(_ value: Bool) {
        separate()
        text += value ? "true" : "false"
    }

    /// Writes the shortest decimal that reads back as the same value; non-finite as 0.
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else { text += "0"; return }
        if value == value.rounded(), abs(value) < 1e15 { text += String(Int(value)) } else { text += String(value) }
    }

    private var pendingKey = false

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            needsComma[needsComma.count - 1] = true
            return
        }
        if needsComma[needsComma.count - 1] { text += "," }
        if indent > 0 { text += "\n" + String(repeating: "  ", count: indent) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func open(_ bracket: String) {
        separate()
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { text += "\n" + String(repeating: "  ", count: indent) }
        text += bracket
    }

    private mutating func writeString(_ value: String) {
        text += "\""
        var value = value
        // Runs of bytes that need no escape are appended whole: appending scalar by scalar
        // made encoding a corpus's merged graph a quarter of the run.
        value.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard let (escape, width) = Self.escape(bytes, at: index) else {
                    index += 1
                    continue
                }
                if runStart < index { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self) }
                text += escape
                index += width
                runStart = index
            }
            if runStart < bytes.count { text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self) }
        }
        text += "\""
    }

    /// The escape for the character starting at `index`, and its width in bytes, or `nil`
    /// when it is written as it is.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (String, Int)? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case 0x0A: return ("\\n", 1)
        case 0x0D: return ("\\r", 1)
        case 0x09: return ("\\t", 1)
        // Escaped so that JSON embedded in an HTML <script> block cannot close it.
        case UInt8(ascii: "<"): return ("\\u003c", 1)
        case UInt8(ascii: ">"): return ("\\u003e", 1)
        case UInt8(ascii: "&"): return ("\\u0026", 1)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        case ..<0x20:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        default:
            return nil
        }
    }
}
