/// Reads JSON text from UTF-8 bytes one value at a time, for decoders that know the shape
/// they expect and want neither an intermediate tree nor Foundation's generic decoder,
/// which read large graph files an order of magnitude slower.
package struct JSONScanner {
    /// The byte a one-letter JSON escape stands for (`\n` is a line feed); `nil` for `u`
    /// and for letters JSON has no escape for.
    package static func unescaped(_ escape: UInt8) -> UInt8? {
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        default: nil
        }
    }

    private let bytes: [UInt8]
    package private(set) var index = 0
    /// Where in the document the value being read sits, for error messages: `actors[3].name`.
    /// Kept as keys and positions and spelled out only for a message: building the text
    /// for every value read cost more than reading it.
    private var path: [PathStep] = []

    private enum PathStep {
        case key(String)
        case position(Int)
    }

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A problem at the current position, with the path to it.
    package func error(_ message: String) -> GraphDecodingError {
        let spelled = path.map { step in
            switch step {
            case .key(let key): "." + key
            case .position(let position): "[\(position)]"
            }
        }
        let location = path.isEmpty ? "" : " at \(spelled.joined().drop { $0 == "." })"
        return GraphDecodingError(description: "\(message)\(location) (byte \(index))")
    }

    package mutating func skipWhitespace() {
        // Through a buffer: the array's subscript checked the bounds of each byte twice.
        index = bytes.withUnsafeBufferPointer { bytes in
            var position = index
            while position < bytes.count, case let byte = bytes[position], byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            }
            return position
        }
    }

    /// The next significant byte, without consuming it.
    package mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    package mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw error("not valid JSON: expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Whether only white space is left.
    package mutating func atEnd() -> Bool { peek() == nil }

    /// Calls `body` with each key of an object, the scanner placed at the key's value;
    /// `body` must read or skip that value.
    package mutating func readObject(_ body: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try readString()
            try expect(UInt8(ascii: ":"))
            path.append(.key(key))
            try body(&self, key)
            path.removeLast()
            guard let next = peek() else { throw error("not valid JSON: unfinished object") }
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { index -= 1; throw error("not valid JSON: expected ',' or '}'") }
        }
    }

    /// Calls `body` for each element of an array, the scanner placed at the element.
    package mutating func readArray(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { index += 1; return }
        var position = 0
        while true {
            path.append(.position(position))
            try body(&self)
            path.removeLast()
            position += 1
            guard let next = peek() else { throw error("not valid JSON: unfinished array") }
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { index -= 1; throw error("not valid JSON: expected ',' or ']'") }
        }
    }

    /// `null`, consumed, or `false` with nothing consumed.
    package mutating func readNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count,
              bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    package mutating func readOptionalString() throws -> String? {
        readNull() ? nil : try readString()
    }

    package mutating func readString() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("wrong type: expected a string") }
        index += 1
        let start = index
        // Through a buffer: the array's subscript and its slice's decoding cost several
        // times the scan itself for the short strings that fill a graph file.
        let end = bytes.withUnsafeBufferPointer { bytes in
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
            return end
        }
        index = end
        guard index < bytes.count else { throw error("not valid JSON: unfinished string") }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
        }
        var text = Array(bytes[start..<index])
        try readEscapedRest(into: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func readEscapedRest(into text: inout [UInt8]) throws {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return }
            guard byte == UInt8(ascii: "\\") else { text.append(byte); continue }
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            if let byte = Self.unescaped(escape) {
                text.append(byte)
            } else if escape == UInt8(ascii: "u") {
                text.append(contentsOf: Array(String(try readUnicodeEscape()).utf8))
            } else {
                throw error("not valid JSON: bad escape in a string")
            }
        }
        throw error("not valid JSON: unfinished string")
    }

    /// The scalar of `\uXXXX`, joining a surrogate pair; a lone surrogate becomes U+FFFD.
    private mutating func readUnicodeEscape() throws -> Character {
        let first = try readHex4()
        if (0xD800..<0xDC00).contains(first), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let second = try readHex4()
            if (0xDC00..<0xE000).contains(second) {
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return "\u{FFFD}"
        }
        return Character(Unicode.Scalar(first) ?? "\u{FFFD}")
    }

    private mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("not valid JSON: short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("not valid JSON: bad \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    package mutating func readInt() throws -> Int {
        skipWhitespace()
        if let value = plainInt() { return value }
        let text = try numberText()
        guard let value = Int(text) else { throw error("wrong type: expected a whole number") }
        return value
    }

    package mutating func readDouble() throws -> Double {
        let text = try numberText()
        guard let value = Double(text) else { throw error("wrong type: expected a number") }
        // "1e999" reads as infinity, which JSON cannot write back.
        guard value.isFinite else { throw error("number out of range: \(text)") }
        return value
    }

    /// A number of at most 18 digits, with a minus sign or none, and nothing else before
    /// the next byte that is not part of a number, read from its bytes: made into a
    /// `String` and read back, each offset of a graph file cost more than the rest of it.
    /// `nil` (and nothing read) for anything else, left to `Int`'s reading of the text.
    private mutating func plainInt() -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var position = index
            let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
            if negative { position += 1 }
            let digitsStart = position
            var value = 0
            while position < bytes.count, position - digitsStart < 18, case let digit = bytes[position] &- UInt8(ascii: "0"), digit < 10 {
                value = value &* 10 &+ Int(digit)
                position += 1
            }
            guard position > digitsStart, position == bytes.count || !Self.isNumberByte(bytes[position]) else { return nil }
            index = position
            return negative ? -value : value
        }
    }

    private mutating func numberText() throws -> String {
        skipWhitespace()
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        guard index > start else { throw error("wrong type: expected a number") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    package mutating func readBool() throws -> Bool {
        skipWhitespace()
        if bytes[index...].starts(with: Array("true".utf8)) { index += 4; return true }
        if bytes[index...].starts(with: Array("false".utf8)) { index += 5; return false }
        throw error("wrong type: expected true or false")
    }

    /// Skips any value, checking only that it is well formed.
    package mutating func skipValue() throws {
        guard let next = peek() else { throw error("not valid JSON: missing value") }
        switch next {
        case UInt8(ascii: "{"): try readObject { scanner, _ in try scanner.skipValue() }
        case UInt8(ascii: "["): try readArray { try $0.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): guard readNull() else { throw error("not valid JSON: unexpected 'n'") }
        default: _ = try readDouble()
        }
    }
}
