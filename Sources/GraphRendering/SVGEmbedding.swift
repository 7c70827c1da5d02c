import Foundation

/// How the SVG that Graphviz writes becomes the SVG actorgraph hands out.
///
/// Graphviz names each node and edge in its `<title>`; actorgraph puts the evidence
/// there instead, so hovering explains the element. It adds a `<title>` and `<desc>` for
/// screen readers, names fonts with metric-compatible fallbacks, and drops comments
/// (they repeat every name). For embedding (`--embed`) it also drops the XML prolog and
/// DOCTYPE, and makes the drawing scale with the page (`width="100%"`, `viewBox`).
/// Every id starts with the graph's id prefix, so drawings of different graphs never
/// collide on one page.
///
/// Graphviz writes one element start per line, which is what the rewriting relies on;
/// an XML parser reads the result in the tests. The rewriting works on the UTF-8 bytes
/// (``UTF8Bytes``): an SVG of a thousand actors is megabytes long.
struct SVGPostProcessor {
    /// The DOT the SVG was rendered from: id prefix and element titles.
    let document: DOTDocument
    /// The graph's title and description.
    let caption: GraphCaption
    /// The fonts to name.
    let theme: Theme
    /// Whether to make the SVG fit for inlining in HTML.
    let embed: Bool

    /// The rewritten SVG.
    ///
    /// Each step is a pass over the bytes, in the order the steps were first written
    /// with strings, so that a step sees exactly what the one before it left.
    ///
    /// - Complexity: O(n) in the length of the SVG.
    func process(_ svg: Data) -> Data {
        // Decoding first replaces ill-formed UTF-8 as it always did.
        var text = Array(String(decoding: svg, as: UTF8.self).utf8)
        text = Self.removingComments(text)
        if embed { text = Self.removingPrologAndDoctype(text) }
        text = UTF8Bytes.replacing(
            Array("font-family=\"\(XMLEscaping.escaped(theme.fontName))\"".utf8),
            with: Array("font-family=\"\(XMLEscaping.escaped(theme.svgFontFamily))\"".utf8), in: text)
        text = rewritingTitles(text)
        text = rewritingRoot(text)
        return Data(text)
    }

    private static let groupStart = Array("<g id=\"".utf8)
    private static let graphClass = Array("class=\"graph\"".utf8)
    private static let titleStart = Array("<title>".utf8)
    private static let titleEnd = Array("</title>".utf8)

    /// Replaces the `<title>` after each `<g id=…>` that has hover text.
    private func rewritingTitles(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 2)
        var pendingTitle: String?
        for (number, line) in UTF8Bytes.lines(of: text).enumerated() {
            if number > 0 { out.append(UTF8Bytes.newline) }
            if UTF8Bytes.hasPrefix(Self.groupStart, in: text, line: line), let id = UTF8Bytes.attribute("id", in: text, tag: line) {
                let isGraph = UTF8Bytes.firstRange(of: Self.graphClass, in: text, from: line.lowerBound, to: line.upperBound) != nil
                pendingTitle = isGraph ? caption.title : document.titles[id]
            } else if let title = pendingTitle, UTF8Bytes.hasPrefix(Self.titleStart, in: text, line: line) {
                out.append(contentsOf: Self.titleStart)
                XMLEscaping.append(title, keepingLineBreaks: true, to: &out)
                out.append(contentsOf: Self.titleEnd)
                pendingTitle = nil
                continue
            } else {
                pendingTitle = nil
            }
            out.append(contentsOf: text[line])
        }
        return out
    }

    /// Adds accessibility attributes, a `<title>` and a `<desc>` to the `<svg>` element;
    /// when embedding, makes it scale with its container.
    private func rewritingRoot(_ text: [UInt8]) -> [UInt8] {
        guard let start = UTF8Bytes.firstRange(of: Array("<svg".utf8), in: text),
              let end = UTF8Bytes.firstRange(of: Array(">".utf8), in: text, from: start.upperBound) else {
            return text
        }
        var tag = Array(text[start.lowerBound..<end.lowerBound])
        if embed {
            tag = Self.replacingAttribute("width", in: tag, with: "100%")
            tag = Self.removingAttribute("height", in: tag)
        }
        let titleID = "\(document.idPrefix)_title"
        let descID = "\(document.idPrefix)_desc"
        let description = caption.byline.isEmpty ? caption.description : "\(caption.byline). \(caption.description)"
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 1024)
        out.append(contentsOf: text[..<start.lowerBound])
        out.append(contentsOf: tag)
        out.append(contentsOf: " role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" class=\"actorgraph\">".utf8)
        out.append(contentsOf: "\n<title id=\"\(titleID)\">".utf8)
        XMLEscaping.append(caption.title, to: &out)
        out.append(contentsOf: "</title>\n<desc id=\"\(descID)\">".utf8)
        XMLEscaping.append(description, to: &out)
        out.append(contentsOf: "</desc>".utf8)
        out.append(contentsOf: text[end.upperBound...])
        return out
    }

    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    /// `text` without its comments, each with the line break right after it; an
    /// unterminated comment runs to the end.
    static func removingComments(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var position = 0
        while let open = UTF8Bytes.firstRange(of: commentStart, in: text, from: position) {
            out.append(contentsOf: text[position..<open.lowerBound])
            guard let close = UTF8Bytes.firstRange(of: commentEnd, in: text, from: open.upperBound) else { return out }
            position = close.upperBound
            if position < text.count, text[position] == UTF8Bytes.newline { position += 1 }
        }
        out.append(contentsOf: text[position...])
        return out
    }

    /// `text` without the first `<?xml …?>` and then the first `<!DOCTYPE …>`, each with
    /// the line break right after it.
    static func removingPrologAndDoctype(_ text: [UInt8]) -> [UInt8] {
        var result = text
        for (open, close) in [("<?xml", "?>"), ("<!DOCTYPE", ">")] {
            guard let start = UTF8Bytes.firstRange(of: Array(open.utf8), in: result),
                  let end = UTF8Bytes.firstRange(of: Array(close.utf8), in: result, from: start.upperBound) else { continue }
            var upper = end.upperBound
            if upper < result.count, result[upper] == UTF8Bytes.newline { upper += 1 }
            result.removeSubrange(start.lowerBound..<upper)
        }
        return result
    }

    private static func replacingAttribute(_ name: String, in tag: [UInt8], with value: String) -> [UInt8] {
        guard let range = UTF8Bytes.attributeValue(name, in: tag, tag: tag.indices) else {
            return tag + Array(" \(name)=\"\(value)\"".utf8)
        }
        return Array(tag[..<range.lowerBound]) + Array(value.utf8) + Array(tag[range.upperBound...])
    }

    /// `tag` without ` name="…"`.
    private static func removingAttribute(_ name: String, in tag: [UInt8]) -> [UInt8] {
        guard let range = UTF8Bytes.attributeValue(name, in: tag, tag: tag.indices) else { return tag }
        let opening = " \(name)=\"".utf8.count
        return Array(tag[..<(range.lowerBound - opening)]) + Array(tag[(range.upperBound + 1)...])
    }
}
