import ActorGraph

/// The readable text of an HTML page: what a reader sees of the article, without markup,
/// scripts, styles or navigation, with character references decoded.
///
/// Block elements (paragraphs, headings, list items, table rows) become paragraph breaks,
/// so that sentences and quotations do not run across them; runs of white space inside a
/// block become one space. Graph offsets then count code points into ``text``.
///
/// ```swift
/// let page = HTMLText(html: "<p>Japan &amp; the US met.</p><script>x()</script>")
/// page.text   // "Japan & the US met."
/// ```
public struct HTMLText: Sendable {
    /// The text a reader sees, paragraphs separated by a blank line.
    public let text: String
    /// The page's `<title>`, if it has one.
    public let title: String?
    /// The publication date from `<meta>` (`article:published_time`, `date`, `dc.date`), as `YYYY-MM-DD`.
    public let date: String?
    /// The publisher from `<meta property="og:site_name">`.
    public let source: String?

    /// Reduces an HTML document to its text.
    ///
    /// - Complexity: O(n) in the length of the document, one pass over its UTF-8 bytes.
    public init(html: String) {
        var reducer = HTMLReducer(Array(html.utf8))
        reducer.run()
        text = String(decoding: reducer.output, as: UTF8.self)
        title = reducer.title.flatMap { $0.isEmpty ? nil : $0 }
        let published = reducer.meta["article:published_time"] ?? reducer.meta["date"] ?? reducer.meta["dc.date"]
        date = published.map { String($0.prefix(10)) }
        source = reducer.meta["og:site_name"]
    }
}

extension ArticleText {
    /// Creates an article from an HTML page: its text is the page's readable text, its
    /// title, date and source come from the page's head, and offsets count into that text.
    ///
    /// - Parameters:
    ///   - html: the page as read from a file.
    ///   - fallbackID: the article's id (the file name without its extension).
    ///   - date: a date that overrides the page's own, as `YYYY-MM-DD`.
    public init(html: String, fallbackID: String, date: String? = nil) {
        let page = HTMLText(html: html)
        self.init(parsing: page.text, fallbackID: fallbackID, date: date ?? page.date)
        article.title = article.title ?? page.title
        article.source = article.source ?? page.source
    }
}

