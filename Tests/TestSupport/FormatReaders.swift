import Foundation

/// The rows of CSV text as RFC 4180 reads them: quoted fields, doubled quotes, line
/// breaks inside quotes.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar?
    while let scalar = pending ?? scalars.next() {
        pending = nil
        if quoted {
            guard scalar == "\"" else { field.unicodeScalars.append(scalar); continue }
            let next = scalars.next()
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
            continue
        }
        switch scalar {
        case "\"": quoted = true
        case ",": row.append(field); field = ""
        case "\n": row.append(field); rows.append(row); row = []; field = ""
        case "\r": continue
        default: field.unicodeScalars.append(scalar)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// What a DOT lexer sees: the contents of every quoted string (escapes undone) and
/// HTML-like string, and whether quotes, angle brackets and braces all closed.
public struct DOTStrings {
    public var strings: [String] = []
    public var wellFormed = false
}

/// Lexes DOT the way Graphviz's scanner does, as far as strings and nesting go.
public func lexDOT(_ text: String) -> DOTStrings {
    var result = DOTStrings()
    var braces = 0
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        switch scalar {
        case "\"":
            var string = ""
            var closed = false
            while let next = scalars.popFirst() {
                if next == "\"" { closed = true; break }
                if next == "\\", let escaped = scalars.first, escaped == "\"" || escaped == "\\" {
                    string.unicodeScalars.append(escaped)
                    scalars.removeFirst()
                    continue
                }
                string.unicodeScalars.append(next)
            }
            guard closed else { return result }
            result.strings.append(string)
        case "<":
            var depth = 1
            var string = ""
            while depth > 0, let next = scalars.popFirst() {
                if next == "<" { depth += 1 } else if next == ">" { depth -= 1 }
                if depth > 0 { string.unicodeScalars.append(next) }
            }
            guard depth == 0 else { return result }
            result.strings.append(unescapeEntities(string))
        case "{": braces += 1
        case "}":
            braces -= 1
            if braces < 0 { return result }
        default: continue
        }
    }
    result.wellFormed = braces == 0
    return result
}

/// Text with the character references of HTML and XML decoded.
public func unescapeEntities(_ text: String) -> String {
    let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
    var out = ""
    var rest = text[...]
    while let ampersand = rest.firstIndex(of: "&") {
        out += rest[..<ampersand]
        let after = rest[rest.index(after: ampersand)...]
        guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
            out += "&"
            rest = after
            continue
        }
        let name = after[..<semicolon]
        let decoded: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if name.hasPrefix("#") {
            decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            decoded = named[String(name)]
        }
        if let decoded {
            out += decoded
            rest = after[after.index(after: semicolon)...]
        } else {
            out += "&"
            rest = after
        }
    }
    return out + rest
}
