import ActorExtraction
import ActorGraph
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input one line at a time through a fixed buffer, so that a
/// corpus of any size streams through in constant memory (plus its longest line).
final class LineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var reachedEnd = false
    /// The number of the line ``nextLine()`` returned last, counting from 1.
    private(set) var lineNumber = 0

    /// Opens `path` for reading; `-` reads standard input.
    ///
    /// - Throws: ``CommandFailure`` naming the file when it cannot be opened.
    init(path: String, bufferSize: Int = 1 << 20) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CommandFailure("\(path): \(errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno))))")")
            }
            ownsDescriptor = true
        }
        // Left uninitialised: only bytes read into it are ever read, and zeroing a megabyte
        // cost 1M instructions, 500 an article of a corpus of 2,000.
        buffer = [UInt8](unsafeUninitializedCapacity: bufferSize) { _, count in count = bufferSize }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line without its line break (`\n` or `\r\n`), or `nil` at the end.
    ///
    /// - Throws: ``CommandFailure`` when reading fails.
    func nextLine() throws -> [UInt8]? {
        // Bytes after `start` already searched for a line break, so a long line is scanned once.
        var scanned = 0
        while true {
            if let newline = lineBreak(from: start + scanned) {
                return take(upTo: newline, consuming: newline + 1)
            }
            scanned = end - start
            if reachedEnd {
                guard start < end else { return nil }
                return take(upTo: end, consuming: end)
            }
            try fill()
        }
    }

    /// Calls `body` with each non-blank line of `path`, its number and the warnings of
    /// its reading, until `body` returns `false`; `false` when it did.
    ///
    /// Byte 0x0A does not end a line in UTF-16, so a file with a UTF-16 byte-order mark
    /// is decoded whole, as an article file is, and its UTF-8 lines handed on.
    ///
    /// - Parameter origin: how messages name the file.
    /// - Throws: ``CommandFailure`` when the file cannot be opened, read or decoded.
    static func forEachLine(of path: String, origin: String, _ body: (_ line: [UInt8], _ number: Int, _ warnings: [String]) throws -> Bool) throws -> Bool {
        func isBlank(_ line: [UInt8]) -> Bool { !line.contains(where: { $0 != 0x20 && $0 != 0x09 }) }
        let reader = try LineReader(path: path)
        if try reader.startsWithUTF16ByteOrderMark() {
            let (text, warnings) = try ArticleLoader.decode(reader.readToEnd(), origin: origin)
            for (index, line) in lines(of: Array(text.utf8)).enumerated() where !isBlank(line) {
                guard try body(line, index + 1, index == 0 ? warnings : []) else { return false }
            }
            return true
        }
        while let line = try reader.nextLine() {
            if isBlank(line) { continue }
            guard try body(line, reader.lineNumber, []) else { return false }
        }
        return true
    }

    /// Whether the input starts with a UTF-16 byte-order mark; nothing is consumed.
    private func startsWithUTF16ByteOrderMark() throws -> Bool {
        while end - start < 2, !reachedEnd { try fill() }
        guard end - start >= 2 else { return false }
        let mark = (buffer[start], buffer[start + 1])
        return mark == (0xFF, 0xFE) || mark == (0xFE, 0xFF)
    }

    /// Every byte not read yet.
    private func readToEnd() throws -> [UInt8] {
        while !reachedEnd { try fill() }
        defer { start = end }
        return Array(buffer[start..<end])
    }

    /// The lines of `bytes` without their line breaks, as ``nextLine()`` reads them.
    private static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    /// The position of the first `\n` at or after `from` in the bytes read, by `memchr`:
    /// searching a byte at a time cost the reading thread half as much as parsing the lines.
    private func lineBreak(from position: Int) -> Int? {
        guard position < end else { return nil }
        return buffer.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + position, 0x0A, end - position).map { UnsafeRawPointer($0) - raw.baseAddress! }
        }
    }

    private func take(upTo lineEnd: Int, consuming next: Int) -> [UInt8] {
        var stop = lineEnd
        if stop > start, buffer[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        let line = buffer.withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[start..<stop])) }
        start = next
        lineNumber += 1
        return line
    }

    /// Moves the unread bytes to the front and reads more, growing the buffer for a line
    /// longer than it.
    private func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + end, raw.count - end)
        }
        guard count >= 0 else { throw CommandFailure("cannot read: \(String(cString: strerror(errno)))") }
        if count == 0 { reachedEnd = true }
        end += count
    }
}

