import Foundation

/// DOT text being written, as UTF-8 bytes in one buffer, so that a graph of thousands of
/// elements is not built from thousands of small strings.
///
/// Every character the quoting rules treat specially is ASCII, and no byte of a
/// multi-byte character is ASCII, so quoting by bytes writes what quoting by Unicode
/// scalars did.
struct DOTText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` as it is.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends ` name=` and `value` quoted (``appendQuoted(_:)``), after `, `.
    mutating func appendAttribute(_ name: String, quoted value: String) {
        appendAttribute(name)
        appendQuoted(value)
    }

    /// Appends `, name=`; the value follows.
    mutating func appendAttribute(_ name: String) {
        append(", ")
        append(name)
        bytes.append(UInt8(ascii: "="))
    }

    /// A DOT double-quoted string. Quotes and backslashes are escaped, line breaks become
    /// DOT's centred `\n`, other control characters are dropped. Bytes that need nothing
    /// are copied a run at a time.
    mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"), UInt8(ascii: "\t"): bytes.append(UInt8(ascii: " "))
        default: return
        }
    }

    /// A DOT string for text that Graphviz shows (labels, tooltips). Graphviz reads entity
    /// references such as `&amp;` and `&#60;` in such text, so each `&` goes in as `&amp;`
    /// and a name that contains an entity reference is shown as written.
    mutating func appendQuotedText(_ text: String) {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return appendQuoted(text) }
        // Foundation's replacement, as the DOT was always written: it leaves an `&` that a
        // combining mark follows as it is, which a byte scan would not.
        appendQuoted(text.replacingOccurrences(of: "&", with: "&amp;"))
    }

    /// A DOT string for a node name, one per actor id: ids that differ only in control
    /// characters stay apart, because each such character is written as `\xHH`, which
    /// no id can spell otherwise (an id's own backslashes are doubled).
    mutating func appendQuotedID(_ id: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0..<0x20, 0x7F:
                append("\\x")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
