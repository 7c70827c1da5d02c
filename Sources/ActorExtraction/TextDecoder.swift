import Foundation

/// Turns the bytes of an input file into text, whatever an analyst's scraper saved.
///
/// - UTF-8, with or without a byte-order mark;
/// - UTF-16 with a byte-order mark, little- or big-endian;
/// - Windows-1252, when the bytes are not UTF-8 and look like it: more than twice as many
///   broken UTF-8 sequences as whole ones, and none of the five bytes Windows-1252 leaves
///   undefined;
/// - anything else that is not UTF-8 is read as UTF-8 with each broken sequence replaced
///   by U+FFFD.
///
/// A byte-order mark is not part of the text, so one article gives the same offsets in
/// every encoding. Bytes with NUL in them are not text: PDFs, images and archives renamed
/// to `.txt` are refused rather than read as noise.
///
/// ```swift
/// let decoded = try TextDecoder().decode(Array(data))
/// decoded.text        // what the graph's offsets count into
/// decoded.warning     // "not UTF-8; read as Windows-1252", or nil
/// ```
public struct TextDecoder: Sendable {
    /// The longest text, in UTF-8 bytes, that extraction can count offsets in (32 bits).
    public static let maximumUTF8Count = Int(Int32.max)

    /// The longest text this decoder accepts, in UTF-8 bytes.
    public var maximumUTF8Count: Int

    public init(maximumUTF8Count: Int = TextDecoder.maximumUTF8Count) {
        self.maximumUTF8Count = maximumUTF8Count
    }

    /// The text that `bytes` hold.
    ///
    /// - Throws: ``TextDecodingError/binary`` for bytes with NUL in them,
    ///   ``TextDecodingError/tooLarge(utf8Count:limit:)`` for a text past the limit.
    /// - Complexity: O(n) in the number of bytes.
    public func decode(_ bytes: [UInt8]) throws(TextDecodingError) -> DecodedText {
        let decoded = try bytes.withUnsafeBufferPointer { buffer throws(TextDecodingError) in
            try Self.decode(buffer)
        }
        let count = decoded.text.utf8.count
        guard count <= maximumUTF8Count else { throw .tooLarge(utf8Count: count, limit: maximumUTF8Count) }
        return decoded
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(TextDecodingError) -> DecodedText {
        if bytes.starts(with: [0xFF, 0xFE]) { return try UTF16Reading.decode(bytes, bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try UTF16Reading.decode(bytes, bigEndian: true) }
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { throw .binary }
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = UnsafeBufferPointer(rebasing: bytes[(hasMark ? 3 : 0)...])
        if let text = String(validating: body) { return DecodedText(text: text, encoding: .utf8) }
        let census = UTF8Census(body)
        // A byte-order mark says UTF-8 whatever the bytes look like.
        if !hasMark, census.looksLikeWindows1252 {
            return DecodedText(text: Windows1252.decode(body), encoding: .windows1252)
        }
        return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: .utf8, replacements: census.brokenSequences)
    }
}

/// Text as decoded from an input's bytes, with what a user should hear about it.
public struct DecodedText: Sendable, Equatable {
    /// The text, without any byte-order mark; graph offsets count code points into it.
    public var text: String
    /// The encoding the bytes were read in.
    public var encoding: TextEncoding
    /// How many broken sequences became U+FFFD.
    public var replacements: Int

    public init(text: String, encoding: TextEncoding, replacements: Int = 0) {
        self.text = text
        self.encoding = encoding
        self.replacements = replacements
    }

    /// What the reading guessed or repaired, for a warning; `nil` when the bytes were
    /// well-formed in an encoding they declare or that is the default.
    public var warning: String? {
        if replacements > 0 {
            let sequences = replacements == 1 ? "1 sequence" : "\(replacements) sequences"
            return "invalid \(encoding.rawValue) replaced with U+FFFD (\(sequences))"
        }
        return encoding == .windows1252 ? "not UTF-8; read as Windows-1252" : nil
    }
}

/// The encodings ``TextDecoder`` reads.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Why bytes could not be read as text.
public enum TextDecodingError: Error, Equatable, CustomStringConvertible {
    /// NUL bytes: a binary file, not text.
    case binary
    /// Longer than extraction can count offsets in.
    case tooLarge(utf8Count: Int, limit: Int)

    public var description: String {
        switch self {
        case .binary: return "binary file (NUL bytes), not text"
        case .tooLarge(let count, let limit):
            return "too large: \(count) bytes of text, more than the \(limit) an article may have"
        }
    }
}

private extension String {
    /// The text of well-formed UTF-8, or `nil`.
    init?(validating bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(data: Data(buffer: bytes), encoding: .utf8) else { return nil }
        self = text
    }
}

/// Whole and broken UTF-8 sequences in bytes that are not valid UTF-8, counted the way
/// a decoder replaces them (one U+FFFD per maximal ill-formed subsequence).
struct UTF8Census {
    private(set) var wholeSequences = 0
    private(set) var brokenSequences = 0
    private(set) var hasBytesUndefinedInWindows1252 = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            if Windows1252.undefined.contains(lead) { hasBytesUndefinedInWindows1252 = true }
            let length = Self.wellFormedPrefix(bytes, at: index)
            if length.whole { wholeSequences += 1 } else { brokenSequences += 1 }
            for byte in bytes[(index + 1)..<(index + length.count)] where Windows1252.undefined.contains(byte) {
                hasBytesUndefinedInWindows1252 = true
            }
            index += length.count
        }
    }

    /// Windows-1252 text read as UTF-8 breaks at nearly every byte above 0x7F, and a
    /// whole sequence in it is a rare accident; UTF-8 with a damaged byte or two keeps
    /// most of its sequences whole.
    var looksLikeWindows1252: Bool {
        !hasBytesUndefinedInWindows1252 && brokenSequences > 2 * wholeSequences
    }

    /// How many bytes from `index` form one sequence (whole) or one maximal broken one.
    private static func wellFormedPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (count: Int, whole: Bool) {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return (1, false)
        }
        var count = 1
        while count < length, index + count < bytes.count {
            let range = count == 1 ? second : 0x80...0xBF
            guard range.contains(bytes[index + count]) else { break }
            count += 1
        }
        return (count, count == length)
    }
}

/// Windows-1252: Latin-1 with typographic punctuation and a few letters at 0x80–0x9F.
enum Windows1252 {
    /// The five bytes the code page leaves undefined; a text that has one is not in it.
    static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// The code points of 0x80–0x9F (U+FFFD where undefined).
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            let scalar = byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}", into: { utf8.append($0) })
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

/// UTF-16 after its byte-order mark.
enum UTF16Reading {
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) throws(TextDecodingError) -> DecodedText {
        let pairs = (bytes.count - 2) / 2
        var units = [UInt16](repeating: 0, count: pairs)
        for index in 0..<pairs {
            let first = UInt16(bytes[2 + 2 * index]), second = UInt16(bytes[3 + 2 * index])
            units[index] = bigEndian ? first << 8 | second : second << 8 | first
        }
        guard !units.contains(0) else { throw .binary }
        var text = String(decoding: units, as: UTF16.self)
        var broken = unpairedSurrogates(units)
        // An odd byte at the end is half a code unit.
        if bytes.count.isMultiple(of: 2) == false {
            text.unicodeScalars.append("\u{FFFD}")
            broken += 1
        }
        return DecodedText(text: text, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian, replacements: broken)
    }

    private static func unpairedSurrogates(_ units: [UInt16]) -> Int {
        var count = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
                index += 2
                continue
            }
            if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { count += 1 }
            index += 1
        }
        return count
    }
}
