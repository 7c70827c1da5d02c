/// Escaping for every XML-family format actorgraph writes (SVG, GraphML, GEXF, HTML and
/// Graphviz's HTML-like labels), so that any name passes intact and inert.
enum XMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` as entities and characters XML 1.0 forbids
    /// (most control characters, U+FFFE, U+FFFF) dropped. Line breaks become `&#10;` when
    /// `keepingLineBreaks` is false, so that attribute values keep them.
    static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, keepingLineBreaks: keepingLineBreaks, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``escaped(_:keepingLineBreaks:)`` of `text` to `out` as UTF-8.
    ///
    /// It reads bytes: every byte of a multi-byte character is 0x80 or more, so only
    /// ASCII needs a look, and the two forbidden characters beyond it, U+FFFE and
    /// U+FFFF, are the byte sequences EF BF BE and EF BF BF. Bytes that need nothing are
    /// copied a run at a time.
    static func append(_ text: String, keepingLineBreaks: Bool = false, to out: inout [UInt8]) {
        var text = text
        // No reserveCapacity here: called for each of many titles into one buffer, it
        // would grow the buffer by exactly what each needs, copying it every time.
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsALook(byte) else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    index += 3
                } else {
                    appendEscaped(byte, keepingLineBreaks: keepingLineBreaks, to: &out)
                    index += 1
                }
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// Whether `byte` is escaped or dropped, or may start U+FFFE or U+FFFF.
    private static func needsALook(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0xEF, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    private static func appendEscaped(_ byte: UInt8, keepingLineBreaks: Bool, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
        case UInt8(ascii: "\n"): keepingLineBreaks ? out.append(byte) : out.append(contentsOf: "&#10;".utf8)
        case UInt8(ascii: "\t"): keepingLineBreaks ? out.append(byte) : out.append(contentsOf: "&#9;".utf8)
        case 0..<0x20: return
        default: out.append(byte)
        }
    }
}