/// One article of a JSON Lines corpus: `id`, `title`, `date`, `source` and `text`;
/// other fields are ignored.
struct JSONLinesArticle: Decodable {
    var id: String?
    var title: String?
    var date: String?
    var source: String?
    /// The text in UTF-8, valid: extraction reads bytes, and the reader checks them itself.
    var text: [UInt8]

    private enum CodingKeys: String, CodingKey { case id, title, date, source, text }

    init(id: String?, title: String?, date: String?, source: String?, text: [UInt8]) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.text = text
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Archives often number their articles; a number is as good an id as a string.
        if let number = try? container.decodeIfPresent(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decodeIfPresent(String.self, forKey: .id)
        }
        title = try container.decodeIfPresent(String.self, forKey: .title)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        text = Array(try container.decode(String.self, forKey: .text).utf8)
    }

    /// The article of one line.
    ///
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - origin: the file and line number, for messages (`corpus.jsonl:17`).
    ///   - fallbackID: the id when the line has none.
    ///   - date: a date that overrides the line's.
    ///   - extractor: the extractor to take the article's first steps of extraction
    ///     (``Extractor/prepare(_:)``), if any: made with the article, the loaded article is
    ///     not copied again to hold them, which cost some 330 instructions.
    /// - Throws: ``CommandFailure`` naming the file and line.
    static func article(line: [UInt8], origin: String, fallbackID: String, date: String?, preparedBy extractor: Extractor? = nil) throws -> LoadedArticle {
        let (record, warnings) = try Self.record(line: line, origin: origin)
        let id = record.id.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID
        var article = ArticleText(parsingUTF8: record.text, fallbackID: id, date: date ?? record.date)
        // The line's own fields describe the article; front matter inside the text only fills gaps.
        if record.id?.isEmpty == false { article.article.id = id }
        article.article.title = record.title ?? article.article.title
        article.article.source = record.source ?? article.article.source
        let blank = ArticleLoader.blankWarning(article, origin: origin)
        return LoadedArticle(article: article, warnings: blank.isEmpty ? warnings : warnings + blank, prepared: extractor?.prepare(article))
    }

    /// The record of one line, and the warnings its decoding raised.
    ///
    /// A line is decoded as article files are, since it may be Windows-1252 or damaged
    /// too. But a line the direct reader takes whole needs no decoding: the reader checks
    /// that every string it reads is UTF-8 and takes nothing but ASCII between them, so
    /// the line is UTF-8 already, and decoding would only have copied it.
    ///
    /// Lines that decoding treats apart, one with a NUL byte (binary) or a byte-order mark,
    /// the direct reader refuses by itself: it takes no control byte in a string and
    /// nothing but JSON's own between strings, so they are not searched for first (a
    /// search of the whole line, some 260 instructions).
    private static func record(line: [UInt8], origin: String) throws -> (JSONLinesArticle, [String]) {
        if line.count <= TextDecoder.maximumUTF8Count, let record = JSONLinesRecordReader.read(line) {
            return (record, [])
        }
        let (json, warnings) = try ArticleLoader.decode(line, origin: origin)
        do {
            // A line that needed no repair is read as it came; a repaired one from its decoded text.
            let bytes = warnings.isEmpty && line.first != 0xEF ? line : Array(json.utf8)
            return (try JSONLinesRecordReader.read(bytes) ?? JSONDecoder().decode(JSONLinesArticle.self, from: Data(bytes)), warnings)
        } catch let error as DecodingError {
            throw CommandFailure("\(origin): \(describe(error))")
        } catch {
            throw CommandFailure("\(origin): not a JSON object")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "no \"\(key.stringValue)\" field"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.last?.stringValue
            return field.map { "\"\($0)\" is not a string" } ?? "not a JSON object"
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not valid JSON"
        }
    }
}

