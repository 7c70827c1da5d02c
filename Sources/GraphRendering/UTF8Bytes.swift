#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching and editing UTF-8 text as bytes.
///
/// Graphviz's SVG of a large graph runs to megabytes; searching it through `String` and
/// Foundation copied the rest of the text at every match. Here every search is a plain
/// scan of the bytes, and a pattern matches only its own bytes (no Unicode equivalence).
enum UTF8Bytes {
    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")

    /// The first occurrence of `pattern` in `bytes` that starts at or after `start` and
    /// ends by `end` (the end of `bytes` when `nil`); `nil` for an empty pattern.
    static func firstRange(of pattern: [UInt8], in bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> Range<Int>? {
        guard let first = pattern.first, start >= 0 else { return nil }
        let last = min(end ?? bytes.count, bytes.count) - pattern.count
        guard start <= last else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var index = start
            // memchr finds each candidate first byte, reading many bytes at a time.
            while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
                index = base.distance(to: UnsafeRawPointer(found))
                if matches(pattern, in: buffer, at: index) { return index..<index + pattern.count }
                index += 1
            }
            return nil
        }
    }

    /// Whether `bytes` holds `pattern` at `index`.
    private static func matches<Bytes: RandomAccessCollection<UInt8>>(_ pattern: [UInt8], in bytes: Bytes, at index: Int) -> Bool where Bytes.Index == Int {
        guard index >= bytes.startIndex, bytes.endIndex - index >= pattern.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    /// `bytes` with each occurrence of `pattern` replaced, left to right, none overlapping.
    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        while let match = firstRange(of: pattern, in: bytes, from: position) {
            out.append(contentsOf: bytes[position..<match.lowerBound])
            out.append(contentsOf: replacement)
            position = match.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return out
    }

    /// The lines of `bytes`, without their line breaks; as many as `String.split` with
    /// empty lines kept gives. A line feed right after a carriage return does not break
    /// the line, because to `String` the pair is one character, not `"\n"`.
    static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == newline && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// Whether `bytes[line]` starts with `pattern` as `String.hasPrefix` decides: the
    /// pattern must also end a character, so `<title>` followed by a combining mark
    /// does not count.
    static func hasPrefix(_ pattern: [UInt8], in bytes: [UInt8], line: Range<Int>) -> Bool {
        guard line.count >= pattern.count, matches(pattern, in: bytes, at: line.lowerBound) else { return false }
        let end = line.lowerBound + pattern.count
        return end == line.upperBound || endsCharacter(bytes, at: end)
    }

    /// Whether a character ends before `bytes[index]`, given that the byte before it is
    /// ASCII. Only a following non-ASCII scalar (a combining mark, a joiner) can extend
    /// it, and whether one does depends on those two scalars alone, so `String` decides.
    private static func endsCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard bytes[index] >= 0x80 else { return true }
        var end = index + 1
        while end < bytes.count, end - index < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let pair = String(decoding: bytes[(index - 1)..<end], as: UTF8.self)
        return pair.count == 2
    }

    /// The value of `name="…"` in `bytes[tag]`, with the entities Graphviz writes in ids
    /// (`&#45;` for `-`, `&amp;` for `&`) decoded.
    static func attribute(_ name: String, in bytes: [UInt8], tag: Range<Int>) -> String? {
        guard let value = attributeValue(name, in: bytes, tag: tag) else { return nil }
        // Both entities start with "&", which almost no id holds.
        guard bytes[value].contains(UInt8(ascii: "&")) else { return String(decoding: bytes[value], as: UTF8.self) }
        let decoded = replacing(Array("&amp;".utf8), with: [UInt8(ascii: "&")],
                                in: replacing(Array("&#45;".utf8), with: [UInt8(ascii: "-")], in: Array(bytes[value])))
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Where the value of `name="…"` lies in `bytes[tag]`: from the first ` name="` to
    /// the next quote.
    static func attributeValue(_ name: String, in bytes: [UInt8], tag: Range<Int>) -> Range<Int>? {
        guard let start = firstRange(of: Array(" \(name)=\"".utf8), in: bytes, from: tag.lowerBound, to: tag.upperBound),
              let end = firstRange(of: [quote], in: bytes, from: start.upperBound, to: tag.upperBound) else { return nil }
        return start.upperBound..<end.lowerBound
    }
}
