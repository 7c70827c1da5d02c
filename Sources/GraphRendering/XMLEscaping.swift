/// Escaping for every XML-family format actorgraph writes (SVG, GraphML, GEXF, HTML and
/// Graphviz's HTML-like labels), so that any name passes intact and inert.
enum XMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` as entities and characters XML 1.0 forbids
    /// (most control characters, U+FFFE, U+FFFF) dropped. Line breaks become `&#10;` when
    /// `keepingLineBreaks` is false, so that attribute values keep them.
    static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += keepingLineBreaks ? "\n" : "&#10;"
            case "\t": out += keepingLineBreaks ? "\t" : "&#9;"
            case "\r": continue
            default:
                guard isAllowed(scalar) else { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 allows the character at all.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x9 || value == 0xA || value == 0xD }
        return value != 0xFFFE && value != 0xFFFF
    }
}