/// Reads the common shape of a JSON Lines article directly from its bytes: one object of
/// strings (and a whole-number `id`), with simple escapes. Anything else (nested values,
/// surrogate escapes, a repeated or missing field, malformed text) is left to
/// `JSONDecoder`, which then reads the line as it always did or says what is wrong with
/// it; so this reader only ever agrees with it, faster, since Foundation's generic
/// decoding took longer than reading the article's text.
enum JSONLinesRecordReader {
    /// The record, or `nil` when the line is not of the common shape.
    static func read(_ line: [UInt8]) -> JSONLinesArticle? {
        line.withUnsafeBufferPointer { bytes in
            var reader = Reader(bytes: bytes)
            return reader.record()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// The fields an article takes from its line; other keys are skipped.
        private enum Field: UInt8 {
            case id = 1, title = 2, date = 4, source = 8, text = 16

            /// The field a key names, by the key's bytes packed into a word, first byte
            /// highest: comparing it with each name as a collection cost 300 instructions a key.
            init?(_ key: UnsafeBufferPointer<UInt8>.SubSequence) {
                guard key.count <= 6 else { return nil }
                var packed: UInt64 = 0
                for byte in key { packed = packed << 8 | UInt64(byte) }
                switch packed {
                case 0x6964: self = .id                      // "id"
                case 0x7469_746C_65: self = .title           // "title"
                case 0x6461_7465: self = .date               // "date"
                case 0x736F_7572_6365: self = .source        // "source"
                case 0x7465_7874: self = .text               // "text"
                default: return nil
                }
            }
        }

        /// The record, each field read straight into its place: lists of the fields read
        /// and of their bytes, made and freed for each line, cost some 2.5K instructions.
        mutating func record() -> JSONLinesArticle? {
            var id: String?, title: String?, date: String?, source: String?, text: [UInt8]?
            var seen: UInt8 = 0
            guard next() == UInt8(ascii: "{") else { return nil }
            index += 1
            while true {
                guard next() == UInt8(ascii: "\""), let key = plainKey(), next() == UInt8(ascii: ":") else { return nil }
                index += 1
                guard next() != nil else { return nil }
                if let field = Field(key) {
                    guard seen & field.rawValue == 0 else { return nil }
                    seen |= field.rawValue
                    if bytes[index] == UInt8(ascii: "\"") {
                        if field == .text {
                            guard let value = textValue() else { return nil }
                            text = value
                        } else {
                            guard let value = stringValue() else { return nil }
                            switch field {
                            case .id: id = value
                            case .title: title = value
                            case .date: date = value
                            case .source, .text: source = value
                            }
                        }
                    } else if literal("null") {
                        // JSONDecoder's message for a null text is its own.
                        guard field != .text else { return nil }
                    } else if field == .id, let number = wholeNumber() {
                        id = number
                    } else {
                        return nil
                    }
                } else if !skipSimpleValue() {
                    return nil
                }
                switch next() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    guard next() == nil, let text else { return nil }
                    return JSONLinesArticle(id: id, title: title, date: date, source: source, text: text)
                default: return nil
                }
            }
        }

        /// The next byte after JSON white space, not consumed; `nil` at the end.
        mutating func next() -> UInt8? {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
            return index < bytes.count ? bytes[index] : nil
        }

        /// A key of printable ASCII without escapes, the opening quote already seen.
        mutating func plainKey() -> UnsafeBufferPointer<UInt8>.SubSequence? {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] >= 0x20, bytes[index] < 0x80, bytes[index] != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            return bytes[start..<(index - 1)]
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += length
            return true
        }

        /// The text's UTF-8, decoded in one pass straight into the article's bytes: room for
        /// the rest of the line is enough, since no escape is longer decoded than written.
        /// Decoding into a growing list, a run at a time, and checking the result's UTF-8
        /// after, cost some 4K instructions an article more.
        mutating func textValue() -> [UInt8]? {
            // The room is made as a copy of the rest of the line, whose bytes are then written
            // over: filling it with zeros cost 1.3K instructions, and an array left
            // uninitialised is made by the library's unspecialised code, 500 more than a copy.
            var text = Array(UnsafeBufferPointer(rebasing: bytes[index...]))
            guard let count = text.withUnsafeMutableBufferPointer({ readString(into: $0.baseAddress) }) else { return nil }
            text.removeLast(text.count - count)
            return text
        }