/// One pass over the bytes of an HTML document, writing the visible text.
private struct HTMLReducer {
    /// Elements whose content is not article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "svg", "iframe", "head", "button", "select", "object", "canvas",
    ]
    /// Elements that end a paragraph: text on either side does not form one sentence.
    static let blocks: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
        "blockquote", "section", "article", "main", "figure", "figcaption", "hr", "pre",
        "dd", "dt", "dl", "body", "html", "caption", "address", "details", "summary",
    ]

    let bytes: [UInt8]
    var output: [UInt8] = []
    var title: String?
    var meta: [String: String] = [:]
    private var position = 0
    /// White space seen since the last visible character: nothing, a space, or a break.
    private var pendingGap = Gap.none

    private enum Gap: Int, Comparable {
        case none, space, paragraph
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        output.reserveCapacity(bytes.count / 2)
    }

    mutating func run() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                readMarkup()
            } else if byte == UInt8(ascii: "&") {
                emit(decodeReference())
            } else if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingGap = max(pendingGap, .space)
                position += 1
            } else {
                emit([byte])
                position += 1
            }
        }
    }

    private mutating func emit(_ visible: [UInt8]) {
        if !output.isEmpty {
            switch pendingGap {
            case .none: break
            case .space: output.append(0x20)
            case .paragraph: output.append(contentsOf: [0x0A, 0x0A])
            }
        }
        pendingGap = .none
        output.append(contentsOf: visible)
    }

    /// Reads a tag, comment or declaration starting at `<`.
    private mutating func readMarkup() {
        if matches("<!--", at: position) {
            position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
            return
        }
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        let closing = next == UInt8(ascii: "/")
        let nameStart = position + (closing ? 2 : 1)
        let name = tagName(at: nameStart)
        guard !name.isEmpty || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else {
            // A lone '<' in text, as browsers show it.
            emit([bytes[position]])
            position += 1
            return
        }
        let tagEnd = endOfTag(from: nameStart + name.utf8.count)
        let attributes = bytes[min(nameStart + name.utf8.count, tagEnd)..<tagEnd]
        position = min(tagEnd + 1, bytes.count)
        guard !closing else {
            if Self.blocks.contains(name) { pendingGap = .paragraph }
            return
        }
        if name == "meta" { readMeta(attributes) }
        if name == "title" {
            title = text(until: "title")
        } else if Self.skipped.contains(name), attributes.last != UInt8(ascii: "/") {
            if name == "head" { readHead() } else { skipElement(name) }
        } else if Self.blocks.contains(name) {
            pendingGap = .paragraph
        }
    }

    /// Reads `<head>`'s title and meta tags, then moves past it.
    private mutating func readHead() {
        let end = findClosing("head") ?? bytes.count
        var inner = HTMLReducer(Array(bytes[position..<end]))
        inner.run()
        title = title ?? inner.title
        meta.merge(inner.meta) { first, _ in first }
        position = end
        skipClosingTag()
    }

    private mutating func skipElement(_ name: String) {
        position = findClosing(name) ?? bytes.count
        skipClosingTag()
    }

    private mutating func skipClosingTag() {
        guard position < bytes.count else { return }
        position = min(endOfTag(from: position) + 1, bytes.count)
    }

    /// The decoded, space-normalised text up to `</name>`, moving past it.
    private mutating func text(until name: String) -> String {
        let end = findClosing(name) ?? bytes.count
        var inner = HTMLReducer(Array(bytes[position..<end]))
        inner.run()
        position = end
        skipClosingTag()
        return String(decoding: inner.output, as: UTF8.self)
    }

    private mutating func readMeta(_ attributes: ArraySlice<UInt8>) {
        let values = Self.attributes(attributes)
        guard let key = (values["property"] ?? values["name"])?.lowercased(), let content = values["content"] else { return }
        if meta[key] == nil { meta[key] = content }
    }

    /// Attribute names (lowercased) and their values, entities decoded.
    private static func attributes(_ text: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "/") }
        while index < text.endIndex {
            while index < text.endIndex, isSpace(text[index]) { index += 1 }
            let nameStart = index
            while index < text.endIndex, !isSpace(text[index]), text[index] != UInt8(ascii: "=") { index += 1 }
            let name = String(decoding: text[nameStart..<index], as: UTF8.self).lowercased()
            guard index < text.endIndex, text[index] == UInt8(ascii: "=") else { continue }
            index += 1
            var value: ArraySlice<UInt8>
            if index < text.endIndex, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
                let quote = text[index]
                let valueStart = index + 1
                index = text[valueStart...].firstIndex(of: quote) ?? text.endIndex
                value = text[valueStart..<index]
                index = min(index + 1, text.endIndex)
            } else {
                let valueStart = index
                while index < text.endIndex, !isSpace(text[index]) { index += 1 }
                value = text[valueStart..<index]
            }
            var decoder = HTMLReducer(Array(value))
            decoder.run()
            if !name.isEmpty { result[name] = String(decoding: decoder.output, as: UTF8.self) }
        }
        return result
    }

    /// A lowercased tag name of ASCII letters and digits starting at `index`.
    private func tagName(at index: Int) -> String {
        var end = index
        while end < bytes.count, Self.isNameByte(bytes[end], first: end == index) { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        return letter || (!first && (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "-")))
    }

    /// The index of the `>` that ends a tag, skipping quoted attribute values.
    private func endOfTag(from start: Int) -> Int {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    /// Where `</name` starts, ignoring case.
    private func findClosing(_ name: String) -> Int? {
        let pattern = Array("</\(name)".utf8)
        var index = position
        while let candidate = find(pattern, from: index) {
            let after = candidate + pattern.count
            if after >= bytes.count || !Self.isNameByte(bytes[after], first: false) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func matches(_ text: String, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    private func find(_ text: String, from start: Int) -> Int? { find(Array(text.utf8), from: start) }

    /// The first occurrence of `pattern` at or after `start`, ASCII letters compared without case.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < pattern.count, Self.lower(bytes[index + offset]) == Self.lower(pattern[offset]) { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Decodes the character reference at `&`, or keeps the `&` when it is none.
    private mutating func decodeReference() -> [UInt8] {
        let start = position + 1
        var end = start
        while end < bytes.count, end - start < 32, bytes[end] != UInt8(ascii: ";"), Self.isReferenceByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start else {
            position += 1
            return [UInt8(ascii: "&")]
        }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let scalar = Self.scalar(forReference: name) else {
            position += 1
            return [UInt8(ascii: "&")]
        }
        position = end + 1
        // A no-break space separates words like a space does.
        if scalar == "\u{A0}" { pendingGap = max(pendingGap, .space); return [] }
        return Array(String(Character(scalar)).utf8)
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        isNameByte(byte, first: false) || byte == UInt8(ascii: "#")
    }

    private static func scalar(forReference name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return namedReferences[name]
    }

    /// The named references news pages use; others are kept as written.
    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}",
        "raquo": "\u{BB}", "sbquo": "\u{201A}", "bdquo": "\u{201E}", "prime": "\u{2032}",
        "middot": "\u{B7}", "bull": "\u{2022}", "shy": "\u{AD}", "copy": "\u{A9}", "reg": "\u{AE}",
        "deg": "\u{B0}", "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "times": "\u{D7}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "ecirc": "\u{EA}", "euml": "\u{EB}", "aacute": "\u{E1}",
        "agrave": "\u{E0}", "acirc": "\u{E2}", "auml": "\u{E4}", "aring": "\u{E5}", "ccedil": "\u{E7}",
        "iacute": "\u{ED}", "iuml": "\u{EF}", "oacute": "\u{F3}", "ocirc": "\u{F4}", "ouml": "\u{F6}",
        "uacute": "\u{FA}", "uuml": "\u{FC}", "ntilde": "\u{F1}", "szlig": "\u{DF}", "oslash": "\u{F8}",
        "Eacute": "\u{C9}", "Aacute": "\u{C1}", "Ouml": "\u{D6}", "Uuml": "\u{DC}", "Auml": "\u{C4}",
    ]
}
