/// Writes JSON text with keys in the order given, so output is byte-for-byte reproducible.
///
/// Foundation's encoder either keeps no order or sorts keys alphabetically; the schema's
/// documented field order reads better and costs nothing to keep. The text is built as
/// UTF-8 bytes, since appending to a `String` a character at a time dominated the cost of
/// writing large graphs.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma = [false]
    private var pendingKey = false

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Hands over the bytes written so far and starts afresh, keeping the nesting, so that
    /// a large document can go out in pieces.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { writeString(value) } else { append("null") }
    }

    mutating func int(_ value: Int) {
        separate()
        append(String(value))
    }

    mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    /// Writes the shortest decimal that reads back as the same value; non-finite as 0.
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else { append("0"); return }
        if value == value.rounded(), abs(value) < 1e15 { append(String(Int(value))) } else { append(String(value)) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            needsComma[needsComma.count - 1] = true
            return
        }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        if indent > 0 { newline() }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        bytes.append(bracket)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            // Escaped so that JSON embedded in an HTML <script> block cannot close it.
            case UInt8(ascii: "<"): append("\\u003c")
            case UInt8(ascii: ">"): append("\\u003e")
            case UInt8(ascii: "&"): append("\\u0026")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80):
                // U+2028 and U+2029 end lines in JavaScript; escaped, embedded JSON stays valid.
                bytes.removeLast(2)
                append(byte == 0xA8 ? "\\u2028" : "\\u2029")
            default:
                bytes.append(byte)
            }
            previous = (previous.1, byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