        /// A short string value (an id, title, date or source): made from the line's bytes
        /// when it holds no escape, without a list of its bytes first.
        mutating func stringValue() -> String? {
            let quote = index
            guard let count = readString(into: nil) else { return nil }
            let raw = UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<(index - 1)])
            // Every escape is shorter decoded, so a string as long as its bytes has none.
            if count == raw.count { return String(decoding: raw, as: UTF8.self) }
            index = quote
            var decoded = [UInt8](repeating: 0, count: raw.count)
            _ = decoded.withUnsafeMutableBufferPointer { readString(into: $0.baseAddress) }
            decoded.removeLast(decoded.count - count)
            return String(decoding: decoded, as: UTF8.self)
        }

        /// Reads the string whose opening quote is at `index`, to past its closing quote:
        /// checks that its bytes are UTF-8 as it goes and that its escapes are simple, and
        /// writes its decoded bytes to `out` if given. The number of decoded bytes, or `nil`
        /// when the string is not of the common shape.
        ///
        /// Runs of ASCII without a stop are most of an article: ``stopOrOther(_:_:from:)``
        /// finds their ends sixteen bytes at a time, and each other character is checked
        /// where it stands, so a text is read once, not scanned and then checked again.
        mutating func readString(into out: UnsafeMutablePointer<UInt8>?) -> Int? {
            guard let base = bytes.baseAddress else { return nil }
            let count = bytes.count
            var position = index + 1
            var runStart = position
            var written = 0
            while true {
                position = Self.stopOrOther(base, count, from: position)
                guard position < count else { return nil }
                let byte = base[position]
                if byte >= 0x80 {
                    guard let width = UTF8Check.sequenceWidth(base + position, available: count - position) else { return nil }
                    position &+= width
                    continue
                }
                out?.advanced(by: written).update(from: base + runStart, count: position - runStart)
                written += position - runStart
                if byte == UInt8(ascii: "\"") {
                    index = position + 1
                    return written
                }
                guard byte == UInt8(ascii: "\\"), position + 1 < count else { return nil }
                let escape = base[position + 1]
                position += 2
                // A line break, most escapes of an article, without the call for the others.
                if let unescaped = escape == UInt8(ascii: "n") ? 0x0A : JSONScanner.unescaped(escape) {
                    out?[written] = unescaped
                    written += 1
                } else {
                    guard escape == UInt8(ascii: "u"), let scalar = hex4(at: position),
                          !(0xD800...0xDFFF).contains(scalar), let character = Unicode.Scalar(scalar) else { return nil }
                    position += 4
                    for unit in UTF8.encode(character)! {
                        out?[written] = unit
                        written += 1
                    }
                }
                runStart = position
            }
        }

        /// The first position at or after `start` of a quote, a backslash, a control byte or
        /// a byte of a character other than ASCII; `count` if there is none. Thirty-two bytes
        /// at a time, then sixteen, then a byte at a time for the last few: two blocks tested
        /// together cost 600 instructions an article less than one at a time.
        private static func stopOrOther(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int {
            var position = start
            while position &+ 32 <= count {
                let first = stops(UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self))
                let second = stops(UnsafeRawPointer(base + (position &+ 16)).loadUnaligned(as: SIMD16<UInt8>.self))
                if first.0 | first.1 | second.0 | second.1 != 0 {
                    if first.0 | first.1 != 0 { return position &+ firstSet(first) }
                    return position &+ 16 &+ firstSet(second)
                }
                position &+= 32
            }
            if position &+ 16 <= count {
                let block = stops(UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self))
                if block.0 | block.1 != 0 { return position &+ firstSet(block) }
                position &+= 16
            }
            while position < count {
                let byte = base[position]
                if byte == 0x22 || byte == 0x5C || byte &- 0x20 >= 0x60 { return position }
                position &+= 1
            }
            return count
        }

        /// The stops of a block of sixteen bytes, each 0xFF, as two words.
        ///
        /// Less the space, a control byte wraps to 0xE0 or above and any byte from 0x80 is
        /// 0x60 or above: one test for both. Words, not a mask: the library's `any` of a mask
        /// is a call, not inlined.
        @inline(__always)
        private static func stops(_ block: SIMD16<UInt8>) -> (UInt64, UInt64) {
            let quote = SIMD16<UInt8>(repeating: 0x22), backslash = SIMD16<UInt8>(repeating: 0x5C)
            let space = SIMD16<UInt8>(repeating: 0x20), printable = SIMD16<UInt8>(repeating: 0x60)
            let marked = SIMD16<UInt8>().replacing(with: 0xFF, where: (block .== quote) .| (block .== backslash) .| ((block &- space) .>= printable))
            return unsafeBitCast(marked, to: (UInt64, UInt64).self)
        }

        /// The offset of the first stop of a block that has one: its lowest set byte.
        @inline(__always)
        private static func firstSet(_ halves: (UInt64, UInt64)) -> Int {
            halves.0 != 0 ? halves.0.trailingZeroBitCount / 8 : 8 &+ halves.1.trailingZeroBitCount / 8
        }

        private func hex4(at start: Int) -> UInt32? {
            guard start + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[start..<(start + 4)] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }

        /// A whole number in JSON's grammar, short enough for `Int`, as its decimal text.
        mutating func wholeNumber() -> String? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            let digits = index - digitsStart
            guard digits > 0, digits <= 18, digits == 1 || bytes[digitsStart] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
            guard let value = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) else { return nil }
            return String(value)
        }

        /// Skips a string, `null`, `true` or `false` of a field the article does not use.
        mutating func skipSimpleValue() -> Bool {
            if bytes[index] == UInt8(ascii: "\"") { return readString(into: nil) != nil }
            return literal("null") || literal("true") || literal("false")
        }
    }
}
